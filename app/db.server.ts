import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-postgres/client";
import { databaseKind, sqliteFilename } from "./db-url";

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
  if (databaseKind(url) === "postgresql") {
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  const file = sqliteFilename(url, path.resolve("prisma"));
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 }) });
}

declare global {
  var __db: Db | undefined;
}

// Reused across dev-server reloads so hot module replacement doesn't open a client per edit.
export const db: Db = (globalThis.__db ??= createDb(process.env.DATABASE_URL ?? "file:./dev.sqlite"));
