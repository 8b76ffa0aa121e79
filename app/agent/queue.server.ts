import { databaseKindOf, type Db, type Prisma } from "~/db.server";
import { excerpt } from "~/support/excerpt";
import { TICKET_STATUSES, type TicketStatus } from "~/support/tickets/status";
import { decodeQueueCursor, encodeQueueCursor, type QueueCursor } from "./queue-cursor";
import type { QueueFilter, QueueSort } from "./queue-params";
import { searchTicketIds } from "./queue-search.server";
import { responseCanBeDue } from "./sla";
import { ticketCategory } from "~/support/tickets/ticket-category";

export const QUEUE_PAGE_SIZE = 25;
/** Status counts stop here: the tabs need "how many, roughly", not a scan of every closed ticket. */
export const STATUS_COUNT_CAP = 10_000;
const EXCERPT_LENGTH = 140;

const ROW = {
  id: true,
  number: true,
  shop: true,
  shopName: true,
  status: true,
  category: true,
  description: true,
  createdAt: true,
  lastActivityAt: true,
  firstAgentReplyAt: true,
  agentUnread: true,
  responseDueAt: true,
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.TicketSelect;

type Row = Prisma.TicketGetPayload<{ select: typeof ROW }>;

export interface QueuePage {
  tickets: ReturnType<typeof toQueueRow>[];
  nextCursor: string | null;
  previousCursor: string | null;
  /** Search results are ordered by ticket number, whatever the requested sort. */
  sort: QueueSort;
}

function toQueueRow(row: Row) {
  return {
    id: row.id,
    number: row.number,
    shop: row.shop,
    shopName: row.shopName,
    status: row.status,
    category: ticketCategory(row.category),
    excerpt: excerpt(row.description, EXCERPT_LENGTH),
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    answered: row.firstAgentReplyAt !== null,
    /** Something from the merchant (the ticket, a reply) no agent has opened yet. */
    unread: row.agentUnread,
    responseDueAt: row.responseDueAt,
    assignee: row.assignee,
  };
}

function filterWhere(filter: QueueFilter): Prisma.TicketWhereInput {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.shop ? { shop: filter.shop } : {}),
    ...(filter.assignee
      ? { assigneeId: filter.assignee.kind === "unassigned" ? null : filter.assignee.id }
      : {}),
    ...(filter.dueBefore ? { responseDueAt: { lt: filter.dueBefore } } : {}),
    ...(filter.createdFrom || filter.createdBefore
      ? {
          createdAt: {
            ...(filter.createdFrom ? { gte: filter.createdFrom } : {}),
            ...(filter.createdBefore ? { lt: filter.createdBefore } : {}),
          },
        }
      : {}),
  };
}

type TimeColumn = "createdAt" | "lastActivityAt" | "responseDueAt";

/**
 * Rows past (at, id) in the scan's order. Written as `at <= x AND (at < x OR id < y)` rather than
 * a bare OR so both databases seek straight to the cursor in the index instead of scanning to it.
 */
function pastCursor(
  column: TimeColumn,
  cursor: { at: Date; id: string },
  descending: boolean,
): Prisma.TicketWhereInput {
  const [bound, strict] = descending ? (["lte", "lt"] as const) : (["gte", "gt"] as const);
  return {
    [column]: { [bound]: cursor.at },
    OR: [{ [column]: { [strict]: cursor.at } }, { id: { [strict]: cursor.id } }],
  };
}

function orderBy(column: TimeColumn, direction: Prisma.SortOrder): Prisma.TicketOrderByWithRelationInput[] {
  return [{ [column]: direction }, { id: direction }];
}

/** A page of rows fetched one past the limit, in scan order, turned into display order and cursors. */
function pageOf(
  rows: Row[],
  limit: number,
  backwards: boolean,
  fromCursor: boolean,
  cursorOf: (row: Row) => QueueCursor,
) {
  const items = rows.slice(0, limit);
  if (backwards) items.reverse();
  const more = rows.length > limit;
  const first = items[0];
  const last = items.at(-1);
  const hasNext = backwards ? fromCursor : more;
  const hasPrevious = backwards ? more : fromCursor;
  return {
    tickets: items.map(toQueueRow),
    nextCursor: hasNext && last ? encodeQueueCursor(cursorOf(last)) : null,
    previousCursor: hasPrevious && first ? encodeQueueCursor(cursorOf(first)) : null,
  };
}

/**
 * The agents' queue over every shop's tickets: filters, search, keyset pages in both directions
 * and no count of the whole result, so a page costs the same with 10 thousand or 1 million tickets.
 */
export function agentQueue(db: Db) {
  const kind = databaseKindOf(db);
  async function browse(filter: QueueFilter, limit: number): Promise<QueuePage> {
    const column: TimeColumn = filter.sort.startsWith("activity") ? "lastActivityAt" : "createdAt";
    const backwards = Boolean(filter.before);
    const cursor = decodeQueueCursor(filter.before ?? filter.after);
    const scanDescending = filter.sort.endsWith("desc") !== backwards;
    const rows = await db.ticket.findMany({
      where: {
        AND: [filterWhere(filter), cursor?.kind === "time" ? pastCursor(column, cursor, scanDescending) : {}],
      },
      orderBy: orderBy(column, scanDescending ? "desc" : "asc"),
      take: limit + 1,
      select: ROW,
    });
    const cursorOf = (row: Row): QueueCursor => ({ kind: "time", at: row[column], id: row.id });
    return { ...pageOf(rows, limit, backwards, cursor !== null, cursorOf), sort: filter.sort };
  }

  /**
   * Due soonest first, then the tickets with nothing due, newest first: two keyset scans, one over
   * [responseDueAt, id] where a response is due and one over the (…, createdAt, id) index the filters
   * already use, so "nulls last" costs no sort of the whole table on either database. Going backwards
   * walks the same two scans in reverse.
   */
  async function browseByDue(filter: QueueFilter, limit: number): Promise<QueuePage> {
    const backwards = Boolean(filter.before);
    const cursor = decodeQueueCursor(filter.before ?? filter.after);
    const where = filterWhere(filter);
    // In a status where nothing can be due, the first scan would read the whole status for nothing.
    const nothingDue = filter.status !== undefined && !responseCanBeDue(filter.status);
    const dueScan = (take: number, past: Prisma.TicketWhereInput) =>
      take <= 0 || nothingDue
        ? Promise.resolve([])
        : db.ticket.findMany({
            where: { AND: [where, { responseDueAt: { not: null } }, past] },
            orderBy: orderBy("responseDueAt", backwards ? "desc" : "asc"),
            take,
            select: ROW,
          });
    const undueScan = (take: number, past?: { at: Date; id: string }) =>
      take <= 0 || filter.dueBefore
        ? Promise.resolve([])
        : db.ticket.findMany({
            where: {
              AND: [where, { responseDueAt: null }, past ? pastCursor("createdAt", past, !backwards) : {}],
            },
            orderBy: orderBy("createdAt", backwards ? "asc" : "desc"),
            take,
            select: ROW,
          });
    const duePast =
      cursor?.kind === "time" ? pastCursor("responseDueAt", { at: cursor.at, id: cursor.id }, backwards) : {};
    let rows: Row[];
    if (!backwards) {
      const due = cursor?.kind === "undue" ? [] : await dueScan(limit + 1, duePast);
      const undue = await undueScan(limit + 1 - due.length, cursor?.kind === "undue" ? cursor : undefined);
      rows = [...due, ...undue];
    } else if (cursor?.kind === "undue") {
      const undue = await undueScan(limit + 1, cursor);
      rows = [...undue, ...(await dueScan(limit + 1 - undue.length, {}))];
    } else {
      rows = await dueScan(limit + 1, duePast);
    }
    const cursorOf = (row: Row): QueueCursor =>
      row.responseDueAt
        ? { kind: "time", at: row.responseDueAt, id: row.id }
        : { kind: "undue", at: row.createdAt, id: row.id };
    return { ...pageOf(rows, limit, backwards, cursor !== null, cursorOf), sort: "due_asc" };
  }

  async function search(filter: QueueFilter, terms: string[], limit: number): Promise<QueuePage> {
    const backwards = Boolean(filter.before);
    const cursor = decodeQueueCursor(filter.before ?? filter.after);
    const newestFirst = filter.sort.endsWith("desc");
    const ids = await searchTicketIds(db, kind, {
      ...filter,
      terms,
      descending: newestFirst !== backwards,
      limit: limit + 1,
      ...(cursor?.kind === "number" ? { pastNumber: cursor.number } : {}),
    });
    const found = await db.ticket.findMany({ where: { id: { in: ids } }, select: ROW });
    const byId = new Map(found.map((row) => [row.id, row]));
    const rows = ids.flatMap((id) => byId.get(id) ?? []);
    const cursorOf = (row: Row): QueueCursor => ({ kind: "number", number: row.number });
    return {
      ...pageOf(rows, limit, backwards, cursor !== null, cursorOf),
      sort: newestFirst ? "created_desc" : "created_asc",
    };
  }

  return {
    page(filter: QueueFilter): Promise<QueuePage> {
      const limit = Math.min(Math.max(filter.limit ?? QUEUE_PAGE_SIZE, 1), 100);
      if (filter.searchTerms?.length) return search(filter, filter.searchTerms, limit);
      return filter.sort === "due_asc" ? browseByDue(filter, limit) : browse(filter, limit);
    },

    /**
     * Tickets per status, each count stopping at STATUS_COUNT_CAP: a bounded range of the status
     * index, not a table scan. Raw SQL because Prisma's `count({ take })` reads the rows it counts.
     */
    async statusCounts(): Promise<{ status: TicketStatus; count: number; capped: boolean }[]> {
      const counts: { status: TicketStatus; count: number; capped: boolean }[] = [];
      for (const status of TICKET_STATUSES) {
        const [row] = await db.$queryRaw<{ n: bigint | number }[]>`
          SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "Ticket" WHERE "status" = ${status} LIMIT ${STATUS_COUNT_CAP}) AS "capped"`;
        const count = Number(row?.n ?? 0);
        counts.push({ status, count, capped: count >= STATUS_COUNT_CAP });
      }
      return counts;
    },
  };
}

export type QueueRow = QueuePage["tickets"][number];
