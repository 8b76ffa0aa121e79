import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format";

describe("formatDateTime", () => {
  it("shows a time in the shop's time zone and names the zone", () => {
    expect(formatDateTime("2026-01-15T10:00:00Z", "it", "Europe/Rome")).toBe("15 gen 2026, 11:00 CET");
    expect(formatDateTime("2026-07-15T10:00:00Z", "en", "America/New_York")).toBe(
      "Jul 15, 2026, 06:00 AM EDT",
    );
  });

  it("falls back to UTC, named, without a zone or with one the runtime does not know", () => {
    expect(formatDateTime("2026-01-15T10:00:00Z", "en")).toMatch(/10:00 AM UTC$/);
    expect(formatDateTime("2026-01-15T10:00:00Z", "en", "Mars/Olympus_Mons")).toMatch(/10:00 AM UTC$/);
  });
});
