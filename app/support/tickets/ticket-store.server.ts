import { createHash } from "node:crypto";
import type { CheckedAttachment } from "./attachments";
import { formatTicketNumber } from "./number";

/** Attachment rows; the caller adds the ticket they belong to (and the message, for a reply's). */
export function attachmentRows(shop: string, attachments: CheckedAttachment[]) {
  return attachments.map((file) => ({
    shop,
    filename: file.filename,
    contentType: file.contentType,
    size: file.bytes.byteLength,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
    data: Buffer.from(file.bytes),
  }));
}

/** The lower-cased text agents search: number, shop, order and what the merchant wrote. */
export function searchTextOf(fields: {
  number: number;
  shop: string;
  shopName: string;
  orderId?: string | null;
  text: string;
}) {
  return [formatTicketNumber(fields.number), fields.shop, fields.shopName, fields.orderId ?? "", fields.text]
    .join(" ")
    .toLowerCase()
    .slice(0, 20_000);
}

/** A thread message as both sides show it; internal notes are another table and never pass here. */
export function threadMessage(message: {
  id: string;
  authorType: string;
  body: string;
  createdAt: Date;
  agent: { name: string } | null;
}) {
  return {
    id: message.id,
    authorType: message.authorType as "merchant" | "agent",
    agentName: message.agent?.name ?? null,
    body: message.body,
    createdAt: message.createdAt,
  };
}
