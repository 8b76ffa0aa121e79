/**
 * Keeps the PostgreSQL schema generated from the SQLite source and, when the source changed since
 * the last migration, writes a new migration for each database:
 *   npm run prisma:sync -- <migration_name>
 * `prisma migrate dev` cannot run offline, so migrations are diffs between schema snapshots.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { SCHEMAS, postgresSchemaFrom, readSourceSchema, snapshotPath } from "./schemas";

const name = process.argv[2];
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const urls = { sqlite: "file:./dev.sqlite", postgresql: postgresUrl } as const;

writeFileSync(SCHEMAS.postgresql.schema, postgresSchemaFrom(readSourceSchema()));

for (const kind of ["sqlite", "postgresql"] as const) {
  const { schema, migrations } = SCHEMAS[kind];
  const snapshot = snapshotPath(kind);
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
    { env: { ...process.env, DATABASE_URL: urls[kind] }, encoding: "utf8" },
  );
  if (!/^\s*(CREATE|ALTER|DROP|PRAGMA|INSERT|UPDATE|DELETE)/m.test(sql)) {
    console.log(`${kind}: no schema change`);
    continue;
  }
  if (!name)
    throw new Error("The schema changed: give the migration a name, e.g. npm run prisma:sync -- add_tags");
  const sequence = String(
    readdirSync(migrations).filter((entry) => /^\d{4}_/.test(entry)).length + 1,
  ).padStart(4, "0");
  const dir = `${migrations}/${sequence}_${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/migration.sql`, sql.slice(sql.search(/^--/m)));
  copyFileSync(schema, snapshot);
  console.log(`${kind}: wrote ${dir}/migration.sql`);
}
