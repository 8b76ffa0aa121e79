import { createHash } from "node:crypto";
import { isUniqueViolation, type Db, type Prisma } from "~/db.server";
import { resolveLocale } from "~/i18n/locales";
import {
  agentReplyEmail,
  merchantReplyEmail,
  ticketAcknowledgedEmail,
  ticketCreatedEmail,
  ticketResolvedEmail,
  type TicketFacts,
} from "~/notifications/emails.server";
import { enqueueEmail } from "~/notifications/outbox.server";
import { responseCanBeDue, responseDueAt as dueAfter } from "~/agent/sla";
import { readSlaSettings } from "~/agent/sla-settings.server";
import { isCategoryId, type CategoryId } from "../taxonomy";
import { overridesSuggestion, secondCategoryOf } from "../triage-labels/reading";
import type { CheckedAttachment } from "./attachments";
import { formatTicketNumber } from "./number";
import { canRate, type Satisfaction } from "./satisfaction";
import { searchTextOf, withReply } from "./search-text";
import {
  canTransition,
  merchantStatus,
  statusAfterAgentReply,
  statusAfterMerchantReply,
  type TicketStatus,
} from "./status";
import type { TicketForm } from "./ticket-input";

/**
 * The ticket module: the one writer of tickets, their messages, notes, attachments, audit events and
 * the emails they cause. Every change runs in one transaction with its audit event and its email, so
 * a failed write leaves nothing behind. The merchant's and the agents' sides are facades over this
 * (merchant-tickets.server.ts, agent/agent-tickets.server.ts); redaction lives in redaction.server.ts.
 */

export interface Diagnostics {
  appVersion: string;
  shopPlan: string | null;
  locale: string;
  timezone: string | null;
}

export interface NewTicket extends TicketForm {
  shopName: string;
  locale: string;
  diagnostics: Diagnostics;
  /** What the order lookup found (or that it found nothing), null when no order was looked up. */
  orderSummary: Prisma.InputJsonObject | null;
  /** What the store checks found before the merchant chose to open the ticket. */
  storeChecks?: Prisma.InputJsonObject | null;
  attachments: CheckedAttachment[];
  /** The classifier's reading of `description`, made on the server (open-ticket.server.ts), never the browser's. */
  suggestedCategory?: CategoryId | null;
  suggestedSecond?: CategoryId | null;
  confidence?: number | null;
  modelVersion?: string | null;
  /** What the text names (order and tracking numbers, SKUs, product names). */
  entities?: Prisma.InputJsonObject | null;
}

/**
 * What creation returns. Writes return only what callers use: in Prisma 6 (query compiler, no plan
 * cache) a write that returns every column costs about twice the CPU of one that returns a few.
 */
const CREATED = { id: true, number: true, createdAt: true } as const;

export interface CreatedTicket {
  ticket: Prisma.TicketGetPayload<{ select: typeof CREATED }>;
  /** False when the idempotency key had already made this ticket (a double submit, a retry). */
  created: boolean;
}

/** What a guide sent to a misrouted ticket is written from. */
export interface GuideTicket {
  locale: string;
  description: string;
  shopName: string;
  tiktokUsername: string | null;
  orderId: string | null;
}

/** Who writes in a ticket's thread. */
export type Author = { type: "merchant" } | { type: "agent"; agentId: string };

export type ChangeError = "notFound" | "transition" | "unknownAgent" | "invalidCategory" | "conflict";
export type ChangeResult = { ok: true; changed: boolean } | { ok: false; error: ChangeError };
export type ReplyResult = { ok: true; messageId: string } | { ok: false; error: ChangeError };

type Tx = Prisma.TransactionClient;

/** Thrown inside a transaction to roll it back when the ticket changed between our read and our write. */
class Conflict extends Error {}

/** Attachment rows without their ticket, shop or message, which the caller knows. */
function attachmentRows(attachments: CheckedAttachment[]) {
  return attachments.map((file) => ({
    filename: file.filename,
    contentType: file.contentType,
    size: file.bytes.byteLength,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
    data: Buffer.from(file.bytes),
  }));
}

type AttachmentRow = ReturnType<typeof attachmentRows>[number];

function emailFacts(ticket: Omit<TicketFacts, "reference"> & { number: number }): TicketFacts {
  return { ...ticket, reference: formatTicketNumber(ticket.number) };
}

async function audit(
  tx: Tx,
  ticketId: string,
  actor: Author,
  action: Prisma.AuditEventCreateManyInput["action"],
  fromValue: string | null = null,
  toValue: string | null = null,
) {
  await tx.auditEvent.create({
    data: {
      ticketId,
      actorType: actor.type,
      actorId: actor.type === "agent" ? actor.agentId : null,
      action,
      fromValue,
      toValue,
    },
  });
}

/**
 * The one optimistic-concurrency rule, for both sides: a change is written only while the fields it
 * was decided from still hold the values read, otherwise the whole transaction rolls back.
 */
async function guardedUpdate(
  tx: Tx,
  id: string,
  expected: Pick<Prisma.TicketWhereInput, "status" | "assigneeId" | "category">,
  data: Prisma.TicketUncheckedUpdateManyInput,
) {
  const updated = await tx.ticket.updateMany({ where: { id, ...expected }, data });
  if (updated.count !== 1) throw new Conflict();
}

/**
 * Whether the merchant has something new from SPL after an agent's change: a reply always, a status
 * change only when the merchant's word for it changes (an agent reopening "new" as "open" is not news).
 */
function newsForMerchant(from: TicketStatus, to: TicketStatus): boolean {
  return merchantStatus(from) !== merchantStatus(to);
}

/**
 * When SPL's response is due once it is SPL's turn again: a due time already running is kept (the
 * merchant writing twice does not push the promise back); otherwise the first-response target until
 * an agent has answered, the next-response target after.
 */
async function dueWhenSplsTurn(
  tx: Tx,
  ticket: { category: string; responseDueAt: Date | null; firstAgentReplyAt: Date | null },
  now: Date,
): Promise<Date> {
  if (ticket.responseDueAt) return ticket.responseDueAt;
  return dueAfter(
    await readSlaSettings(tx),
    ticket.category,
    ticket.firstAgentReplyAt ? "next" : "first",
    now,
  );
}

interface ThreadTicket {
  id: string;
  shop: string;
  category: string;
  searchText: string;
  responseDueAt: Date | null;
  firstAgentReplyAt: Date | null;
}

/**
 * A message in the thread, with its files. An agent's keeps the due time it answered, so met or missed
 * stays known after the ticket moves on.
 */
async function writeMessage(
  tx: Tx,
  ticket: ThreadTicket,
  author: Author,
  body: string,
  files: AttachmentRow[],
): Promise<string> {
  const message = await tx.message.create({
    data: {
      ticketId: ticket.id,
      shop: ticket.shop,
      authorType: author.type,
      agentId: author.type === "agent" ? author.agentId : null,
      body,
      ...(author.type === "agent" ? { responseDueAt: ticket.responseDueAt } : {}),
      ...(files.length
        ? {
            attachments: {
              createMany: {
                data: files.map((file) => ({ ...file, shop: ticket.shop, ticketId: ticket.id })),
              },
            },
          }
        : {}),
    },
    select: { id: true },
  });
  return message.id;
}

/**
 * What a new message changes on its ticket, whichever action sends it. The author has read whatever
 * they answer; an agent's message is news for the merchant and stops the response clock, a merchant's
 * is news for the agents and starts it again.
 */
async function afterMessage(
  tx: Tx,
  ticket: ThreadTicket,
  author: Author,
  body: string,
  now: Date,
): Promise<Prisma.TicketUpdateManyMutationInput> {
  const activity = { lastActivityAt: now, searchText: withReply(ticket.searchText, body) };
  if (author.type === "agent") {
    return {
      ...activity,
      merchantUnread: true,
      firstAgentReplyAt: ticket.firstAgentReplyAt ?? now,
      responseDueAt: null,
    };
  }
  return {
    ...activity,
    merchantUnread: false,
    agentUnread: true,
    responseDueAt: await dueWhenSplsTurn(tx, ticket, now),
  };
}

/** Timestamps a status change sets or clears: reopening undoes "resolved" and "closed". */
function statusTimes(to: TicketStatus, now: Date): Prisma.TicketUpdateManyMutationInput {
  if (to === "resolved") return { resolvedAt: now };
  if (to === "closed") return { closedAt: now };
  if (to === "open") return { resolvedAt: null, closedAt: null };
  return {};
}

/**
 * A running due time under another category's target, counted from when SPL's turn began: the
 * ticket's creation before the first answer, else the merchant's latest message after it (or now,
 * when an agent reopened the ticket without one).
 */
async function dueForCategory(
  tx: Tx,
  id: string,
  ticket: { createdAt: Date; firstAgentReplyAt: Date | null },
  category: CategoryId,
): Promise<Date> {
  const settings = await readSlaSettings(tx);
  if (!ticket.firstAgentReplyAt) return dueAfter(settings, category, "first", ticket.createdAt);
  const latest = await tx.message.findFirst({
    where: { ticketId: id, authorType: "merchant" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true },
  });
  const since = latest && latest.createdAt > ticket.firstAgentReplyAt ? latest.createdAt : new Date();
  return dueAfter(settings, category, "next", since);
}

/**
 * A category a person decided for the merchant's text (an agent's change, or a merchant's pick that
 * differs from the suggestion), kept for retraining in the same transaction as the decision.
 */
function recordLabel(
  tx: Tx,
  ticket: Pick<
    Prisma.TicketGetPayload<object>,
    "id" | "shop" | "description" | "locale" | "suggestedCategory" | "modelVersion"
  >,
  category: CategoryId,
  decider: Author,
) {
  return tx.triageLabel.create({
    data: {
      shop: ticket.shop,
      ticketId: ticket.id,
      text: ticket.description,
      locale: ticket.locale,
      suggestedCategory: ticket.suggestedCategory,
      finalCategory: category,
      decidedBy: decider.type,
      agentId: decider.type === "agent" ? decider.agentId : null,
      modelVersion: ticket.modelVersion,
    },
    select: { id: true },
  });
}

export function ticketModule(db: Db) {
  /**
   * Runs a change in a transaction. A conflict means another change landed between this one's read
   * and its write: it is decided again once on what is there now, then reported.
   */
  async function change(work: (tx: Tx) => Promise<ChangeResult>): Promise<ChangeResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.$transaction(work);
      } catch (error) {
        if (!(error instanceof Conflict)) throw error;
        if (attempt === 2) return { ok: false, error: "conflict" };
      }
    }
  }

  return {
    /**
     * A merchant's new ticket, numbered from the counter inside the transaction (a rollback gives the
     * number back, so numbers have no gaps); one ticket per idempotency key, so a double submit or a
     * retry returns the ticket the first one made.
     */
    async create(shop: string, input: NewTicket): Promise<CreatedTicket> {
      // Hashed before the transaction, which holds the counter's lock.
      const files = attachmentRows(input.attachments).map((file) => ({ ...file, shop }));
      const sla = await readSlaSettings(db);
      const now = new Date();
      try {
        const ticket = await db.$transaction(async (tx) => {
          const { value: number } = await tx.counter.update({
            where: { name: "ticket" },
            data: { value: { increment: 1 } },
            select: { value: true },
          });
          const orderId = input.orderId ?? null;
          const ticket = await tx.ticket.create({
            data: {
              number,
              shop,
              shopName: input.shopName,
              status: "new",
              category: input.category,
              merchantCategory: input.category,
              suggestedCategory: input.suggestedCategory ?? null,
              confidence: input.confidence ?? null,
              modelVersion: input.modelVersion ?? null,
              secondCategory: secondCategoryOf(input.category, input),
              entities: input.entities ?? undefined,
              description: input.description,
              orderId,
              orderSummary: input.orderSummary ?? undefined,
              storeChecks: input.storeChecks ?? undefined,
              contactEmail: input.contactEmail,
              tiktokUsername: input.tiktokUsername ?? null,
              locale: input.locale,
              diagnostics: { ...input.diagnostics },
              idempotencyKey: input.idempotencyKey,
              searchText: searchTextOf({ ...input, number, shop, orderId }),
              createdAt: now,
              lastActivityAt: now,
              responseDueAt: dueAfter(sla, input.category, "first", now),
              ...(files.length ? { attachments: { createMany: { data: files } } } : {}),
              events: { create: { actorType: "merchant", action: "created", toValue: "new" } },
            },
            select: CREATED,
          });
          if (overridesSuggestion(input.category, input)) {
            await recordLabel(
              tx,
              {
                id: ticket.id,
                shop,
                description: input.description,
                locale: input.locale,
                suggestedCategory: input.suggestedCategory ?? null,
                modelVersion: input.modelVersion ?? null,
              },
              input.category,
              { type: "merchant" },
            );
          }
          const facts = emailFacts({ ...input, id: ticket.id, shop, number });
          await enqueueEmail(tx, ticketCreatedEmail(facts));
          await enqueueEmail(tx, ticketAcknowledgedEmail(facts, resolveLocale(input.locale)));
          return ticket;
        });
        return { ticket, created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const first = await db.ticket.findUnique({
          where: { shop_idempotencyKey: { shop, idempotencyKey: input.idempotencyKey } },
          select: CREATED,
        });
        if (!first) throw error;
        return { ticket: first, created: false };
      }
    },

    /**
     * A message in the thread. The merchant's puts the ticket back in the agents' hands (reopening a
     * resolved or closed one); an agent's waits on the merchant and emails them. `shop` scopes a
     * merchant's reply to their own tickets.
     */
    async reply(
      target: { id: string; shop?: string },
      author: Author,
      body: string,
      attachments: CheckedAttachment[] = [],
    ): Promise<ReplyResult> {
      const files = attachmentRows(attachments);
      let messageId: string | undefined;
      const result = await change(async (tx) => {
        const ticket = await tx.ticket.findFirst({
          where: target,
          include: { assignee: { select: { email: true } } },
        });
        if (!ticket) return { ok: false, error: "notFound" };
        const from = ticket.status;
        const to = author.type === "merchant" ? statusAfterMerchantReply(from) : statusAfterAgentReply(from);
        const now = new Date();
        messageId = await writeMessage(tx, ticket, author, body, files);
        await guardedUpdate(
          tx,
          ticket.id,
          { status: from },
          {
            status: to,
            ...(await afterMessage(tx, ticket, author, body, now)),
            ...(to !== from ? statusTimes(to, now) : {}),
          },
        );
        if (author.type === "agent") await audit(tx, ticket.id, author, "reply");
        if (to !== from) await audit(tx, ticket.id, author, "status", from, to);
        if (author.type === "agent") {
          await enqueueEmail(tx, agentReplyEmail(emailFacts(ticket), body, resolveLocale(ticket.locale)));
        } else {
          await enqueueEmail(
            tx,
            merchantReplyEmail(emailFacts(ticket), body, ticket.assignee?.email ?? null),
          );
        }
        return { ok: true, changed: true };
      });
      return result.ok ? { ok: true, messageId: messageId! } : result;
    },

    /**
     * An agent's internal note: never shown to the merchant, kept in its own table, and so are its
     * files (Attachment.noteId), which the merchant's side never serves.
     */
    note(
      agentId: string,
      id: string,
      body: string,
      attachments: CheckedAttachment[] = [],
    ): Promise<ChangeResult> {
      const files = attachmentRows(attachments);
      return change(async (tx) => {
        const ticket = await tx.ticket.findUnique({ where: { id }, select: { id: true, shop: true } });
        if (!ticket) return { ok: false, error: "notFound" };
        await tx.internalNote.create({
          data: {
            ticketId: id,
            agentId,
            body,
            ...(files.length
              ? {
                  attachments: {
                    createMany: { data: files.map((file) => ({ ...file, shop: ticket.shop, ticketId: id })) },
                  },
                }
              : {}),
          },
        });
        await audit(tx, id, { type: "agent", agentId }, "note");
        return { ok: true, changed: true };
      });
    },

    assign(agentId: string, id: string, assigneeId: string | null): Promise<ChangeResult> {
      return change(async (tx) => {
        const ticket = await tx.ticket.findUnique({ where: { id }, select: { assigneeId: true } });
        if (!ticket) return { ok: false, error: "notFound" };
        if (assigneeId && !(await tx.agent.findUnique({ where: { id: assigneeId }, select: { id: true } }))) {
          return { ok: false, error: "unknownAgent" };
        }
        if (ticket.assigneeId === assigneeId) return { ok: true, changed: false };
        await guardedUpdate(tx, id, { assigneeId: ticket.assigneeId }, { assigneeId });
        await audit(tx, id, { type: "agent", agentId }, "assign", ticket.assigneeId, assigneeId);
        return { ok: true, changed: true };
      });
    },

    /** A move along the workflow in status.ts; anything else is refused. */
    setStatus(agentId: string, id: string, to: TicketStatus): Promise<ChangeResult> {
      return change(async (tx) => {
        const ticket = await tx.ticket.findUnique({ where: { id } });
        if (!ticket) return { ok: false, error: "notFound" };
        const from = ticket.status;
        if (!canTransition(from, to)) return { ok: false, error: "transition" };
        const now = new Date();
        await guardedUpdate(
          tx,
          id,
          { status: from },
          {
            status: to,
            ...statusTimes(to, now),
            responseDueAt: responseCanBeDue(to) ? await dueWhenSplsTurn(tx, ticket, now) : null,
            ...(newsForMerchant(from, to) ? { merchantUnread: true } : {}),
          },
        );
        await audit(tx, id, { type: "agent", agentId }, "status", from, to);
        if (to === "resolved") {
          await enqueueEmail(tx, ticketResolvedEmail(emailFacts(ticket), resolveLocale(ticket.locale)));
        }
        return { ok: true, changed: true };
      });
    },

    /** A category change, stored with its triage label in the same transaction. */
    setCategory(agentId: string, id: string, category: CategoryId): Promise<ChangeResult> {
      if (!isCategoryId(category)) return Promise.resolve({ ok: false, error: "invalidCategory" });
      return change(async (tx) => {
        const ticket = await tx.ticket.findUnique({
          where: { id },
          select: {
            category: true,
            createdAt: true,
            firstAgentReplyAt: true,
            responseDueAt: true,
            shop: true,
            description: true,
            locale: true,
            suggestedCategory: true,
            modelVersion: true,
          },
        });
        if (!ticket) return { ok: false, error: "notFound" };
        if (ticket.category === category) return { ok: true, changed: false };
        await guardedUpdate(
          tx,
          id,
          { category: ticket.category },
          {
            category,
            ...(ticket.responseDueAt
              ? { responseDueAt: await dueForCategory(tx, id, ticket, category) }
              : {}),
          },
        );
        await audit(tx, id, { type: "agent", agentId }, "category", ticket.category, category);
        await recordLabel(tx, { id, ...ticket }, category, { type: "agent", agentId });
        return { ok: true, changed: true };
      });
    },

    /**
     * Answers a problem only TikTok can solve, as one change: the ticket moves to that TikTok
     * category, `replyOf` writes the agent's reply from the ticket as it is now (the guide in the
     * merchant's language), and the ticket is resolved, with the three audit events and the reply
     * and resolution emails. Either all of it is written or, on any failure, none of it.
     */
    sendGuide(
      agentId: string,
      id: string,
      category: CategoryId,
      replyOf: (ticket: GuideTicket) => string,
    ): Promise<ChangeResult> {
      if (!isCategoryId(category)) return Promise.resolve({ ok: false, error: "invalidCategory" });
      const actor: Author = { type: "agent", agentId };
      return change(async (tx) => {
        const ticket = await tx.ticket.findUnique({ where: { id } });
        if (!ticket) return { ok: false, error: "notFound" };
        const from = ticket.status;
        if (!canTransition(from, "resolved")) return { ok: false, error: "transition" };
        const body = replyOf(ticket);
        const now = new Date();
        await writeMessage(tx, ticket, actor, body, []);
        await guardedUpdate(
          tx,
          id,
          { status: from, category: ticket.category },
          {
            category,
            status: "resolved",
            ...(await afterMessage(tx, ticket, actor, body, now)),
            ...statusTimes("resolved", now),
          },
        );
        if (ticket.category !== category) {
          await audit(tx, id, actor, "category", ticket.category, category);
          await recordLabel(tx, ticket, category, actor);
        }
        await audit(tx, id, actor, "reply");
        await audit(tx, id, actor, "status", from, "resolved");
        const facts = emailFacts({ ...ticket, category });
        const locale = resolveLocale(ticket.locale);
        await enqueueEmail(tx, agentReplyEmail(facts, body, locale));
        await enqueueEmail(tx, ticketResolvedEmail(facts, locale));
        return { ok: true, changed: true };
      });
    },

    /**
     * The merchant's answer to "Did this solve your problem?": once per resolution they were told
     * about, on their own ticket (`shop`), while it is resolved or closed after being resolved.
     * `satisfactionAt` records when; a second answer finds the question already answered.
     */
    rateResolution(
      target: { id: string; shop: string },
      rating: Satisfaction,
      comment: string | null,
    ): Promise<ChangeResult> {
      return change(async (tx) => {
        const ticket = await tx.ticket.findFirst({
          where: target,
          select: { status: true, resolvedAt: true, satisfaction: true },
        });
        if (!ticket) return { ok: false, error: "notFound" };
        if (!canRate(ticket)) return { ok: false, error: "transition" };
        const updated = await tx.ticket.updateMany({
          where: { ...target, satisfaction: null, status: ticket.status },
          data: { satisfaction: rating, satisfactionComment: comment, satisfactionAt: new Date() },
        });
        if (updated.count !== 1) throw new Conflict();
        return { ok: true, changed: true };
      });
    },

    /** An agent opened the ticket: whatever the merchant sent is read. */
    async markReadByAgent(id: string): Promise<void> {
      await db.ticket.updateMany({ where: { id, agentUnread: true }, data: { agentUnread: false } });
    },

    /** The merchant opened the ticket: whatever SPL sent is read. `shop` scopes it to their own tickets. */
    async markReadByMerchant(target: { id: string; shop: string }): Promise<void> {
      await db.ticket.updateMany({
        where: { ...target, merchantUnread: true },
        data: { merchantUnread: false },
      });
    },

    /** An agent ran the store checks again: the ticket keeps the latest findings, the audit says when. */
    recordStoreChecks(agentId: string, id: string, report: Prisma.InputJsonObject): Promise<ChangeResult> {
      return change(async (tx) => {
        const updated = await tx.ticket.updateMany({ where: { id }, data: { storeChecks: report } });
        if (updated.count !== 1) return { ok: false, error: "notFound" };
        await audit(tx, id, { type: "agent", agentId }, "store_checks");
        return { ok: true, changed: true };
      });
    },
  };
}
