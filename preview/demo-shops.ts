/** The shops the offline preview and the tests act as; their Admin API answers come from here. */
export interface DemoOrder {
  id: string;
  name: string;
  createdAt: string;
  displayFinancialStatus: string;
  displayFulfillmentStatus: string;
  totalPrice: string;
  currencyCode: string;
  sourceName: string;
  tags: string[];
  lineItemCount: number;
}

export interface DemoShop {
  domain: string;
  name: string;
  email: string;
  contactEmail: string;
  plan: string;
  timezone: string;
  currencyCode: string;
  orders: DemoOrder[];
}

function order(id: number, name: string, fields: Partial<DemoOrder>): DemoOrder {
  return {
    id: `gid://shopify/Order/${id}`,
    name,
    createdAt: "2026-11-20T10:15:00Z",
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "UNFULFILLED",
    totalPrice: "49.90",
    currencyCode: "EUR",
    sourceName: "tiktok",
    tags: ["TikTok"],
    lineItemCount: 1,
    ...fields,
  };
}

export const DEMO_SHOPS: DemoShop[] = [
  {
    domain: "demo-shop.myshopify.com",
    name: "Demo Shop",
    email: "owner@demo-shop.example",
    contactEmail: "support@demo-shop.example",
    plan: "Basic",
    timezone: "Europe/Rome",
    currencyCode: "EUR",
    orders: [
      order(5550001001, "#1001", { tags: ["TikTok", "TT-576461413190000001"] }),
      order(5550001002, "#1002", {
        displayFulfillmentStatus: "FULFILLED",
        totalPrice: "19.00",
        tags: ["TikTok", "TT-576461413190000002"],
      }),
      order(5550001003, "#1003", { sourceName: "web", tags: [], totalPrice: "120.00", lineItemCount: 3 }),
    ],
  },
  {
    domain: "second-shop.myshopify.com",
    name: "Second Shop",
    email: "owner@second-shop.example",
    contactEmail: "help@second-shop.example",
    plan: "Shopify",
    timezone: "America/New_York",
    currencyCode: "USD",
    orders: [order(6660002001, "#2001", { currencyCode: "USD", totalPrice: "35.00" })],
  },
];

export const DEMO_SHOP = DEMO_SHOPS[0]!;

export function demoShop(domain: string): DemoShop | undefined {
  return DEMO_SHOPS.find((shop) => shop.domain === domain);
}
