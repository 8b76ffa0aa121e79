import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer } from "smtp-server";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
  type MockInstance,
} from "vitest";
import { agentReplyEmail, ticketCreatedEmail } from "~/notifications/emails.server";
import { enqueueEmail, type Email } from "~/notifications/outbox.server";
import {
  createSmtpTransport,
  deliverDueEmails,
  outboxMessageId,
  startOutboxWorker,
  type DeliveryOptions,
} from "~/notifications/outbox-worker.server";
import { freePort } from "../../preview/process";
import { startSmtpSink, type SmtpSink } from "../../preview/smtp-sink";
import { slowSmtpServer } from "../faults/slow-smtp";
import { TEST_CONFIG } from "../setup/test-config";
import { privateDatabase, type PrivateDatabase } from "./fixtures/private-database";
import { lineFrom, startFixture } from "./fixtures/processes";

const FROM = TEST_CONFIG.MAIL_FROM;
const SECOND = 1_000;
const backoff = { baseMs: 10 * SECOND, maxMs: 30 * SECOND };

let database: PrivateDatabase;
let sink: SmtpSink;
let warnings: MockInstance<typeof console.warn>;
beforeAll(async () => {
  database = await privateDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.outboxEmail.deleteMany();
  sink = await startSmtpSink();
  warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(async () => {
  warnings.mockRestore();
  await sink.close();
});

const facts = {
  id: "ticket-1234",
  reference: "SPL-1234",
  shop: "negozio.myshopify.com",
  shopName: "Negozio Demo",
  category: "order_sync",
  description: "Gli ordini TikTok non arrivano più.",
  contactEmail: "titolare@example.it",
  locale: "it",
};

async function enqueue(...emails: Email[]) {
  await database.db.$transaction(async (tx) => {
    for (const email of emails) await enqueueEmail(tx, email);
  });
  return database.db.outboxEmail.findMany({ orderBy: { createdAt: "asc" } });
}

/** One pass of a worker talking SMTP to `url` (the sink unless said otherwise). */
const deliver = ({ url, ...options }: Partial<DeliveryOptions> & { url?: string } = {}) =>
  deliverDueEmails(database.db, createSmtpTransport(url ?? sink.url), {
    workerId: "worker-a",
    backoff,
    ...options,
  });

const outbox = () => database.db.outboxEmail.findMany({ orderBy: { createdAt: "asc" } });
const later = (ms: number) => new Date(Date.now() + ms);

describe("the outbox worker", () => {
  it("delivers each email once over SMTP, identified by its outbox id, and marks it sent", async () => {
    const [row] = await enqueue(ticketCreatedEmail(facts));
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(sink.messages()).toMatchObject([
      {
        messageId: outboxMessageId(row!.id, FROM),
        from: FROM,
        to: [TEST_CONFIG.SPL_SUPPORT_INBOX],
        subject: "New ticket SPL-1234 from Negozio Demo",
      },
    ]);
    expect(await outbox()).toMatchObject([{ status: "sent", attempts: 1, lockedBy: null, lastError: null }]);
  });

  it("tells the merchant about an agent's reply in the merchant's language", async () => {
    await enqueue(
      agentReplyEmail(facts, "Abbiamo ricollegato il tuo negozio: gli ordini ora arrivano.", "it"),
    );
    await deliver();

    const [email] = sink.messages();
    expect(email?.to).toEqual(["titolare@example.it"]);
    expect(email?.subject).toBe("Il supporto SPL ha risposto al tuo ticket SPL-1234");
    expect(email?.text).toContain("Ciao Negozio Demo");
    expect(email?.text).toContain("Abbiamo ricollegato il tuo negozio: gli ordini ora arrivano.");
    expect(email?.text).toContain(
      "https://admin.shopify.com/store/negozio/apps/testApiKey/app/support/tickets/ticket-1234",
    );
  });

  it("keeps every email through an SMTP outage, backing off, then delivers each exactly once", async () => {
    const downUrl = `smtp://127.0.0.1:${await freePort()}`;
    const rows = await enqueue(ticketCreatedEmail(facts), agentReplyEmail(facts, "Fatto.", "it"));

    const waits: number[] = [];
    let now = new Date();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await deliver({ url: downUrl, now })).toEqual({ sent: 0, retrying: 2, failed: 0 });
      const pending = await outbox();
      expect(pending).toMatchObject([
        {
          status: "pending",
          attempts: attempt,
          lockedBy: null,
          lastError: expect.stringMatching(/ECONNREFUSED/),
        },
        {
          status: "pending",
          attempts: attempt,
          lockedBy: null,
          lastError: expect.stringMatching(/ECONNREFUSED/),
        },
      ]);
      const nextAttempt = Math.max(...pending.map((email) => email.nextAttemptAt.getTime()));
      waits.push(Math.round((nextAttempt - now.getTime()) / SECOND));
      expect(await deliver({ url: downUrl, now: new Date(nextAttempt - SECOND) })).toEqual({
        sent: 0,
        retrying: 0,
        failed: 0,
      });
      now = new Date(nextAttempt);
    }
    // The wait doubles after each failure, up to the cap.
    expect(waits).toEqual([10, 20, 30, 30]);

    const back = await startSmtpSink(Number(new URL(downUrl).port));
    try {
      expect(await deliver({ url: back.url, now })).toEqual({ sent: 2, retrying: 0, failed: 0 });
      expect(await deliver({ url: back.url, now: new Date(now.getTime() + 3_600 * SECOND) })).toEqual({
        sent: 0,
        retrying: 0,
        failed: 0,
      });
      expect(
        back
          .messages()
          .map((email) => email.messageId)
          .sort(),
      ).toEqual(rows.map((row) => outboxMessageId(row.id, FROM)).sort());
      expect(await outbox()).toMatchObject([
        { status: "sent", attempts: 5, lastError: null },
        { status: "sent", attempts: 5, lastError: null },
      ]);
    } finally {
      await back.close();
    }
  });

  it("fails at once, without retrying, an email the server refuses for good", async () => {
    const refusing = new SMTPServer({
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
    try {
      await enqueue(agentReplyEmail({ ...facts, contactEmail: "gone@example.it" }, "Risolto.", "it"));
      const url = `smtp://127.0.0.1:${(refusing.server.address() as AddressInfo).port}`;
      expect(await deliver({ url })).toEqual({ sent: 0, retrying: 0, failed: 1 });
      expect(await outbox()).toMatchObject([
        {
          status: "failed",
          attempts: 1,
          lockedBy: null,
          lastError: expect.stringMatching(/No such mailbox/),
        },
      ]);
    } finally {
      await new Promise<void>((resolve) => refusing.close(resolve));
    }
  });

  it("gives up after the last attempt: the email is marked failed with the error, and never sent", async () => {
    const downUrl = `smtp://127.0.0.1:${await freePort()}`;
    await enqueue(ticketCreatedEmail(facts));
    await deliver({ url: downUrl, maxAttempts: 2 });
    const [retrying] = await outbox();
    expect(await deliver({ url: downUrl, maxAttempts: 2, now: retrying!.nextAttemptAt })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 1,
    });

    const [failed] = await outbox();
    expect(failed).toMatchObject({ status: "failed", attempts: 2, lockedBy: null, sentAt: null });
    expect(failed!.lastError).toMatch(/ECONNREFUSED/);
    expect(warnings).toHaveBeenLastCalledWith(
      expect.stringMatching(new RegExp(`${failed!.id}: attempt 2 of 2 failed: .*ECONNREFUSED`)),
    );
    expect(await deliver({ maxAttempts: 2, now: later(3_600 * SECOND) })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(sink.messages()).toEqual([]);
  });

  it("delivers, once, an email whose worker died mid-send, after that worker's lease expires", async () => {
    const [row] = await enqueue(ticketCreatedEmail(facts));
    const crashing = startFixture("crashing-worker.ts", [String(60 * SECOND), "0"], {
      DATABASE_URL: database.url,
    });
    await lineFrom(crashing, (line) => line === "sending");
    crashing.kill("SIGKILL");

    expect(await outbox()).toMatchObject([{ status: "pending", lockedBy: "crashing-worker", attempts: 1 }]);
    expect(await deliver({ workerId: "worker-b" })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await deliver({ workerId: "worker-b", now: later(61 * SECOND) })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(await deliver({ workerId: "worker-b", now: later(200 * SECOND) })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });

    expect(sink.messages().map((email) => email.messageId)).toEqual([outboxMessageId(row!.id, FROM)]);
    expect(await outbox()).toMatchObject([{ status: "sent", attempts: 2, lockedBy: null }]);
  });

  it("fails, without sending, an email that stopped its worker on every attempt", async () => {
    const [row] = await enqueue(ticketCreatedEmail(facts));
    await database.db.outboxEmail.update({
      where: { id: row!.id },
      data: { attempts: 3, lockedBy: "crashed", lockedUntil: later(-SECOND) },
    });

    expect(await deliver({ maxAttempts: 3 })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await outbox()).toMatchObject([{ status: "failed", attempts: 3, lockedBy: null }]);
    expect(sink.messages()).toEqual([]);
  });

  it("shares the work between concurrent workers without sending anything twice", async () => {
    const rows = await enqueue(
      ...Array.from({ length: 12 }, (_, i) => ticketCreatedEmail({ ...facts, reference: `SPL-${2000 + i}` })),
    );
    const workers = ["worker-a", "worker-b", "worker-c"].map((workerId) =>
      deliver({ workerId, batchSize: 12 }),
    );
    const results = await Promise.all(workers);

    expect(results.reduce((total, result) => total + result.sent, 0)).toBe(12);
    expect(
      sink
        .messages()
        .map((email) => email.messageId)
        .sort(),
    ).toEqual(rows.map((row) => outboxMessageId(row.id, FROM)).sort());
    expect((await outbox()).every((email) => email.status === "sent")).toBe(true);
  });

  it("renews its lease while a long pass runs, so no other worker sends its emails meanwhile", async () => {
    await enqueue(
      ...Array.from({ length: 3 }, (_, i) => ticketCreatedEmail({ ...facts, reference: `SPL-${3000 + i}` })),
    );
    const smtp = createSmtpTransport(sink.url);
    const slowSmtp = {
      sendMail: async (mail: Parameters<typeof smtp.sendMail>[0]) => (await sleep(300), smtp.sendMail(mail)),
    };
    // One at a time, the pass lasts more than twice its 400 ms lease.
    const slowPass = deliverDueEmails(database.db, slowSmtp, {
      workerId: "worker-a",
      leaseMs: 400,
      concurrency: 1,
    });
    const others: Awaited<ReturnType<typeof deliver>>[] = [];
    for (let i = 0; i < 8; i++) {
      await sleep(100);
      others.push(await deliver({ workerId: "worker-b", leaseMs: 400 }));
    }

    expect(await slowPass).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(others.every((result) => result.sent === 0)).toBe(true);
    expect(
      sink
        .messages()
        .map((email) => email.subject)
        .sort(),
    ).toEqual([3000, 3001, 3002].map((n) => `New ticket SPL-${n} from Negozio Demo`));
  });

  it("frees a crashed pass's emails within a minute and sends again only those in flight", async () => {
    const rows = await enqueue(
      ...Array.from({ length: 20 }, (_, i) => ticketCreatedEmail({ ...facts, reference: `SPL-${5000 + i}` })),
    );
    // Its SMTP server takes 10 emails at once, then the process hangs mid-send and is killed.
    const crashing = startFixture("crashing-worker.ts", ["", "10"], { DATABASE_URL: database.url });
    const accepted: string[] = [];
    await lineFrom(
      crashing,
      (line) => (line.startsWith("accepted ") && accepted.push(line.slice(9)), line === "sending"),
    );
    await sleep(200);
    crashing.kill("SIGKILL");

    const left = await database.db.outboxEmail.findMany({ where: { status: "pending" } });
    const acceptedButUnmarked = left.filter((row) => accepted.includes(outboxMessageId(row.id, FROM)));
    // Sent again after the crash: at most the emails that were in flight (eight SMTP connections).
    expect(acceptedButUnmarked.length).toBeLessThanOrEqual(8);
    for (const row of left) expect(row.lockedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 60 * SECOND);

    expect(await deliver({ workerId: "worker-b", now: later(61 * SECOND) })).toMatchObject({
      sent: left.length,
    });
    expect((await outbox()).every((row) => row.status === "sent")).toBe(true);
    expect(rows).toHaveLength(20);
  });

  it("delivers a backlog several emails at a time: 100 emails at 100 ms each in under 5 s", async () => {
    await enqueue(
      ...Array.from({ length: 100 }, (_, i) =>
        ticketCreatedEmail({ ...facts, reference: `SPL-${6000 + i}` }),
      ),
    );
    const slowSmtp = await slowSmtpServer(100);
    try {
      const started = Date.now();
      const worker = startOutboxWorker(database.db, {
        transport: createSmtpTransport(slowSmtp.url),
        pollMs: 10,
        workerId: "worker-a",
      });
      while (slowSmtp.accepted.length < 100 && Date.now() - started < 20 * SECOND) await sleep(20);
      await worker.stop();
      expect(Date.now() - started).toBeLessThan(5 * SECOND);
      expect(new Set(slowSmtp.accepted).size).toBe(100);
    } finally {
      await slowSmtp.close();
    }
  });

  it("when stopped mid-pass, settles the emails being sent and leaves the rest for the next worker", async () => {
    await enqueue(
      ...Array.from({ length: 5 }, (_, i) => ticketCreatedEmail({ ...facts, reference: `SPL-${4000 + i}` })),
    );
    const smtp = createSmtpTransport(sink.url);
    let sending = () => {};
    const firstSend = new Promise<void>((resolve) => (sending = resolve));
    const slowSmtp = {
      sendMail: async (mail: Parameters<typeof smtp.sendMail>[0]) => (
        sending(),
        await sleep(200),
        smtp.sendMail(mail)
      ),
    };
    const worker = startOutboxWorker(database.db, { transport: slowSmtp, pollMs: 10, concurrency: 2 });
    await firstSend;
    await worker.stop();

    expect(sink.messages()).toHaveLength(2);
    const rows = (await outbox()).map(({ status, attempts, lockedBy }) => ({ status, attempts, lockedBy }));
    expect(rows.filter((row) => row.status === "sent")).toEqual(
      Array(2).fill({ status: "sent", attempts: 1, lockedBy: null }),
    );
    expect(rows.filter((row) => row.status === "pending")).toEqual(
      Array(3).fill({ status: "pending", attempts: 0, lockedBy: null }),
    );
  });

  it("runs in the background until stopped", async () => {
    const worker = startOutboxWorker(database.db, { transport: createSmtpTransport(sink.url), pollMs: 10 });
    await enqueue(ticketCreatedEmail(facts));
    while (sink.messages().length === 0) await sleep(10);
    await worker.stop();

    await enqueue(ticketCreatedEmail({ ...facts, reference: "SPL-1235" }));
    await sleep(100);
    expect(sink.messages().map((email) => email.subject)).toEqual(["New ticket SPL-1234 from Negozio Demo"]);
  });
});
