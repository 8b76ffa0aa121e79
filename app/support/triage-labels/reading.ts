import { z } from "zod";
import { routeOf, type CategoryId } from "../taxonomy";
import type { Entities } from "../triage/entities";

/** What the classifier read in a ticket's text, on the server, when the ticket was created. */
export interface Suggestion {
  suggestedCategory?: CategoryId | null;
  /** The text's other problem, with the other owner, when it named two. */
  suggestedSecond?: CategoryId | null;
}

const namedBy = (suggestion: Suggestion) =>
  [suggestion.suggestedCategory, suggestion.suggestedSecond].filter((category): category is CategoryId =>
    Boolean(category),
  );

/**
 * The other part of a two-problem text beside the merchant's pick: the problem the classifier named
 * that has the other owner (a TikTok guide beside an SPL ticket). Null for a one-problem text.
 */
export function secondCategoryOf(pick: CategoryId, suggestion: Suggestion): CategoryId | null {
  if (!suggestion.suggestedSecond) return null;
  return namedBy(suggestion).find((category) => routeOf(category) !== routeOf(pick)) ?? null;
}

/**
 * Whether the merchant's pick tells the classifier something: it named neither of the text's problems.
 * Picking the SPL part of a two-problem text agrees with it.
 */
export function overridesSuggestion(pick: CategoryId, suggestion: Suggestion): boolean {
  const named = namedBy(suggestion);
  return named.length > 0 && !named.includes(pick);
}

const names = z.array(z.string()).catch([]);
const entitiesSchema = z.object({
  orderNumbers: names,
  trackingNumbers: names,
  skus: names,
  productNames: names,
});
const NOTHING_NAMED: Entities = { orderNumbers: [], trackingNumbers: [], skus: [], productNames: [] };

/** A ticket's stored entities (JSON, absent on tickets older than the classifier's reader). */
export function readEntities(stored: unknown): Entities {
  const parsed = entitiesSchema.safeParse(stored);
  return parsed.success ? parsed.data : NOTHING_NAMED;
}
