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

/** The ticket form as the browser posts it; override the fields the test is about, add screenshots. */
export function ticketForm(
  fields: Record<string, string>,
  files: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = [],
) {
  const form = new FormData();
  const defaults = {
    category: "order_sync",
    description: "TikTok orders are missing in Shopify since Monday.",
    contactEmail: "owner@demo-shop.example",
    idempotencyKey: randomUUID(),
    locale: "en",
  };
  for (const [key, value] of Object.entries({ ...defaults, ...fields })) form.set(key, value);
  for (const file of files) form.append("attachments", new File([file.bytes], file.name));
  return form;
}
