import cluster from "node:cluster";
import { createAppServer, loadApp } from "./app-server.mjs";

// Set, not read: React chooses its production or development build when the app's build imports it,
// so the default comes before loading that build. Every setting is read from the app's validated
// configuration, in the primary process too (for how many processes to start).
process.env.NODE_ENV ??= "production";
const app = await loadApp();
const port = app.config.PORT;
// One process unless WEB_CONCURRENCY asks for more. Ticket numbers are taken one batch at a time
// whatever the number of processes, and one process batches more tickets per write: measured on two
// cores shared with PostgreSQL, one process created ~360 tickets/s and two ~250–300. More processes
// pay off for reads, on PostgreSQL with cores to spare (numbering and the outbox are safe across
// them); SQLite takes one writer at a time and its lock waits block a process outright.
const workers = app.config.WEB_CONCURRENCY;
const STOP_SIGNALS = ["SIGTERM", "SIGINT"];
/** Longer than any request should take; a deploy must not wait on a hung connection for ever. */
const STOP_TIMEOUT_MS = 10_000;

/** Runs `stop` on the first stop signal; later ones (a terminal sends SIGINT to every process) wait for it. */
function onStopSignal(stop) {
  let stopping = false;
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop();
    });
  }
}

/**
 * A graceful stop for a deploy or a restart: no new connections, every request in flight answered
 * and each keep-alive connection closed after its answer (server/lifecycle.mjs), and the emails being
 * sent settled, so a planned stop never cuts a request nor makes the outbox send an email twice.
 */
async function stopServer(server, lifecycle, outboxWorker) {
  setTimeout(() => process.exit(1), STOP_TIMEOUT_MS).unref();
  await Promise.all([lifecycle.stop(server), outboxWorker?.stop()]);
  process.exit(0);
}

if (cluster.isPrimary && workers > 1) {
  // The configuration was checked above, so the processes can all start at once.
  let listening = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().once("listening", () => {
      // Announced once every process takes connections, so a client that starts then is spread over all.
      if (++listening === workers)
        console.log(`SPL Support listening on http://localhost:${port} with ${workers} processes`);
    });
  }
  let stopping = false;
  let exitCode = 0;
  onStopSignal(() => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  });
  cluster.on("exit", (_worker, code) => {
    // A supervisor (systemd, the platform) restarts the whole server rather than half of it.
    if (!stopping) process.exit(code || 1);
    exitCode ||= code ?? 0;
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });
} else {
  const handler = createAppServer(app);
  const server = handler.listen(
    port,
    () => cluster.isPrimary && console.log(`SPL Support listening on http://localhost:${port}`),
  );
  // Every process delivers the outbox (safely shared, see outbox-worker.server.ts) unless
  // OUTBOX_WORKER=off leaves it to the others.
  const outboxWorker = app.config.OUTBOX_WORKER === "on" ? app.startOutboxWorker() : undefined;
  onStopSignal(() => void stopServer(server, handler.locals.lifecycle, outboxWorker));
}
