/**
 * "Who fixes what": SPL's responsibility matrix ("Matrice delle responsabilità del supporto" in SPL's
 * article), read off the taxonomy so each category's owner, channel and first step are the ones the
 * Support page routes to.
 */
import { CATEGORY_IDS, routeOf, TAXONOMY, type CategoryId, type Channel } from "../taxonomy";
import { guidePath } from "./guide-link";

/** The carrier owns a shipment; TikTok owns the seller account; SPL owns the app and its sync. */
export type Fixer = "spl" | "tiktok" | "carrier";

export const FIXERS: readonly Fixer[] = ["spl", "tiktok", "carrier"];

export interface Responsibility {
  readonly category: CategoryId;
  readonly fixer: Fixer;
  /** The channel the Support page recommends first. */
  readonly channel: Channel;
  /** Where the merchant starts: SPL's ticket form for the category, or the category's TikTok guide. */
  readonly start: string;
}

export function responsibilityOf(category: CategoryId): Responsibility {
  // The taxonomy's tuples give every category a first channel.
  const channel: Channel = TAXONOMY[category].channels[0];
  if (routeOf(category) === "spl_ticket") {
    return { category, fixer: "spl", channel, start: `/app/support/new?category=${category}` };
  }
  return {
    category,
    fixer: channel === "carrier" ? "carrier" : "tiktok",
    channel,
    start: guidePath(category),
  };
}

/** Every category, grouped by who fixes it, in taxonomy order within each group. */
export function responsibilityMatrix(): readonly { fixer: Fixer; rows: readonly Responsibility[] }[] {
  const rows = CATEGORY_IDS.map(responsibilityOf);
  return FIXERS.map((fixer) => ({ fixer, rows: rows.filter((row) => row.fixer === fixer) })).filter(
    (group) => group.rows.length > 0,
  );
}
