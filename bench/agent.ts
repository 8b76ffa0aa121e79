/**
 * `npm run bench:agent`: the agents' queue with 10,000, 100,000 and 1,000,000 tickets across
 * 5,000 shops, on SQLite and on PostgreSQL (TEST_POSTGRES_URL, default the local server; a database
 * of its own is created and dropped). Times are server time of `agentQueue(db).page()`, the call
 * the /agent route makes: the first page with each single filter and sort, a deep page, search,
 * and the capped status counts; the due-time (SLA) sort and the "Breaching soon" view; saved views
 * applied as the route applies them (their stored query string through the queue's URL schema).
 * Targets at 1,000,000 tickets: filters, SLA sort and saved views p95 ≤ 50 ms, search p95 ≤ 200 ms.
 * BENCH_SIZES=10000,100000 runs fewer sizes.
 */
import { rmSync } from "node:fs";
import pg from "pg";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { agentQueue } from "~/agent/queue.server";
import { queueFilterFrom, queueParamsSchema, type QueueFilter } from "~/agent/queue-params";
import { DEFAULT_SLA_SETTINGS } from "~/agent/sla";
import { supportDashboard } from "~/agent/dashboard.server";
import { Prisma, createDb, type Db } from "~/db.server";
import type { DatabaseKind } from "~/db-url";
import { freshPostgresUrl, freshSqliteUrl, migrate } from "../tests/setup/databases";
import { percentile, report } from "./lib";
import { measureAgentPage } from "./agent-page";

const SIZES = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const SHOPS = 5_000;
const AGENTS = 10;
const RUNS = 40;
const WARMUP = 5;
const BATCH = 100_000;
const DAY_S = 24 * 60 * 60;
const postgresServer = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

// Fragments the descriptions are built from, so words are common, rare or unique as in real text.
const OPENINGS = [
  "My TikTok orders",
  "Orders from TikTok",
  "The last TikTok order",
  "Several paid orders",
  "Products on TikTok",
  "The blue hoodie listing",
  "My inventory",
  "The shop connection",
];
const PROBLEMS = [
  " are not showing up in Shopify",
  " failed to sync",
  " arrive twice",
  " show Sync failed",
  " lost the tracking number",
  " stopped updating",
  " were cancelled on TikTok but not in Shopify",
  " cannot be authorized",
];
const ENDINGS = [
  " since yesterday.",
  " after the last update.",
  " since Monday morning.",
  " and customers are complaining.",
  " again this week.",
  " even after reconnecting.",
];
const STATUSES = ["new", "open", "pending_merchant", "resolved", "closed"];
const CATEGORIES = [
  "order_sync",
  "order_sync",
  "order_sync",
  "product_sync",
  "product_sync",
  "connection",
  "app_setup",
  "shipping",
  "payout",
  "general",
];

const values = (rows: string[]) =>
  rows.map((text, index) => `(${index}, '${text.replaceAll("'", "''")}')`).join(", ");

/** Tickets from..to (numbers 100000+n), created over the past year in number order, as real ones are. */
function seedSql(kind: DatabaseKind, from: number, to: number, total: number, now: number) {
  const start = now - 365 * DAY_S;
  const step = (365 * DAY_S) / total;
  const epoch = (seconds: string) =>
    kind === "postgresql"
      ? `(timestamp 'epoch' + (${seconds}) * interval '1 second')`
      : `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${seconds}, 'unixepoch')`;
  const least = kind === "postgresql" ? "LEAST" : "MIN";
  const at = (offset: string) => epoch(`${least}(${start} + n * ${step} + ${offset}, ${now})`);
  const sequence =
    kind === "postgresql"
      ? `seq(n) AS (SELECT generate_series(${from + 1}, ${to})::bigint)`
      : `seq(n) AS (SELECT ${from + 1} UNION ALL SELECT n + 1 FROM seq WHERE n < ${to})`;
  const hash = "((n * 2654435761) % 100)";
  const status = `(SELECT s FROM statuses WHERE i = CASE WHEN ${hash} < 5 THEN 0 WHEN ${hash} < 10 THEN 1 WHEN ${hash} < 15 THEN 2 WHEN ${hash} < 30 THEN 3 ELSE 4 END)`;
  const orderId = `CASE WHEN n % 3 = 0 THEN '#' || (1000 + (n * 7919) % 90000) ELSE NULL END`;
  const description = `o.s || p.s || e.s || ' Ref ' || (n * 2654435761 % 4294967296)`;
  const shop = `'shop-' || (n % ${SHOPS}) || '.myshopify.com'`;
  // PostgreSQL keeps the status as its enum type (migration 0005), which text does not turn into by itself.
  const statusValue = kind === "postgresql" ? `status::"TicketStatus"` : "status";
  return `
    WITH RECURSIVE ${sequence},
      openings(i, s) AS (VALUES ${values(OPENINGS)}),
      problems(i, s) AS (VALUES ${values(PROBLEMS)}),
      endings(i, s) AS (VALUES ${values(ENDINGS)}),
      statuses(i, s) AS (VALUES ${values(STATUSES)}),
      categories(i, s) AS (VALUES ${values(CATEGORIES)}),
      rows AS (
        SELECT n, ${status} AS status, c.s AS category, ${description} AS description, ${orderId} AS "orderId",
               CASE WHEN (n * 13) % 14 < ${AGENTS} THEN 'bench-agent-' || ((n * 13) % 14) ELSE NULL END AS "assigneeId"
        -- CROSS JOIN keeps the sequence as SQLite's outer loop instead of rescanning it per fragment.
        FROM seq CROSS JOIN openings o CROSS JOIN problems p CROSS JOIN endings e CROSS JOIN categories c
        WHERE o.i = n % 8 AND p.i = (n / 8) % 8 AND e.i = (n / 64) % 6 AND c.i = (n * 7) % 10)
    INSERT INTO "Ticket" ("id", "number", "shop", "shopName", "status", "category", "suggestedCategory", "confidence", "description",
      "orderId", "contactEmail", "locale", "diagnostics", "assigneeId", "idempotencyKey", "searchText",
      "createdAt", "updatedAt", "lastActivityAt", "firstAgentReplyAt", "resolvedAt", "closedAt", "responseDueAt")
    SELECT 'bench-' || n, 100000 + n, ${shop}, 'Shop ' || (n % ${SHOPS}), ${statusValue}, category, category, 0.9, description,
      "orderId", 'owner@example.com', 'en', '{}', "assigneeId", 'bench-' || n,
      lower('spl-' || (100000 + n) || ' ' || ${shop} || ' shop ' || (n % ${SHOPS}) || ' ' || COALESCE("orderId", '') || ' ' || description),
      ${at("0")}, ${at("0")}, ${at("((n * 31) % 72) * 3600")},
      CASE WHEN status = 'new' THEN NULL ELSE ${at("((n * 17) % 48 + 1) * 3600")} END,
      CASE WHEN status IN ('resolved', 'closed') THEN ${at("((n * 19) % 96 + 49) * 3600")} ELSE NULL END,
      CASE WHEN status = 'closed' THEN ${at("((n * 19) % 96 + 97) * 3600")} ELSE NULL END,
      -- A response is due only on SPL's turn (new, open): up to two days after creation, so old
      -- unanswered tickets are overdue and the latest due soon or later, as in a real backlog.
      CASE WHEN status IN ('new', 'open') THEN ${epoch(`${start} + n * ${step} + ((n * 37) % 48 + 1) * 3600`)} ELSE NULL END
    FROM rows`;
}

/**
 * Runs a bulk-load statement. On PostgreSQL through a connection of its own: the app's client stops
 * any statement after 2.5 s (DATABASE_LIMITS), and loading 100,000 rows takes longer.
 */
async function bulk(db: Db, kind: DatabaseKind, url: string, statements: string[]) {
  if (kind === "sqlite") {
    for (const sql of statements) await db.$executeRawUnsafe(sql);
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

async function seed(db: Db, kind: DatabaseKind, url: string, total: number) {
  const now = Math.floor(Date.now() / 1000);
  await db.agent.createMany({
    data: Array.from({ length: AGENTS }, (_, i) => ({
      id: `bench-agent-${i}`,
      email: `bench-${i}@spl.example`,
      name: `Agent ${i}`,
      role: "agent",
      passwordHash: "-",
    })),
  });
  const batches: string[] = [];
  for (let from = 0; from < total; from += BATCH)
    batches.push(seedSql(kind, from, Math.min(total, from + BATCH), total, now));
  // A live database keeps planner statistics (and PostgreSQL its visibility map); after a bulk load
  // they must be refreshed, as autovacuum or PRAGMA optimize would.
  await bulk(db, kind, url, [...batches, kind === "postgresql" ? 'VACUUM ANALYZE "Ticket"' : "ANALYZE"]);
}

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await run();
  const timings: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    timings.push(performance.now() - started);
  }
  return { p50: percentile(timings, 50), p95: percentile(timings, 95) };
}

/** Saved views as agents save them: the queue's URL search string, applied as the route applies it. */
const SAVED_VIEWS: [string, string][] = [
  ["my open tickets by due time", "status=open&assignee=me&sort=due_asc"],
  ["unassigned order sync", "view=unassigned&category=order_sync"],
  ["connection, 1 to 7 days, last activity", "category=connection&age=1d_7d&sort=activity_desc"],
  ["one shop by due time", "shop=shop-1234&sort=due_asc"],
  ["breaching soon, unassigned", "view=breaching&assignee=unassigned"],
  ["waiting on merchant, oldest first", "view=waiting&sort=created_asc"],
];

function scenarios(
  total: number,
  now: number,
): { name: string; kind: "filter" | "search" | "sla" | "view" | "other"; filter: QueueFilter }[] {
  const day = 24 * 60 * 60 * 1000;
  const middle = Math.floor(total / 2);
  const ref = (n: number) => String((n * 2654435761) % 4294967296);
  const filters: [string, Partial<QueueFilter>][] = [
    ["no filter", {}],
    ["status = new", { status: "new" }],
    ["status = pending_merchant", { status: "pending_merchant" }],
    ["category = connection", { category: "connection" }],
    ["shop = shop-1234", { shop: "shop-1234.myshopify.com" }],
    ["assignee = Agent 3", { assignee: { kind: "agent", id: "bench-agent-3" } }],
    ["unassigned", { assignee: { kind: "unassigned" } }],
    ["age under 1 day", { createdFrom: new Date(now - day) }],
    ["age 1 to 7 days", { createdFrom: new Date(now - 7 * day), createdBefore: new Date(now - day) }],
    ["age over 30 days", { createdBefore: new Date(now - 30 * day) }],
  ];
  const searches: [string, Partial<QueueFilter>][] = [
    ['"tiktok" (common word)', { searchTerms: ["tiktok"] }],
    ['"hoodie"', { searchTerms: ["hoodie"] }],
    ['"sync" "failed"', { searchTerms: ["sync", "failed"] }],
    ["ticket number", { searchTerms: [`spl-${100000 + middle}`] }],
    ["order id #4321", { searchTerms: ["#4321"] }],
    ["unique reference", { searchTerms: [ref(middle)] }],
    ["shop domain", { searchTerms: ["shop-1234.myshopify"] }],
    ["no match", { searchTerms: ["zqxjv"] }],
    ['"tiktok" + status = new', { searchTerms: ["tiktok"], status: "new" }],
    ['"order" + shop', { searchTerms: ["order"], shop: "shop-1234.myshopify.com" }],
    ['"tiktok" + assignee', { searchTerms: ["tiktok"], assignee: { kind: "agent", id: "bench-agent-3" } }],
  ];
  return [
    ...filters.map(([name, filter]) => ({
      name: `${name}, newest first`,
      kind: "filter" as const,
      filter: { sort: "created_desc" as const, ...filter },
    })),
    ...filters.map(([name, filter]) => ({
      name: `${name}, last activity`,
      kind: "filter" as const,
      filter: { sort: "activity_desc" as const, ...filter },
    })),
    ...filters.slice(0, 2).map(([name, filter]) => ({
      name: `${name}, oldest first`,
      kind: "filter" as const,
      filter: { sort: "created_asc" as const, ...filter },
    })),
    ...(
      [
        ["due soonest first", {}],
        ["status = new, due soonest first", { status: "new" }],
        ["status = resolved, due soonest first (nothing due)", { status: "resolved" }],
        ["category = connection, due soonest first", { category: "connection" }],
        ["assignee = Agent 3, due soonest first", { assignee: { kind: "agent", id: "bench-agent-3" } }],
      ] as [string, Partial<QueueFilter>][]
    ).map(([name, filter]) => ({
      name,
      kind: "sla" as const,
      filter: { sort: "due_asc" as const, ...filter },
    })),
    {
      name: "Breaching soon view",
      kind: "sla" as const,
      filter: queueFilterFrom(
        queueParamsSchema.parse({ view: "breaching" }),
        "bench-agent-3",
        new Date(now),
        DEFAULT_SLA_SETTINGS,
      ),
    },
    ...SAVED_VIEWS.map(([name, query]) => ({
      name: `saved view: ${name}`,
      kind: "view" as const,
      filter: queueFilterFrom(
        queueParamsSchema.parse(Object.fromEntries(new URLSearchParams(query))),
        "bench-agent-3",
        new Date(now),
        DEFAULT_SLA_SETTINGS,
      ),
    })),
    ...searches.map(([name, filter]) => ({
      name: `search ${name}`,
      kind: "search" as const,
      filter: { sort: "created_desc" as const, ...filter },
    })),
  ];
}

function sqliteDatabase() {
  const url = freshSqliteUrl();
  return {
    url,
    drop: async () => rmSync(path.dirname(url.replace(/^file:/, "")), { recursive: true, force: true }),
  };
}

async function measureSize(kind: DatabaseKind, total: number) {
  const database = kind === "postgresql" ? await freshPostgresUrl(postgresServer) : sqliteDatabase();
  migrate(database.url);
  const db = createDb(database.url);
  try {
    const seedStarted = performance.now();
    await seed(db, kind, database.url, total);
    const [version] = await db.$queryRaw<{ v: string }[]>(
      kind === "postgresql"
        ? Prisma.sql`SELECT version() AS v`
        : Prisma.sql`SELECT 'SQLite ' || sqlite_version() AS v`,
    );
    const seconds = ((performance.now() - seedStarted) / 1000).toFixed(0);
    console.log(
      `\n-- ${total.toLocaleString("en")} tickets across ${SHOPS.toLocaleString("en")} shops (${version?.v.split(" on ")[0]}; seeded in ${seconds} s)`,
    );
    const queue = agentQueue(db);
    const results: { name: string; kind: string; p50: number; p95: number }[] = [];
    for (const scenario of scenarios(total, Date.now())) {
      const rows = (await queue.page(scenario.filter)).tickets.length;
      results.push({
        name: `${scenario.name} (${rows} rows)`,
        kind: scenario.kind,
        ...(await time(() => queue.page(scenario.filter))),
      });
    }
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++)
      cursor = (await queue.page({ sort: "created_desc", ...(cursor ? { after: cursor } : {}) })).nextCursor;
    const deep = { sort: "created_desc" as const, ...(cursor ? { after: cursor } : {}) };
    results.push({
      name: "page 51 via cursor, newest first",
      kind: "filter",
      ...(await time(() => queue.page(deep))),
    });
    results.push({
      name: "status counts (5 counts capped at 10,000)",
      kind: "other",
      ...(await time(() => queue.statusCounts())),
    });
    const dashboard = await time(() => supportDashboard(db, { days: 30 }));
    results.push({ name: "dashboard, last 30 days (not a queue target)", kind: "other", ...dashboard });
    for (const row of results)
      console.log(
        `  ${row.name.padEnd(58)} p50 ${row.p50.toFixed(1).padStart(7)} ms   p95 ${row.p95.toFixed(1).padStart(7)} ms`,
      );
    const worst = (which: string) =>
      results.filter((row) => row.kind === which).reduce((max, row) => (row.p95 > max.p95 ? row : max));
    return { filter: worst("filter"), search: worst("search"), sla: worst("sla"), view: worst("view") };
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

async function measure(kind: DatabaseKind) {
  const label = kind === "postgresql" ? "PostgreSQL" : "SQLite";
  console.log(`\n== ${label}`);
  const summary: string[] = [];
  const passes: boolean[] = [];
  for (const size of SIZES) {
    const { filter, search, sla, view } = await measureSize(kind, size);
    summary.push(
      `${size.toLocaleString("en").padStart(9)} tickets: worst filtered page p95 ${filter.p95.toFixed(1)} ms, worst SLA sort p95 ${sla.p95.toFixed(1)} ms, worst saved view p95 ${view.p95.toFixed(1)} ms, worst search p95 ${search.p95.toFixed(1)} ms`,
    );
    if (size >= 1_000_000) {
      passes.push(
        report(
          `${label} queue first page, any single filter, p95 at ${size.toLocaleString("en")} (worst: ${filter.name})`,
          filter.p95,
          "ms",
          { max: 50 },
        ),
      );
      passes.push(
        report(
          `${label} queue first page, SLA sort, p95 at ${size.toLocaleString("en")} (worst: ${sla.name})`,
          sla.p95,
          "ms",
          { max: 50 },
        ),
      );
      passes.push(
        report(
          `${label} queue first page, saved view applied, p95 at ${size.toLocaleString("en")} (worst: ${view.name})`,
          view.p95,
          "ms",
          { max: 50 },
        ),
      );
      passes.push(
        report(
          `${label} queue search p95 at ${size.toLocaleString("en")} (worst: ${search.name})`,
          search.p95,
          "ms",
          { max: 200 },
        ),
      );
    }
  }
  console.log(`\n${label} summary:\n${summary.join("\n")}`);
  return passes;
}

console.log(
  `Agent queue benchmark: ${os.cpus().length} CPUs, Node ${process.version}; ${RUNS} timed runs per case after ${WARMUP} warm-up runs`,
);
/**
 * `npm run bench:agent -- --page` measures the queue page in Chromium alone, `-- --queue` the queue's
 * queries alone (the page needs a build of its own, which another build in the same checkout removes).
 */
const pageOnly = process.argv.includes("--page");
const queueOnly = process.argv.includes("--queue");
const passes = [
  ...(queueOnly ? [] : await measureAgentPage()),
  ...(pageOnly ? [] : [...(await measure("sqlite")), ...(await measure("postgresql"))]),
];
process.exit(passes.every(Boolean) ? 0 : 1);
