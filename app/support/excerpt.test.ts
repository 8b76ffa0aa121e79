import { describe, expect, it } from "vitest";
import { excerpt } from "./excerpt";

describe("excerpt", () => {
  it("keeps a text that fits", () => {
    expect(excerpt("Orders are missing", 18)).toBe("Orders are missing");
  });

  it("cuts a longer text to the length, ellipsis included", () => {
    const cut = excerpt("Orders from TikTok are missing in Shopify", 10);
    expect(cut).toBe("Orders fr…");
    expect(cut).toHaveLength(10);
  });

  it("cuts at 80 characters unless told otherwise", () => {
    expect(excerpt("x".repeat(81))).toBe(`${"x".repeat(79)}…`);
    expect(excerpt("x".repeat(80))).toBe("x".repeat(80));
  });
});
