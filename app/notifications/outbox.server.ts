import type { Prisma } from "~/db.server";
import { insertRows, newRowId } from "~/insert-rows.server";

export interface Email {
  shop: string;
  to: string;
  subject: string;
  body: string;
}

/** Written in the caller's transaction: an email exists if and only if the change it announces does. */
export async function enqueueEmails(tx: Prisma.TransactionClient, emails: Email[]) {
  // status and attempts take the schema's defaults; times are set here, in Prisma's own format.
  const now = new Date();
  await insertRows(
    tx,
    "OutboxEmail",
    emails.map((email) => ({
      id: newRowId(),
      shop: email.shop,
      toAddress: email.to,
      subject: email.subject,
      body: email.body,
      nextAttemptAt: now,
      createdAt: now,
    })),
  );
}

export const enqueueEmail = (tx: Prisma.TransactionClient, email: Email) => enqueueEmails(tx, [email]);
