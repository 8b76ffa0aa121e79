import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { releasingOnFailedEnd } from "./db-transactions.server";
import { answering503 } from "./database-unavailable.server";
import { config } from "./config.server";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-postgres/client";
import { databaseKind, sqliteFilename, type DatabaseKind } from "./db-url";

export type Db = PrismaClient;
export { Prisma };

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * One Prisma client per process. SQLite and PostgreSQL need clients generated from their own
 * schema; both are generated from one source and expose the same API.
 */
export function createDb(url: string): Db {
  const kind = databaseKind(url);
  const db =
    kind === "postgresql"
      ? (new PostgresPrismaClient({
          adapter: releasingOnFailedEnd(postgresAdapter(url)),
          transactionOptions: TRANSACTION_LIMITS,
        }) as unknown as Db)
      : new PrismaClient({
          adapter: releasingOnFailedEnd(sqliteAdapter(sqliteFilename(url, path.resolve("prisma")))),
          transactionOptions: TRANSACTION_LIMITS,
        });
  Object.defineProperty(db, KIND, { value: kind });
  return db;
}

/**
 * Registered, so that every copy of this module in one process reads it: the shared client lives on
 * globalThis, and the preview runs this source beside the build.
 */
const KIND = Symbol.for("spl-support.databaseKind");

/**
 * Which database a client from `createDb` talks to, for the few statements written per dialect:
 * decided once, from its URL, when the client is made.
 */
export function databaseKindOf(db: Db): DatabaseKind {
  const kind = (db as unknown as Record<symbol, DatabaseKind | undefined>)[KIND];
  if (!kind) throw new Error("databaseKindOf: this client was not made by createDb");
  return kind;
}

/**
 * Every wait on the database is bounded, so that a request answers within a few seconds whatever the
 * database does (stopped, partitioned, slow, locked): the caller then answers 503 (see
 * database-unavailable.server.ts) instead of hanging for as long as the fault lasts.
 */
export const DATABASE_LIMITS = {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: 2_000,
  /** One statement, enforced by the server (statement_timeout) and by the client, which sees a partition. */
  statementMs: 2_500,
  /** A transaction left open by a vanished client releases its locks on the server after this. */
  idleInTransactionMs: 10_000,
  /**
   * SQLite: how long a write waits for another process's lock. better-sqlite3 waits synchronously,
   * stopping the whole process, so every request queued behind it waits too (16 clients made answers
   * take 70 s at 3 s, 13 s at 250 ms, 10 s at 100 ms, 3.9 s at 20 ms, measured by bench:faults):
   * short, as this process's own writes never wait on each other and another process's hold the
   * lock for milliseconds.
   */
  sqliteBusyMs: 20,
};

/** Prisma's interactive transactions: waiting to start, then running (its defaults, stated). */
const TRANSACTION_LIMITS = { maxWait: DATABASE_LIMITS.connectMs, timeout: 5_000 };

function postgresAdapter(url: string): SqlDriverAdapterFactory {
  return new PrismaPg({
    connectionString: url,
    connectionTimeoutMillis: DATABASE_LIMITS.connectMs,
    statement_timeout: DATABASE_LIMITS.statementMs,
    query_timeout: DATABASE_LIMITS.statementMs + 500,
    idle_in_transaction_session_timeout: DATABASE_LIMITS.idleInTransactionMs,
    // A peer that vanished without closing is noticed by TCP instead of never.
    keepAlive: true,
  });
}

/**
 * SQLite in write-ahead-log mode: the agents' reads don't wait for the merchants' writes, and with
 * synchronous NORMAL a commit appends to the log without an fsync that would stall the event loop
 * (better-sqlite3 is synchronous). A crash of the process loses nothing; a power cut may lose the
 * last commits, which is why production runs on PostgreSQL.
 */
function sqliteAdapter(file: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: DATABASE_LIMITS.sqliteBusyMs });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;`);
      return adapter;
    },
  };
}

declare global {
  var __db: Db | undefined;
}

/**
 * The app's client, on the validated DATABASE_URL; a database that cannot answer makes its queries
 * throw a 503 response (database-unavailable.server.ts). Made on first use rather than on import, because
 * scripts and tests import this module for `createDb` alone, without the app's configuration; kept
 * on globalThis so that dev-server reloads don't open a client per edit.
 */
export const db: Db = new Proxy({} as Db, {
  get(_, key) {
    const client = (globalThis.__db ??= answering503(createDb(config().DATABASE_URL)));
    const value: unknown = Reflect.get(client, key);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
