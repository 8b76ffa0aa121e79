import { monotonicFactory } from "ulid";
import { Prisma } from "~/db.server";

/** The tables written in bulk on the ticket-creation path, with their columns as Prisma defines them. */
interface BulkTables {
  Ticket: Prisma.TicketModel;
  AuditEvent: Prisma.AuditEventModel;
  Attachment: Prisma.AttachmentModel;
  OutboxEmail: Prisma.OutboxEmailModel;
}

/**
 * Ids for rows written with `insertRows`: unique, unguessable, and increasing within a process, so
 * tickets created in the same millisecond still list newest first by (createdAt, id).
 */
export const newRowId = monotonicFactory();

/**
 * One multi-row INSERT through Prisma's parameterised SQL, for the hottest write path: Prisma 6's
 * query compiler spends milliseconds compiling a createMany of a wide table, this costs a fraction.
 * Every row must carry the same columns, including the id and what Prisma would default or set.
 * Identifiers come from the types above, never from input; every value is a bound parameter.
 */
export async function insertRows<T extends keyof BulkTables>(
  tx: Prisma.TransactionClient,
  table: T,
  rows: Partial<BulkTables[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first) as (keyof BulkTables[T] & string)[];
  const values = rows.map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column] ?? null))})`);
  await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${Prisma.raw(columns.map((column) => `"${column}"`).join(", "))}) VALUES ${Prisma.join(values)}`;
}
