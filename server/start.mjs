import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { createAppServer } from "./app-server.mjs";

process.env.NODE_ENV ??= "production";
const port = Number(process.env.PORT || 3000);
// On PostgreSQL, one process per core (WEB_CONCURRENCY to choose): Node runs each on one core, and
// the ticket numbering and the outbox are safe across processes. SQLite takes one writer at a time
// and its lock waits block a process outright: measured, two processes create fewer tickets than one.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const workers = Number(process.env.WEB_CONCURRENCY || (onPostgres ? availableParallelism() : 1));

if (cluster.isPrimary && workers > 1) {
  // The first worker starts alone, so a bad configuration stops the server with its one line.
  const first = cluster.fork();
  first.once("listening", () => {
    for (let i = 1; i < workers; i++) cluster.fork();
    console.log(`SPL Support listening on http://localhost:${port} with ${workers} processes`);
  });
  // A supervisor (systemd, the platform) restarts the whole server rather than half of it.
  cluster.on("exit", (_worker, code) => process.exit(code || 1));
} else {
  const app = await createAppServer();
  app.listen(port, () => cluster.isPrimary && console.log(`SPL Support listening on http://localhost:${port}`));
}
