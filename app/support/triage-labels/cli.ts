/**
 * `npm run triage:export [-- --out file] [--since 2026-01-31]`: the labelled examples agents and
 * merchants decided, as JSON Lines in the training data's format, personal data scrubbed. Writes to
 * stdout without --out. Reads DATABASE_URL as the server does.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "~/config.server";
import { createDb } from "~/db.server";
import { exportTriageLabels } from "./export.server";

function fail(message: string): never {
  process.stderr.write(`triage:export: ${message}\n`);
  process.exit(2);
}

function parseSince(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const since = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(since.getTime())) fail(`--since ${value} is not a date such as 2026-01-31`);
  return since;
}

async function main() {
  let values: { out?: string; since?: string };
  try {
    ({ values } = parseArgs({ options: { out: { type: "string" }, since: { type: "string" } } }));
  } catch (error) {
    fail((error as Error).message);
  }
  const since = parseSince(values.since);
  const database = parseDatabaseUrl(process.env);
  if (!database.ok) fail(database.message);

  const db = createDb(database.url);
  const out: Writable = values.out ? createWriteStream(values.out) : process.stdout;
  let count = 0;
  try {
    for await (const example of exportTriageLabels(db, { since })) {
      if (!out.write(`${JSON.stringify(example)}\n`)) await once(out, "drain");
      count++;
    }
  } finally {
    await db.$disconnect();
  }
  if (values.out) {
    out.end();
    await once(out, "finish");
  }
  process.stderr.write(`triage:export: ${count} example${count === 1 ? "" : "s"}\n`);
}

await main();
