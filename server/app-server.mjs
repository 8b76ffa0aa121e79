import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import {
  closeAfterRefusedBody,
  productionHeaders,
  refuseCrossSiteActions,
  refuseOversizedBodies,
} from "./hardening.mjs";
import { serverLifecycle } from "./lifecycle.mjs";
import { servePrecompressed } from "./precompressed.mjs";

/**
 * @typedef {object} LoadedApp
 * @property {import("@remix-run/node").ServerBuild} build
 * @property {string} buildDir
 * @property {import("../app/config.server").Config} config
 * @property {() => import("../app/notifications/outbox-worker.server").OutboxWorker} startOutboxWorker
 */

/**
 * The Remix build, with what its entry (app/entry.server.tsx) exports for starting a server: the
 * validated configuration (a bad environment stops the process here, with one line) and the outbox
 * worker, which the caller starts and stops. Loading the build starts nothing.
 * @param {string} [buildDir]
 * @returns {Promise<LoadedApp>}
 */
export async function loadApp(buildDir = "build") {
  const build = await import(path.resolve(buildDir, "server/index.js"));
  const { config, startOutboxWorker } = build.entry.module;
  return { build, buildDir, config: config(), startOutboxWorker };
}

/**
 * The HTTP server around the Remix build, shared by production (`npm start`) and the preview.
 * `before` lets the preview put its own stand-ins in front; production passes none.
 * @param {LoadedApp} app
 * @param {{ before?: import("express").RequestHandler[] }} [options]
 */
export function createAppServer({ build, buildDir, config }, { before = [] } = {}) {
  const app = express();
  app.disable("x-powered-by");
  // Behind N reverse proxies, the client is the Nth address from the right of X-Forwarded-For.
  app.set("trust proxy", config.TRUSTED_PROXY_HOPS);
  // Health checks and the graceful stop's bookkeeping come first: cheap, never compressed or authenticated.
  const lifecycle = serverLifecycle({ isReady: build.entry.module.isReady });
  app.locals.lifecycle = lifecycle;
  app.use(lifecycle.middleware);
  // Pages, data and assets are what is worth compressing; an action answers with a redirect or a
  // few fields, and wrapping its response costs the busiest path (ticket creation) for nothing.
  const compress = compression();
  app.use((req, res, next) => (req.method === "GET" ? compress(req, res, next) : next()));
  if (config.NODE_ENV === "production") app.use(productionHeaders());
  app.use(
    closeAfterRefusedBody(),
    refuseOversizedBodies(build.entry.module.bodyLimitFor),
    refuseCrossSiteActions(),
  );
  for (const middleware of before) app.use(middleware);
  const assets = path.resolve(buildDir, "client/assets");
  const forever = { immutable: true, maxAge: "1y" };
  app.use("/assets", servePrecompressed(assets, forever), express.static(assets, forever));
  app.use(express.static(path.resolve(buildDir, "client"), { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: config.NODE_ENV,
      getLoadContext: (req) => ({ clientAddress: req.ip ?? null }),
    }),
  );
  return app;
}
