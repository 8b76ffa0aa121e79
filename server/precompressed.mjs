import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * Serves the build's brotli or gzip copy of an asset (written by server/precompress.mjs) to a
 * browser that accepts it, rather than compressing the same immutable file on every request.
 * Only names found in the folder at start-up are served, so a request path never reaches the disk.
 * @param {string} dir
 * @param {{ maxAge?: string | number, immutable?: boolean }} cache
 * @returns {import("express").RequestHandler}
 */
export function servePrecompressed(dir, cache) {
  const files = new Set(existsSync(dir) ? readdirSync(dir) : []);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const name = req.path.slice(1);
    const encoding = req.acceptsEncodings("br", "gzip");
    const copy = encoding === "br" ? `${name}.br` : encoding === "gzip" ? `${name}.gz` : null;
    if (!copy || !files.has(copy)) return next();
    res.setHeader("Content-Encoding", encoding);
    res.setHeader("Vary", "Accept-Encoding");
    res.type(path.extname(name));
    res.sendFile(path.join(dir, copy), { ...cache, acceptRanges: false }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };
}
