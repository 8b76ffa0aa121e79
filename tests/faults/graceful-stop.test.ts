import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import express from "express";
import { describe, expect, it } from "vitest";
import { serverLifecycle } from "../../server/lifecycle.mjs";
import { keepAliveLoad } from "./keep-alive-load";

/** The production server's lifecycle around a page that takes 100 ms to answer. */
async function slowServer(isReady: () => Promise<boolean> = async () => true) {
  const app = express();
  const lifecycle = serverLifecycle({ isReady });
  app.use(lifecycle.middleware);
  app.get("/page", (_req, res) => void setTimeout(() => res.send("page"), 100));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { server, lifecycle, port: (server.address() as AddressInfo).port };
}

describe("a graceful stop under keep-alive load", () => {
  it("answers every request in flight and closes each connection after its answer, within seconds", async () => {
    const { server, lifecycle, port } = await slowServer();
    let stopped!: Promise<unknown>;
    let stopTook = 0;
    const load = keepAliveLoad(
      port,
      "/page",
      16,
      sleep(500).then(() => {
        const started = Date.now();
        stopped = lifecycle.stop(server).then(() => (stopTook = Date.now() - started));
        return stopped;
      }),
    );
    const result = await load;
    await stopped;

    expect(result.cut).toBe(0);
    expect(result.statuses).toEqual({ 200: result.answered });
    // Every client was told, on its last answer, to close its connection.
    expect(result.toldToClose).toBe(16);
    expect(stopTook).toBeLessThan(3_000);
  });
});

describe("health endpoints", () => {
  it("/healthz answers while the process runs; /readyz answers 200 only while the database is ready", async () => {
    let databaseReady = false;
    const { server, lifecycle, port } = await slowServer(async () => databaseReady);
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { Connection: "close" } });
      return [response.status, await response.text()];
    };

    expect(await get("/healthz")).toEqual([200, "ok"]);
    expect(await get("/readyz")).toEqual([503, "unavailable"]);
    databaseReady = true;
    expect(await get("/readyz")).toEqual([200, "ready"]);

    await lifecycle.stop(server);
  });
});
