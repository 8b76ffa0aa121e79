import { WEBHOOK_BODY_BYTES, readBody } from "~/http/input.server";
import { authenticate } from "~/shopify.server";

/**
 * Shopify's webhook check (HMAC of the body), given a body read within the webhook limit as it
 * streamed in: the library itself reads whatever body it is handed in full before checking it.
 */
export async function authenticateWebhook(request: Request) {
  const body = await readBody(request, WEBHOOK_BODY_BYTES);
  return authenticate.webhook(
    new Request(request.url, { method: request.method, headers: request.headers, body }),
  );
}
