import type { Prisma } from "~/db.server";

/**
 * What both sides read of a ticket's thread: its messages in order with their author's name, and
 * its attachments without their bytes: the ticket's and its messages', never an internal note's.
 */
export const THREAD = {
  messages: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { agent: { select: { name: true } } },
  },
  attachments: {
    where: { noteId: null },
    select: { id: true, filename: true, contentType: true, size: true, messageId: true, createdAt: true },
  },
} as const satisfies Prisma.TicketInclude;

/** A thread message as both sides show it; internal notes are another table and never pass here. */
export function threadMessage(message: {
  id: string;
  authorType: "merchant" | "agent";
  body: string;
  createdAt: Date;
  agent: { name: string } | null;
}) {
  return {
    id: message.id,
    authorType: message.authorType,
    agentName: message.agent?.name ?? null,
    body: message.body,
    createdAt: message.createdAt,
  };
}
