import type { Prisma } from "~/db.server";
import { insertRows, newRowId, type TableRows } from "~/insert-rows.server";

export interface Email {
  shop: string;
  to: string;
  subject: string;
  body: string;
}

/** The outbox rows for these emails, due now; status and attempts take the schema's defaults. */
export function outboxRows(emails: Email[]): TableRows {
  const now = new Date();
  return {
    table: "OutboxEmail",
    rows: emails.map((email) => ({
      id: newRowId(),
      shop: email.shop,
      toAddress: email.to,
      subject: email.subject,
      body: email.body,
      nextAttemptAt: now,
      createdAt: now,
    })),
  };
}

/** Written in the caller's transaction: an email exists if and only if the change it announces does. */
export const enqueueEmail = (tx: Prisma.TransactionClient, email: Email) =>
  insertRows(tx, outboxRows([email]));
