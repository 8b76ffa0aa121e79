import { freshPostgresUrl, freshSqliteUrl, migrate } from "./databases";

/**
 * One migrated database per test run: SQLite by default, PostgreSQL when TEST_DATABASE=postgresql
 * (with TEST_POSTGRES_URL naming the server). Tests keep apart by using their own shops.
 */
export default async function setup() {
  if (process.env.TEST_DATABASE === "postgresql") {
    const serverUrl = process.env.TEST_POSTGRES_URL;
    if (!serverUrl) throw new Error("TEST_DATABASE=postgresql needs TEST_POSTGRES_URL");
    const database = await freshPostgresUrl(serverUrl);
    migrate(database.url);
    process.env.DATABASE_URL = database.url;
    return database.drop;
  }
  const url = freshSqliteUrl();
  migrate(url);
  process.env.DATABASE_URL = url;
}
