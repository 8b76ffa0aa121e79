/**
 * `npm run bench:faults`: how the app behaves when a dependency fails, on SQLite and PostgreSQL.
 *  - the database cut off (PostgreSQL: a network partition and a stop, through a TCP proxy; SQLite:
 *    another process holding the write lock) for 8 s under 16 merchants creating tickets against the
 *    built server: the slowest answer meanwhile, what they were, and the first ticket after recovery;
 *  - failed COMMITs (a deferred foreign key), then 100 transactions on the same client;
 *  - SIGTERM to the built server under 16 clients' keep-alive load: requests cut, exit code and time;
 *  - the outbox: 1,000 emails to an SMTP server that takes 100 ms per message, and the same backlog
 *    after a worker process is killed (SIGKILL) mid-send: time until every email is delivered, duplicates.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { execFileSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { createDb, type Db } from "~/db.server";
import { enqueueEmail } from "~/notifications/outbox.server";
import { createSmtpTransport, startOutboxWorker } from "~/notifications/outbox-worker.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { keepAliveLoad } from "../tests/faults/keep-alive-load";
import { postgresOutage, sqliteOutage, type Outage } from "../tests/faults/outage";
import { slowSmtpServer } from "../tests/faults/slow-smtp";
import { newTicket } from "../tests/helpers/tickets";
import { freshPostgresUrl, freshSqliteUrl, migrate } from "../tests/setup/databases";
import { TEST_CONFIG } from "../tests/setup/test-config";
import { report } from "./lib";
import { startProductionServer } from "./production-server";

type Kind = "SQLite" | "PostgreSQL";
const CLIENTS = 16;
const OUTAGE_MS = 8_000;
const EMAILS = 1_000;
const postgresServer = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";

type Server = Awaited<ReturnType<typeof startProductionServer>>;

/** A merchant posting the ticket form (a .data POST, as Remix sends it): the status and how long it took. */
function ticketPoster(server: Server, agent: Agent) {
  const { hostname, port } = new URL(server.baseURL);
  return async () => {
    const { token } = await server.sessionToken();
    const boundary = `----faults${randomUUID()}`;
    const fields = {
      category: "order_sync",
      description: "Fault benchmark: a TikTok order did not reach Shopify.",
      contactEmail: "bench@example.com",
      idempotencyKey: randomUUID(),
      locale: "en",
    };
    const body =
      Object.entries(fields)
        .map(
          ([name, value]) =>
            `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        )
        .join("") + `--${boundary}--\r\n`;
    const started = performance.now();
    return new Promise<{ status: number; ms: number }>((resolve) => {
      const request = httpRequest(
        {
          agent,
          hostname,
          port,
          method: "POST",
          path: "/app/support/new.data",
          headers: {
            Authorization: `Bearer ${token}`,
            "User-Agent": USER_AGENT,
            "Content-Type": `multipart/form-data; boundary=${boundary}`,
            "Content-Length": Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
          );
        },
      );
      request.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
      request.end(body);
    });
  };
}

/** 16 merchants creating tickets while the database is cut off for 8 s, then the first success after. */
async function outage(
  kind: Kind,
  name: string,
  databaseUrl: string,
  makeOutage: (url: string) => Promise<Outage>,
) {
  const fault = await makeOutage(databaseUrl);
  const server = await startProductionServer(fault.url);
  const agent = new Agent({ keepAlive: true });
  const post = ticketPoster(server, agent);
  try {
    for (let i = 0; i < 20; i++) await post();
    await fault.cut();
    const cutAt = performance.now();
    const during: { status: number; ms: number }[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() - cutAt < OUTAGE_MS) during.push(await post());
      }),
    );
    await fault.heal();
    const healedAt = performance.now();
    // A created ticket answers with the redirect to its page (Remix's 202 .data redirect).
    let after = await post();
    while (after.status !== 202 && performance.now() - healedAt < 10_000) after = await post();
    const statuses = Object.entries(
      during.reduce<Record<number, number>>(
        (count, { status }) => ({ ...count, [status]: (count[status] ?? 0) + 1 }),
        {},
      ),
    )
      .map(([status, n]) => `${n}× ${status}`)
      .join(", ");
    console.log(
      `${kind} database ${name} for ${OUTAGE_MS / 1000} s: ${during.length} requests answered (${statuses})`,
    );
    const slowest = Math.max(...during.map((answer) => answer.ms));
    const allUnavailable = during.every((answer) => answer.status === 503);
    console.log(`${allUnavailable ? "PASS" : "FAIL"}  ${kind} ${name}: every request meanwhile answered 503`);
    const recovered = after.status === 202;
    console.log(
      `${recovered ? "PASS" : "FAIL"}  ${kind} ${name}: first ticket after recovery ${recovered ? "created" : `failed (${after.status})`} ${(performance.now() - healedAt).toFixed(0)} ms after the database came back (the request took ${after.ms.toFixed(0)} ms)`,
    );
    return [
      report(`${kind} ${name}: slowest answer during the outage`, slowest, "ms", { max: 5_000 }),
      allUnavailable,
      recovered,
    ];
  } finally {
    agent.destroy();
    await server.stop();
    await fault.close();
  }
}

/** Failed COMMITs (more than PostgreSQL's pool has connections), then 100 transactions on the same client. */
async function failedCommits(kind: Kind, databaseUrl: string) {
  const db = createDb(databaseUrl);
  try {
    await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "FaultParent" ("id" INTEGER PRIMARY KEY)`);
    await db.$executeRawUnsafe(
      `CREATE TABLE IF NOT EXISTS "FaultChild" ("id" INTEGER PRIMARY KEY, "parentId" INTEGER NOT NULL REFERENCES "FaultParent" ("id") DEFERRABLE INITIALLY DEFERRED)`,
    );
    for (let i = 1; i <= 12; i++) {
      await db
        .$transaction((tx) =>
          tx.$executeRawUnsafe(`INSERT INTO "FaultChild" ("id", "parentId") VALUES (${i}, ${-i})`),
        )
        .then(
          () => console.log("the COMMIT unexpectedly succeeded"),
          () => {},
        );
    }
    let succeeded = 0;
    const started = performance.now();
    for (let i = 0; i < 100; i++) {
      const created = await Promise.race([
        merchantTickets(db, "faults-bench.myshopify.com")
          .create(newTicket())
          .then(
            () => true,
            () => false,
          ),
        sleep(5_000).then(() => false),
      ]);
      if (!created) break;
      succeeded += 1;
    }
    console.log(
      `${kind}: 12 failed COMMITs, then ${succeeded} of 100 transactions succeeded in ${(performance.now() - started).toFixed(0)} ms`,
    );
    return report(`${kind} transactions succeeding after failed COMMITs`, succeeded, "of 100", { min: 100 });
  } finally {
    await db.$disconnect();
  }
}

/** SIGTERM to the built server while 16 clients load it over keep-alive connections. */
async function sigtermUnderLoad(kind: Kind, databaseUrl: string) {
  const server = await startProductionServer(databaseUrl);
  const { token } = await server.sessionToken();
  const port = Number(new URL(server.baseURL).port);
  const child = server.process;
  let exitCode: number | null = null;
  let stopMs = 0;
  // The exit is this benchmark's to watch, not a failure to start.
  child.removeAllListeners("exit");
  const exited = new Promise<void>((resolve) => child.once("exit", (code) => ((exitCode = code), resolve())));
  const stopped = sleep(3_000).then(async () => {
    const started = performance.now();
    child.kill("SIGTERM");
    await exited;
    stopMs = performance.now() - started;
  });
  const result = await keepAliveLoad(port, "/app/support/tickets.data", CLIENTS, stopped, {
    Authorization: `Bearer ${token}`,
    "User-Agent": USER_AGENT,
  });
  // The clients stop once refused; the process may still be draining.
  await Promise.race([stopped, sleep(15_000)]);
  console.log(
    `${kind} SIGTERM under ${CLIENTS} keep-alive clients: ${result.answered} answered (${Object.entries(
      result.statuses,
    )
      .map(([status, n]) => `${n}× ${status}`)
      .join(
        ", ",
      )}), ${result.toldToClose} told to close, ${result.refused} refused after the stop, ${result.cut} cut; exit ${exitCode} after ${stopMs.toFixed(0)} ms`,
  );
  return [
    report(`${kind} requests cut by SIGTERM under load`, result.cut, "requests", { max: 0 }),
    report(`${kind} exit after SIGTERM (code ${exitCode})`, exitCode === 0 ? stopMs : Infinity, "ms", {
      max: 10_000,
    }),
  ];
}

async function enqueueBacklog(db: Db) {
  for (let start = 0; start < EMAILS; start += 100) {
    await db.$transaction(async (tx) => {
      for (let i = start; i < start + 100; i++)
        await enqueueEmail(tx, {
          shop: "faults-bench.myshopify.com",
          to: `m${i}@example.com`,
          subject: `Email ${i}`,
          body: "Hello",
        });
    });
  }
}

async function untilDelivered(accepted: string[], limitMs: number) {
  const started = performance.now();
  while (new Set(accepted).size < EMAILS && performance.now() - started < limitMs) await sleep(50);
  return performance.now() - started;
}

/** 1,000 emails to a 100 ms-per-message SMTP server, then the same after a worker is killed mid-send. */
async function outbox(kind: Kind, freshUrl: () => Promise<{ url: string; drop(): Promise<void> }>) {
  const results: boolean[] = [];
  {
    const { url, drop } = await freshUrl();
    const db = createDb(url);
    const smtp = await slowSmtpServer(100);
    await enqueueBacklog(db);
    const worker = startOutboxWorker(db, {
      transport: createSmtpTransport(smtp.url),
      from: "support@spl-support.example",
      pollMs: 100,
    });
    const took = await untilDelivered(smtp.accepted, 120_000);
    await worker.stop();
    console.log(
      `${kind} outbox: ${new Set(smtp.accepted).size} of ${EMAILS} emails delivered in ${(took / 1000).toFixed(1)} s (${((EMAILS * 1000) / took).toFixed(0)}/s)`,
    );
    results.push(report(`${kind} 1,000-email backlog drained`, took / 1000, "s", { max: 60 }));
    await smtp.close();
    await db.$disconnect();
    await drop();
  }
  {
    const { url, drop } = await freshUrl();
    const db = createDb(url);
    const smtp = await slowSmtpServer(100);
    await enqueueBacklog(db);
    const crashing = spawn(process.execPath, ["--import", "tsx", "bench/outbox-process.ts", smtp.url], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "ignore",
    });
    while (smtp.accepted.length < 200) await sleep(20);
    crashing.kill("SIGKILL");
    await new Promise((resolve) => crashing.once("exit", resolve));
    const beforeCrash = smtp.accepted.length;
    const worker = startOutboxWorker(db, {
      transport: createSmtpTransport(smtp.url),
      from: "support@spl-support.example",
      pollMs: 1_000,
    });
    const took = await untilDelivered(smtp.accepted, 180_000);
    await worker.stop();
    const duplicates = smtp.accepted.length - new Set(smtp.accepted).size;
    console.log(
      `${kind} outbox after kill -9 mid-send (${beforeCrash} accepted before it): every email delivered ${(took / 1000).toFixed(1)} s after the restart, ${duplicates} sent twice (in flight: at most 8)`,
    );
    results.push(
      report(`${kind} every email delivered after kill -9`, took / 1000, "s after restart", { max: 90 }),
    );
    results.push(report(`${kind} emails sent twice after kill -9`, duplicates, "emails", { max: 8 }));
    await smtp.close();
    await db.$disconnect();
    await drop();
  }
  return results;
}

// Ticket creation writes the email to SPL's inbox, whose address comes from the app's configuration.
Object.assign(process.env, TEST_CONFIG, { DATABASE_URL: "file:./unused-by-bench-faults.sqlite" });

if (!existsSync("build/server/index.js") || process.argv.includes("--build"))
  execFileSync("npm", ["run", "build"], { stdio: "inherit" });

const freshSqlite = async () => {
  const url = freshSqliteUrl();
  migrate(url);
  return { url, drop: async () => {} };
};
const freshPostgres = async () => {
  const database = await freshPostgresUrl(postgresServer);
  migrate(database.url);
  return database;
};

const results: boolean[] = [];
for (const [kind, fresh] of [
  ["SQLite", freshSqlite],
  ["PostgreSQL", freshPostgres],
] as const) {
  console.log(`\n== ${kind}`);
  let database: { url: string; drop(): Promise<void> };
  try {
    database = await fresh();
  } catch (error) {
    console.log(`FAIL  ${kind} not measured (${(error as Error).message}); set TEST_POSTGRES_URL`);
    results.push(false);
    continue;
  }
  try {
    if (kind === "SQLite") {
      results.push(...(await outage(kind, "locked by another process", database.url, sqliteOutage)));
    } else {
      results.push(
        ...(await outage(kind, "partitioned", database.url, (url) => postgresOutage(url, "partition"))),
      );
      results.push(...(await outage(kind, "stopped", database.url, (url) => postgresOutage(url, "stop"))));
    }
    results.push(await failedCommits(kind, database.url));
    results.push(...(await sigtermUnderLoad(kind, database.url)));
  } finally {
    await database.drop();
  }
  results.push(...(await outbox(kind, fresh)));
}
console.log(`\n${results.filter(Boolean).length} of ${results.length} targets met`);
process.exit(0);
