import { describe, expect, it } from "vitest";
import { logFilterSchema, toTicketLogFilter } from "./log-filter";

const filterOf = (query: Record<string, string>) => toTicketLogFilter(logFilterSchema.parse(query));

describe("the ticket log's date range", () => {
  it("says when it ends before it starts, instead of silently matching nothing", () => {
    expect(filterOf({ from: "2026-02-01", to: "2026-01-31" }).reversedRange).toBe(true);
  });

  it("takes a one-day range and an open-ended one", () => {
    expect(filterOf({ from: "2026-02-01", to: "2026-02-01" })).toMatchObject({
      reversedRange: false,
      filter: {
        createdFrom: new Date("2026-02-01T00:00:00Z"),
        createdBefore: new Date("2026-02-02T00:00:00Z"),
      },
    });
    expect(filterOf({ to: "2026-02-01" }).reversedRange).toBe(false);
  });
});
