import type { Db } from "~/db.server";
import { isCategoryId, routeOf, type CategoryId } from "~/support/taxonomy";
import { allowedTransitions, type TicketStatus } from "~/support/tickets/status";
import type { CheckedAttachment } from "~/support/tickets/attachments";
import { THREAD, threadMessage } from "~/support/tickets/thread";
import { ticketCategory } from "~/support/tickets/ticket-category";
import { ticketModule, type ChangeResult } from "~/support/tickets/tickets.server";
import { readEntities } from "~/support/triage-labels/reading";
import { guideReply } from "./guide-reply.server";
import type { TicketAction } from "./ticket-actions";

export interface Actor {
  id: string;
}

/**
 * What agents do with tickets, across all shops: a facade over the ticket module, which checks every
 * change against the workflow, guards it against a concurrent change and audits it with the agent.
 */
export function agentTickets(db: Db) {
  const tickets = ticketModule(db);

  const reply = (
    actor: Actor,
    id: string,
    body: string,
    attachments: CheckedAttachment[] = [],
  ): Promise<ChangeResult> =>
    tickets
      .reply({ id }, { type: "agent", agentId: actor.id }, body, attachments)
      .then((result) => (result.ok ? { ok: true, changed: true } : result));
  const addNote = (actor: Actor, id: string, body: string, attachments: CheckedAttachment[] = []) =>
    tickets.note(actor.id, id, body, attachments);
  const assign = (actor: Actor, id: string, assigneeId: string | null) =>
    tickets.assign(actor.id, id, assigneeId);
  const setStatus = (actor: Actor, id: string, to: TicketStatus) => tickets.setStatus(actor.id, id, to);
  const setCategory = (actor: Actor, id: string, category: CategoryId) =>
    tickets.setCategory(actor.id, id, category);

  /**
   * Answers a problem only TikTok can solve: the ticket moves to that TikTok category, the merchant
   * gets the guide in their language, and the ticket is resolved, as one change of the ticket module.
   */
  function sendGuide(actor: Actor, id: string, category: CategoryId): Promise<ChangeResult> {
    if (routeOf(category) !== "tiktok_guide") return Promise.resolve({ ok: false, error: "invalidCategory" });
    return tickets.sendGuide(actor.id, id, category, (ticket) => guideReply(ticket, category));
  }

  return {
    reply,
    addNote,
    sendGuide,
    assign,
    setStatus,
    setCategory,

    /** Runs one action from the ticket page's form; a reply or a note may carry checked attachments. */
    act(
      actor: Actor,
      id: string,
      action: TicketAction,
      attachments: CheckedAttachment[] = [],
    ): Promise<ChangeResult> {
      switch (action.intent) {
        case "reply":
          return reply(actor, id, action.body, attachments);
        case "note":
          return addNote(actor, id, action.body, attachments);
        case "assign":
          return assign(actor, id, action.assigneeId);
        case "status":
          return setStatus(actor, id, action.status);
        case "category":
          return setCategory(actor, id, action.category);
        case "send_guide":
          return sendGuide(actor, id, action.category);
      }
    },

    /** Everything an agent needs to act on a ticket, internal notes and audit trail included. */
    async get(id: string) {
      const ticket = await db.ticket.findUnique({
        where: { id },
        include: {
          assignee: { select: { id: true, name: true } },
          ...THREAD,
          notes: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            include: {
              agent: { select: { name: true } },
              attachments: { select: { id: true, filename: true, contentType: true, size: true } },
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
      const status = ticket.status;
      return {
        id: ticket.id,
        number: ticket.number,
        shop: ticket.shop,
        shopName: ticket.shopName,
        status,
        allowedStatuses: allowedTransitions(status),
        category: ticketCategory(ticket.category),
        suggestedCategory: isCategoryId(ticket.suggestedCategory) ? ticket.suggestedCategory : null,
        confidence: ticket.confidence,
        merchantCategory: isCategoryId(ticket.merchantCategory) ? ticket.merchantCategory : null,
        secondCategory: isCategoryId(ticket.secondCategory) ? ticket.secondCategory : null,
        entities: readEntities(ticket.entities),
        description: ticket.description,
        orderId: ticket.orderId,
        orderSummary: ticket.orderSummary,
        storeChecks: ticket.storeChecks,
        diagnostics: ticket.diagnostics,
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
          attachments: note.attachments,
        })),
        unread: ticket.agentUnread,
        satisfaction: ticket.satisfaction
          ? { answer: ticket.satisfaction, comment: ticket.satisfactionComment, at: ticket.satisfactionAt }
          : null,
        events: [
          ...ticket.events.map((event) => ({
            id: event.id,
            action: event.action,
            actorType: event.actorType,
            actorName: nameOf(event.actorId),
            fromValue: event.action === "assign" ? nameOf(event.fromValue) : event.fromValue,
            toValue: event.action === "assign" ? nameOf(event.toValue) : event.toValue,
            createdAt: event.createdAt,
          })),
          // The merchant's replies are messages, not audit events; the activity log shows them too.
          ...ticket.messages
            .filter((message) => message.authorType === "merchant")
            .map((message) => ({
              id: `message-${message.id}`,
              action: "merchant_reply" as const,
              actorType: message.authorType,
              actorName: null,
              fromValue: null,
              toValue: null,
              createdAt: message.createdAt,
            })),
          // The merchant's answer to the satisfaction question is kept on the ticket, with its time.
          ...(ticket.satisfaction && ticket.satisfactionAt
            ? [
                {
                  id: "satisfaction",
                  action: "satisfaction" as const,
                  actorType: "merchant" as const,
                  actorName: null,
                  fromValue: null,
                  toValue: ticket.satisfaction,
                  createdAt: ticket.satisfactionAt,
                },
              ]
            : []),
        ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
      };
    },

    /** How many messages the thread has (a page that shows fewer has missed one); null for no such ticket. */
    async messageCount(id: string): Promise<number | null> {
      const ticket = await db.ticket.findUnique({
        where: { id },
        select: { _count: { select: { messages: true } } },
      });
      return ticket ? ticket._count.messages : null;
    },

    attachment(id: string) {
      return db.attachment.findUnique({ where: { id } });
    },

    /** The agent has the ticket in front of them (a POST from the page, never its loader). */
    markRead(id: string) {
      return tickets.markReadByAgent(id);
    },
  };
}

export type AgentTicket = NonNullable<Awaited<ReturnType<ReturnType<typeof agentTickets>["get"]>>>;
