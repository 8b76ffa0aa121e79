import { isUniqueViolation, type Db, type Prisma } from "~/db.server";

type Tx = Prisma.TransactionClient;

/**
 * Runs a webhook's work once per webhook id: the delivery is recorded in the same transaction,
 * so a redelivery after success does nothing and a failure leaves nothing recorded.
 */
export async function oncePerDelivery(
  db: Db,
  delivery: { webhookId: string; topic: string; shop: string },
  work: (tx: Tx) => Promise<void>,
): Promise<"done" | "duplicate"> {
  try {
    await db.$transaction(async (tx) => {
      await tx.webhookDelivery.create({ data: delivery });
      await work(tx);
    });
    return "done";
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}
