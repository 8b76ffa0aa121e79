import { z } from "zod";

/**
 * What the Support page hands the next page (the ticket form or a guide) in the browser's history
 * state, so the merchant never types it again. History state survives reloads and can be anything
 * an older version of the page left there: it is read through this schema, never trusted.
 */
const handOffSchema = z.object({
  description: z.string().optional().catch(undefined),
  orderId: z.string().optional().catch(undefined),
  suggestedCategory: z.string().optional().catch(undefined),
  confidence: z.number().optional().catch(undefined),
});

export type IntakeHandOff = z.infer<typeof handOffSchema>;

export function readIntakeHandOff(state: unknown): IntakeHandOff {
  const parsed = handOffSchema.safeParse(state);
  return parsed.success ? parsed.data : {};
}
