import { z } from "zod";
import { CATEGORY_IDS, type CategoryId } from "../taxonomy";

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 5_000;
export const REPLY_MAX = 5_000;

/**
 * The merchant's ticket form, validated by this one schema in the browser and on the server.
 * Messages are i18n keys (namespace "support"), so each side shows them in the merchant's language.
 * It has no suggested category or confidence: the server classifies the stored text itself, and a
 * browser's copy of them is dropped here like any other unknown field.
 */
export const ticketFormSchema = z.object({
  category: z.enum(CATEGORY_IDS as [CategoryId, ...CategoryId[]], { message: "errors.category" }),
  description: z
    .string()
    .trim()
    .min(DESCRIPTION_MIN, "errors.descriptionShort")
    .max(DESCRIPTION_MAX, "errors.descriptionLong"),
  contactEmail: z.string().trim().email("errors.email").max(254, "errors.email"),
  tiktokUsername: z
    .string()
    .trim()
    .max(64, "errors.tiktokUsername")
    .regex(/^@?[\w.]*$/, "errors.tiktokUsername")
    .optional()
    .transform((value) => (value ? value.replace(/^@/, "") : undefined)),
  orderId: z
    .string()
    .trim()
    .max(64, "errors.orderId")
    .regex(/^[#\w-]*$/, "errors.orderId")
    .optional()
    .transform((value) => value || undefined),
  idempotencyKey: z.string().uuid("errors.retry"),
});

export type TicketForm = z.infer<typeof ticketFormSchema>;

export const replySchema = z.object({
  body: z.string().trim().min(1, "errors.replyEmpty").max(REPLY_MAX, "errors.replyLong"),
});

/** Field errors keyed by field name, first message each, for Polaris `error` props. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
