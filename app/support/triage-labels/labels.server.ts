import type { Prisma } from "~/db.server";

type Tx = Prisma.TransactionClient;

/**
 * A category a person decided for a merchant's text: an agent's change of a ticket's category, or a
 * merchant's pick that differs from the suggestion. Written by the ticket module inside the change's
 * own transaction, so a label exists exactly when its decision does.
 */
export function recordTriageLabel(tx: Tx, label: Prisma.TriageLabelUncheckedCreateInput) {
  return tx.triageLabel.create({ data: label, select: { id: true } });
}
