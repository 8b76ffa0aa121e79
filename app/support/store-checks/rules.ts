import { adminLink } from "./admin-links";
import type { Finding, RuleId } from "./findings";
import type { SourceId } from "./sources";

/**
 * The rules the store checks apply, each from the public document named beside it (sources.ts).
 * Rules the search for sources did not back are left out: variant and option limits, inventory
 * tracking, product identifiers (GTIN) and title length had no TikTok or SPL source.
 */

export const RULE_SOURCES: Record<RuleId, readonly SourceId[]> = {
  // SPL imports TikTok orders into Shopify, tagged with the TikTok Shop, once Auto Import Orders is on.
  order_found: ["splDropshipping"],
  order_channel: ["splDropshipping"],
  // A fulfilment needs a tracking number and a carrier; SPL syncs them back to TikTok.
  order_tracking: ["splFulfil", "tiktokSellerShipping"],
  // "TikTok Shop only allows tracking info from approved shipping carriers."
  order_carrier: ["splDropshipping", "tiktokSellerShipping"],
  order_volume: ["splDropshipping"],
  // "Enable/disable TikTok as a sales channel per product in Shopify to control listings."
  product_listed: ["tiktokForShopifyFaq"],
  // Product images are part of a listing's basic information; TikTok asks for at least five.
  product_images: ["tiktokAddProduct", "tiktokListingBasics"],
  // "Maximum 9 images per product."
  product_image_limit: ["tiktokAddProduct"],
  // A description should "be no less than 30 words".
  product_description: ["tiktokDescriptions"],
  // Shipping fees and TikTok Shipping's limits are by package weight.
  product_weight: ["tiktokForShopifyFaq", "tiktokPreShipment"],
  // Price is a required product parameter.
  product_price: ["tiktokCatalogParameters"],
  // Shopify and TikTok Shop products are linked by the same SKU.
  product_sku: ["tiktokShopManagement"],
  product_ok: [],
  // "Shopify-TikTok Shop integration is region-specific"; Seller Shipping is local-to-local only.
  market_region: ["tiktokForShopifyFaq", "tiktokSellerShipping"],
  app_scopes: ["shopifyAppScopes"],
  session_state: ["shopifyAppScopes"],
};

export const MIN_DESCRIPTION_WORDS = 30;
export const MAX_IMAGES = 9;

/** Carriers TikTok Shop names for Seller Shipping ("Seller Shipping: Overview and Services"). */
export const TIKTOK_NAMED_CARRIERS = ["FedEx", "UPS", "USPS", "DHL", "DHL eCommerce", "Amazon Shipping"];

export interface ProductFacts {
  id: string;
  title: string;
  status: string;
  publishedOnApp: boolean;
  imageCount: number;
  description: string;
  variants: { title: string; sku: string | null; price: string; weight: number | null }[];
}

export interface OrderFacts {
  id: string;
  name: string;
  sourceName: string | null;
  tags: string[];
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  fulfillments: { status: string; tracking: { number: string | null; company: string | null }[] }[];
}

function attention(rule: RuleId, fields: Omit<Finding, "rule" | "outcome"> = {}): Finding {
  return { rule, outcome: "attention", ...fields };
}

function passed(rule: RuleId, fields: Omit<Finding, "rule" | "outcome"> = {}): Finding {
  return { rule, outcome: "passed", ...fields };
}

function words(text: string) {
  return text.split(/\s+/).filter(Boolean).length;
}

/** What stops one product from listing on TikTok Shop; one "passed" finding when nothing does. */
export function productFindings(product: ProductFacts): Finding[] {
  const about = { subject: product.title, link: adminLink.product(product.id) };
  const found: Finding[] = [];
  if (product.status !== "ACTIVE" || !product.publishedOnApp)
    found.push(attention("product_listed", { ...about, params: { status: product.status.toLowerCase() } }));
  if (product.imageCount === 0) found.push(attention("product_images", about));
  if (product.imageCount > MAX_IMAGES)
    found.push(
      attention("product_image_limit", { ...about, params: { count: product.imageCount, max: MAX_IMAGES } }),
    );
  const descriptionWords = words(product.description);
  if (descriptionWords < MIN_DESCRIPTION_WORDS)
    found.push(
      attention("product_description", {
        ...about,
        params: { count: descriptionWords, min: MIN_DESCRIPTION_WORDS },
      }),
    );
  const weightless = product.variants.filter((variant) => !variant.weight || variant.weight <= 0);
  if (weightless.length)
    found.push(attention("product_weight", { ...about, params: { count: weightless.length } }));
  const unpriced = product.variants.filter((variant) => !(Number(variant.price) > 0));
  if (unpriced.length)
    found.push(attention("product_price", { ...about, params: { count: unpriced.length } }));
  const withoutSku = product.variants.filter((variant) => !variant.sku?.trim());
  if (withoutSku.length)
    found.push(attention("product_sku", { ...about, params: { count: withoutSku.length } }));
  return found.length ? found : [passed("product_ok", about)];
}

/** SPL tags the orders it imports with the TikTok Shop; the TikTok channel names its orders "tiktok". */
export function isTikTokOrder(order: Pick<OrderFacts, "sourceName" | "tags">) {
  return /tiktok/i.test(order.sourceName ?? "") || order.tags.some((tag) => /tiktok/i.test(tag));
}

export function isNamedCarrier(company: string) {
  const wanted = company.trim().toLowerCase();
  return TIKTOK_NAMED_CARRIERS.some((carrier) => carrier.toLowerCase() === wanted);
}

/** An order the merchant named: found or not, from TikTok or not, and whether its tracking reached it. */
export function orderFindings(named: string, order: OrderFacts | null): Finding[] {
  if (!order) return [attention("order_found", { subject: named, link: adminLink.orders() })];
  const about = { subject: order.name, link: adminLink.order(order.id) };
  const state = {
    financial: (order.financialStatus ?? "").toLowerCase(),
    fulfillment: (order.fulfillmentStatus ?? "").toLowerCase(),
  };
  const found: Finding[] = [];
  if (!isTikTokOrder(order))
    found.push(attention("order_channel", { ...about, params: { source: order.sourceName ?? "" } }));
  const tracking = order.fulfillments.flatMap((fulfillment) => fulfillment.tracking);
  const shipped = order.fulfillments.some((fulfillment) => fulfillment.status === "SUCCESS");
  if (shipped && !tracking.some((item) => item.number?.trim()))
    found.push(attention("order_tracking", about));
  for (const item of tracking) {
    if (!item.number?.trim()) continue;
    const company = item.company?.trim() ?? "";
    if (!company || !isNamedCarrier(company))
      found.push(
        attention("order_carrier", { ...about, params: { carrier: company || "—", number: item.number } }),
      );
  }
  return found.length ? found : [passed("order_found", { ...about, params: state })];
}

export const VOLUME_RECENT_DAYS = 3;
export const VOLUME_BASELINE_DAYS = 14;
/** Below this many TikTok orders a day before, a quiet few days says nothing. */
export const VOLUME_MIN_DAILY = 1;

/**
 * A sudden drop in TikTok-channel orders: the last three days against the two weeks before. A shop
 * that had at least one TikTok order a day and now has under a quarter of that may have stopped syncing.
 */
export function orderVolumeFinding(tiktokOrderDates: Date[], now: Date): Finding {
  const day = 86_400_000;
  const recentFrom = now.getTime() - VOLUME_RECENT_DAYS * day;
  const baselineFrom = recentFrom - VOLUME_BASELINE_DAYS * day;
  const recent = tiktokOrderDates.filter((date) => date.getTime() >= recentFrom).length;
  const baseline = tiktokOrderDates.filter(
    (date) => date.getTime() >= baselineFrom && date.getTime() < recentFrom,
  ).length;
  const baselineDaily = baseline / VOLUME_BASELINE_DAYS;
  const recentDaily = recent / VOLUME_RECENT_DAYS;
  const params = {
    recent,
    recentDays: VOLUME_RECENT_DAYS,
    baselineDaily: Math.round(baselineDaily * 10) / 10,
    baselineDays: VOLUME_BASELINE_DAYS,
  };
  const dropped = baselineDaily >= VOLUME_MIN_DAILY && recentDaily < baselineDaily / 4;
  return dropped
    ? attention("order_volume", { params, link: adminLink.orders() })
    : passed("order_volume", { params });
}

/** The countries each market sells to, against the shop's own country, which its TikTok Shop serves. */
export function marketFindings(
  shopCountry: string,
  markets: { name: string; active: boolean; countries: string[] }[],
): Finding[] {
  const outside = markets
    .filter((market) => market.active)
    .flatMap((market) =>
      market.countries
        .filter((country) => country !== shopCountry)
        .map((country) => ({ market: market.name, country })),
    );
  if (!outside.length)
    return [passed("market_region", { params: { country: shopCountry }, link: adminLink.markets() })];
  return outside.map(({ market, country }) =>
    attention("market_region", {
      subject: market,
      params: { country, shopCountry },
      link: adminLink.markets(),
    }),
  );
}

/** The scopes the checks need against those the shop granted. */
export function scopeFinding(needed: readonly string[], granted: readonly string[]): Finding {
  const missing = needed.filter((scope) => !granted.includes(scope));
  return missing.length
    ? attention("app_scopes", { params: { scopes: missing.join(", ") }, link: adminLink.apps() })
    : passed("app_scopes", { params: { scopes: needed.join(", ") } });
}

/** The app's stored access for the shop: present and not expired. */
export function sessionFinding(session: { found: boolean; expires: Date | null }, now: Date): Finding {
  const usable = session.found && (!session.expires || session.expires.getTime() > now.getTime());
  return usable ? passed("session_state") : attention("session_state", { link: adminLink.apps() });
}
