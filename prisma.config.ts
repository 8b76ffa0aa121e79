import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseKind, sqliteFilename } from "./app/db-url";

// Prisma runs without downloaded engines: the JS schema engine talks through a driver adapter.
// The schema reads DATABASE_URL too; without it `prisma generate` falls back to downloading engines.
const url = (process.env.DATABASE_URL ??= "file:./dev.sqlite");
const kind = databaseKind(url);
const prismaDir = path.join(import.meta.dirname, "prisma");

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: kind === "postgresql" ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: kind === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations" },
  async adapter() {
    if (kind === "postgresql") {
      // adapter-pg 6.19 cannot read catalog columns during migrate; the 7.x adapter can.
      const { PrismaPg } = await import("prisma-adapter-pg-migrate");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: `file:${sqliteFilename(url, prismaDir)}` });
  },
});
