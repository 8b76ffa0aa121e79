/**
 * An app process's outbox worker alone, sending to the SMTP server named on the command line, for
 * `npm run bench:faults` to kill mid-send.
 */
import { createDb } from "~/db.server";
import { createSmtpTransport, startOutboxWorker } from "~/notifications/outbox-worker.server";

startOutboxWorker(createDb(process.env.DATABASE_URL!), {
  transport: createSmtpTransport(process.argv[2]!),
  from: "support@spl-support.example",
  pollMs: 100,
});
setInterval(() => {}, 60_000);
