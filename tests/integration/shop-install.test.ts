import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { demoShop } from "../../preview/demo-shops";
import { recordInstall } from "~/agent/shop-history.server";
import { adminDataRequest, respond, uniqueShop, webhookRequest } from "../helpers/shopify";

const { loader: supportLoader } = await import("~/routes/app.support._index");
const { action: uninstalledAction } = await import("~/routes/webhooks.app.uninstalled");
const { action: complianceAction } = await import("~/routes/webhooks.compliance");

// A demo shop the Admin API mock answers token exchange for; no other test uninstalls it.
const SHOP = demoShop("new-shop.myshopify.com")!.domain;

const installOf = () => db.shopInstall.findUnique({ where: { shop: SHOP } });

/** The merchant opens the app with no offline session stored: Shopify's library exchanges the session token. */
async function openApp() {
  const response = await respond(supportLoader, await adminDataRequest("/app/support", SHOP));
  expect(response.status).toBe(200);
}

function webhook(
  path: string,
  topic: string,
  payload: unknown,
  action: typeof uninstalledAction,
  shop = SHOP,
) {
  return respond(action, webhookRequest(path, topic, shop, payload, { webhookId: crypto.randomUUID() }));
}

describe("the shop's install date", () => {
  it("is recorded on install, dated on uninstall and kept on reinstall", async () => {
    await db.session.deleteMany({ where: { shop: SHOP } });
    await db.shopInstall.deleteMany({ where: { shop: SHOP } });

    const before = Date.now();
    await openApp();
    const installed = await installOf();
    expect(installed?.installedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(installed?.uninstalledAt).toBeNull();

    const uninstall = { id: 1, domain: SHOP, myshopify_domain: SHOP };
    expect(
      (await webhook("/webhooks/app/uninstalled", "app/uninstalled", uninstall, uninstalledAction)).status,
    ).toBe(200);
    const uninstalled = await installOf();
    expect(uninstalled?.uninstalledAt).toBeInstanceOf(Date);
    expect(uninstalled?.installedAt).toEqual(installed?.installedAt);

    // The uninstall removed the session: opening the app again installs it again.
    await openApp();
    expect(await installOf()).toEqual({
      shop: SHOP,
      installedAt: installed?.installedAt,
      uninstalledAt: null,
    });
  });

  it("goes with the shop's other data on shop/redact, and only that shop's", async () => {
    const shop = uniqueShop();
    const neighbour = uniqueShop("neighbour");
    await recordInstall(db, shop);
    await recordInstall(db, neighbour);
    const redact = { shop_id: 1, shop_domain: shop };
    expect(
      (await webhook("/webhooks/compliance", "shop/redact", redact, complianceAction, shop)).status,
    ).toBe(200);
    expect(await db.shopInstall.findUnique({ where: { shop } })).toBeNull();
    expect(await db.shopInstall.findUnique({ where: { shop: neighbour } })).not.toBeNull();
  });
});
