import { z } from "zod";
import type { TicketStatus } from "./status";

/**
 * The one question a merchant is asked once SPL resolves their ticket: did this solve your problem?
 * The one list of answers; their words are the `support` namespace's `satisfaction.<answer>`.
 */
export const SATISFACTION_ANSWERS = ["good", "not_good"] as const;
export type Satisfaction = (typeof SATISFACTION_ANSWERS)[number];

export const SATISFACTION_COMMENT_MAX = 1_000;

/** The satisfaction form, validated on the server; messages are `support` i18n keys. */
export const satisfactionSchema = z.object({
  rating: z.enum(SATISFACTION_ANSWERS, { message: "errors.satisfactionRating" }),
  comment: z
    .string()
    .trim()
    .max(SATISFACTION_COMMENT_MAX, "errors.satisfactionCommentLong")
    .optional()
    .transform((value) => value || null),
});

export function isSatisfaction(value: unknown): value is Satisfaction {
  return typeof value === "string" && (SATISFACTION_ANSWERS as readonly string[]).includes(value);
}

/**
 * Whether the question is open: the ticket was resolved (and perhaps closed since) and not yet
 * answered. A reopened ticket has no `resolvedAt` until it is resolved again.
 */
export function canRate(ticket: {
  status: TicketStatus;
  resolvedAt: Date | string | null;
  satisfaction: string | null;
}): boolean {
  return (
    ticket.satisfaction === null &&
    ticket.resolvedAt !== null &&
    (ticket.status === "resolved" || ticket.status === "closed")
  );
}
