import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/** Applies the migrations, as `npm run setup` does, to the database the URL names. */
export function migrate(databaseUrl: string) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export function freshSqliteUrl(): string {
  return `file:${path.join(mkdtempSync(path.join(tmpdir(), "spl-test-")), "test.sqlite")}`;
}

/** A new, empty database on the PostgreSQL server TEST_POSTGRES_URL points at. */
export async function freshPostgresUrl(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `spl_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
