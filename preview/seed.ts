import type { Db } from "~/db.server";
import { DEMO_SHOPS } from "./demo-shops";

/** Installs the demo shops: an offline session each, as Shopify's token exchange would leave. */
export async function seedDemoShops(db: Db) {
  for (const shop of DEMO_SHOPS) {
    const session = {
      shop: shop.domain,
      state: "",
      isOnline: false,
      scope: "read_orders",
      accessToken: `shpat_preview_${shop.domain}`,
    };
    await db.session.upsert({ where: { id: `offline_${shop.domain}` }, create: { id: `offline_${shop.domain}`, ...session }, update: session });
  }
}
