import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { servePrecompressed } from "./precompressed.mjs";

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
  // Pages, data and assets are what is worth compressing; an action answers with a redirect or a
  // few fields, and wrapping its response costs the busiest path (ticket creation) for nothing.
  const compress = compression();
  app.use((req, res, next) => (req.method === "GET" ? compress(req, res, next) : next()));
  for (const middleware of before) app.use(middleware);
  const assets = path.resolve(buildDir, "client/assets");
  const forever = { immutable: true, maxAge: "1y" };
  app.use("/assets", servePrecompressed(assets, forever), express.static(assets, forever));
  app.use(express.static(path.resolve(buildDir, "client"), { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req) => ({ clientAddress: req.ip ?? null }),
    }),
  );
  return app;
}
