import { randomUUID } from "node:crypto";
import { getJwt } from "@shopify/shopify-api/test-helpers";

const TOKEN_LIFETIME_SECONDS = 60;

/**
 * A session token shaped and signed as Shopify signs them (HS256 with the app's secret), so
 * `authenticate.admin` verifies it on its normal code path.
 */
export async function mintSessionToken(shop: string, apiKey: string, apiSecret: string) {
  const now = Math.floor(Date.now() / 1000);
  // The helper takes the store name and appends .myshopify.com itself.
  const { token } = await getJwt(shop.replace(/\.myshopify\.com$/, ""), apiKey, apiSecret, {
    iat: now,
    nbf: now - 5,
    exp: now + TOKEN_LIFETIME_SECONDS,
    jti: randomUUID(),
    sid: randomUUID(),
  });
  return { token, expiresAt: (now + TOKEN_LIFETIME_SECONDS) * 1000 };
}

/** Shopify's `host` parameter: the base64 of the shop's admin address. */
export function adminHost(shop: string) {
  return Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url");
}
