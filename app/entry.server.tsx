import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { db } from "./db.server";
import { startOutboxWorker, type OutboxWorker } from "./notifications/outbox-worker.server";
import { addDocumentResponseHeaders } from "./shopify.server";

declare global {
  var __outboxWorker: OutboxWorker | undefined;
}

// Every app process delivers the outbox; the global keeps dev-server reloads from starting a second
// worker. Tests run their own workers; OUTBOX_WORKER=off leaves delivery to other processes.
if (process.env.OUTBOX_WORKER !== "off" && !process.env.VITEST)
  globalThis.__outboxWorker ??= startOutboxWorker(db);

const STREAM_TIMEOUT_MS = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
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
