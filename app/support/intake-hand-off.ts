import { isCategoryId, type CategoryId } from "./taxonomy";
import { fieldsOf, isString } from "./untrusted";

/**
 * What the Support page hands the next page (the ticket form or a guide) in the browser's history
 * state, so the merchant never types it again. History state survives reloads and can be anything
 * an older version of the page left there: it is read field by field, never trusted. It carries
 * no suggestion or confidence: the server classifies the ticket's text itself.
 */
export interface IntakeHandOff {
  description?: string;
  orderId?: string;
  /** The other problem of a two-problem text, which the merchant takes to TikTok's guide. */
  otherProblem?: CategoryId;
}

export function readIntakeHandOff(state: unknown): IntakeHandOff {
  return (
    fieldsOf<IntakeHandOff>(state, {
      description: isString,
      orderId: isString,
      otherProblem: isCategoryId,
    }) ?? {}
  );
}
