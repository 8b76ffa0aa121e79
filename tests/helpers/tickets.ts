import { randomUUID } from "node:crypto";
import type { NewTicket } from "~/support/tickets/tickets.server";

/** A valid ticket as the form would submit it; override what the test is about. */
export function newTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    category: "order_sync",
    description: "My TikTok orders stopped arriving in Shopify yesterday.",
    contactEmail: "owner@example.com",
    idempotencyKey: randomUUID(),
    shopName: "Test Shop",
    locale: "en",
    diagnostics: { appVersion: "1.0.0", shopPlan: "Basic", locale: "en", timezone: "Europe/Rome" },
    orderSummary: null,
    attachments: [],
    ...overrides,
  } as NewTicket;
}

export const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);
