import { createHash } from "node:crypto";
import type { Prisma } from "~/db.server";
import type { CheckedAttachment } from "./attachments";
import { formatTicketNumber } from "./number";

type Tx = Prisma.TransactionClient;

/** Takes the next number inside the caller's transaction; a rollback gives the number back. */
export async function nextTicketNumber(tx: Tx): Promise<number> {
  const counter = await tx.counter.update({ where: { name: "ticket" }, data: { value: { increment: 1 } } });
  return counter.value;
}

/** Attachment rows for a ticket's nested create, or with ticketId added, for a reply's. */
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
export function searchTextOf(fields: { number: number; shop: string; shopName: string; orderId?: string | null; text: string }) {
  return [formatTicketNumber(fields.number), fields.shop, fields.shopName, fields.orderId ?? "", fields.text]
    .join(" ")
    .toLowerCase()
    .slice(0, 20_000);
}

/** A thread message as both sides show it; internal notes are another table and never pass here. */
export function threadMessage(message: { id: string; authorType: string; body: string; createdAt: Date; agent: { name: string } | null }) {
  return {
    id: message.id,
    authorType: message.authorType as "merchant" | "agent",
    agentName: message.agent?.name ?? null,
    body: message.body,
    createdAt: message.createdAt,
  };
}
