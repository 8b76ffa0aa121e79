// Generates the Prisma client for each database. Each schema validates its own datasource URL,
// so each run gets a URL of its kind whatever DATABASE_URL the shell has.
import { execFileSync } from "node:child_process";

const runs = [
  { schema: "prisma/schema.prisma", url: "file:./dev.sqlite" },
  { schema: "prisma/postgresql/schema.prisma", url: "postgresql://generate@localhost/generate" },
];

for (const { schema, url } of runs) {
  execFileSync("npx", ["prisma", "generate", "--schema", schema], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
}
