import { readFileSync, readdirSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDb, type Db } from "~/db.server";
import { freshPostgresUrl, freshSqliteUrl } from "../tests/setup/databases";
import { SCHEMAS } from "./schemas";

const postgresServer = process.env.TEST_POSTGRES_URL;
const TYPED_COLUMNS = "0005_typed_columns";

/**
 * The migration scripts of one database, in order, split at the one that typed the columns; the
 * later ones run too, so today's client finds the columns it reads.
 */
function migrationScripts(folder: string) {
  const names = readdirSync(folder)
    .filter((name) => /^\d{4}_/.test(name))
    .sort();
  const read = (name: string) => readFileSync(`${folder}/${name}/migration.sql`, "utf8");
  const at = names.indexOf(TYPED_COLUMNS);
  return {
    before: names.slice(0, at).map(read),
    typed: read(TYPED_COLUMNS),
    after: names.slice(at + 1).map(read),
  };
}

/** A ticket as the code before the typed columns wrote it: statuses as text, JSON as text. */
const OLD_ROWS = `
  INSERT INTO "Agent" ("id", "email", "name", "role", "passwordHash") VALUES ('a1', 'ana@spl.example', 'Ana', 'admin', 'x');
  INSERT INTO "Ticket" ("id", "number", "shop", "shopName", "status", "category", "description", "orderSummary",
    "contactEmail", "locale", "diagnostics", "idempotencyKey", "searchText", "updatedAt")
  VALUES ('t1', 1001, 'old.myshopify.com', 'Old Shop', 'pending_merchant', 'shipping', 'Parcel lost',
    '{"found":true,"id":"gid://shopify/Order/7"}', 'o@example.com', 'it', '{"shopPlan":"Basic"}', 'k1',
    'spl-1001 old.myshopify.com old shop parcel lost', CURRENT_TIMESTAMP);
  INSERT INTO "Message" ("id", "ticketId", "shop", "authorType", "agentId", "body") VALUES ('m1', 't1', 'old.myshopify.com', 'agent', 'a1', 'Hi');
  INSERT INTO "AuditEvent" ("id", "ticketId", "actorType", "actorId", "action") VALUES ('e1', 't1', 'agent', 'a1', 'reply');
  INSERT INTO "OutboxEmail" ("id", "toAddress", "subject", "body", "status") VALUES ('o1', 'o@example.com', 'S', 'B', 'sent');
  INSERT INTO "CustomerDataExport" ("id", "shop", "customerId", "payload") VALUES ('x1', 'old.myshopify.com', '9', '{"tickets":[]}');
`;

/** What the typed client reads back of the rows written as text. */
async function expectTypedRows(db: Db) {
  expect(await db.ticket.findUniqueOrThrow({ where: { id: "t1" } })).toMatchObject({
    status: "pending_merchant",
    orderSummary: { found: true, id: "gid://shopify/Order/7" },
    diagnostics: { shopPlan: "Basic" },
  });
  expect(await db.message.findUniqueOrThrow({ where: { id: "m1" } })).toMatchObject({ authorType: "agent" });
  expect(await db.auditEvent.findUniqueOrThrow({ where: { id: "e1" } })).toMatchObject({
    actorType: "agent",
    action: "reply",
  });
  expect(await db.agent.findUniqueOrThrow({ where: { id: "a1" } })).toMatchObject({ role: "admin" });
  expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: "o1" } })).toMatchObject({ status: "sent" });
  expect(await db.customerDataExport.findUniqueOrThrow({ where: { id: "x1" } })).toMatchObject({
    payload: { tickets: [] },
  });
  expect(await db.ticket.count({ where: { status: "pending_merchant" } })).toBe(1);
}

describe("the migration to typed columns", () => {
  it("keeps SQLite's tickets, their JSON and their full-text search", async () => {
    const url = freshSqliteUrl();
    const { before, typed, after } = migrationScripts(SCHEMAS.sqlite.migrations);
    const file = new Database(url.slice("file:".length));
    for (const script of before) file.exec(script);
    file.exec(OLD_ROWS);
    file.exec(typed);
    const matches = (term: string) =>
      file.prepare(`SELECT rowid FROM "TicketSearch" WHERE "TicketSearch" MATCH ?`).all(term);
    expect(matches('"parcel"')).toEqual([{ rowid: 1001 }]);
    for (const script of after) file.exec(script);
    file.close();

    const db = createDb(url);
    await expectTypedRows(db);
    await db.ticket.update({ where: { id: "t1" }, data: { searchText: "spl-1001 courier damaged" } });
    await db.$disconnect();
    const reopened = new Database(url.slice("file:".length));
    // The search triggers came back with the redefined table: an update is searchable at once.
    expect(
      reopened.prepare(`SELECT rowid FROM "TicketSearch" WHERE "TicketSearch" MATCH ?`).all('"courier"'),
    ).toEqual([{ rowid: 1001 }]);
    reopened.close();
  });

  it.runIf(postgresServer)("converts PostgreSQL's rows in place", async () => {
    const database = await freshPostgresUrl(postgresServer!);
    try {
      const { before, typed, after } = migrationScripts(SCHEMAS.postgresql.migrations);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      for (const script of before) await client.query(script);
      await client.query(OLD_ROWS);
      await client.query(typed);
      for (const script of after) await client.query(script);
      await client.end();
      const db = createDb(database.url);
      await expectTypedRows(db);
      await db.$disconnect();
    } finally {
      await database.drop();
    }
  });
});
