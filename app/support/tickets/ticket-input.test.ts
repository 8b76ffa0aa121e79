import { describe, expect, it } from "vitest";
import { fieldErrors, ticketFormSchema } from "./ticket-input";
import { parseTicketNumber, formatTicketNumber } from "./number";

const valid = {
  category: "order_sync",
  description: "Orders from TikTok are missing in Shopify.",
  contactEmail: "owner@example.com",
  idempotencyKey: "6f1c1b2e-6f55-4c53-9f3e-5a8d2a3c9b10",
};

describe("the ticket form", () => {
  it("accepts a complete form and cleans optional fields", () => {
    const parsed = ticketFormSchema.parse({ ...valid, tiktokUsername: "@my.shop", orderId: "" });
    expect(parsed.tiktokUsername).toBe("my.shop");
    expect(parsed.orderId).toBeUndefined();
  });

  it("names each field to fix", () => {
    const result = ticketFormSchema.safeParse({
      ...valid,
      description: "too short",
      contactEmail: "nope",
      category: "pizza",
    });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      category: "errors.category",
      description: "errors.descriptionShort",
      contactEmail: "errors.email",
    });
  });

  it("refuses descriptions over 5,000 characters", () => {
    const result = ticketFormSchema.safeParse({ ...valid, description: "x".repeat(5_001) });
    expect(fieldErrors(result.error!)).toEqual({ description: "errors.descriptionLong" });
  });
});

describe("ticket numbers", () => {
  it("reads the forms merchants type", () => {
    expect(["SPL-1042", "spl 1042", "#1042", " 1042 "].map(parseTicketNumber)).toEqual([
      1042, 1042, 1042, 1042,
    ]);
    expect(parseTicketNumber("order 12")).toBeNull();
    expect(formatTicketNumber(1042)).toBe("SPL-1042");
  });
});
