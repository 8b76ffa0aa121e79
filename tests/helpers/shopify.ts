import { API_KEY, API_SECRET_KEY, getHmac, getJwt } from "@shopify/shopify-api/test-helpers";
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { Db } from "~/db.server";

export const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

/** Installs a shop as Shopify's token exchange would: an offline session in the database. */
export async function installShop(db: Db, shop: string) {
  const data = { shop, state: "", isOnline: false, scope: "read_orders", accessToken: `shpat_test_${shop}` };
  await db.session.upsert({
    where: { id: `offline_${shop}` },
    create: { id: `offline_${shop}`, ...data },
    update: data,
  });
}

type TokenKind = "valid" | "expired" | "forged";

export async function sessionToken(shop: string, kind: TokenKind = "valid") {
  const now = Math.floor(Date.now() / 1000);
  const overrides =
    kind === "expired"
      ? { exp: now - 120, nbf: now - 3600, iat: now - 3600 }
      : { exp: now + 60, nbf: now - 5, iat: now };
  const secret = kind === "forged" ? "not-the-app-secret" : API_SECRET_KEY;
  // Each token App Bridge mints has its own jti; Shopify's library runs afterAuth once per token.
  const { token } = await getJwt(shop.replace(/\.myshopify\.com$/, ""), API_KEY, secret, {
    ...overrides,
    jti: crypto.randomUUID(),
  });
  return token;
}

/** A client-side data request from inside Shopify admin: App Bridge adds the session token. */
export async function adminDataRequest(
  path: string,
  shop: string,
  init: RequestInit & { token?: TokenKind } = {},
) {
  const { token = "valid", ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set("Authorization", `Bearer ${await sessionToken(shop, token)}`);
  headers.set("User-Agent", BROWSER_UA);
  return new Request(`https://my-test-app.myshopify.io${path}`, { ...rest, headers });
}

/** A webhook as Shopify sends it: JSON body signed with the app secret (or forged). */
export function webhookRequest(
  path: string,
  topic: string,
  shop: string,
  payload: unknown,
  options: { forged?: boolean; webhookId?: string } = {},
) {
  const body = JSON.stringify(payload);
  const hmac = getHmac(body, options.forged ? "not-the-app-secret" : API_SECRET_KEY);
  return new Request(`https://my-test-app.myshopify.io${path}`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": hmac,
      "X-Shopify-Topic": topic,
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-API-Version": "2025-10",
      "X-Shopify-Webhook-Id": options.webhookId ?? crypto.randomUUID(),
      "X-Shopify-Event-Id": crypto.randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  });
}

/** Calls a Remix loader or action the way the server does and hands back a thrown Response. */
export async function respond(
  handler: (args: LoaderFunctionArgs) => unknown,
  request: Request,
  params: Record<string, string> = {},
) {
  try {
    const result = await handler({ request, params, context: {} });
    if (result instanceof Response) return result;
    // Remix's `data(value, { status })`, as the server would send it.
    if (result && typeof result === "object" && "type" in result && result.type === "DataWithResponseInit") {
      const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null };
      return Response.json(data, init ?? undefined);
    }
    return Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

let counter = 0;
/** A shop domain no other test uses, so tests can share one database. */
export function uniqueShop(label = "shop") {
  counter += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${counter}.myshopify.com`;
}
