import { APP_VERSION } from "~/app-version";
import { recordInstall } from "~/agent/shop-history.server";
import type { Db } from "~/db.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { DEMO_SHOPS } from "./demo-shops";

/** Installs the demo shops as Shopify's token exchange would leave them (an offline session), with an install date. */
export async function seedDemoShops(db: Db) {
  for (const shop of DEMO_SHOPS) {
    const session = {
      shop: shop.domain,
      state: "",
      isOnline: false,
      scope: shop.grantedScopes.join(","),
      accessToken: `shpat_preview_${shop.domain}`,
    };
    await db.session.upsert({
      where: { id: `offline_${shop.domain}` },
      create: { id: `offline_${shop.domain}`, ...session },
      update: session,
    });
    // What Shopify's afterAuth hook records on a real install (the seeded session skips token exchange).
    await recordInstall(db, shop.domain);
  }
}

const DEMO_TICKETS = [
  {
    idempotencyKey: "00000000-0000-4000-8000-000000000001",
    category: "order_sync",
    description:
      "TikTok order 576461413190000001 was paid yesterday but it never showed up in Shopify. Other orders are fine.",
    orderId: "#1001",
  },
  {
    idempotencyKey: "00000000-0000-4000-8000-000000000002",
    category: "order_sync",
    description:
      "I fulfilled order #1002 in Shopify with a tracking number, but TikTok still shows it as awaiting shipment.",
    orderId: "#1002",
  },
  {
    idempotencyKey: "00000000-0000-4000-8000-000000000003",
    category: "product_sync",
    description: 'Three of my products show "Sync failed" in SPL and the stock on TikTok is not updated.',
  },
] as const;

/** A few tickets so the ticket log and the agents' queue have something to show. */
export async function seedDemoTickets(db: Db) {
  const shop = DEMO_SHOPS[0]!;
  for (const ticket of DEMO_TICKETS) {
    await merchantTickets(db, shop.domain).create({
      ...ticket,
      contactEmail: shop.contactEmail,
      shopName: shop.name,
      locale: "en",
      diagnostics: { appVersion: APP_VERSION, shopPlan: shop.plan, locale: "en", timezone: shop.timezone },
      orderSummary: null,
      attachments: [],
    });
  }
}
