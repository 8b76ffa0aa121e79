import { FetchInterceptor } from "@mswjs/interceptors/fetch";
import { graphql, http, HttpResponse } from "msw";
import { SetupServerApi } from "msw/node";
import { demoShop, type DemoShop } from "./demo-shops";

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
  // Token exchange, for a shop that opens the app before an offline session is stored.
  http.post("https://:shop/admin/oauth/access_token", ({ params }) => {
    const shop = demoShop(String(params.shop));
    if (!shop) return HttpResponse.json({ error: "invalid_subject_token" }, { status: 400 });
    return HttpResponse.json({ access_token: `shpat_preview_${shop.domain}`, scope: "read_orders" });
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
