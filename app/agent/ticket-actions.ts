import { z } from "zod";
import { CATEGORY_IDS, TIKTOK_CATEGORIES, type CategoryId } from "~/support/taxonomy";
import { REPLY_MAX } from "~/support/tickets/ticket-input";
import { TICKET_STATUSES } from "~/support/tickets/status";

/** What an agent can do on a ticket's page: one form field `intent` picks the action. Messages are `agent` i18n keys. */
export const ticketActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("reply"),
    body: z.string().trim().min(1, "errors.replyEmpty").max(REPLY_MAX, "errors.tooLong"),
    // How many messages the page showed: a reply written before a newer one arrived asks first.
    seenMessages: z.coerce.number().int().min(0).optional(),
    confirmed: z
      .string()
      .optional()
      .transform((value) => value === "true"),
  }),
  z.object({
    intent: z.literal("note"),
    body: z.string().trim().min(1, "errors.noteEmpty").max(REPLY_MAX, "errors.tooLong"),
  }),
  z.object({
    intent: z.literal("assign"),
    assigneeId: z
      .string()
      .max(64)
      .transform((value) => value || null),
  }),
  z.object({ intent: z.literal("status"), status: z.enum(TICKET_STATUSES, { message: "errors.status" }) }),
  z.object({
    intent: z.literal("category"),
    category: z.enum(CATEGORY_IDS as [CategoryId, ...CategoryId[]], { message: "errors.category" }),
  }),
  z.object({
    intent: z.literal("send_guide"),
    category: z.enum(TIKTOK_CATEGORIES as [CategoryId, ...CategoryId[]], { message: "errors.category" }),
  }),
]);

export type TicketAction = z.infer<typeof ticketActionSchema>;
export type TicketIntent = TicketAction["intent"];
