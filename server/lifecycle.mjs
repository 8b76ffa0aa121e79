import net from "node:net";

/** How long a stopping server leaves an idle keep-alive connection open for a request already on its way. */
const IDLE_GRACE_MS = 1_000;

/**
 * Health and a graceful stop for the HTTP server.
 *
 * - `GET /healthz`: 200 while the process answers (liveness). `GET /readyz`: 200 when the app can
 *   reach its database with its migrations applied, 503 otherwise and once stopping (readiness). Both
 *   are answered before the app, unauthenticated, with one word and nothing else.
 * - `stop(server)`: no new connections; idle keep-alive connections closed after a second; every request in
 *   flight answered, each with `Connection: close` if its headers are not sent yet, and every request
 *   that still arrives on an open connection answered the same way, so each connection ends after its
 *   answer instead of being cut. Resolves once every connection has ended.
 * @param {{ isReady: () => Promise<boolean> }} app
 */
export function serverLifecycle({ isReady }) {
  let stopping = false;
  /** @type {Set<import("express").Response>} */
  const inFlight = new Set();

  /** @type {import("express").RequestHandler} */
  const middleware = (req, res, next) => {
    if (stopping) res.set("Connection", "close");
    if (req.path === "/healthz" && req.method === "GET") return void answer(res, 200, "ok");
    if (req.path === "/readyz" && req.method === "GET") {
      if (stopping) return void answer(res, 503, "stopping");
      return void isReady().then(
        (ready) => answer(res, ready ? 200 : 503, ready ? "ready" : "unavailable"),
        () => answer(res, 503, "unavailable"),
      );
    }
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    next();
  };

  return {
    middleware,
    /** @param {import("node:http").Server} server */
    stop(server) {
      stopping = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      // net.Server's close stops accepting; http.Server's (Node 19+) would also close idle connections at
      // once, cutting a request a busy client is sending on one that very moment. Idle ones are closed
      // after a pause instead, by when a busy client has sent its next request (answered, then closed).
      const closed = new Promise((resolve) => net.Server.prototype.close.call(server, resolve));
      const idle = setInterval(() => server.closeIdleConnections(), IDLE_GRACE_MS);
      return closed.finally(() => clearInterval(idle));
    },
  };
}

/** @param {import("express").Response} res @param {number} status @param {string} word */
function answer(res, status, word) {
  res.status(status).set("Cache-Control", "no-store").type("text/plain").send(word);
}
