import type { Db, Prisma } from "~/db.server";
import { isCategoryId } from "../taxonomy";
import type { CheckedAttachment } from "./attachments";
import { NEWEST_FIRST, afterCursor, decodeCursor, page } from "./cursor";
import { canRate, type Satisfaction } from "./satisfaction";
import { merchantStatus, statusesShownAs, type MerchantStatus } from "./status";
import { THREAD, threadMessage } from "./thread";
import { ticketCategory } from "./ticket-category";
import { ticketModule, type NewTicket } from "./tickets.server";

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
  const tickets = ticketModule(db);

  return {
    /** Creates the ticket once per idempotency key: a double submit returns the first ticket. */
    create: (input: NewTicket) => tickets.create(shop, input),

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
          merchantUnread: true,
        },
      });
      const { items, nextCursor } = page(rows, limit);
      return {
        tickets: items.map(({ merchantUnread, ...row }) => ({
          ...row,
          unread: merchantUnread,
          category: ticketCategory(row.category),
          status: merchantStatus(row.status),
        })),
        nextCursor,
      };
    },

    /** One ticket with its conversation; internal notes live elsewhere and are never read here. */
    async get(id: string) {
      const ticket = await db.ticket.findFirst({
        where: ownTicket(id),
        include: THREAD,
      });
      if (!ticket) return null;
      return {
        id: ticket.id,
        number: ticket.number,
        category: ticketCategory(ticket.category),
        // The TikTok part of a two-problem text: the ticket is for the other, SPL's, part.
        secondCategory: isCategoryId(ticket.secondCategory) ? ticket.secondCategory : null,
        status: merchantStatus(ticket.status),
        unread: ticket.merchantUnread,
        description: ticket.description,
        orderId: ticket.orderId,
        contactEmail: ticket.contactEmail,
        createdAt: ticket.createdAt,
        attachments: ticket.attachments,
        messages: ticket.messages.map(threadMessage),
        satisfaction: {
          open: canRate(ticket),
          answer: ticket.satisfaction,
          comment: ticket.satisfactionComment,
        },
      };
    },

    /** The merchant's answer to "Did this solve your problem?", once, on their own resolved ticket. */
    rate(id: string, rating: Satisfaction, comment: string | null) {
      return tickets.rateResolution(ownTicket(id), rating, comment);
    },

    /** A merchant's reply; on a resolved or closed ticket it reopens it. Another shop's ticket is not found. */
    reply(id: string, body: string, attachments: CheckedAttachment[] = []) {
      return tickets.reply(ownTicket(id), { type: "merchant" }, body, attachments);
    },

    /** The merchant opened the ticket (an action, never the page's loader). */
    markRead(id: string) {
      return tickets.markReadByMerchant(ownTicket(id));
    },

    /** Tickets with something from SPL the merchant has not opened, for the count in the app's nav. */
    unreadCount() {
      return db.ticket.count({ where: { shop, merchantUnread: true } });
    },

    /** A file of the shop's own ticket or of a message in it; an agent's note's files are never served here. */
    async attachment(id: string) {
      return db.attachment.findFirst({ where: { id, shop, noteId: null } });
    },
  };
}

export type MerchantTickets = ReturnType<typeof merchantTickets>;
