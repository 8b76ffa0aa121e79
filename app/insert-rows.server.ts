import { randomFillSync } from "node:crypto";
import { monotonicFactory } from "ulid";
import type { DatabaseKind } from "~/db-url";
import { Prisma } from "~/db.server";

/** The tables written in bulk on the ticket-creation path, with their columns as Prisma defines them. */
interface BulkTables {
  Ticket: Prisma.TicketModel;
  AuditEvent: Prisma.AuditEventModel;
  Attachment: Prisma.AttachmentModel;
  OutboxEmail: Prisma.OutboxEmailModel;
}

/** Rows for one table; every row must carry the same columns, including the id and what Prisma would default or set. */
export type TableRows = {
  [T in keyof BulkTables]: { table: T; rows: Partial<BulkTables[T]>[] };
}[keyof BulkTables];

const randomPool = Buffer.alloc(4096);
let randomOffset = randomPool.length;

/**
 * Uniform in [0, 1) from the operating system's CSPRNG, drawn from a pooled buffer: ulid's default
 * asks the CSPRNG for one byte per character, 16 calls per id, a few percent of a busy server's CPU.
 */
function pooledSecureRandom(): number {
  if (randomOffset + 4 > randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  const value = randomPool.readUInt32BE(randomOffset) / 2 ** 32;
  randomOffset += 4;
  return value;
}

/**
 * Ids for rows written with `insertRows`: unique, unguessable, and increasing within a process, so
 * tickets created in the same millisecond still list newest first by (createdAt, id).
 */
export const newRowId = monotonicFactory(pooledSecureRandom);

/** Identifiers come from the types above, never from input; every value is a bound parameter. */
function insertStatement({ table, rows }: TableRows): Prisma.Sql {
  const columns = Object.keys(rows[0]!) as (keyof (typeof rows)[number] & string)[];
  const values = rows.map(
    (row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column] ?? null))})`,
  );
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${Prisma.raw(columns.map((column) => `"${column}"`).join(", "))}) VALUES ${Prisma.join(values)}`;
}

/**
 * A multi-row INSERT through Prisma's parameterised SQL, for the hottest write path: Prisma 6's
 * query compiler spends milliseconds compiling a createMany of a wide table, this costs a fraction.
 */
export async function insertRows(tx: Prisma.TransactionClient, insert: TableRows): Promise<void> {
  if (insert.rows.length > 0) await tx.$executeRaw(insertStatement(insert));
}

/**
 * Several tables' rows, in order. On PostgreSQL they go in one statement (data-modifying WITH
 * clauses; foreign keys are checked at its end), so a batch pays one round trip, not one per table.
 * SQLite has no such clause, and its statements cost no round trip: one per table.
 */
export async function insertRowsTogether(
  tx: Prisma.TransactionClient,
  kind: DatabaseKind,
  inserts: TableRows[],
): Promise<void> {
  const statements = inserts.filter((insert) => insert.rows.length > 0).map(insertStatement);
  if (kind === "sqlite" || statements.length < 2) {
    for (const statement of statements) await tx.$executeRaw(statement);
    return;
  }
  const last = statements.pop()!;
  const clauses = statements.map(
    (statement, index) => Prisma.sql`${Prisma.raw(`"insert${index}"`)} AS (${statement})`,
  );
  await tx.$executeRaw`WITH ${Prisma.join(clauses)} ${last}`;
}
