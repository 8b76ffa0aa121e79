import { FetchInterceptor } from "@mswjs/interceptors/fetch";
import { graphql, http, HttpResponse } from "msw";
import { SetupServerApi } from "msw/node";
import { demoShop, type DemoOrder, type DemoProduct, type DemoShop } from "./demo-shops";

/**
 * Shopify's Admin API as the preview and the tests see it: MSW answers at the network boundary
 * with the demo shops' data, so the app's own Admin API code runs unchanged.
 */
function shopFromUrl(url: string): DemoShop | undefined {
  return demoShop(new URL(url).hostname);
}

function matchesOrder(shop: DemoShop, search: string) {
  const wanted = search
    .replace(/^name:/, "")
    .replace(/^#/, "")
    .trim();
  return shop.orders.find(
    (order) =>
      order.name.replace("#", "") === wanted ||
      order.id.endsWith(`/${wanted}`) ||
      order.tags.some((tag) => tag.endsWith(wanted)),
  );
}

/** Shopify's search syntax as the checks use it: `title:*words*`, `sku:code`, joined by OR. */
function matchesProduct(product: DemoProduct, search: string | null) {
  if (!search) return true;
  return search.split(" OR ").some((term) => {
    const [field, ...rest] = term.split(":");
    const value = rest.join(":").replaceAll("*", "").toLowerCase();
    if (field === "title") return product.title.toLowerCase().includes(value);
    if (field === "sku") return product.variants.some((variant) => variant.sku?.toLowerCase() === value);
    return false;
  });
}

function orderNode(order: DemoOrder) {
  return {
    id: order.id,
    name: order.name,
    sourceName: order.sourceName,
    tags: order.tags,
    displayFinancialStatus: order.displayFinancialStatus,
    displayFulfillmentStatus: order.displayFulfillmentStatus,
    fulfillments: order.fulfillments.map((fulfillment) => ({
      status: fulfillment.status,
      trackingInfo: fulfillment.tracking,
    })),
  };
}

function productNode(product: DemoProduct) {
  return {
    id: product.id,
    title: product.title,
    status: product.status,
    description: product.description,
    publishedOnCurrentPublication: product.publishedOnApp,
    mediaCount: { count: product.imageCount, precision: "EXACT" },
    variants: {
      nodes: product.variants.map((variant) => ({
        title: variant.title,
        sku: variant.sku,
        price: variant.price,
        inventoryItem: {
          measurement: {
            weight: variant.weight === null ? null : { value: variant.weight, unit: "KILOGRAMS" },
          },
        },
      })),
    },
  };
}

/** The shop's TikTok-channel orders since a date, one a few hours apart on each day that had some. */
function recentTikTokOrders(shop: DemoShop, since: Date) {
  const nodes = [];
  const now = Date.now();
  for (let daysAgo = 0; now - daysAgo * 86_400_000 >= since.getTime(); daysAgo += 1) {
    for (let index = 0; index < shop.tiktokOrdersOn(daysAgo); index += 1) {
      const createdAt = new Date(now - daysAgo * 86_400_000 - (index + 1) * 3_600_000);
      if (createdAt >= since)
        nodes.push({ createdAt: createdAt.toISOString(), sourceName: "tiktok", tags: ["TikTok"] });
    }
  }
  return nodes;
}

/**
 * Shopify's answer to a client over its rate limit: HTTP 200 with a THROTTLED error and the
 * bucket's state ("Shopify API rate limits", GraphQL Admin API).
 */
function throttled(cost: number): Response {
  return HttpResponse.json({
    errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
    extensions: {
      cost: {
        requestedQueryCost: cost,
        actualQueryCost: null,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 },
      },
    },
  });
}

function unknownShop(): Response {
  return HttpResponse.json({ errors: [{ message: "Shop not found" }] }, { status: 404 });
}

export const adminApiHandlers = [
  graphql.query("ShopInfo", ({ request }) => {
    const shop = shopFromUrl(request.url);
    if (!shop) return HttpResponse.json({ errors: [{ message: "Shop not found" }] }, { status: 404 });
    return HttpResponse.json({
      data: {
        shop: {
          name: shop.name,
          myshopifyDomain: shop.domain,
          email: shop.email,
          contactEmail: shop.contactEmail,
          ianaTimezone: shop.timezone,
          currencyCode: shop.currencyCode,
          plan: { displayName: shop.plan },
          billingAddress: { countryCodeV2: shop.country },
        },
      },
    });
  }),
  graphql.query("OrderLookup", ({ request, variables }) => {
    const shop = shopFromUrl(request.url);
    const found = shop ? matchesOrder(shop, String(variables.query ?? "")) : undefined;
    const node = found && {
      id: found.id,
      name: found.name,
      createdAt: found.createdAt,
      displayFinancialStatus: found.displayFinancialStatus,
      displayFulfillmentStatus: found.displayFulfillmentStatus,
      sourceName: found.sourceName,
      tags: found.tags,
      totalPriceSet: { shopMoney: { amount: found.totalPrice, currencyCode: found.currencyCode } },
      lineItems: {
        nodes: Array.from({ length: found.lineItemCount }, (_, index) => ({ id: `${found.id}-${index}` })),
      },
    };
    return HttpResponse.json({ data: { orders: { nodes: node ? [node] : [] } } });
  }),
  graphql.query("StoreCheckOrder", ({ request, variables }) => {
    const shop = shopFromUrl(request.url);
    if (!shop) return unknownShop();
    if (shop.adminApiFault === "throttled") return throttled(12);
    const found = matchesOrder(shop, String(variables.query ?? ""));
    return HttpResponse.json({ data: { orders: { nodes: found ? [orderNode(found)] : [] } } });
  }),
  graphql.query("StoreCheckRecentOrders", ({ request, variables }) => {
    const shop = shopFromUrl(request.url);
    if (!shop) return unknownShop();
    if (shop.adminApiFault === "throttled") return throttled(252);
    const since = new Date(/'([^']+)'/.exec(String(variables.query ?? ""))?.[1] ?? 0);
    return HttpResponse.json({ data: { orders: { nodes: recentTikTokOrders(shop, since) } } });
  }),
  graphql.query("StoreCheckProducts", ({ request, variables }) => {
    const shop = shopFromUrl(request.url);
    if (!shop) return unknownShop();
    if (shop.adminApiFault === "throttled") return throttled(662);
    const search = (variables.query as string | null) ?? null;
    const nodes = shop.products
      .filter((product) => matchesProduct(product, search))
      .slice(0, Number(variables.first ?? 20))
      .map(productNode);
    return HttpResponse.json({ data: { products: { nodes } } });
  }),
  graphql.query("StoreCheckAccess", ({ request }) => {
    const shop = shopFromUrl(request.url);
    if (!shop) return unknownShop();
    const accessScopes = shop.grantedScopes.map((handle) => ({ handle }));
    return HttpResponse.json({ data: { currentAppInstallation: { accessScopes } } });
  }),
  // What Shopify's library asks before requesting optional scopes (scopes.request).
  graphql.query("FetchAccessScopes", ({ request }) => {
    const shop = shopFromUrl(request.url);
    if (!shop) return unknownShop();
    const handles = (scopes: string[]) => scopes.map((handle) => ({ handle }));
    return HttpResponse.json({
      data: {
        app: {
          requestedAccessScopes: handles(["read_orders"]),
          optionalAccessScopes: handles(["read_products", "read_markets"]),
          installation: { accessScopes: handles(shop.grantedScopes) },
        },
      },
    });
  }),
  graphql.query("StoreCheckMarkets", ({ request }) => {
    const shop = shopFromUrl(request.url);
    if (!shop) return unknownShop();
    if (shop.adminApiFault === "throttled") return throttled(292);
    const nodes = shop.markets.map((market) => ({
      name: market.name,
      status: market.status,
      conditions: {
        regionsCondition: {
          regions: { nodes: market.countries.map((code) => ({ __typename: "MarketRegionCountry", code })) },
        },
      },
    }));
    return HttpResponse.json({
      data: {
        shop: { billingAddress: { countryCodeV2: shop.country }, currencyCode: shop.currencyCode },
        markets: { nodes },
      },
    });
  }),
  // Token exchange, for a shop that opens the app before an offline session is stored.
  http.post("https://:shop/admin/oauth/access_token", ({ params }) => {
    const shop = demoShop(String(params.shop));
    if (!shop) return HttpResponse.json({ error: "invalid_subject_token" }, { status: 400 });
    return HttpResponse.json({
      access_token: `shpat_preview_${shop.domain}`,
      scope: shop.grantedScopes.join(","),
    });
  }),
];

/**
 * The Admin API mock for a running server (the preview, the creation benchmark). The Shopify
 * library calls the Admin API with fetch only, so only fetch is intercepted: msw's default set
 * also patches every Headers, Request and Response the server builds for its own requests.
 * Call before the Shopify library is imported (it captures fetch).
 */
export function startAdminApiBoundary() {
  new SetupServerApi(adminApiHandlers, [new FetchInterceptor()]).listen({ onUnhandledRequest: "bypass" });
}
