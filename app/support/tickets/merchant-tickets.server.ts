import type { Db, Prisma } from "~/db.server";
import type { CategoryId } from "../taxonomy";
import type { CheckedAttachment } from "./attachments";
import { NEWEST_FIRST, afterCursor, decodeCursor, page } from "./cursor";
import { attachmentRows, threadMessage } from "./ticket-store.server";
import { ticketWriter } from "./ticket-writer.server";
import {
  merchantStatus,
  statusAfterMerchantReply,
  statusesShownAs,
  type MerchantStatus,
  type TicketStatus,
} from "./status";
import type { TicketForm } from "./ticket-input";

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
  orderSummary: unknown;
  attachments: CheckedAttachment[];
}

export interface TicketLogFilter {
  status?: MerchantStatus;
  number?: number;
  createdFrom?: Date;
  createdBefore?: Date;
  cursor?: string | null;
  limit?: number;
}

const PAGE_SIZE = 20;

/**
 * Everything a merchant can do with tickets, bound to one shop. Every query filters by that shop
 * here, in one place: a guessed id from another shop finds nothing.
 */
export function merchantTickets(db: Db, shop: string) {
  const ownTicket = (id: string) => ({ id, shop });

  return {
    /** Creates the ticket once per idempotency key: a double submit returns the first ticket. */
    create: (input: NewTicket) => ticketWriter(db).create(shop, input),

    /** The Ticket Log: newest first, keyset-paginated, no full counts. */
    async list(filter: TicketLogFilter = {}) {
      const limit = Math.min(filter.limit ?? PAGE_SIZE, 100);
      const where: Prisma.TicketWhereInput = {
        shop,
        ...(filter.status ? { status: { in: statusesShownAs(filter.status) } } : {}),
        ...(filter.number ? { number: filter.number } : {}),
        createdAt: {
          ...(filter.createdFrom ? { gte: filter.createdFrom } : {}),
          ...(filter.createdBefore ? { lt: filter.createdBefore } : {}),
        },
        ...afterCursor(decodeCursor(filter.cursor)),
      };
      const rows = await db.ticket.findMany({
        where,
        orderBy: NEWEST_FIRST,
        take: limit + 1,
        select: {
          id: true,
          number: true,
          category: true,
          status: true,
          description: true,
          createdAt: true,
          lastActivityAt: true,
        },
      });
      const { items, nextCursor } = page(rows, limit);
      return {
        tickets: items.map((row) => ({
          ...row,
          category: row.category as CategoryId,
          status: merchantStatus(row.status as TicketStatus),
        })),
        nextCursor,
      };
    },

    /** One ticket with its conversation; internal notes live elsewhere and are never read here. */
    async get(id: string) {
      const ticket = await db.ticket.findFirst({
        where: ownTicket(id),
        include: {
          messages: { orderBy: { createdAt: "asc" }, include: { agent: { select: { name: true } } } },
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
        },
      });
      if (!ticket) return null;
      return {
        id: ticket.id,
        number: ticket.number,
        category: ticket.category as CategoryId,
        status: merchantStatus(ticket.status as TicketStatus),
        description: ticket.description,
        orderId: ticket.orderId,
        contactEmail: ticket.contactEmail,
        createdAt: ticket.createdAt,
        attachments: ticket.attachments,
        messages: ticket.messages.map(threadMessage),
      };
    },

    /** A merchant's reply; on a resolved or closed ticket it reopens it. */
    async reply(id: string, body: string, attachments: CheckedAttachment[] = []) {
      return db.$transaction(async (tx) => {
        const ticket = await tx.ticket.findFirst({ where: ownTicket(id) });
        if (!ticket) return null;
        const message = await tx.message.create({
          data: { ticketId: id, shop, authorType: "merchant", body },
        });
        await tx.attachment.createMany({
          data: attachmentRows(shop, attachments).map((row) => ({
            ...row,
            ticketId: id,
            messageId: message.id,
          })),
        });
        const status = statusAfterMerchantReply(ticket.status as TicketStatus);
        const now = new Date();
        await tx.ticket.update({
          where: { id },
          data: {
            status,
            lastActivityAt: now,
            searchText: `${ticket.searchText} ${body.toLowerCase()}`.slice(0, 20_000),
            ...(status !== ticket.status ? { resolvedAt: null, closedAt: null } : {}),
          },
        });
        if (status !== ticket.status) {
          await tx.auditEvent.create({
            data: {
              ticketId: id,
              actorType: "merchant",
              action: "status",
              fromValue: ticket.status,
              toValue: status,
            },
          });
        }
        return message;
      });
    },

    async attachment(id: string) {
      return db.attachment.findFirst({ where: { id, shop } });
    },

    /** Counts a problem that went to a TikTok guide instead of a ticket. */
    async recordGuideVisit(category: CategoryId) {
      await db.guideVisit.create({ data: { shop, category } });
    },
  };
}

export type MerchantTickets = ReturnType<typeof merchantTickets>;
