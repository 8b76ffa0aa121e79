/**
 * What the HTTP server refuses before the app reads a request, and the headers it adds to every
 * answer. The app enforces the same body limits as it reads (app/http/input.server.ts), which also
 * covers bodies sent without a declared length.
 */

/**
 * A declared body over the path's limit is answered 413 at once, unread; the connection is closed
 * so the rest of the body is never taken in.
 * @param {(pathname: string) => number} bodyLimitFor
 * @returns {import("express").RequestHandler}
 */
export function refuseOversizedBodies(bodyLimitFor) {
  return (req, res, next) => {
    const limit = bodyLimitFor(req.path);
    if (Number(req.get("Content-Length") ?? 0) <= limit) return next();
    res
      .status(413)
      .set("Connection", "close")
      .type("text/plain")
      .send(`This request is too large: at most ${Math.ceil(limit / 1024)} KB are accepted here.`);
  };
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A form posted from another site is refused with 403. Remix makes the same comparison of Origin
 * with the (forwarded) host, but throws, which answers 500 (server-runtime's throwIfPotentialCSRFAttack).
 * @returns {import("express").RequestHandler}
 */
export function refuseCrossSiteActions() {
  return (req, res, next) => {
    const origin = req.get("Origin");
    if (!STATE_CHANGING.has(req.method) || !origin || origin === "null") return next();
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
