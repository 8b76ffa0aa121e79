import { Prisma, type Db } from "~/db.server";
import type { DatabaseKind } from "~/db-url";
import type { QueueFilter } from "./queue-params";

export interface SearchQuery extends Omit<
  QueueFilter,
  "sort" | "after" | "before" | "limit" | "searchTerms"
> {
  terms: string[];
  /** Only numbers past this one, in the scan's direction (keyset pagination). */
  pastNumber?: number;
  descending: boolean;
  limit: number;
}

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
const ftsPhrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

function filterConditions(query: SearchQuery): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.status) conditions.push(Prisma.sql`t."status" = ${query.status}`);
  if (query.category) conditions.push(Prisma.sql`t."category" = ${query.category}`);
  if (query.shop) conditions.push(Prisma.sql`t."shop" = ${query.shop}`);
  if (query.assignee?.kind === "unassigned") conditions.push(Prisma.sql`t."assigneeId" IS NULL`);
  if (query.assignee?.kind === "agent") conditions.push(Prisma.sql`t."assigneeId" = ${query.assignee.id}`);
  if (query.createdFrom) conditions.push(Prisma.sql`t."createdAt" >= ${query.createdFrom}`);
  if (query.createdBefore) conditions.push(Prisma.sql`t."createdAt" < ${query.createdBefore}`);
  return conditions;
}

function pastCondition(column: Prisma.Sql, query: SearchQuery): Prisma.Sql[] {
  if (query.pastNumber === undefined) return [];
  return [
    query.descending
      ? Prisma.sql`${column} < ${query.pastNumber}`
      : Prisma.sql`${column} > ${query.pastNumber}`,
  ];
}

const likeConditions = (terms: string[]) =>
  terms.map((term) => Prisma.sql`t."searchText" LIKE ${likePattern(term)} ESCAPE '\\'`);
const and = (conditions: Prisma.Sql[]) => Prisma.join(conditions, " AND ");

/**
 * Ids of the tickets whose searchText contains every term, ordered by ticket number. Both
 * databases index trigrams, so a term matches anywhere in a word, as LIKE '%term%' would:
 * PostgreSQL through a pg_trgm GIN index on searchText, SQLite through the FTS5 trigram table
 * TicketSearch (migration 0002_ticket_search), whose rowid is the ticket number.
 */
export async function searchTicketIds(db: Db, kind: DatabaseKind, query: SearchQuery): Promise<string[]> {
  const direction = Prisma.raw(query.descending ? "DESC" : "ASC");
  const number = Prisma.sql`t."number"`;
  let rows: { id: string }[];
  if (kind === "postgresql" || query.shop) {
    // One shop has few tickets: checking its rows directly beats walking every match in the index.
    rows = await db.$queryRaw<{ id: string }[]>`
      SELECT t."id" FROM "Ticket" t
      WHERE ${and([...likeConditions(query.terms), ...filterConditions(query), ...pastCondition(number, query)])}
      ORDER BY t."number" ${direction} LIMIT ${query.limit}`;
  } else {
    // The full-text table drives the scan in rowid (= number) order and stops at the page's end.
    const rowid = Prisma.sql`"TicketSearch".rowid`;
    const match = query.terms.map(ftsPhrase).join(" ");
    rows = await db.$queryRaw<{ id: string }[]>`
      SELECT t."id" FROM "TicketSearch" CROSS JOIN "Ticket" t
      WHERE ${and([Prisma.sql`"TicketSearch" MATCH ${match}`, Prisma.sql`t."number" = ${rowid}`, ...filterConditions(query), ...pastCondition(rowid, query)])}
      ORDER BY ${rowid} ${direction} LIMIT ${query.limit}`;
  }
  return rows.map((row) => row.id);
}
