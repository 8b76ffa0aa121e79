import { describe, expect, it } from "vitest";
import { extractEntities } from "./entities";

describe("order numbers", () => {
  it.each([
    ["Order #1002 never reached Shopify", "1002"],
    ["the order 1002 is missing", "1002"],
    ["L'ordine n. 1002 non è arrivato su Shopify", "1002"],
    ["El pedido 1002 no aparece", "1002"],
    ["La commande 1002 n'apparaît pas", "1002"],
    ["Die Bestellung 1002 fehlt in Shopify", "1002"],
    ["Bestellung Nr. 1002 fehlt", "1002"],
    ["order no. 1002 is duplicated", "1002"],
    ["Order ID: 576461234567890123 shows as unpaid", "576461234567890123"],
    ["TikTok says 576461234567890123 was cancelled", "576461234567890123"],
  ])("finds the order in %j", (text, number) => {
    expect(extractEntities(text).orderNumbers).toEqual([number]);
  });

  it("lists several orders once each, in the order written", () => {
    expect(extractEntities("Orders #1003 and #1002 are missing, #1003 twice").orderNumbers).toEqual([
      "1003",
      "1002",
    ]);
  });

  it("does not take quantities, dates or prices for orders", () => {
    const entities = extractEntities("20 orders since 12/03/2024 are missing, about 1500 euros in total");
    expect(entities.orderNumbers).toEqual([]);
  });
});

describe("tracking numbers", () => {
  it("recognises carriers' formats, joining printed groups", () => {
    const entities = extractEntities(
      "UPS parcel 1Z 999 AA1 01 2345 6784 is stuck and the USPS one 9400111899223817521234 too",
    );
    expect(entities.trackingNumbers).toEqual(["1Z999AA10123456784", "9400111899223817521234"]);
  });

  it("reads a long number after a tracking word as tracking, not as a TikTok order", () => {
    const entities = extractEntities("FedEx tracking 123456789012345 has not moved");
    expect(entities.trackingNumbers).toEqual(["123456789012345"]);
    expect(entities.orderNumbers).toEqual([]);
  });

  it("does not read an order number as a DHL tracking number", () => {
    const entities = extractEntities("order 1234567890 shows no tracking");
    expect(entities.orderNumbers).toEqual(["1234567890"]);
    expect(entities.trackingNumbers).toEqual([]);
  });
});

describe("SKUs", () => {
  it("picks up the code after SKU", () => {
    expect(extractEntities("SKU ABC-12 and SKU: TSHIRT-RED-XL show Sync failed").skus).toEqual([
      "ABC-12",
      "TSHIRT-RED-XL",
    ]);
  });

  it("ignores SKU used as a word", () => {
    expect(extractEntities("the sku of the product is wrong").skus).toEqual([]);
  });
});

describe("product names", () => {
  it("takes a quoted name next to a product word", () => {
    expect(extractEntities('The product "Blue Ceramic Mug" was rejected').productNames).toEqual([
      "Blue Ceramic Mug",
    ]);
    expect(extractEntities("L'articolo «Borsa Luna» non si sincronizza").productNames).toEqual([
      "Borsa Luna",
    ]);
  });

  it("takes a capitalised name after a product word", () => {
    expect(extractEntities("my product Linen Shirt 2 is not on TikTok").productNames).toEqual([
      "Linen Shirt 2",
    ]);
  });

  it("does not take quoted error messages or platform names for products", () => {
    const entities = extractEntities('It says "Sync failed" on everything, products TikTok Shopify');
    expect(entities.productNames).toEqual([]);
  });
});

it("finds nothing in a text that names nothing", () => {
  expect(extractEntities("my products don't sync")).toEqual({
    orderNumbers: [],
    trackingNumbers: [],
    skus: [],
    productNames: [],
  });
});
