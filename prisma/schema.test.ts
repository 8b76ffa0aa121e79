import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AGENT_ROLES } from "~/agent/agents.server";
import { createDb } from "~/db.server";
import { TICKET_STATUSES } from "~/support/tickets/status";
import { freshPostgresUrl, freshSqliteUrl, migrate } from "../tests/setup/databases";
import { SCHEMAS, postgresSchemaFrom, readSourceSchema, snapshotPath } from "./schemas";

const postgresServer = process.env.TEST_POSTGRES_URL;

/** Exit code 0 when the migrations' last schema and the current schema describe the same database. */
function schemaDiffExitCode(kind: keyof typeof SCHEMAS, databaseUrl: string) {
  const result = spawnSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      snapshotPath(kind),
      "--to-schema-datamodel",
      SCHEMAS[kind].schema,
      "--exit-code",
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" },
  );
  return { code: result.status, output: result.stdout + result.stderr };
}

describe("database schemas", () => {
  it("keeps the PostgreSQL schema generated from the SQLite source", () => {
    expect(readFileSync(SCHEMAS.postgresql.schema, "utf8"), "run `npm run prisma:sync`").toBe(
      postgresSchemaFrom(readSourceSchema()),
    );
  });

  it("has a SQLite migration for every change to the schema", () => {
    const { code, output } = schemaDiffExitCode("sqlite", "file:./dev.sqlite");
    expect(code, `run \`npm run prisma:sync -- <name>\`\n${output}`).toBe(0);
  });

  it.runIf(postgresServer)("has a PostgreSQL migration for every change to the schema", () => {
    const { code, output } = schemaDiffExitCode("postgresql", postgresServer!);
    expect(code, `run \`npm run prisma:sync -- <name>\`\n${output}`).toBe(0);
  });

  it("applies the migrations to an empty SQLite database", async () => {
    const url = freshSqliteUrl();
    migrate(url);
    const db = createDb(url);
    expect(await db.counter.findUnique({ where: { name: "ticket" } })).toEqual({
      name: "ticket",
      value: 1000,
    });
    await db.$disconnect();
  });

  it.runIf(postgresServer)("applies the migrations to an empty PostgreSQL database", async () => {
    const database = await freshPostgresUrl(postgresServer!);
    try {
      migrate(database.url);
      const db = createDb(database.url);
      expect(await db.counter.findUnique({ where: { name: "ticket" } })).toEqual({
        name: "ticket",
        value: 1000,
      });
      await db.$disconnect();
    } finally {
      await database.drop();
    }
  });
});

describe("enums in the schema", () => {
  const values = (name: string) => {
    const block = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(readSourceSchema())?.[1] ?? "";
    return block
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  };

  it("hold the same ticket statuses as the workflow, in order", () => {
    expect(values("TicketStatus")).toEqual([...TICKET_STATUSES]);
  });

  it("hold the same agent roles as the console", () => {
    expect(values("AgentRole")).toEqual([...AGENT_ROLES]);
  });
});
