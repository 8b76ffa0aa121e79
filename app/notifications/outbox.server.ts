import type { Prisma } from "~/db.server";

export interface Email {
  shop: string;
  to: string;
  subject: string;
  body: string;
}

/** Written in the caller's transaction: an email exists if and only if the change it announces does. */
export async function enqueueEmail(tx: Prisma.TransactionClient, email: Email): Promise<void> {
  await tx.outboxEmail.create({
    data: { shop: email.shop, toAddress: email.to, subject: email.subject, body: email.body },
    select: { id: true },
  });
}
