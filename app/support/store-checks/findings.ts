import { z } from "zod";
import { SPL_CATEGORIES } from "../taxonomy";

/**
 * What the store checks report: one finding per thing looked at. Findings carry rule ids and the
 * values to show, never sentences, so the merchant reads them in their language and the agent in theirs.
 */

export const OUTCOMES = ["passed", "attention", "unchecked"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Why a check could not run: each becomes a "could not check" finding, never a failed page. */
export const UNCHECKED_REASONS = ["timeout", "throttled", "error", "missing_scope"] as const;
export type UncheckedReason = (typeof UNCHECKED_REASONS)[number];

/** The Admin API calls a category's checks make; each has its own budget. */
export const CHECK_GROUPS = ["named_orders", "order_volume", "products", "access", "markets"] as const;
export type CheckGroup = (typeof CHECK_GROUPS)[number];

export const RULE_IDS = [
  "order_found",
  "order_channel",
  "order_tracking",
  "order_carrier",
  "order_volume",
  "product_listed",
  "product_images",
  "product_image_limit",
  "product_description",
  "product_weight",
  "product_price",
  "product_sku",
  "product_ok",
  "market_region",
  "app_scopes",
  "session_state",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

const paramValue = z.union([z.string().max(300), z.number()]);

export const findingSchema = z.object({
  group: z.enum(CHECK_GROUPS).optional(),
  rule: z.enum(RULE_IDS).optional(),
  outcome: z.enum(OUTCOMES),
  reason: z.enum(UNCHECKED_REASONS).optional(),
  /** What the finding is about, as the store names it: a product title, an order name, a market. */
  subject: z.string().max(300).optional(),
  params: z.record(paramValue).optional(),
  /** An App Bridge admin link (shopify:admin/...). */
  link: z
    .string()
    .regex(/^shopify:admin\/[\w/-]*$/)
    .optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const reportSchema = z.object({
  category: z.enum(SPL_CATEGORIES as [string, ...string[]]),
  ranAt: z.string().datetime(),
  findings: z.array(findingSchema).max(200),
});
export type StoreCheckReport = z.infer<typeof reportSchema>;

/** A stored or posted report, or null when it is absent or malformed. */
export function readReport(value: unknown): StoreCheckReport | null {
  const parsed = reportSchema.safeParse(typeof value === "string" ? safeJson(value) : value);
  return parsed.success ? parsed.data : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function needsAttention(report: StoreCheckReport) {
  return report.findings.filter((finding) => finding.outcome === "attention");
}
