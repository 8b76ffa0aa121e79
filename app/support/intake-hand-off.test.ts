import { describe, expect, it } from "vitest";
import { readIntakeHandOff } from "./intake-hand-off";

describe("the Support page's hand-off to the next page", () => {
  it("keeps what the merchant typed and the other problem of a two-problem text", () => {
    const state = { description: "Orders missing", orderId: "#1001", otherProblem: "account_suspended" };
    expect(readIntakeHandOff(state)).toEqual(state);
  });

  it("drops a suggestion and confidence an older page left there: the server classifies the text", () => {
    expect(
      readIntakeHandOff({ description: "Orders missing", suggestedCategory: "payout", confidence: 0.99 }),
    ).toEqual({ description: "Orders missing" });
  });

  it("drops a field of the wrong type or an unknown category and keeps the others", () => {
    expect(readIntakeHandOff({ description: "Orders missing", orderId: 7, otherProblem: "refunds" })).toEqual(
      {
        description: "Orders missing",
      },
    );
  });

  it("reads no state, or a foreign one, as nothing typed", () => {
    expect(readIntakeHandOff(null)).toEqual({});
    expect(readIntakeHandOff("a string")).toEqual({});
  });
});
