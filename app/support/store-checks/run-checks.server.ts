import type { z } from "zod";
import type { CategoryId } from "../taxonomy";
import {
  ACCESS_CHECK,
  MARKETS_CHECK,
  ORDER_CHECK,
  PRODUCTS_CHECK,
  RECENT_ORDERS,
  accessResponse,
  marketsResponse,
  orderCheckResponse,
  productsResponse,
  recentOrdersResponse,
  throttleStatus,
} from "./admin-queries";
import type { CheckGroup, Finding, StoreCheckReport, UncheckedReason } from "./findings";
import { namedItems, orderSearchQuery, productSearchQuery } from "./named-items";
import {
  VOLUME_BASELINE_DAYS,
  VOLUME_RECENT_DAYS,
  isTikTokOrder,
  marketFindings,
  orderFindings,
  orderVolumeFinding,
  productFindings,
  scopeFinding,
  sessionFinding,
} from "./rules";

/**
 * Runs a category's store checks through the Admin API, in parallel, each within its own budget and
 * the whole set within one: a check that times out, is throttled, errs or lacks a scope becomes a
 * "could not check" finding, and the others still answer. The budgets live here, not in the server's
 * request timeouts, so the page answers before any of those.
 */

/** The part of the Admin API client the checks need: any authenticated context's `admin`. */
export interface AdminGraphql {
  graphql(
    query: string,
    options?: { variables?: Record<string, unknown>; signal?: AbortSignal },
  ): Promise<Response>;
}

export interface CheckContext {
  admin: AdminGraphql;
  /** The scopes the stored session holds (Shopify's `session.scope`). */
  grantedScopes: string[];
  session: { found: boolean; expires: Date | null };
  now?: () => Date;
}

export interface CheckBudgets {
  /** One check's Admin API calls, retries included. */
  checkMs: number;
  /** The whole set: the page answers by then whatever is still running. */
  totalMs: number;
}

export const DEFAULT_BUDGETS: CheckBudgets = { checkMs: 2_000, totalMs: 2_500 };
/** The products checked when the merchant names none: the most recently updated. */
export const PRODUCT_SAMPLE = 15;

/** The scopes each check needs; `shopify.app.toml` asks for exactly these. */
export const GROUP_SCOPES: Record<CheckGroup, readonly string[]> = {
  named_orders: ["read_orders"],
  order_volume: ["read_orders"],
  products: ["read_products"],
  access: [],
  markets: ["read_markets"],
};
export const NEEDED_SCOPES = [...new Set(Object.values(GROUP_SCOPES).flat())];

class CheckFailure extends Error {
  constructor(
    readonly reason: UncheckedReason,
    readonly retryAfterMs = 0,
  ) {
    super(reason);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long until the bucket holds the request's cost again, from Shopify's cost extension (the
 * query's requested cost, or a tenth of the bucket when Shopify does not say).
 */
function throttleWaitMs(extensions: unknown) {
  const cost = (
    extensions as { cost?: { throttleStatus?: unknown; requestedQueryCost?: unknown } } | undefined
  )?.cost;
  const status = throttleStatus.safeParse(cost?.throttleStatus);
  if (!status.success || status.data.restoreRate <= 0) return 1_000;
  const needed =
    typeof cost?.requestedQueryCost === "number"
      ? cost.requestedQueryCost
      : status.data.maximumAvailable / 10;
  const missing = Math.max(0, needed - status.data.currentlyAvailable);
  return Math.ceil((missing / status.data.restoreRate) * 1_000);
}

function isThrottled(errors: unknown) {
  return JSON.stringify(errors ?? "").includes("THROTTLED");
}

/** The library throws on HTTP 429 and on GraphQL errors; a plain fetch returns them. Both end here. */
function failureOf(error: unknown, signal: AbortSignal): CheckFailure {
  if (error instanceof CheckFailure) return error;
  if (signal.aborted) return new CheckFailure("timeout");
  const text = `${(error as Error)?.name ?? ""} ${(error as Error)?.message ?? ""} ${JSON.stringify(
    (error as { body?: unknown })?.body ?? "",
  )}`;
  const extensions = (error as { body?: { extensions?: unknown } })?.body?.extensions;
  return /throttl/i.test(text)
    ? new CheckFailure("throttled", throttleWaitMs(extensions))
    : new CheckFailure("error");
}

function callerFor(admin: AdminGraphql, signal: AbortSignal, deadline: number) {
  return async function call<T extends z.ZodTypeAny>(
    query: string,
    schema: T,
    variables?: Record<string, unknown>,
  ): Promise<z.infer<T>> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await admin.graphql(query, { variables, signal });
        if (response.status === 429) throw new CheckFailure("throttled", 1_000);
        if (!response.ok) throw new CheckFailure("error");
        const body = (await response.json()) as { data?: unknown; errors?: unknown; extensions?: unknown };
        if (body.errors)
          throw isThrottled(body.errors)
            ? new CheckFailure("throttled", throttleWaitMs(body.extensions))
            : new CheckFailure("error");
        const parsed = schema.safeParse(body.data);
        if (!parsed.success) throw new CheckFailure("error");
        return parsed.data;
      } catch (error) {
        const failure = failureOf(error, signal);
        // Back off once when the bucket refills within this check's budget; otherwise say so.
        const fits = Date.now() + failure.retryAfterMs < deadline - 100;
        if (failure.reason !== "throttled" || attempt > 0 || !fits) throw failure;
        await sleep(failure.retryAfterMs);
      }
    }
  };
}

type Call = ReturnType<typeof callerFor>;

interface Check {
  group: CheckGroup;
  run(call: Call, now: Date, context: CheckContext): Promise<Finding[]>;
}

function namedOrdersCheck(orders: string[]): Check {
  return {
    group: "named_orders",
    async run(call) {
      const found = await Promise.all(
        orders.map(async (named) => {
          const { orders: result } = await call(ORDER_CHECK, orderCheckResponse, {
            query: orderSearchQuery(named),
          });
          const node = result.nodes[0];
          return orderFindings(
            named,
            node
              ? {
                  id: node.id,
                  name: node.name,
                  sourceName: node.sourceName,
                  tags: node.tags,
                  financialStatus: node.displayFinancialStatus,
                  fulfillmentStatus: node.displayFulfillmentStatus,
                  fulfillments: node.fulfillments.map((fulfillment) => ({
                    status: fulfillment.status,
                    tracking: fulfillment.trackingInfo,
                  })),
                }
              : null,
          );
        }),
      );
      return found.flat();
    },
  };
}

const orderVolumeCheck: Check = {
  group: "order_volume",
  async run(call, now) {
    const since = new Date(now.getTime() - (VOLUME_RECENT_DAYS + VOLUME_BASELINE_DAYS) * 86_400_000);
    const { orders } = await call(RECENT_ORDERS, recentOrdersResponse, {
      query: `created_at:>='${since.toISOString()}'`,
    });
    const dates = orders.nodes.filter(isTikTokOrder).map((order) => new Date(order.createdAt));
    return [orderVolumeFinding(dates, now)];
  },
};

function productsCheck(query: string | null): Check {
  return {
    group: "products",
    async run(call) {
      const { products } = await call(PRODUCTS_CHECK, productsResponse, {
        query,
        first: PRODUCT_SAMPLE,
      });
      return products.nodes.flatMap((product) =>
        productFindings({
          id: product.id,
          title: product.title,
          status: product.status,
          publishedOnApp: product.publishedOnCurrentPublication,
          imageCount: product.mediaCount?.count ?? 0,
          description: product.description,
          variants: product.variants.nodes.map((variant) => ({
            title: variant.title,
            sku: variant.sku,
            price: variant.price,
            weight: variant.inventoryItem.measurement.weight?.value ?? null,
          })),
        }),
      );
    },
  };
}

const accessCheck: Check = {
  group: "access",
  async run(call, _now, context) {
    const { currentAppInstallation } = await call(ACCESS_CHECK, accessResponse);
    // Usable only when the installation grants it and the stored session's token carries it.
    const granted = currentAppInstallation.accessScopes
      .map((scope) => scope.handle)
      .filter((scope) => context.grantedScopes.includes(scope));
    return [scopeFinding(NEEDED_SCOPES, granted)];
  },
};

const marketsCheck: Check = {
  group: "markets",
  async run(call) {
    const { shop, markets } = await call(MARKETS_CHECK, marketsResponse);
    const country = shop.billingAddress.countryCodeV2 ?? "";
    return marketFindings(
      country,
      markets.nodes.map((market) => ({
        name: market.name,
        active: market.status === "ACTIVE",
        countries: (market.conditions?.regionsCondition?.regions.nodes ?? []).flatMap((region) =>
          region.code ? [region.code] : [],
        ),
      })),
    );
  },
};

function checksFor(category: CategoryId, description: string, orderId: string): Check[] {
  const items = namedItems(description, orderId);
  switch (category) {
    case "order_sync":
      return items.orders.length ? [namedOrdersCheck(items.orders), orderVolumeCheck] : [orderVolumeCheck];
    case "product_sync":
      return [productsCheck(productSearchQuery(items))];
    default:
      return [accessCheck, marketsCheck];
  }
}

function unchecked(group: CheckGroup, reason: UncheckedReason, params?: Finding["params"]): Finding {
  return { group, outcome: "unchecked", reason, ...(params ? { params } : {}) };
}

async function runCheck(check: Check, context: CheckContext, budgets: CheckBudgets, now: Date) {
  const missing = GROUP_SCOPES[check.group].filter((scope) => !context.grantedScopes.includes(scope));
  if (missing.length) return [unchecked(check.group, "missing_scope", { scopes: missing.join(", ") })];
  const deadline = Date.now() + budgets.checkMs;
  const signal = AbortSignal.timeout(budgets.checkMs);
  const timedOut = new Promise<never>((_, reject) =>
    signal.addEventListener("abort", () => reject(new CheckFailure("timeout")), { once: true }),
  );
  try {
    const findings = await Promise.race([
      check.run(callerFor(context.admin, signal, deadline), now, context),
      timedOut,
    ]);
    return findings.map((finding) => ({ group: check.group, ...finding }));
  } catch (error) {
    return [unchecked(check.group, failureOf(error, signal).reason)];
  }
}

/** The category's checks, answered within `budgets.totalMs` whatever the Admin API does. */
export async function runStoreChecks(
  category: CategoryId,
  problem: { description: string; orderId?: string },
  context: CheckContext,
  budgets: CheckBudgets = DEFAULT_BUDGETS,
): Promise<StoreCheckReport> {
  const now = context.now?.() ?? new Date();
  const checks = checksFor(category, problem.description, problem.orderId ?? "");
  const settled: (Finding[] | null)[] = checks.map(() => null);
  let stop: () => void = () => {};
  const overall = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, budgets.totalMs);
    stop = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  const all = Promise.all(
    checks.map(async (check, index) => {
      settled[index] = await runCheck(check, context, budgets, now);
    }),
  ).then(() => stop());
  await Promise.race([all, overall]);
  const findings = checks.flatMap((check, index) => settled[index] ?? [unchecked(check.group, "timeout")]);
  const setup =
    category === "connection" || category === "app_setup"
      ? [{ group: "access" as const, ...sessionFinding(context.session, now) }]
      : [];
  return { category, ranAt: now.toISOString(), findings: [...setup, ...findings] };
}
