import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { db } from "./db.server";
import { isReady as isReadyOn } from "./health.server";
import { addFrameHeaders } from "./http/frame-headers.server";
import { startOutboxWorker as startOutboxWorkerOn } from "./notifications/outbox-worker.server";
import { addDocumentResponseHeaders } from "./shopify.server";

// The server start (server/start.mjs, the preview, and the dev server through vite.config.ts) reaches
// the app's code through this module, which the Remix build exports as `entry.module`.
export { config } from "./config.server";
export { bodyLimitFor } from "./http/input.server";

/** Whether the app can reach its database with its migrations applied: the server's /readyz. */
export function isReady() {
  return isReadyOn(db);
}

/** Delivers the outbox from this process on the app's database until stopped. */
export function startOutboxWorker() {
  return startOutboxWorkerOn(db);
}

const STREAM_TIMEOUT_MS = 5_000;

/**
 * A `Link` header hinting the scripts every page starts with (the entry's shared chunks, React and
 * Remix among them: most of the page's JavaScript), which `<Scripts />` only lists at the end of the
 * document. The browser starts fetching them once the document starts arriving rather than after its
 * tail (on Slow 4G each request costs a ~560 ms round trip). The small route modules stay with the
 * document: fetched alongside the App Bridge script, which blocks the page's first paint, they slowed it.
 */
function modulePreloadLinks({ manifest }: EntryContext) {
  return manifest.entry.imports.map((href) => `<${href}>; rel=modulepreload`).join(", ");
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  addFrameHeaders(request, responseHeaders);
  if (!remixContext.isSpaMode && remixContext.manifest.entry.imports.length > 0)
    responseHeaders.append("Link", modulePreloadLinks(remixContext));
  // Bots get the whole page at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [readyEvent]() {
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html");
        resolve(
          new Response(createReadableStreamFromReadable(body), {
            headers: responseHeaders,
            status: responseStatusCode,
          }),
        );
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    setTimeout(abort, STREAM_TIMEOUT_MS + 1_000);
  });
}

export const streamTimeout = STREAM_TIMEOUT_MS;
