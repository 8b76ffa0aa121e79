import { z } from "zod";
import { CATEGORY_IDS, type CategoryId } from "~/support/taxonomy";
import { decodeQueueCursor } from "./queue-cursor";
import { TICKET_STATUSES, type TicketStatus } from "~/support/tickets/status";
import { breachingSoonBefore, type SlaCalendar } from "./sla";

/** Built-in views: each is a filter the queue's tabs apply in one click. */
export const QUEUE_VIEWS = ["all", "unassigned", "mine", "waiting", "breaching"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** `due_asc`: SPL's response due soonest first, tickets with nothing due (the merchant's turn) last. */
export const QUEUE_SORTS = [
  "created_desc",
  "created_asc",
  "activity_desc",
  "activity_asc",
  "due_asc",
] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const AGE_BUCKETS = ["under_1d", "1d_7d", "over_7d", "over_30d"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const SEARCH_TERM_MIN = 3;

/** The queue's URL search params; anything malformed is dropped rather than failing the page. */
// Built by a pure call: only the loader parses with it, so the queue page's browser bundle leaves it
// and zod out (12.3 KB gzipped of the page's JavaScript, bench:agent).
export const queueParamsSchema = /* @__PURE__ */ buildQueueParamsSchema();

function buildQueueParamsSchema() {
  const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined);
  const pageCursor = z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .max(400)
      .refine((cursor) => decodeQueueCursor(cursor) !== null, "errors.cursor")
      .optional(),
  );
  return z.object({
    view: z.enum(QUEUE_VIEWS).catch("all"),
    status: optional(z.enum(TICKET_STATUSES)),
    category: optional(z.enum(CATEGORY_IDS as [CategoryId, ...CategoryId[]])),
    shop: optional(z.string().trim().toLowerCase().min(1).max(255)),
    assignee: optional(z.string().trim().min(1).max(64)),
    age: optional(z.enum(AGE_BUCKETS)),
    q: optional(z.string().trim().min(1).max(200)),
    // Absent means the view's own order: due time for "Breaching soon", newest first otherwise.
    sort: optional(z.enum(QUEUE_SORTS)),
    // A page link the queue did not make is refused (400), not read as the first page.
    after: pageCursor,
    before: pageCursor,
  });
}

export type QueueParams = z.infer<typeof queueParamsSchema>;

export type AssigneeFilter = { kind: "unassigned" } | { kind: "agent"; id: string };

/** What the queue module is asked for, with views and relative ages already resolved. */
export interface QueueFilter {
  status?: TicketStatus;
  category?: CategoryId;
  shop?: string;
  assignee?: AssigneeFilter;
  createdFrom?: Date;
  createdBefore?: Date;
  /** Only tickets whose response is due before this moment (so some response is due at all). */
  dueBefore?: Date;
  searchTerms?: string[];
  sort: QueueSort;
  after?: string;
  before?: string;
  limit?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function ageRange(age: AgeBucket, now: Date): { createdFrom?: Date; createdBefore?: Date } {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  switch (age) {
    case "under_1d":
      return { createdFrom: daysAgo(1) };
    case "1d_7d":
      return { createdFrom: daysAgo(7), createdBefore: daysAgo(1) };
    case "over_7d":
      return { createdBefore: daysAgo(7) };
    case "over_30d":
      return { createdBefore: daysAgo(30) };
  }
}

/** Search words of at least three characters, lower-cased like Ticket.searchText. */
export function searchTermsOf(q: string | undefined): string[] {
  return (q ?? "")
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term.length >= SEARCH_TERM_MIN)
    .slice(0, 8);
}

/** A bare shop name means its myshopify domain, as agents usually type just the name. */
export function shopDomain(shop: string) {
  return shop.includes(".") ? shop : `${shop}.myshopify.com`;
}

function assigneeOf(value: string | undefined, me: string): AssigneeFilter | undefined {
  if (!value) return undefined;
  if (value === "unassigned") return { kind: "unassigned" };
  return { kind: "agent", id: value === "me" ? me : value };
}

/**
 * What the queue is asked for. `sla` is SPL's working calendar: "Breaching soon" means due within
 * two business hours of now, or overdue.
 */
export function queueFilterFrom(
  params: QueueParams,
  me: string,
  now = new Date(),
  sla?: SlaCalendar,
): QueueFilter {
  const view: Partial<QueueFilter> =
    params.view === "unassigned"
      ? { assignee: { kind: "unassigned" } }
      : params.view === "mine"
        ? { assignee: { kind: "agent", id: me } }
        : params.view === "waiting"
          ? { status: "pending_merchant" }
          : params.view === "breaching" && sla
            ? { dueBefore: breachingSoonBefore(now, sla) }
            : {};
  const terms = searchTermsOf(params.q);
  return {
    ...view,
    ...(params.status ? { status: params.status } : {}),
    ...(params.category ? { category: params.category } : {}),
    ...(params.shop ? { shop: shopDomain(params.shop) } : {}),
    ...(params.assignee ? { assignee: assigneeOf(params.assignee, me) } : {}),
    ...(params.age ? ageRange(params.age, now) : {}),
    ...(terms.length > 0 ? { searchTerms: terms } : {}),
    sort: params.sort ?? (params.view === "breaching" ? "due_asc" : "created_desc"),
    ...(params.after ? { after: params.after } : {}),
    ...(params.before ? { before: params.before } : {}),
  };
}
