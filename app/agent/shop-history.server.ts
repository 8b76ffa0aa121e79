import type { Db, Prisma } from "~/db.server";
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

type Tx = Prisma.TransactionClient;

/**
 * The app was installed (Shopify's afterAuth hook, run when a shop's offline session is made): the
 * first install date is kept, a reinstall only clears the uninstall.
 */
export async function recordInstall(db: Db, shop: string, now = new Date()) {
  await db.shopInstall.upsert({
    where: { shop },
    create: { shop, installedAt: now },
    update: { uninstalledAt: null },
  });
}

/** The app/uninstalled webhook: the install row stays (agents still see the shop's history) until shop/redact. */
export async function recordUninstall(tx: Tx, shop: string, now = new Date()) {
  await tx.shopInstall.updateMany({ where: { shop }, data: { uninstalledAt: now } });
}

/** When the shop installed the app and, if it has since, uninstalled it; null for a shop never seen installing. */
export async function shopInstall(db: Db, shop: string) {
  return db.shopInstall.findUnique({
    where: { shop },
    select: { installedAt: true, uninstalledAt: true },
  });
}

export type ShopInstallDates = Awaited<ReturnType<typeof shopInstall>>;
