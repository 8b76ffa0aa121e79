import { z } from "zod";

/** The part of the Admin API client this module needs, so it works with any authenticated context. */
interface AdminGraphql {
  graphql(
    query: string,
    options?: { variables?: Record<string, unknown>; signal?: AbortSignal },
  ): Promise<Response>;
}

/**
 * Each Admin API call is abandoned after this, so a slow or unreachable Shopify cannot hold a
 * merchant's request (the form loads it, a submission may look an order up) for more than seconds.
 */
export const ADMIN_API_TIMEOUT_MS = 3_000;

const inTime = () => AbortSignal.timeout(ADMIN_API_TIMEOUT_MS);

// billingAddress is the shop's address on API 2025-10; Shopify renames it shopAddress from 2026-01
// ("Deprecation of Shop.billingAddress in favor of Shop.shopAddress", Shopify changelog).
const SHOP_INFO = `#graphql
  query ShopInfo {
    shop {
      name myshopifyDomain email contactEmail ianaTimezone currencyCode plan { displayName }
      billingAddress { countryCodeV2 }
    }
  }`;

const ORDER_LOOKUP = `#graphql
  query OrderLookup($query: String!) {
    orders(first: 1, query: $query) {
      nodes {
        id name createdAt displayFinancialStatus displayFulfillmentStatus sourceName tags
        totalPriceSet { shopMoney { amount currencyCode } }
        lineItems(first: 50) { nodes { id } }
      }
    }
  }`;

const shopInfoSchema = z.object({
  data: z.object({
    shop: z.object({
      name: z.string(),
      myshopifyDomain: z.string(),
      email: z.string().nullish(),
      contactEmail: z.string().nullish(),
      ianaTimezone: z.string().nullish(),
      currencyCode: z.string().nullish(),
      plan: z.object({ displayName: z.string() }).nullish(),
      billingAddress: z.object({ countryCodeV2: z.string().nullish() }).nullish(),
    }),
  }),
});

const orderSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  displayFinancialStatus: z.string().nullish(),
  displayFulfillmentStatus: z.string().nullish(),
  sourceName: z.string().nullish(),
  tags: z.array(z.string()),
  totalPriceSet: z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }) }),
  lineItems: z.object({ nodes: z.array(z.object({ id: z.string() })) }),
});

const orderLookupSchema = z.object({ data: z.object({ orders: z.object({ nodes: z.array(orderSchema) }) }) });

export interface ShopInfo {
  name: string;
  domain: string;
  contactEmail: string;
  plan: string | null;
  timezone: string | null;
  /** ISO 3166-1 alpha-2 code of the shop's address, e.g. "IT". */
  country: string | null;
}

const SHOP_INFO_TTL_MS = 5 * 60_000;
const shopInfoCache = new Map<string, { info: ShopInfo; expiresAt: number }>();

/**
 * The shop's name, contact and plan change rarely: keep them for a few minutes per shop instead of
 * calling the Admin API on every form load and submission.
 */
export async function shopInfoFor(shop: string, admin: AdminGraphql): Promise<ShopInfo> {
  const cached = shopInfoCache.get(shop);
  if (cached && cached.expiresAt > Date.now()) return cached.info;
  const info = await fetchShopInfo(admin);
  shopInfoCache.set(shop, { info, expiresAt: Date.now() + SHOP_INFO_TTL_MS });
  return info;
}

export async function fetchShopInfo(admin: AdminGraphql): Promise<ShopInfo> {
  const response = await admin.graphql(SHOP_INFO, { signal: inTime() });
  const { shop } = shopInfoSchema.parse(await response.json()).data;
  return {
    name: shop.name,
    domain: shop.myshopifyDomain,
    contactEmail: shop.contactEmail || shop.email || "",
    plan: shop.plan?.displayName ?? null,
    timezone: shop.ianaTimezone ?? null,
    country: shop.billingAddress?.countryCodeV2 ?? null,
  };
}

export type OrderSummary = {
  found: true;
  id: string;
  name: string;
  createdAt: string;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  source: string | null;
  tags: string[];
  total: string;
  currency: string;
  lineItems: number;
};

/** Search syntax characters are dropped: the merchant's text must not become a different query. */
function orderSearchQuery(orderId: string) {
  const cleaned = orderId.replace(/[^\w#-]/g, "");
  const digits = cleaned.replace(/^#/, "");
  return /^\d{1,8}$/.test(digits) ? `name:${digits}` : cleaned;
}

/**
 * The order page's "Report a problem to SPL" link passes Shopify's numeric order id; a plain text
 * search may not match it, Shopify's documented id: filter does.
 */
function orderIdQuery(orderId: string) {
  const digits = orderId.trim();
  return /^\d{9,19}$/.test(digits) ? `id:${digits}` : null;
}

async function firstOrder(admin: AdminGraphql, query: string) {
  const response = await admin.graphql(ORDER_LOOKUP, { variables: { query }, signal: inTime() });
  return orderLookupSchema.parse(await response.json()).data.orders.nodes[0] ?? null;
}

/** A merchant's order by Shopify number (#1001), the TikTok order id SPL tags orders with, or Shopify's order id. */
export async function findOrder(admin: AdminGraphql, orderId: string): Promise<OrderSummary | null> {
  const byId = orderIdQuery(orderId);
  const order =
    (await firstOrder(admin, orderSearchQuery(orderId))) ?? (byId ? await firstOrder(admin, byId) : null);
  if (!order) return null;
  return {
    found: true,
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    financialStatus: order.displayFinancialStatus ?? null,
    fulfillmentStatus: order.displayFulfillmentStatus ?? null,
    source: order.sourceName ?? null,
    tags: order.tags,
    total: order.totalPriceSet.shopMoney.amount,
    currency: order.totalPriceSet.shopMoney.currencyCode,
    lineItems: order.lineItems.nodes.length,
  };
}
