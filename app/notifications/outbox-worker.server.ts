import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { config } from "~/config.server";
import type { Db, Prisma } from "~/db.server";

/**
 * Delivers the outbox. Every app process runs a worker; they share the table safely:
 *
 * - a worker claims a batch of due rows with one conditional update (still pending, unchanged
 *   since they were read, lease free or expired), so exactly one worker holds each;
 * - the claim counts the attempt and sets a lease (lockedUntil), renewed while the pass runs: if the
 *   worker dies, the rows it held are due again within a minute and another worker delivers them;
 * - several emails are in flight at once over a small pool of SMTP connections, and each one SMTP
 *   accepted is marked sent as soon as the previous marking is done (together with any that finished
 *   meanwhile), guarded by lockedBy.
 *
 * Delivery is at-least-once: a crash after the SMTP server accepted a message but before the pass
 * marked it sent means it is sent again after the lease; that is at most the emails in flight (and
 * those being marked). Each email therefore carries a Message-ID derived from its outbox id, the same
 * on every attempt, which receiving servers deduplicate on.
 */

/** What the worker needs of a nodemailer transport. */
export interface MailTransport {
  sendMail(mail: SendMailOptions): Promise<unknown>;
}

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export interface DeliveryOptions {
  workerId: string;
  now?: Date;
  batchSize?: number;
  /**
   * Renewed every third of itself while the pass runs; at least twice the slowest SMTP exchange (see
   * the transport's timeouts), or a live send could be retried.
   */
  leaseMs?: number;
  /** Emails in flight at once: as many as the transport has SMTP connections. */
  concurrency?: number;
  maxAttempts?: number;
  backoff?: Backoff;
  from?: string;
  /** Aborted when the process is stopping: the pass ends after the email being sent. */
  signal?: AbortSignal;
}

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** SMTP connections per process, each carrying one message at a time. */
const SMTP_CONNECTIONS = 8;

const DEFAULTS = {
  batchSize: 50,
  // A crashed pass's emails go out again about a minute later.
  leaseMs: 60_000,
  concurrency: SMTP_CONNECTIONS,
  maxAttempts: 10,
  // 30 s, 1 min, 2 min … capped at 1 h: ten attempts span about three hours of outage.
  backoff: { baseMs: 30_000, maxMs: 60 * 60_000 },
};

const MAX_ERROR_LENGTH = 1_000;

/** The wait before attempt number `attempts + 1`: doubling from the base, never above the cap. */
export function retryDelay(attempts: number, backoff: Backoff): number {
  return Math.min(backoff.baseMs * 2 ** Math.max(attempts - 1, 0), backoff.maxMs);
}

/**
 * The server refused this message itself (no such mailbox, address or message not accepted): the
 * same email would be refused again, so it fails at once instead of retrying for hours. Other 5xx
 * replies, such as a refused login, are our configuration and may be fixed before the next attempt.
 */
export function isRejectedForGood(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 550 && code <= 554;
}

/** The same on every attempt, so a resend after a crash is recognisable as the same email. */
export function outboxMessageId(outboxId: string, from: string): string {
  return `<outbox.${outboxId}@${from.split("@")[1] ?? "localhost"}>`;
}

export function createSmtpTransport(url: string): MailTransport {
  // Pooled, so a busy outbox pays no SMTP handshake per email, and several connections, because one
  // carries one message at a time (about 4 a second to a server that takes 100 ms per message, measured). The timeouts end a hung exchange
  // within 20 s, well inside half the lease, so no send outlives it and lets another worker retry it.
  return nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/**
 * One pass over the due emails: claim a batch in one update, then send them, several at a time, and
 * settle each.
 * `now` is when the pass starts; its clock runs on from there.
 */
export async function deliverDueEmails(
  db: Db,
  transport: MailTransport,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const { workerId } = options;
  const leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
  const maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
  const backoff = options.backoff ?? DEFAULTS.backoff;
  const from = options.from ?? config().MAIL_FROM;
  const startedAt = Date.now();
  const clock = () => (options.now?.getTime() ?? startedAt) + Date.now() - startedAt;
  const isDue = (at: number): Prisma.OutboxEmailWhereInput => ({
    status: "pending",
    nextAttemptAt: { lte: new Date(at) },
    OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date(at) } }],
  });
  const release = { lockedBy: null, lockedUntil: null };
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };

  const due = await db.outboxEmail.findMany({
    where: isDue(clock()),
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: options.batchSize ?? DEFAULTS.batchSize,
    select: { id: true, attempts: true, lastError: true },
  });

  // Only reachable when earlier attempts died mid-send: an email that crashes its worker every
  // time must not take every process down forever.
  for (const email of due.filter((row) => row.attempts >= maxAttempts)) {
    const gaveUp = await db.outboxEmail.updateMany({
      where: { id: email.id, attempts: email.attempts, ...isDue(clock()) },
      data: {
        status: "failed",
        lastError: email.lastError ?? "Every attempt stopped before it finished",
        ...release,
      },
    });
    result.failed += gaveUp.count;
  }

  // A row another worker claimed since it was read is no longer due, so the update skips it; the
  // lease's end, unique to this pass, tells which rows this worker now holds.
  const claimedAt = clock();
  const leaseUntil = new Date(claimedAt + leaseMs);
  const candidates = due.filter((row) => row.attempts < maxAttempts).map((row) => row.id);
  if (candidates.length === 0) return result;
  await db.outboxEmail.updateMany({
    where: { id: { in: candidates }, attempts: { lt: maxAttempts }, ...isDue(claimedAt) },
    data: { lockedBy: workerId, lockedUntil: leaseUntil, attempts: { increment: 1 } },
  });
  const held = await db.outboxEmail.findMany({
    where: { id: { in: candidates }, lockedBy: workerId, lockedUntil: leaseUntil },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
  });

  const concurrency = options.concurrency ?? DEFAULTS.concurrency;
  const unsettled = new Set(held.map((row) => row.id));
  let leaseEnd = leaseUntil.getTime();
  // The lease follows the pass, so a long pass keeps its emails and a crashed one frees them soon.
  const renewal = setInterval(() => {
    const until = clock() + leaseMs;
    db.outboxEmail
      .updateMany({
        where: { id: { in: [...unsettled] }, lockedBy: workerId },
        data: { lockedUntil: new Date(until) },
      })
      .then(
        () => (leaseEnd = until),
        (error: unknown) => console.warn("Outbox: the lease could not be renewed", error),
      );
  }, leaseMs / 3);

  const marking = sentMarker(db, workerId, clock, (id) => unsettled.delete(id));
  const send = async (email: (typeof held)[number]) => {
    try {
      await transport.sendMail({
        from,
        to: email.toAddress,
        subject: email.subject,
        text: email.body,
        messageId: outboxMessageId(email.id, from),
      });
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
      const givingUp = email.attempts >= maxAttempts || isRejectedForGood(error);
      await db.outboxEmail.updateMany({
        where: { id: email.id, lockedBy: workerId },
        data: givingUp
          ? { status: "failed", lastError, ...release }
          : { lastError, nextAttemptAt: new Date(clock() + retryDelay(email.attempts, backoff)), ...release },
      });
      unsettled.delete(email.id);
      if (givingUp) result.failed += 1;
      else result.retrying += 1;
      console.warn(
        `Outbox email ${email.id}: attempt ${email.attempts} of ${maxAttempts} failed: ${lastError}`,
      );
      return;
    }
    result.sent += 1;
    marking.add(email.id);
  };

  const waiting = [...held];
  // No send starts on a lease with less than half left (renewal keeps it above two thirds), so none
  // outlives it and lets another worker send the same email; none starts once stopping either.
  const mayStart = () => !options.signal?.aborted && leaseEnd - clock() >= leaseMs / 2;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (waiting.length > 0 && mayStart()) await send(waiting.shift()!);
      }),
    );
  } finally {
    clearInterval(renewal);
    await marking.done();
  }
  if (waiting.length > 0) {
    await db.outboxEmail.updateMany({
      where: { id: { in: waiting.map((row) => row.id) }, lockedBy: workerId },
      data: { attempts: { decrement: 1 }, ...release },
    });
  }
  return result;
}

/**
 * Marks the emails SMTP accepted as sent, one update at a time, each covering every email accepted
 * since the previous one started: few writes when busy, and an accepted email unmarked only briefly.
 */
function sentMarker(db: Db, workerId: string, clock: () => number, settled: (id: string) => void) {
  const queued: string[] = [];
  let running: Promise<void> | undefined;
  const run = async () => {
    while (queued.length > 0) {
      const ids = queued.splice(0);
      try {
        const marked = await db.outboxEmail.updateMany({
          where: { id: { in: ids }, lockedBy: workerId },
          data: {
            status: "sent",
            sentAt: new Date(clock()),
            lastError: null,
            lockedBy: null,
            lockedUntil: null,
          },
        });
        ids.forEach(settled);
        // Those rows' lease ran out and another worker took them over: it sends the same Message-IDs.
        if (marked.count !== ids.length)
          console.warn(
            `Outbox: ${ids.length - marked.count} emails sent, but another worker had taken them over`,
          );
      } catch (error) {
        // Left locked: sent again once the lease expires, with the same Message-ID.
        console.error("Outbox: sent emails could not be marked sent", error);
      }
    }
    running = undefined;
  };
  return {
    add(id: string) {
      queued.push(id);
      running ??= run();
    },
    done: () => running ?? Promise.resolve(),
  };
}

export interface OutboxWorkerOptions extends Omit<Partial<DeliveryOptions>, "now"> {
  transport?: MailTransport;
  pollMs?: number;
}

export interface OutboxWorker {
  workerId: string;
  /** Resolves once the email being sent, if any, is settled; the rest of the pass waits for later. */
  stop(): Promise<void>;
}

/** Polls the outbox until stopped; a pass that found work is followed at once by the next. */
export function startOutboxWorker(db: Db, options: OutboxWorkerOptions = {}): OutboxWorker {
  const { transport = createSmtpTransport(config().SMTP_URL), pollMs = 5_000, ...delivery } = options;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();

  const tick = () => {
    pass = deliverDueEmails(db, transport, { ...delivery, workerId, signal: stopping.signal }).then(
      (result) => schedule(result.sent + result.retrying + result.failed > 0 ? 0 : pollMs),
      (error: unknown) => {
        console.error("Outbox worker pass failed; retrying", error);
        schedule(pollMs);
      },
    );
  };
  const schedule = (delay: number) => {
    if (stopping.signal.aborted) return;
    timer = setTimeout(tick, delay);
    // The worker never keeps a process alive on its own: servers and scripts end as they would without it.
    timer.unref();
  };

  schedule(0);
  return {
    workerId,
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await pass;
    },
  };
}
