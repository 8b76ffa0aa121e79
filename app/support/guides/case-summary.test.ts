import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n";
import italianGuides from "../../i18n/locales/it/guides.json";
import { buildCaseSummary } from "./case-summary";

const full = {
  description: "Parcel stuck in customs for two weeks & the buyer <is> angry",
  categoryLabel: "Shipping problem",
  shopName: "Bottega Rossi",
  tiktokUsername: "@bottega.rossi",
  orderId: "576461234567890123",
  trackingNumber: "1z 999 aa1 0123 4567 84",
  date: new Date(2026, 10, 23, 12),
  locale: "en",
} as const;

describe("buildCaseSummary", () => {
  it("contains everything the merchant typed, verbatim", () => {
    const summary = buildCaseSummary(full);
    expect(summary).toContain("Parcel stuck in customs for two weeks & the buyer <is> angry");
    expect(summary).toContain("Category: Shipping problem");
    expect(summary).toContain("Shop name: Bottega Rossi");
    expect(summary).toContain("TikTok username: @bottega.rossi");
    expect(summary).toContain("Order ID: 576461234567890123");
    expect(summary).toContain("Date: November 23, 2026");
  });

  it("names the carrier next to the tracking number", () => {
    expect(buildCaseSummary(full)).toContain("Tracking number: 1Z999AA10123456784 (UPS)");
  });

  it("keeps an unrecognised tracking number as typed", () => {
    expect(buildCaseSummary({ ...full, trackingNumber: " ABC-42 " })).toContain("Tracking number: ABC-42");
  });

  it("omits the fields the merchant left empty", () => {
    const summary = buildCaseSummary({
      description: "Payout on hold",
      categoryLabel: "Payments",
      shopName: "Bottega Rossi",
      tiktokUsername: "   ",
      orderId: "",
      locale: "en",
    });
    expect(summary).toContain("Payout on hold");
    expect(summary).not.toContain("TikTok username");
    expect(summary).not.toContain("Order ID");
    expect(summary).not.toContain("Tracking number");
    expect(summary).not.toContain("Date");
  });

  it("omits the description heading when there is no description", () => {
    expect(buildCaseSummary({ ...full, description: " " })).not.toContain("Problem description");
  });

  it("uses the merchant's language for labels and dates", () => {
    const italian = createI18n("it", { guides: italianGuides }).getFixedT("guides");
    const summary = buildCaseSummary({ ...full, locale: "it" }, (key) => italian(key));
    expect(summary).toContain("Nome del negozio: Bottega Rossi");
    expect(summary).toContain("Data: 23 novembre 2026");
    expect(summary).toContain("the buyer <is> angry");
  });
});
