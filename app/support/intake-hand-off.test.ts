import { describe, expect, it } from "vitest";
import { readIntakeHandOff } from "./intake-hand-off";

describe("the Support page's hand-off to the next page", () => {
  it("keeps what the merchant typed and the classifier's suggestion", () => {
    const state = {
      description: "Orders missing",
      orderId: "#1001",
      suggestedCategory: "order_sync",
      confidence: 0.9,
    };
    expect(readIntakeHandOff(state)).toEqual(state);
  });

  it("drops a field of the wrong type and keeps the others", () => {
    expect(readIntakeHandOff({ description: "Orders missing", confidence: "high" })).toEqual({
      description: "Orders missing",
    });
  });

  it("reads no state, or a foreign one, as nothing typed", () => {
    expect(readIntakeHandOff(null)).toEqual({});
    expect(readIntakeHandOff("a string")).toEqual({});
  });
});
