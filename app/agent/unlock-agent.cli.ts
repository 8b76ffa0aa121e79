/**
 * Lifts the sign-in locks on an agent's account at once, in the database DATABASE_URL names:
 *   npm run agent:unlock -- --email ana@spl.example
 */
import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "~/config.server";
import { createDb } from "~/db.server";
import { unlockAccount } from "./sign-in.server";

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" } }, strict: true });
  if (!values.email) throw new Error("Usage: npm run agent:unlock -- --email <email>");
  const database = parseDatabaseUrl(process.env);
  if (!database.ok) throw new Error(database.message);
  const db = createDb(database.url);
  try {
    const lifted = await unlockAccount(db, values.email);
    console.log(`Unlocked ${values.email.toLowerCase()} (${lifted} sign-in counters cleared).`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
