import { describe, expect, it } from "vitest";
import { canRate, satisfactionSchema } from "./satisfaction";

describe("the satisfaction question", () => {
  const resolvedAt = new Date("2026-12-01T10:00:00Z");

  it("is open on a resolved ticket, and still once it is closed, until answered", () => {
    expect(canRate({ status: "resolved", resolvedAt, satisfaction: null })).toBe(true);
    expect(canRate({ status: "closed", resolvedAt, satisfaction: null })).toBe(true);
    expect(canRate({ status: "resolved", resolvedAt, satisfaction: "good" })).toBe(false);
  });

  it("is not asked before resolution, after a reopen, or of a ticket closed without being resolved", () => {
    expect(canRate({ status: "new", resolvedAt: null, satisfaction: null })).toBe(false);
    expect(canRate({ status: "open", resolvedAt: null, satisfaction: null })).toBe(false);
    expect(canRate({ status: "closed", resolvedAt: null, satisfaction: null })).toBe(false);
  });

  it("takes good or not good with an optional comment, trimmed, an empty one stored as none", () => {
    expect(satisfactionSchema.parse({ rating: "good", comment: "  Thanks!  " })).toEqual({
      rating: "good",
      comment: "Thanks!",
    });
    expect(satisfactionSchema.parse({ rating: "not_good", comment: "   " })).toEqual({
      rating: "not_good",
      comment: null,
    });
    expect(satisfactionSchema.safeParse({ rating: "great" }).error?.issues[0]?.message).toBe(
      "errors.satisfactionRating",
    );
  });
});
