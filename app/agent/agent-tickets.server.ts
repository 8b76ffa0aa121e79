import type { Db, Prisma } from "~/db.server";
import { resolveLocale } from "~/i18n/locales";
import { agentReplyEmail } from "~/notifications/emails.server";
import { enqueueEmail } from "~/notifications/outbox.server";
import { isCategoryId, type CategoryId } from "~/support/taxonomy";
import {
  allowedTransitions,
  canTransition,
  statusAfterAgentReply,
  type TicketStatus,
} from "~/support/tickets/status";
import type { TicketAction } from "./ticket-actions";
import { threadMessage } from "~/support/tickets/ticket-store.server";

export interface Actor {
  id: string;
}

export type WorkError = "notFound" | "transition" | "unknownAgent" | "invalidCategory" | "conflict";
export type WorkResult = { ok: true; changed: boolean } | { ok: false; error: WorkError };

type Tx = Prisma.TransactionClient;
type AuditAction = "reply" | "note" | "assign" | "status" | "category";

/** Thrown inside a transaction to roll it back when the ticket changed under the agent's feet. */
class Conflict extends Error {}

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function audit(
  tx: Tx,
  ticketId: string,
  actor: Actor,
  action: AuditAction,
  fromValue: string | null = null,
  toValue: string | null = null,
) {
  await tx.auditEvent.create({
    data: { ticketId, actorType: "agent", actorId: actor.id, action, fromValue, toValue },
  });
}

/** Timestamps a status change sets or clears: reopening undoes "resolved" and "closed". */
function statusTimes(to: TicketStatus, now: Date): Prisma.TicketUpdateManyMutationInput {
  if (to === "resolved") return { resolvedAt: now };
  if (to === "closed") return { closedAt: now };
  if (to === "open") return { resolvedAt: null, closedAt: null };
  return {};
}

/**
 * What agents do with tickets, across all shops. Every change is checked against the workflow in
 * status.ts, guarded against a concurrent change of the same field, and written to AuditEvent
 * with the agent who made it, in the same transaction.
 */
export function agentTickets(db: Db) {
  async function change(work: (tx: Tx) => Promise<WorkResult>): Promise<WorkResult> {
    try {
      return await db.$transaction(work);
    } catch (error) {
      if (error instanceof Conflict) return { ok: false, error: "conflict" };
      throw error;
    }
  }

  async function reply(actor: Actor, id: string, body: string) {
    return change(async (tx) => {
      const ticket = await tx.ticket.findUnique({ where: { id } });
      if (!ticket) return { ok: false, error: "notFound" };
      const now = new Date();
      const from = ticket.status as TicketStatus;
      const status = statusAfterAgentReply(from);
      await tx.message.create({
        data: { ticketId: id, shop: ticket.shop, authorType: "agent", agentId: actor.id, body },
      });
      const updated = await tx.ticket.updateMany({
        where: { id, status: from },
        data: {
          status,
          lastActivityAt: now,
          firstAgentReplyAt: ticket.firstAgentReplyAt ?? now,
          searchText: `${ticket.searchText} ${body.toLowerCase()}`.slice(0, 20_000),
        },
      });
      if (updated.count !== 1) throw new Conflict();
      await audit(tx, id, actor, "reply");
      if (status !== from) await audit(tx, id, actor, "status", from, status);
      await enqueueEmail(tx, agentReplyEmail(ticket, body, resolveLocale(ticket.locale)));
      return { ok: true, changed: true };
    });
  }

  async function addNote(actor: Actor, id: string, body: string) {
    return change(async (tx) => {
      const ticket = await tx.ticket.findUnique({ where: { id }, select: { id: true } });
      if (!ticket) return { ok: false, error: "notFound" };
      await tx.internalNote.create({ data: { ticketId: id, agentId: actor.id, body } });
      await audit(tx, id, actor, "note");
      return { ok: true, changed: true };
    });
  }

  async function assign(actor: Actor, id: string, assigneeId: string | null) {
    return change(async (tx) => {
      const ticket = await tx.ticket.findUnique({ where: { id }, select: { assigneeId: true } });
      if (!ticket) return { ok: false, error: "notFound" };
      if (assigneeId && !(await tx.agent.findUnique({ where: { id: assigneeId }, select: { id: true } }))) {
        return { ok: false, error: "unknownAgent" };
      }
      if (ticket.assigneeId === assigneeId) return { ok: true, changed: false };
      const updated = await tx.ticket.updateMany({
        where: { id, assigneeId: ticket.assigneeId },
        data: { assigneeId },
      });
      if (updated.count !== 1) throw new Conflict();
      await audit(tx, id, actor, "assign", ticket.assigneeId, assigneeId);
      return { ok: true, changed: true };
    });
  }

  async function setStatus(actor: Actor, id: string, to: TicketStatus) {
    return change(async (tx) => {
      const ticket = await tx.ticket.findUnique({ where: { id }, select: { status: true } });
      if (!ticket) return { ok: false, error: "notFound" };
      const from = ticket.status as TicketStatus;
      if (!canTransition(from, to)) return { ok: false, error: "transition" };
      const updated = await tx.ticket.updateMany({
        where: { id, status: from },
        data: { status: to, ...statusTimes(to, new Date()) },
      });
      if (updated.count !== 1) throw new Conflict();
      await audit(tx, id, actor, "status", from, to);
      return { ok: true, changed: true };
    });
  }

  async function setCategory(actor: Actor, id: string, category: CategoryId) {
    if (!isCategoryId(category)) return { ok: false, error: "invalidCategory" } as const;
    return change(async (tx) => {
      const ticket = await tx.ticket.findUnique({ where: { id }, select: { category: true } });
      if (!ticket) return { ok: false, error: "notFound" };
      if (ticket.category === category) return { ok: true, changed: false };
      const updated = await tx.ticket.updateMany({
        where: { id, category: ticket.category },
        data: { category },
      });
      if (updated.count !== 1) throw new Conflict();
      await audit(tx, id, actor, "category", ticket.category, category);
      return { ok: true, changed: true };
    });
  }

  return {
    reply,
    addNote,
    assign,
    setStatus,
    setCategory,

    /** Runs one action from the ticket page's form. */
    act(actor: Actor, id: string, action: TicketAction): Promise<WorkResult> {
      switch (action.intent) {
        case "reply":
          return reply(actor, id, action.body);
        case "note":
          return addNote(actor, id, action.body);
        case "assign":
          return assign(actor, id, action.assigneeId);
        case "status":
          return setStatus(actor, id, action.status);
        case "category":
          return setCategory(actor, id, action.category);
      }
    },

    /** Everything an agent needs to act on a ticket, internal notes and audit trail included. */
    async get(id: string) {
      const ticket = await db.ticket.findUnique({
        where: { id },
        include: {
          assignee: { select: { id: true, name: true } },
          messages: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            include: { agent: { select: { name: true } } },
          },
          notes: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            include: { agent: { select: { name: true } } },
          },
          attachments: {
            select: {
              id: true,
              filename: true,
              contentType: true,
              size: true,
              messageId: true,
              createdAt: true,
            },
          },
          events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        },
      });
      if (!ticket) return null;
      const actorIds = [
        ...new Set(
          ticket.events.flatMap((event) => [
            event.actorId,
            event.action === "assign" ? event.fromValue : null,
            event.action === "assign" ? event.toValue : null,
          ]),
        ),
      ];
      const agents = await db.agent.findMany({
        where: { id: { in: actorIds.filter((value): value is string => Boolean(value)) } },
        select: { id: true, name: true },
      });
      const nameOf = (agentId: string | null) =>
        agentId ? (agents.find((agent) => agent.id === agentId)?.name ?? null) : null;
      const status = ticket.status as TicketStatus;
      return {
        id: ticket.id,
        number: ticket.number,
        shop: ticket.shop,
        shopName: ticket.shopName,
        status,
        allowedStatuses: allowedTransitions(status),
        category: ticket.category as CategoryId,
        suggestedCategory: isCategoryId(ticket.suggestedCategory) ? ticket.suggestedCategory : null,
        confidence: ticket.confidence,
        description: ticket.description,
        orderId: ticket.orderId,
        orderSummary: parseJson(ticket.orderSummary),
        diagnostics: parseJson(ticket.diagnostics),
        contactEmail: ticket.contactEmail,
        tiktokUsername: ticket.tiktokUsername,
        locale: ticket.locale,
        assignee: ticket.assignee,
        createdAt: ticket.createdAt,
        lastActivityAt: ticket.lastActivityAt,
        firstAgentReplyAt: ticket.firstAgentReplyAt,
        resolvedAt: ticket.resolvedAt,
        closedAt: ticket.closedAt,
        attachments: ticket.attachments,
        messages: ticket.messages.map(threadMessage),
        notes: ticket.notes.map((note) => ({
          id: note.id,
          agentName: note.agent?.name ?? null,
          body: note.body,
          createdAt: note.createdAt,
        })),
        events: ticket.events.map((event) => ({
          id: event.id,
          action: event.action,
          actorType: event.actorType,
          actorName: nameOf(event.actorId),
          fromValue: event.action === "assign" ? nameOf(event.fromValue) : event.fromValue,
          toValue: event.action === "assign" ? nameOf(event.toValue) : event.toValue,
          createdAt: event.createdAt,
        })),
      };
    },

    attachment(id: string) {
      return db.attachment.findUnique({ where: { id } });
    },
  };
}

export type AgentTicket = NonNullable<Awaited<ReturnType<ReturnType<typeof agentTickets>["get"]>>>;
