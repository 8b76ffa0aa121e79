import { readFileSync } from "node:fs";

/** Where each database's schema and migrations live; SQLite's schema is the one that is edited. */
export const SCHEMAS = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" },
} as const;

/** The schema each migrations folder was last generated for; the next migration starts from it. */
export const snapshotPath = (kind: keyof typeof SCHEMAS) =>
  `${SCHEMAS[kind].migrations}/last-migrated.prisma`;

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run prisma:sync`: edit the source, not this file.";

/** The PostgreSQL schema is the source with another provider and client output. */
export function postgresSchemaFrom(source: string): string {
  const body = source.replace(/^(\/\/.*\n)+/, "");
  return `${HEADER}\n${body}`
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('"../app/generated/prisma"', '"../../app/generated/prisma-postgres"');
}

export function readSourceSchema(): string {
  return readFileSync(SCHEMAS.sqlite.schema, "utf8");
}
