import type { Db } from "~/db.server";
import { ticketCategory } from "~/support/tickets/ticket-category";
import { needsAttention, readReport } from "~/support/store-checks/findings";

const OTHER_TICKETS = 10;

/** A shop's other tickets, newest first, with what their store checks found (if they ran). */
export async function shopHistory(db: Db, shop: string, exceptId: string) {
  const tickets = await db.ticket.findMany({
    where: { shop, id: { not: exceptId } },
    select: { id: true, number: true, status: true, category: true, createdAt: true, storeChecks: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OTHER_TICKETS,
  });
  return tickets.map(({ storeChecks, ...ticket }) => {
    const report = readReport(storeChecks);
    return {
      ...ticket,
      category: ticketCategory(ticket.category),
      storeChecks: report
        ? { ranAt: report.ranAt, attention: needsAttention(report).length, total: report.findings.length }
        : null,
    };
  });
}

export type ShopHistory = Awaited<ReturnType<typeof shopHistory>>;
