import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { databaseKindOf, type Db } from "./db.server";

/** A readiness check answers within this, whatever the database does. */
const READINESS_TIMEOUT_MS = 2_000;

/** The migrations `npm run setup` applies to this kind of database: every folder with a migration.sql. */
function expectedMigrations(db: Db): string[] {
  const folder = path.resolve(
    databaseKindOf(db) === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations",
  );
  return readdirSync(folder).filter((name) => existsSync(path.join(folder, name, "migration.sql")));
}

let expected: string[] | undefined;

/**
 * Whether this process can serve: its database answers and has every migration applied (as Prisma
 * records them), within two seconds. For a load balancer's or an orchestrator's readiness probe.
 */
export async function isReady(db: Db): Promise<boolean> {
  expected ??= expectedMigrations(db);
  const applied = db
    .$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    )
    .then((rows) => {
      const names = new Set(rows.map((row) => row.migration_name));
      return expected!.every((name) => names.has(name));
    });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, READINESS_TIMEOUT_MS, false)));
  try {
    return await Promise.race([applied, late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
