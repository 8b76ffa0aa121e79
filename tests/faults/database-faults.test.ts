import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answering503 } from "~/database-unavailable.server";
import { createDb, type Db } from "~/db.server";
import { isReady } from "~/health.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { DEMO_SHOP } from "../../preview/demo-shops";
import { adminDataRequest, installShop, respond, uniqueShop } from "../helpers/shopify";
import { newTicket } from "../helpers/tickets";
import { privateDatabase, type PrivateDatabase } from "../integration/fixtures/private-database";
import { postgresOutage, sqliteOutage, within, type Outage, type PostgresFault } from "./outage";

const onPostgres = process.env.TEST_DATABASE === "postgresql";

/** A parent and a child whose foreign key is checked at COMMIT, so a COMMIT can be made to fail. */
async function deferredForeignKey(db: Db) {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "FaultParent" ("id" INTEGER PRIMARY KEY)`);
  await db.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS "FaultChild" ("id" INTEGER PRIMARY KEY, "parentId" INTEGER NOT NULL REFERENCES "FaultParent" ("id") DEFERRABLE INITIALLY DEFERRED)`,
  );
}

let orphan = 0;
/** A transaction whose statements all succeed and whose COMMIT fails: its child has no parent. */
function failedCommit(db: Db) {
  orphan += 1;
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`INSERT INTO "FaultChild" ("id", "parentId") VALUES (${orphan}, ${-orphan})`);
  });
}

let database: PrivateDatabase;
beforeAll(async () => {
  database = await privateDatabase();
});
afterAll(() => database?.close());

describe("a transaction whose COMMIT fails", () => {
  it("fails alone: the next 100 transactions (ticket creations) succeed, numbered without a gap", async () => {
    const { db } = database;
    await deferredForeignKey(db);
    // More failures than PostgreSQL's pool has connections (10), each of which used to keep one.
    for (let i = 0; i < 12; i++) {
      await expect(within(5_000, "failed COMMIT", failedCommit(db))).rejects.toThrow(/foreign ?key/i);
    }

    const shop = uniqueShop("failed-commit");
    const numbers: number[] = [];
    for (let i = 0; i < 100; i++) {
      const { ticket } = await within(
        5_000,
        `ticket ${i + 1} after the failed COMMITs`,
        merchantTickets(db, shop).create(newTicket()),
      );
      numbers.push(ticket.number);
    }
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    // Nothing of the failed transactions stayed.
    const [orphans] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS "n" FROM "FaultChild"`,
    );
    expect(Number(orphans!.n)).toBe(0);
  });
});

/** `readStatus`: what a page that only reads answers meanwhile. */
type Fault = { name: string; outage: (url: string) => Promise<Outage>; readStatus: number };

const faults: Fault[] = onPostgres
  ? (["partition", "stop"] as PostgresFault[]).map((fault) => ({
      name: fault === "partition" ? "cut off by a network partition" : "stopped",
      outage: () => postgresOutage(database.url, fault),
      readStatus: 503,
    }))
  : // In write-ahead-log mode readers never wait for the writer: pages still load, writes answer 503.
    [{ name: "locked by another process", outage: (url) => sqliteOutage(url), readStatus: 200 }];

const newTicketRoute = await import("~/routes/app.support.new");
const ticketsRoute = await import("~/routes/app.support.tickets._index");

function ticketForm(description: string) {
  const form = new FormData();
  const fields = {
    category: "order_sync",
    description,
    contactEmail: "owner@demo-shop.example",
    idempotencyKey: crypto.randomUUID(),
    locale: "en",
  };
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

describe.each(faults)("a database $name", ({ outage: makeOutage, readStatus }) => {
  let outage: Outage;
  let client: Db;
  beforeAll(async () => {
    outage = await makeOutage(database.url);
    client = createDb(outage.url);
    // The routes' shared client, as the server makes it, reaching the database through the fault.
    globalThis.__db = answering503(client);
    await installShop(client, DEMO_SHOP.domain);
  });
  afterAll(async () => {
    globalThis.__db = undefined;
    await client?.$disconnect();
    await outage?.close();
  });

  it("answers every request within 5 s (503 with Retry-After), writes nothing, and serves the next request once it is back", async () => {
    const before = await client.ticket.count({ where: { shop: DEMO_SHOP.domain } });
    await outage.cut();

    const started = Date.now();
    const answers = await Promise.all([
      within(
        5_000,
        "ticket creation during the outage",
        adminDataRequest("/app/support/new", DEMO_SHOP.domain, {
          method: "POST",
          body: ticketForm("Orders stopped syncing during the outage."),
        }).then((request) => respond(newTicketRoute.action, request)),
      ),
      within(
        5_000,
        "ticket log during the outage",
        adminDataRequest("/app/support/tickets", DEMO_SHOP.domain).then((request) =>
          respond(ticketsRoute.loader, request),
        ),
      ),
    ]);
    expect(Date.now() - started).toBeLessThanOrEqual(5_000);
    const [creation, log] = answers;
    expect(creation!.status).toBe(503);
    expect(creation!.headers.get("Retry-After")).toBe("5");
    expect(await creation!.json()).toMatchObject({ unavailable: true });
    expect(log!.status).toBe(readStatus);
    if (readStatus === 503) expect(log!.headers.get("Retry-After")).toBe("5");

    expect(await within(2_500, "readiness during the outage", isReady(client))).toBe(readStatus === 200);

    await outage.heal();
    expect(await within(2_500, "readiness once back", isReady(client))).toBe(true);
    const created = await within(
      5_000,
      "ticket creation after the outage",
      adminDataRequest("/app/support/new", DEMO_SHOP.domain, {
        method: "POST",
        body: ticketForm("Orders stopped syncing, sent again once the database is back."),
      }).then((request) => respond(newTicketRoute.action, request)),
    );
    expect(created.status).toBe(302);
    const after = await client.ticket.findMany({
      where: { shop: DEMO_SHOP.domain },
      select: { description: true },
    });
    expect(after).toHaveLength(before + 1);
    expect(after.map((ticket) => ticket.description)).not.toContain(
      "Orders stopped syncing during the outage.",
    );
  });
});
