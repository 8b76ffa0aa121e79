/**
 * The single source of truth for problem categories, who fixes them and through which channel.
 * Follows the responsibility matrix in SPL's help article ("Matrice delle responsabilità del supporto").
 */

export const ROUTES = ["spl_ticket", "tiktok_guide"] as const;
export type Route = (typeof ROUTES)[number];

/** Where the merchant is sent; the first channel of a category is the recommended one. */
export const CHANNELS = [
  "spl_ticket",
  "live_chat",
  "help_center_ticket",
  "email",
  "carrier",
  "help_center",
  "seller_community",
] as const;
export type Channel = (typeof CHANNELS)[number];

interface CategoryDefinition {
  readonly route: Route;
  readonly channels: readonly Channel[];
}

export const TAXONOMY = {
  order_sync: { route: "spl_ticket", channels: ["spl_ticket"] },
  product_sync: { route: "spl_ticket", channels: ["spl_ticket"] },
  connection: { route: "spl_ticket", channels: ["spl_ticket"] },
  app_setup: { route: "spl_ticket", channels: ["spl_ticket"] },
  account_verification: { route: "tiktok_guide", channels: ["live_chat", "help_center_ticket"] },
  product_rejection: { route: "tiktok_guide", channels: ["live_chat", "help_center_ticket"] },
  payout: { route: "tiktok_guide", channels: ["live_chat"] },
  account_suspended: { route: "tiktok_guide", channels: ["email", "live_chat", "help_center_ticket"] },
  shipping: { route: "tiktok_guide", channels: ["carrier", "live_chat", "help_center_ticket"] },
  general: { route: "tiktok_guide", channels: ["help_center", "seller_community"] },
} as const satisfies Record<string, CategoryDefinition>;

export type CategoryId = keyof typeof TAXONOMY;

export const CATEGORY_IDS = Object.keys(TAXONOMY) as CategoryId[];

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === "string" && Object.hasOwn(TAXONOMY, value);
}

export function routeOf(category: CategoryId): Route {
  return TAXONOMY[category].route;
}

export function channelsOf(category: CategoryId): readonly Channel[] {
  return TAXONOMY[category].channels;
}

export const SPL_CATEGORIES = CATEGORY_IDS.filter((c) => routeOf(c) === "spl_ticket");
export const TIKTOK_CATEGORIES = CATEGORY_IDS.filter((c) => routeOf(c) === "tiktok_guide");
