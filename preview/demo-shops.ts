/**
 * The shops the offline preview and the tests act as; their Admin API answers come from here.
 * Demo Shop carries the faults a merchant usually meets (SEEDED_FAULTS lists them); Second Shop is
 * healthy; Busy Shop's Admin API is throttled, as a shop under a bulk import would be; New Shop has
 * not granted the scopes only the store checks need.
 */
export interface DemoFulfillment {
  status: "SUCCESS" | "CANCELLED";
  tracking: { number: string | null; company: string | null }[];
}

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
  fulfillments: DemoFulfillment[];
}

export interface DemoVariant {
  title: string;
  sku: string | null;
  price: string;
  /** Kilograms; null when the merchant never entered a weight. */
  weight: number | null;
}

export interface DemoProduct {
  id: string;
  title: string;
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  description: string;
  publishedOnApp: boolean;
  imageCount: number;
  variants: DemoVariant[];
}

export interface DemoMarket {
  name: string;
  status: "ACTIVE" | "DRAFT";
  countries: string[];
}

export interface DemoShop {
  domain: string;
  name: string;
  email: string;
  contactEmail: string;
  plan: string;
  timezone: string;
  currencyCode: string;
  country: string;
  markets: DemoMarket[];
  grantedScopes: string[];
  orders: DemoOrder[];
  products: DemoProduct[];
  /** TikTok-channel orders the shop received that many days ago. */
  tiktokOrdersOn(daysAgo: number): number;
  /** How this shop's Admin API misbehaves, if it does. */
  adminApiFault?: "throttled";
}

export const GRANTED_SCOPES = ["read_orders", "read_products", "read_markets"];

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
    fulfillments: [],
    ...fields,
  };
}

function shipped(number: string | null, company: string | null): Partial<DemoOrder> {
  return {
    displayFulfillmentStatus: "FULFILLED",
    fulfillments: [{ status: "SUCCESS", tracking: number || company ? [{ number, company }] : [] }],
  };
}

const DESCRIPTION_TAIL =
  "Every piece is checked by hand before it leaves our workshop, packed in recycled paper and shipped " +
  "within two working days. Care instructions and sizes are on the label; write to us if anything arrives damaged.";

function product(id: number, title: string, fields: Partial<DemoProduct> = {}): DemoProduct {
  return {
    id: `gid://shopify/Product/${id}`,
    title,
    status: "ACTIVE",
    description: `${title}, made in small batches from materials we source in Italy. ${DESCRIPTION_TAIL}`,
    publishedOnApp: true,
    imageCount: 5,
    variants: [{ title: "Default Title", sku: `SKU-${id}`, price: "29.00", weight: 0.4 }],
    ...fields,
  };
}

/** Steady TikTok sales that stopped three days ago: the order sync is likely off. */
const stoppedSync = (daysAgo: number) => (daysAgo < 3 ? 0 : 3);
const steadySales = () => 2;

export const DEMO_SHOPS: DemoShop[] = [
  {
    domain: "demo-shop.myshopify.com",
    name: "Demo Shop",
    email: "owner@demo-shop.example",
    contactEmail: "support@demo-shop.example",
    plan: "Basic",
    timezone: "Europe/Rome",
    currencyCode: "EUR",
    country: "IT",
    markets: [
      { name: "Italy", status: "ACTIVE", countries: ["IT"] },
      { name: "Switzerland", status: "ACTIVE", countries: ["CH"] },
    ],
    grantedScopes: GRANTED_SCOPES,
    orders: [
      order(5550001001, "#1001", { tags: ["TikTok", "TT-576461413190000001"] }),
      order(5550001002, "#1002", {
        totalPrice: "19.00",
        tags: ["TikTok", "TT-576461413190000002"],
        ...shipped(null, null),
      }),
      order(5550001003, "#1003", { sourceName: "web", tags: [], totalPrice: "120.00", lineItemCount: 3 }),
      order(5550001004, "#1004", {
        tags: ["TikTok", "TT-576461413190000004"],
        ...shipped("SC4471902231", "Speedy Courier"),
      }),
      order(5550001005, "#1005", {
        tags: ["TikTok", "TT-576461413190000005"],
        ...shipped("JD014600006281234567", "DHL"),
      }),
    ],
    products: [
      product(8880001, "Linen Summer Dress", { imageCount: 0 }),
      product(8880002, "Ceramic Mug Set", { imageCount: 0 }),
      product(8880003, "Leather Card Wallet", { publishedOnApp: false }),
      product(8880004, "Bamboo Phone Case", {
        variants: [
          { title: "iPhone 15", sku: "BPC-15", price: "19.00", weight: 0.08 },
          { title: "iPhone 16", sku: "BPC-16", price: "19.00", weight: null },
        ],
      }),
      product(8880005, "Organic Cotton Tee"),
      product(8880006, "Scented Soy Candle"),
    ],
    tiktokOrdersOn: stoppedSync,
  },
  {
    domain: "second-shop.myshopify.com",
    name: "Second Shop",
    email: "owner@second-shop.example",
    contactEmail: "help@second-shop.example",
    plan: "Shopify",
    timezone: "America/New_York",
    currencyCode: "USD",
    country: "US",
    markets: [{ name: "United States", status: "ACTIVE", countries: ["US"] }],
    grantedScopes: GRANTED_SCOPES,
    orders: [
      order(6660002001, "#2001", {
        currencyCode: "USD",
        totalPrice: "35.00",
        tags: ["TikTok", "TT-577000000000000001"],
        ...shipped("9400111899223197428490", "USPS"),
      }),
    ],
    products: [
      product(9990001, "Trail Water Bottle"),
      product(9990002, "Canvas Tote Bag"),
      product(9990003, "Merino Beanie"),
    ],
    tiktokOrdersOn: steadySales,
  },
  {
    domain: "busy-shop.myshopify.com",
    name: "Busy Shop",
    email: "owner@busy-shop.example",
    contactEmail: "care@busy-shop.example",
    plan: "Advanced",
    timezone: "Europe/London",
    currencyCode: "GBP",
    country: "GB",
    markets: [{ name: "United Kingdom", status: "ACTIVE", countries: ["GB"] }],
    grantedScopes: GRANTED_SCOPES,
    orders: [],
    products: [product(7770001, "Wool Throw Blanket")],
    tiktokOrdersOn: steadySales,
    adminApiFault: "throttled",
  },
  {
    // Installed before the store checks: it has not granted the optional products and markets scopes.
    domain: "new-shop.myshopify.com",
    name: "New Shop",
    email: "owner@new-shop.example",
    contactEmail: "hello@new-shop.example",
    plan: "Basic",
    timezone: "Europe/Madrid",
    currencyCode: "EUR",
    country: "ES",
    markets: [{ name: "Spain", status: "ACTIVE", countries: ["ES"] }],
    grantedScopes: ["read_orders"],
    orders: [],
    products: [product(6660001, "Espadrille Sandals")],
    tiktokOrdersOn: steadySales,
  },
];

export const DEMO_SHOP = DEMO_SHOPS[0]!;

export function demoShop(domain: string): DemoShop | undefined {
  return DEMO_SHOPS.find((shop) => shop.domain === domain);
}

/**
 * Every fault seeded above, with the problem a merchant would describe and what the checks should
 * report: the benchmark and the tests hold the checks to finding each one.
 */
export const SEEDED_FAULTS = [
  {
    fault: "a TikTok order missing in Shopify",
    problem: {
      category: "order_sync",
      description: "TikTok order 576461413190000009 never arrived in Shopify",
    },
    rule: "order_found",
    subject: "576461413190000009",
  },
  {
    fault: "a fulfilled order without tracking",
    problem: {
      category: "order_sync",
      description: "Order #1002 is shipped but TikTok says awaiting shipment",
    },
    rule: "order_tracking",
    subject: "#1002",
  },
  {
    fault: "a carrier TikTok does not name",
    problem: { category: "order_sync", description: "Tracking of order #1004 did not reach TikTok" },
    rule: "order_carrier",
    subject: "#1004",
  },
  {
    fault: "TikTok orders stopped arriving",
    problem: { category: "order_sync", description: "No TikTok orders came into Shopify these last days" },
    rule: "order_volume",
    subject: undefined,
  },
  ...["Linen Summer Dress", "Ceramic Mug Set"].map((subject) => ({
    fault: "a product without images",
    problem: { category: "product_sync", description: "three of my products don't show on TikTok" },
    rule: "product_images",
    subject,
  })),
  {
    fault: "a product not published to the app",
    problem: { category: "product_sync", description: "three of my products don't show on TikTok" },
    rule: "product_listed",
    subject: "Leather Card Wallet",
  },
  {
    fault: "a variant without weight",
    problem: { category: "product_sync", description: "three of my products don't show on TikTok" },
    rule: "product_weight",
    subject: "Bamboo Phone Case",
  },
  {
    fault: "a market TikTok does not serve",
    problem: {
      category: "app_setup",
      description: "I set up the app but Swiss customers can't buy on TikTok",
    },
    rule: "market_region",
    subject: "Switzerland",
  },
] as const;
