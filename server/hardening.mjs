/**
 * What the HTTP server refuses before the app reads a request, and the headers it adds to every
 * answer. The app enforces the same body limits as it reads (app/http/input.server.ts), which also
 * covers bodies sent without a declared length.
 */

/**
 * A declared body over the path's limit is answered 413 at once, before any of it is read.
 * @param {(pathname: string) => number} bodyLimitFor
 * @returns {import("express").RequestHandler}
 */
export function refuseOversizedBodies(bodyLimitFor) {
  return (req, res, next) => {
    const limit = bodyLimitFor(req.path);
    if (Number(req.get("Content-Length") ?? 0) <= limit) return next();
    res
      .status(413)
      .type("text/plain")
      .send(`This request is too large: at most ${Math.ceil(limit / 1024)} KB are accepted here.`);
  };
}

/** How long the rest of a refused body is read and dropped before the connection is closed. */
const LINGER_MS = 2000;

/**
 * After a 413, here or from the app, whatever the client still sends is read and dropped, never
 * kept, for a moment at most; then the connection is closed. Closing at once would make the client's
 * system reset the connection while it is still sending, and the 413 would be lost with it (what
 * nginx calls a "lingering close").
 * @returns {import("express").RequestHandler}
 */
export function closeAfterRefusedBody() {
  return (req, res, next) => {
    res.on("finish", () => {
      if (res.statusCode !== 413 || req.complete) return;
      // As Node drops a body nobody read: the app's reader, if any, stops receiving it. A body that
      // ends in time leaves the connection usable for the next request.
      req.removeAllListeners("data");
      const timer = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
      req.once("end", () => clearTimeout(timer));
      req.resume();
    });
    next();
  };
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A form posted from another site (or an opaque one, Origin "null") is refused with 403. Remix makes
 * the same comparison of Origin with the (forwarded) host, but throws, which answers 500
 * (server-runtime's throwIfPotentialCSRFAttack).
 * @returns {import("express").RequestHandler}
 */
export function refuseCrossSiteActions() {
  return (req, res, next) => {
    const origin = req.get("Origin");
    if (!STATE_CHANGING.has(req.method) || origin === undefined) return next();
    const host = req.get("X-Forwarded-Host")?.split(",")[0]?.trim() || req.get("Host");
    if (URL.canParse(origin) && new URL(origin).host === host) return next();
    res.status(403).type("text/plain").send("This request was refused: it came from another site.");
  };
}

/**
 * Production answers: browsers keep to HTTPS for a year (the app URL is https), never guess a
 * type from the content, and send other sites no more than the origin as referrer.
 * @returns {import("express").RequestHandler}
 */
export function productionHeaders() {
  return (_req, res, next) => {
    res.set({
      "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    next();
  };
}
