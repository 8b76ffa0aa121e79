import { z } from "zod";
import { isCategoryId, type CategoryId } from "./taxonomy";

/**
 * What the Support page hands the next page (the ticket form or a guide) in the browser's history
 * state, so the merchant never types it again. History state survives reloads and can be anything
 * an older version of the page left there: it is read through this schema, never trusted. It carries
 * no suggestion or confidence: the server classifies the ticket's text itself.
 */
const handOffSchema = z.object({
  description: z.string().optional().catch(undefined),
  orderId: z.string().optional().catch(undefined),
  /** The other problem of a two-problem text, which the merchant takes to TikTok's guide. */
  otherProblem: z
    .custom<CategoryId>((value) => isCategoryId(value))
    .optional()
    .catch(undefined),
});

export type IntakeHandOff = z.infer<typeof handOffSchema>;

export function readIntakeHandOff(state: unknown): IntakeHandOff {
  const parsed = handOffSchema.safeParse(state);
  return parsed.success ? parsed.data : {};
}
