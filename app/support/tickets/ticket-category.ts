import { isCategoryId, type CategoryId } from "../taxonomy";

/**
 * A stored ticket's category as the taxonomy's type. Tickets are written only with the taxonomy's ids
 * (the form and the agents' actions check them), so anything else is a broken row, not a value to show.
 */
export function ticketCategory(value: string): CategoryId {
  if (!isCategoryId(value)) throw new Error(`A ticket holds the unknown category "${value}"`);
  return value;
}
