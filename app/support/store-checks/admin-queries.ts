import { z } from "zod";

/**
 * The Admin API (GraphQL, 2025-10) queries the store checks make, and zod types of exactly the
 * fields they read: a response that does not match is "could not check", never a guess. Page sizes
 * keep each query's requested cost well under Shopify's 1,000-point limit for one query ("Shopify
 * API rate limits"): about 660 points for the products, 290 for the markets, 250 for recent orders.
 */

export const ORDER_CHECK = `#graphql
  query StoreCheckOrder($query: String!) {
    orders(first: 1, query: $query) {
      nodes {
        id name sourceName tags displayFinancialStatus displayFulfillmentStatus
        fulfillments(first: 10) { status trackingInfo(first: 5) { number company } }
      }
    }
  }`;

export const RECENT_ORDERS = `#graphql
  query StoreCheckRecentOrders($query: String!) {
    orders(first: 250, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes { createdAt sourceName tags }
    }
  }`;

export const PRODUCTS_CHECK = `#graphql
  query StoreCheckProducts($query: String, $first: Int!) {
    products(first: $first, query: $query, sortKey: UPDATED_AT, reverse: true) {
      nodes {
        id title status description publishedOnCurrentPublication
        mediaCount { count }
        variants(first: 20) {
          nodes { title sku price inventoryItem { measurement { weight { value unit } } } }
        }
      }
    }
  }`;

export const ACCESS_CHECK = `#graphql
  query StoreCheckAccess {
    currentAppInstallation { accessScopes { handle } }
  }`;

export const MARKETS_CHECK = `#graphql
  query StoreCheckMarkets {
    shop { billingAddress { countryCodeV2 } currencyCode }
    markets(first: 10) {
      nodes {
        name status
        conditions { regionsCondition { regions(first: 25) { nodes { ... on MarketRegionCountry { code } } } } }
      }
    }
  }`;

const orderNode = z.object({
  id: z.string(),
  name: z.string(),
  sourceName: z.string().nullable(),
  tags: z.array(z.string()),
  displayFinancialStatus: z.string().nullable(),
  displayFulfillmentStatus: z.string(),
  fulfillments: z.array(
    z.object({
      status: z.string(),
      trackingInfo: z.array(z.object({ number: z.string().nullable(), company: z.string().nullable() })),
    }),
  ),
});

export const orderCheckResponse = z.object({ orders: z.object({ nodes: z.array(orderNode) }) });

export const recentOrdersResponse = z.object({
  orders: z.object({
    nodes: z.array(
      z.object({ createdAt: z.string(), sourceName: z.string().nullable(), tags: z.array(z.string()) }),
    ),
  }),
});

export const productsResponse = z.object({
  products: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.enum(["ACTIVE", "ARCHIVED", "DRAFT", "UNLISTED"]),
        description: z.string(),
        publishedOnCurrentPublication: z.boolean(),
        mediaCount: z.object({ count: z.number().int() }).nullable(),
        variants: z.object({
          nodes: z.array(
            z.object({
              title: z.string(),
              sku: z.string().nullable(),
              price: z.string(),
              inventoryItem: z.object({
                measurement: z.object({
                  weight: z.object({ value: z.number(), unit: z.string() }).nullable(),
                }),
              }),
            }),
          ),
        }),
      }),
    ),
  }),
});

export const accessResponse = z.object({
  currentAppInstallation: z.object({ accessScopes: z.array(z.object({ handle: z.string() })) }),
});

export const marketsResponse = z.object({
  shop: z.object({
    billingAddress: z.object({ countryCodeV2: z.string().nullable() }),
    currencyCode: z.string(),
  }),
  markets: z.object({
    nodes: z.array(
      z.object({
        name: z.string(),
        status: z.enum(["ACTIVE", "DRAFT"]),
        conditions: z
          .object({
            regionsCondition: z
              .object({
                regions: z.object({ nodes: z.array(z.object({ code: z.string().optional() })) }),
              })
              .nullable(),
          })
          .nullable(),
      }),
    ),
  }),
});

/** Every full response: `data` plus the cost extension Shopify adds, which the throttle reads. */
export const throttleStatus = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number(),
});
