import { describe, expect, it } from "vitest";
import { RULE_IDS } from "./findings";
import {
  RULE_SOURCES,
  marketFindings,
  orderFindings,
  orderVolumeFinding,
  productFindings,
  scopeFinding,
  sessionFinding,
  type OrderFacts,
  type ProductFacts,
} from "./rules";
import { SOURCES } from "./sources";

const LONG = Array.from({ length: 30 }, (_, index) => `word${index}`).join(" ");

const product = (fields: Partial<ProductFacts> = {}): ProductFacts => ({
  id: "gid://shopify/Product/42",
  title: "Linen Dress",
  status: "ACTIVE",
  publishedOnApp: true,
  imageCount: 5,
  description: LONG,
  variants: [{ title: "S", sku: "LD-S", price: "30.00", weight: 0.3 }],
  ...fields,
});

const rulesOf = (fields: Partial<ProductFacts>) =>
  productFindings(product(fields)).map((finding) => [finding.rule, finding.outcome]);

describe("every rule names its public source", () => {
  it.each(RULE_IDS.filter((rule) => rule !== "product_ok"))("%s", (rule) => {
    expect(RULE_SOURCES[rule].length).toBeGreaterThan(0);
    for (const source of RULE_SOURCES[rule]) expect(SOURCES[source].url).toMatch(/^https:\/\//);
  });
});

describe("product rules", () => {
  it("passes a product TikTok Shop can list, linking to it in the admin", () => {
    expect(productFindings(product())).toEqual([
      { rule: "product_ok", outcome: "passed", subject: "Linen Dress", link: "shopify:admin/products/42" },
    ]);
  });

  // TikTok for Shopify FAQ: TikTok is enabled as a sales channel per product in Shopify.
  it("flags a product that is a draft or not published to the app", () => {
    expect(rulesOf({ publishedOnApp: false })).toEqual([["product_listed", "attention"]]);
    expect(rulesOf({ status: "DRAFT" })).toEqual([["product_listed", "attention"]]);
  });

  // TikTok Shop Academy, Add and Manage Product: images are basic information, at most nine.
  it("flags a product without images and one with more than nine", () => {
    expect(rulesOf({ imageCount: 0 })).toEqual([["product_images", "attention"]]);
    expect(rulesOf({ imageCount: 10 })).toEqual([["product_image_limit", "attention"]]);
    expect(rulesOf({ imageCount: 9 })).toEqual([["product_ok", "passed"]]);
  });

  // TikTok Shop Academy, Product Titles, Descriptions, Images & Videos: no less than 30 words.
  it("flags a description under thirty words", () => {
    expect(rulesOf({ description: "Soft linen dress." })).toEqual([["product_description", "attention"]]);
    expect(productFindings(product({ description: "Soft linen dress." }))[0]?.params).toEqual({
      count: 3,
      min: 30,
    });
  });

  // TikTok for Shopify FAQ and New Seller Pre Shipment Setting: shipping goes by package weight.
  it("flags variants without a weight", () => {
    const variants = [
      { title: "S", sku: "A", price: "1", weight: 0.2 },
      { title: "M", sku: "B", price: "1", weight: null },
      { title: "L", sku: "C", price: "1", weight: 0 },
    ];
    const [finding] = productFindings(product({ variants }));
    expect(finding).toMatchObject({ rule: "product_weight", params: { count: 2 } });
  });

  // TikTok Catalog Product Parameters: price is required.
  it("flags a variant without a price", () => {
    expect(rulesOf({ variants: [{ title: "S", sku: "A", price: "0.00", weight: 1 }] })).toEqual([
      ["product_price", "attention"],
    ]);
  });

  // TikTok for Shopify, Shop Management Tab: products are linked by the same SKU.
  it("flags a variant without a SKU", () => {
    expect(rulesOf({ variants: [{ title: "S", sku: " ", price: "5", weight: 1 }] })).toEqual([
      ["product_sku", "attention"],
    ]);
  });
});

const order = (fields: Partial<OrderFacts> = {}): OrderFacts => ({
  id: "gid://shopify/Order/7",
  name: "#1002",
  sourceName: "tiktok",
  tags: ["TikTok"],
  financialStatus: "PAID",
  fulfillmentStatus: "FULFILLED",
  fulfillments: [{ status: "SUCCESS", tracking: [{ number: "1Z999", company: "UPS" }] }],
  ...fields,
});

describe("order rules", () => {
  // SPL help centre: SPL imports TikTok orders into Shopify, tagged with the TikTok Shop.
  it("says when a named order is not in Shopify, linking to the orders list", () => {
    expect(orderFindings("576461413190000009", null)).toEqual([
      {
        rule: "order_found",
        outcome: "attention",
        subject: "576461413190000009",
        link: "shopify:admin/orders",
      },
    ]);
  });

  it("passes a TikTok order with tracking from a carrier TikTok names, with its state", () => {
    expect(orderFindings("#1002", order())).toEqual([
      {
        rule: "order_found",
        outcome: "passed",
        subject: "#1002",
        link: "shopify:admin/orders/7",
        params: { financial: "paid", fulfillment: "fulfilled" },
      },
    ]);
  });

  it("flags an order that did not come from TikTok", () => {
    const findings = orderFindings("#1003", order({ sourceName: "web", tags: [] }));
    expect(findings.map((finding) => finding.rule)).toEqual(["order_channel"]);
  });

  // SPL help centre (fulfilling from Shopify) and TikTok Seller Shipping: tracking must be uploaded.
  it("flags a fulfilled order without a tracking number", () => {
    const findings = orderFindings("#1002", order({ fulfillments: [{ status: "SUCCESS", tracking: [] }] }));
    expect(findings.map((finding) => finding.rule)).toEqual(["order_tracking"]);
  });

  // SPL help centre: TikTok Shop only allows tracking info from approved shipping carriers.
  it("flags a carrier TikTok does not name", () => {
    const tracking = [{ number: "SC1", company: "Speedy Courier" }];
    const [finding] = orderFindings("#1004", order({ fulfillments: [{ status: "SUCCESS", tracking }] }));
    expect(finding).toMatchObject({
      rule: "order_carrier",
      params: { carrier: "Speedy Courier", number: "SC1" },
    });
  });

  const now = new Date("2026-12-01T12:00:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  it("flags TikTok orders that stopped in the last three days", () => {
    const before = Array.from({ length: 28 }, (_, index) => daysAgo(3.5 + index / 2));
    expect(orderVolumeFinding(before, now)).toMatchObject({ rule: "order_volume", outcome: "attention" });
  });

  it("does not flag steady sales, nor a quiet shop", () => {
    const steady = Array.from({ length: 34 }, (_, index) => daysAgo(index / 2));
    expect(orderVolumeFinding(steady, now).outcome).toBe("passed");
    expect(orderVolumeFinding([daysAgo(10)], now).outcome).toBe("passed");
  });
});

describe("setup rules", () => {
  // TikTok for Shopify FAQ: the integration is region-specific; Seller Shipping is local-to-local.
  it("flags a market selling outside the shop's own country", () => {
    const findings = marketFindings("IT", [
      { name: "Italy", active: true, countries: ["IT"] },
      { name: "Switzerland", active: true, countries: ["CH"] },
      { name: "Japan", active: false, countries: ["JP"] },
    ]);
    expect(findings).toEqual([
      {
        rule: "market_region",
        outcome: "attention",
        subject: "Switzerland",
        params: { country: "CH", shopCountry: "IT" },
        link: "shopify:admin/settings/markets",
      },
    ]);
  });

  it("names the scopes the shop has not granted", () => {
    expect(scopeFinding(["read_orders", "read_products"], ["read_orders"])).toMatchObject({
      outcome: "attention",
      params: { scopes: "read_products" },
    });
    expect(scopeFinding(["read_orders"], ["read_orders", "write_orders"]).outcome).toBe("passed");
  });

  it("flags a missing or expired session", () => {
    const now = new Date();
    expect(sessionFinding({ found: true, expires: null }, now).outcome).toBe("passed");
    expect(sessionFinding({ found: false, expires: null }, now).outcome).toBe("attention");
    expect(sessionFinding({ found: true, expires: new Date(now.getTime() - 1) }, now).outcome).toBe(
      "attention",
    );
  });
});
