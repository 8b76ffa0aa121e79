import { expect, it } from "vitest";
import { outboxMessageId } from "~/notifications/outbox-worker.server";
import { startSmtpSink } from "../../preview/smtp-sink";
import { uniqueShop } from "../helpers/shopify";
import { TEST_CONFIG } from "../setup/test-config";
import { privateDatabase } from "./fixtures/private-database";
import { lineFrom, startFixture } from "./fixtures/processes";

const INSTANCES = 2;
const TICKETS_PER_INSTANCE = 15;
const TOTAL = INSTANCES * TICKETS_PER_INSTANCE;

// Two app processes on one PostgreSQL database, as in production behind a load balancer, each
// taking tickets and running its outbox worker at the same time. It runs in `npm test`'s PostgreSQL pass.
it.runIf(process.env.TEST_DATABASE === "postgresql" && process.env.TEST_POSTGRES_URL)(
  "two app instances on PostgreSQL number every ticket once and deliver every email exactly once",
  { timeout: 60_000 },
  async () => {
    const database = await privateDatabase(process.env.TEST_POSTGRES_URL);
    const sink = await startSmtpSink();
    const instances = Array.from({ length: INSTANCES }, () =>
      startFixture("instance.ts", [uniqueShop("instance"), String(TICKETS_PER_INSTANCE), String(TOTAL)], {
        DATABASE_URL: database.url,
        SMTP_URL: sink.url,
      }),
    );
    try {
      await Promise.all(instances.map((instance) => lineFrom(instance, (line) => line === "ready")));
      const reports = instances.map((instance) => lineFrom(instance, (line) => line.startsWith("{")));
      for (const instance of instances) instance.stdin.end("go\n");
      const numbers = (await Promise.all(reports)).flatMap(
        (report) => (JSON.parse(report) as { numbers: number[] }).numbers,
      );

      expect(numbers).toHaveLength(TOTAL);
      expect(new Set(numbers).size).toBe(TOTAL);
      expect(Math.max(...numbers) - Math.min(...numbers) + 1).toBe(TOTAL);

      // Each ticket queues two emails: the alert to SPL's inbox and the merchant's receipt.
      const outbox = await database.db.outboxEmail.findMany();
      expect(outbox).toHaveLength(2 * TOTAL);
      expect(outbox.filter((email) => email.status !== "sent")).toEqual([]);
      const received = sink.messages().map((email) => email.messageId);
      expect(received).toHaveLength(2 * TOTAL);
      expect(new Set(received)).toEqual(
        new Set(outbox.map((email) => outboxMessageId(email.id, TEST_CONFIG.MAIL_FROM))),
      );
    } finally {
      for (const instance of instances) instance.kill();
      await sink.close();
      await database.close();
    }
  },
);
