import { Prisma, databaseKindOf, type Db } from "~/db.server";
import type { DatabaseKind } from "~/db-url";
import { CATEGORY_IDS, SPL_CATEGORIES, isCategoryId } from "~/support/taxonomy";
import type { TicketStatus } from "~/support/tickets/status";
import type { DashboardPeriod } from "./dashboard-periods";
import { ticketCategory } from "~/support/tickets/ticket-category";
import { SATISFACTION_ANSWERS, type Satisfaction } from "~/support/tickets/satisfaction";

const DAY_MS = 24 * 60 * 60 * 1000;
const OLDEST_UNANSWERED = 10;
/** Statuses where the next move is an agent's: nobody answered yet, or the merchant wrote last. */
const AWAITING_AGENT: TicketStatus[] = ["new", "open"];

const DONE_AT = Prisma.sql`COALESCE("resolvedAt", "closedAt")`;
const FIRST_REPLY_AT = Prisma.sql`"firstAgentReplyAt"`;

function dayKey(date: Date) {
  return date.toISOString().slice(0, 10);
}

/** Tickets per UTC day whose `column` falls in the period (dates are stored in UTC on both databases). */
async function perDay(
  db: Db,
  kind: DatabaseKind,
  column: Prisma.Sql,
  from: Date,
): Promise<Map<string, number>> {
  const day =
    kind === "postgresql"
      ? Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`
      : Prisma.sql`substr(${column}, 1, 10)`;
  const rows = await db.$queryRaw<{ day: string; n: bigint | number }[]>`
    SELECT ${day} AS "day", COUNT(*) AS "n" FROM "Ticket" WHERE ${column} >= ${from} GROUP BY 1`;
  return new Map(rows.map((row) => [row.day, Number(row.n)]));
}

/** Median of (column − createdAt) in ms over tickets opened in the period that reached it. */
async function medianDelayMs(
  db: Db,
  kind: DatabaseKind,
  column: Prisma.Sql,
  from: Date,
): Promise<number | null> {
  if (kind === "postgresql") {
    const [row] = await db.$queryRaw<{ median: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (${column} - "createdAt")) * 1000) AS "median"
      FROM "Ticket" WHERE "createdAt" >= ${from} AND ${column} IS NOT NULL`;
    return row?.median === null || row?.median === undefined ? null : Number(row.median);
  }
  // SQLite has no percentile function: the middle one or two of the sorted delays, read once.
  const [row] = await db.$queryRaw<{ median: number | null }[]>`
    WITH d AS MATERIALIZED (SELECT (julianday(${column}) - julianday("createdAt")) * 86400000.0 AS ms
                            FROM "Ticket" WHERE "createdAt" >= ${from} AND ${column} IS NOT NULL),
         c AS MATERIALIZED (SELECT COUNT(*) AS n FROM d)
    SELECT AVG(ms) AS "median" FROM (
      SELECT ms FROM d ORDER BY ms LIMIT 2 - (SELECT n FROM c) % 2 OFFSET ((SELECT n FROM c) - 1) / 2)`;
  return row?.median === null || row?.median === undefined ? null : Number(row.median);
}

/**
 * Agent replies in the period that answered a due response, and how many came by their due time
 * (Message.responseDueAt is the due time the reply answered; see the ticket module).
 */
async function responsesOnTime(db: Db, from: Date) {
  const answered = { authorType: "agent", responseDueAt: { not: null }, createdAt: { gte: from } } as const;
  const [total, met] = await Promise.all([
    db.message.count({ where: answered }),
    db.message.count({
      where: { AND: [answered, { createdAt: { lte: db.message.fields.responseDueAt } }] },
    }),
  ]);
  return { total, met, share: total === 0 ? null : met / total };
}

/** The merchants' answers to "Did this solve your problem?" given in the period. */
async function satisfactionIn(db: Db, from: Date) {
  const rows = await db.ticket.groupBy({
    by: ["satisfaction"],
    where: { satisfactionAt: { gte: from }, satisfaction: { not: null } },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(
    SATISFACTION_ANSWERS.map((answer) => [
      answer,
      rows.find((row) => row.satisfaction === answer)?._count._all ?? 0,
    ]),
  ) as Record<Satisfaction, number>;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { counts, total, goodShare: total === 0 ? null : counts.good / total };
}

/** Most frequent disagreements between the classifier's suggestion and a ticket's category shown. */
const TOP_CONFUSIONS = 5;

/**
 * How often the classifier's suggestion is the ticket's final category (after the merchant's pick and
 * any agent's change), over tickets opened in the period that had a suggestion, and the most frequent
 * confusions (suggested → final).
 */
async function triageAgreement(db: Db, from: Date) {
  const pairs = await db.ticket.groupBy({
    by: ["suggestedCategory", "category"],
    where: { createdAt: { gte: from }, suggestedCategory: { not: null } },
    _count: { _all: true },
  });
  const rows = pairs.map((pair) => ({
    suggested: ticketCategory(pair.suggestedCategory ?? ""),
    final: ticketCategory(pair.category),
    tickets: pair._count._all,
  }));
  const decided = rows.reduce((sum, row) => sum + row.tickets, 0);
  const agreed = rows.filter((row) => row.suggested === row.final).reduce((sum, row) => sum + row.tickets, 0);
  const confusions = rows
    .filter((row) => row.suggested !== row.final)
    .sort((a, b) => b.tickets - a.tickets || a.suggested.localeCompare(b.suggested))
    .slice(0, TOP_CONFUSIONS);
  return { decided, agreed, rate: decided === 0 ? null : agreed / decided, confusions };
}

async function oldestUnanswered(db: Db) {
  // One indexed query per status, merged: an IN over both would sort every waiting ticket.
  const perStatus = await Promise.all(
    AWAITING_AGENT.map((status) =>
      db.ticket.findMany({
        where: { status },
        orderBy: [{ lastActivityAt: "asc" }, { id: "asc" }],
        take: OLDEST_UNANSWERED,
        select: {
          id: true,
          number: true,
          shop: true,
          shopName: true,
          category: true,
          status: true,
          lastActivityAt: true,
          assignee: { select: { name: true } },
        },
      }),
    ),
  );
  return perStatus
    .flat()
    .sort((a, b) => a.lastActivityAt.getTime() - b.lastActivityAt.getTime())
    .slice(0, OLDEST_UNANSWERED)
    .map((ticket) => ({
      ...ticket,
      category: ticketCategory(ticket.category),
      assigneeName: ticket.assignee?.name ?? null,
    }));
}

/**
 * The support dashboard over the last `days` UTC days (today included): tickets opened and closed
 * per day, by category and route, how many problems went to a TikTok guide instead of a ticket,
 * median times to first reply and to close, the tickets waiting longest for an agent, the share of
 * responses on time, the tickets overdue now, and the merchants' satisfaction.
 */
export async function supportDashboard(db: Db, options: { days: DashboardPeriod; now?: Date }) {
  const now = options.now ?? new Date();
  const kind = databaseKindOf(db);
  const from = new Date(Date.parse(dayKey(now)) - (options.days - 1) * DAY_MS);

  const opened = await perDay(db, kind, Prisma.sql`"createdAt"`, from);
  const closed = await perDay(db, kind, DONE_AT, from);
  const grouped = await db.ticket.groupBy({
    by: ["category"],
    where: { createdAt: { gte: from } },
    _count: { _all: true },
  });
  const guideVisits = await db.guideVisit.count({ where: { createdAt: { gte: from } } });
  const selfHelp = await db.selfHelpResolution.groupBy({
    by: ["category"],
    where: { createdAt: { gte: from } },
    _count: { _all: true },
  });

  const byCategory = CATEGORY_IDS.map((category) => ({
    category,
    tickets: grouped.find((row) => row.category === category)?._count._all ?? 0,
  }));
  const unknownCategory = grouped
    .filter((row) => !isCategoryId(row.category))
    .reduce((sum, row) => sum + row._count._all, 0);
  const ticketsOpened = byCategory.reduce((sum, row) => sum + row.tickets, 0) + unknownCategory;
  const days = Array.from({ length: options.days }, (_, index) =>
    dayKey(new Date(from.getTime() + index * DAY_MS)),
  );

  return {
    from,
    days: days.map((day) => ({ day, opened: opened.get(day) ?? 0, closed: closed.get(day) ?? 0 })),
    ticketsOpened,
    ticketsClosed: [...closed.values()].reduce((sum, n) => sum + n, 0),
    byCategory,
    guideVisits,
    /** Problems sent to a TikTok guide, out of all problems that became a guide visit or a ticket. */
    guideShare: guideVisits + ticketsOpened === 0 ? null : guideVisits / (guideVisits + ticketsOpened),
    /** SPL problems the store checks solved ("This fixed it") against those that became a ticket. */
    selfHelpByCategory: SPL_CATEGORIES.map((category) => ({
      category,
      selfHelp: selfHelp.find((row) => row.category === category)?._count._all ?? 0,
      tickets: byCategory.find((row) => row.category === category)?.tickets ?? 0,
    })),
    medianFirstReplyMs: await medianDelayMs(db, kind, FIRST_REPLY_AT, from),
    medianCloseMs: await medianDelayMs(db, kind, DONE_AT, from),
    triage: await triageAgreement(db, from),
    oldestUnanswered: await oldestUnanswered(db),
    /** Share of responses due in the period that met their target, and tickets past due right now. */
    responses: await responsesOnTime(db, from),
    overdueNow: await db.ticket.count({ where: { responseDueAt: { lt: now } } }),
    satisfaction: await satisfactionIn(db, from),
  };
}

export type SupportDashboard = Awaited<ReturnType<typeof supportDashboard>>;
