import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

/**
 * The HTTP server around the Remix build, shared by production (`npm start`) and the preview.
 * `before` lets the preview put its own stand-ins in front; production passes none.
 * @param {{ buildDir?: string, before?: import("express").RequestHandler[] }} [options]
 */
export async function createAppServer({ buildDir = "build", before = [] } = {}) {
  const build = await import(path.resolve(buildDir, "server/index.js"));
  const app = express();
  app.disable("x-powered-by");
  // Behind N reverse proxies, the client is the Nth address from the right of X-Forwarded-For.
  app.set("trust proxy", Number(process.env.TRUSTED_PROXY_HOPS || 0));
  app.use(compression());
  for (const middleware of before) app.use(middleware);
  app.use("/assets", express.static(path.resolve(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve(buildDir, "client"), { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (req) => ({ clientAddress: req.ip ?? null }) }),
  );
  return app;
}
