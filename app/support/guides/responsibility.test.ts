import { describe, expect, it } from "vitest";
import { CATEGORY_IDS, SPL_CATEGORIES } from "../taxonomy";
import { guidePath } from "./guide-link";
import { responsibilityMatrix, responsibilityOf } from "./responsibility";

describe("who fixes what", () => {
  it("lists every category of the taxonomy exactly once", () => {
    const listed = responsibilityMatrix().flatMap((group) => group.rows.map((row) => row.category));
    expect([...listed].sort()).toEqual([...CATEGORY_IDS].sort());
  });

  it("gives SPL's categories to SPL, starting at the ticket form for that category", () => {
    for (const category of SPL_CATEGORIES) {
      expect(responsibilityOf(category)).toEqual({
        category,
        fixer: "spl",
        channel: "spl_ticket",
        start: `/app/support/new?category=${category}`,
      });
    }
  });

  it("follows SPL's matrix: account verification, product rejection and payouts are TikTok's", () => {
    for (const category of ["account_verification", "product_rejection", "payout"] as const) {
      expect(responsibilityOf(category)).toMatchObject({ fixer: "tiktok", start: guidePath(category) });
    }
  });

  it("sends shipping to the carrier first, through the shipping guide", () => {
    expect(responsibilityOf("shipping")).toEqual({
      category: "shipping",
      fixer: "carrier",
      channel: "carrier",
      start: guidePath("shipping"),
    });
  });

  it("groups SPL, then TikTok, then the carrier", () => {
    expect(responsibilityMatrix().map((group) => group.fixer)).toEqual(["spl", "tiktok", "carrier"]);
  });
});
