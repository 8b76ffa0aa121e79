import { data } from "@remix-run/node";
import type { Db } from "./db.server";

/**
 * A database that cannot answer now (stopped, partitioned, too slow, locked, out of disk) is the
 * server's passing problem, not the request's: it answers 503 with Retry-After, which Remix renders
 * through the error boundaries (a short message in the user's language) and which forms and the agent
 * console turn into a banner that keeps what was typed. The limits in db.server.ts make every such
 * fault end in one of these errors within a few seconds.
 */

export const RETRY_AFTER_SECONDS = 5;

/** Prisma's codes for "cannot reach", "timed out", "connection closed", "pool timeout", "transaction could not run". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2037"]);
/** PostgreSQL's SQLSTATE classes 08 (connection), 53 (insufficient resources), 57 (operator intervention, statement timeout). */
const POSTGRES_STATE = /^(08|53|57)[0-9A-Z]{3}$/;
/** SQLite: another process holds the lock past the busy timeout, the disk is full or failing. */
const SQLITE_CODE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY)/;
/** What node-postgres and the socket say when the server is out of reach (they carry no code). */
const CONNECTION_MESSAGE =
  /timeout exceeded when trying to connect|Query read timeout|Connection terminated|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|the database system is (starting up|shutting down)/;

/** The codes and messages an error carries, itself or in what Prisma wrapped (the driver adapter's error). */
function clues(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 3) return [];
  const fields = error as Record<string, unknown>;
  const own = ["code", "originalCode", "message", "originalMessage"]
    .map((key) => fields[key])
    .filter((value): value is string => typeof value === "string");
  const meta = fields.meta as Record<string, unknown> | undefined;
  return [
    ...own,
    ...clues(fields.cause, depth + 1),
    ...clues(meta?.driverAdapterError, depth + 1),
    ...(meta && typeof meta.code === "string" ? [meta.code] : []),
  ];
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Response) return isUnavailableResponse(error);
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "PrismaClientInitializationError") return true;
  return clues(error).some(
    (clue) =>
      PRISMA_CODES.has(clue) ||
      POSTGRES_STATE.test(clue) ||
      SQLITE_CODE.test(clue) ||
      CONNECTION_MESSAGE.test(clue),
  );
}

export function databaseUnavailableResponse(): Response {
  return new Response("The database is unavailable", {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Content-Type": "text/plain; charset=utf-8" },
  });
}

export function isUnavailableResponse(error: unknown): error is Response {
  return error instanceof Response && error.status === 503;
}

function rethrowUnavailable(error: unknown): never {
  if (!(error instanceof Response) && isDatabaseUnavailable(error)) {
    console.error("Database unavailable:", error instanceof Error ? error.message : error);
    throw databaseUnavailableResponse();
  }
  throw error;
}

/**
 * The app's client for Remix: every query, and the start of every transaction, that fails because
 * the database cannot answer throws the 503 response instead, which Remix renders as it is.
 */
export function answering503(client: Db): Db {
  const extended = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          rethrowUnavailable(error);
        }
      },
    },
  }) as unknown as Db;
  const transaction = extended.$transaction.bind(extended) as (...args: unknown[]) => Promise<unknown>;
  return new Proxy(extended, {
    get(target, key) {
      if (key === "$transaction")
        return (...args: unknown[]) => transaction(...args).catch(rethrowUnavailable);
      // What createDb marks its clients with (the database kind) stays readable.
      return typeof key === "symbol" && !(key in target)
        ? Reflect.get(client, key)
        : Reflect.get(target, key, target);
    },
  });
}

/**
 * For a form's action: a database that cannot answer comes back as `answer` with the 503 (and
 * `unavailable: true`), so the page stays, with what was typed, and shows a banner instead of an
 * error page.
 */
export async function unavailableAsData<T, A extends object>(work: () => Promise<T>, answer: A) {
  try {
    return await work();
  } catch (error) {
    if (!isUnavailableResponse(error)) throw error;
    return data({ ...answer, unavailable: true as const }, { status: 503, headers: error.headers });
  }
}
