import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { DEMO_SHOP } from "../../preview/demo-shops";
import {
  BROWSER_UA,
  adminDataRequest,
  installShop,
  respond,
  uniqueShop,
  webhookRequest,
} from "../helpers/shopify";

const { loader: supportLoader } = await import("~/routes/app.support._index");
const { loader: appLoader } = await import("~/routes/app");
const { action: uninstalledAction } = await import("~/routes/webhooks.app.uninstalled");

describe("embedded app authentication", () => {
  it("serves a data request carrying a valid session token", async () => {
    await installShop(db, DEMO_SHOP.domain);
    const response = await respond(supportLoader, await adminDataRequest("/app/support", DEMO_SHOP.domain));
    expect(response.status).toBe(200);
  });

  it.each(["forged", "expired"] as const)("answers 401 with no data to a %s session token", async (token) => {
    await installShop(db, DEMO_SHOP.domain);
    const response = await respond(
      supportLoader,
      await adminDataRequest("/app/support", DEMO_SHOP.domain, { token }),
    );
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain(DEMO_SHOP.name);
  });

  it("answers 401 to a data request with no token at all", async () => {
    const request = new Request("https://my-test-app.myshopify.io/app/support", {
      headers: { "User-Agent": BROWSER_UA, Authorization: "Bearer " },
    });
    const response = await respond(supportLoader, request);
    expect(response.status).toBe(401);
  });

  it("sends an unauthenticated document request for /app to the login page", async () => {
    const request = new Request("https://my-test-app.myshopify.io/app", {
      headers: { "User-Agent": BROWSER_UA },
    });
    const response = await respond(appLoader, request);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/\/auth\/login$/);
  });
});

describe("webhook signatures", () => {
  it("refuses a webhook with a bad HMAC and changes nothing", async () => {
    const shop = uniqueShop();
    await installShop(db, shop);
    const request = webhookRequest(
      "/webhooks/app/uninstalled",
      "app/uninstalled",
      shop,
      { id: 1 },
      { forged: true },
    );
    const response = await respond(uninstalledAction, request);
    expect(response.status).toBe(401);
    expect(await db.session.count({ where: { shop } })).toBe(1);
  });

  it("accepts a correctly signed webhook", async () => {
    const shop = uniqueShop();
    await installShop(db, shop);
    const response = await respond(
      uninstalledAction,
      webhookRequest("/webhooks/app/uninstalled", "app/uninstalled", shop, { id: 1, myshopify_domain: shop }),
    );
    expect(response.status).toBe(200);
    expect(await db.session.count({ where: { shop } })).toBe(0);
  });
});
