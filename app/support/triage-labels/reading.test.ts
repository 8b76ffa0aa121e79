import { describe, expect, it } from "vitest";
import { overridesSuggestion, readEntities, secondCategoryOf } from "./reading";

describe("a merchant's pick against the server's reading", () => {
  it("names the TikTok part of a two-problem text beside an SPL ticket, whichever problem led", () => {
    const reading = { suggestedCategory: "account_suspended", suggestedSecond: "order_sync" } as const;
    expect(secondCategoryOf("order_sync", reading)).toBe("account_suspended");
    expect(
      secondCategoryOf("order_sync", { suggestedCategory: "order_sync", suggestedSecond: "payout" }),
    ).toBe("payout");
    expect(secondCategoryOf("order_sync", { suggestedCategory: "order_sync" })).toBeNull();
  });

  it("learns from a pick that is neither of the problems the classifier named", () => {
    expect(overridesSuggestion("app_setup", { suggestedCategory: "account_suspended" })).toBe(true);
    expect(
      overridesSuggestion("order_sync", {
        suggestedCategory: "account_suspended",
        suggestedSecond: "order_sync",
      }),
    ).toBe(false);
    expect(overridesSuggestion("order_sync", { suggestedCategory: "order_sync" })).toBe(false);
    expect(overridesSuggestion("order_sync", {})).toBe(false);
  });

  it("reads stored entities, and nothing named from an older ticket or a broken value", () => {
    const named = { orderNumbers: ["1002"], trackingNumbers: [], skus: ["MUG-1"], productNames: [] };
    expect(readEntities(named)).toEqual(named);
    expect(readEntities(null)).toEqual({ orderNumbers: [], trackingNumbers: [], skus: [], productNames: [] });
    expect(readEntities({ orderNumbers: "1002" }).orderNumbers).toEqual([]);
  });
});
