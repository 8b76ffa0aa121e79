import { HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { fetchAdminClient } from "../../../preview/admin-api-client";
import { DEMO_SHOP, GRANTED_SCOPES, SEEDED_FAULTS } from "../../../preview/demo-shops";
import type { CategoryId } from "../taxonomy";
import { SPL_CATEGORIES } from "../taxonomy";
import { runStoreChecks, type AdminGraphql, type CheckContext } from "./run-checks.server";

const context = (shop: string, overrides: Partial<CheckContext> = {}): CheckContext => ({
  admin: fetchAdminClient(shop),
  grantedScopes: GRANTED_SCOPES,
  session: { found: true, expires: null },
  ...overrides,
});

/** An Admin API whose calls named `operation` never answer, whatever the caller's signal says. */
function hanging(admin: AdminGraphql, operation: string): AdminGraphql {
  return {
    graphql: (query, options) =>
      query.includes(operation) ? new Promise(() => {}) : admin.graphql(query, options),
  };
}

const summary = (findings: { rule?: string; group?: string; outcome: string; subject?: string }[]) =>
  findings.map((finding) => `${finding.outcome}:${finding.rule ?? finding.group}:${finding.subject ?? ""}`);

describe("the store checks against the demo shops", () => {
  it.each(SEEDED_FAULTS.map((fault) => [fault.fault, fault] as const))("find %s", async (_, fault) => {
    const report = await runStoreChecks(
      fault.problem.category as CategoryId,
      { description: fault.problem.description },
      context(DEMO_SHOP.domain),
    );
    expect(summary(report.findings)).toContain(`attention:${fault.rule}:${fault.subject ?? ""}`);
  });

  it.each(SPL_CATEGORIES)("report nothing wrong on the healthy shop (%s)", async (category) => {
    const report = await runStoreChecks(
      category,
      { description: "Something is off with TikTok, order #2001", orderId: "" },
      context("second-shop.myshopify.com"),
    );
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.filter((finding) => finding.outcome !== "passed")).toEqual([]);
  });
});

describe("failures are findings", () => {
  it("says which check lacks a scope and still runs the others", async () => {
    const report = await runStoreChecks(
      "app_setup",
      { description: "setup" },
      context(DEMO_SHOP.domain, { grantedScopes: ["read_orders"] }),
    );
    expect(summary(report.findings)).toContain("unchecked:markets:");
    expect(report.findings.find((finding) => finding.group === "markets")?.reason).toBe("missing_scope");
    expect(summary(report.findings)).toContain("attention:app_scopes:");
  });

  it("answers within the budget when one check's call hangs, naming that check", async () => {
    const started = Date.now();
    const report = await runStoreChecks(
      "order_sync",
      { description: "order #1002 has no tracking on TikTok" },
      context(DEMO_SHOP.domain, {
        admin: hanging(fetchAdminClient(DEMO_SHOP.domain), "StoreCheckRecentOrders"),
      }),
      { checkMs: 300, totalMs: 500 },
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(report.findings.find((finding) => finding.group === "order_volume")).toMatchObject({
      outcome: "unchecked",
      reason: "timeout",
    });
    expect(summary(report.findings)).toContain("attention:order_tracking:#1002");
  });

  it("gives up at once on a throttled shop whose bucket holds the query's cost only after the budget", async () => {
    const admin = fetchAdminClient("busy-shop.myshopify.com");
    let calls = 0;
    const counting: AdminGraphql = {
      graphql: (query, options) => {
        calls += 1;
        return admin.graphql(query, options);
      },
    };
    const started = Date.now();
    const report = await runStoreChecks(
      "product_sync",
      { description: "products" },
      context("busy-shop.myshopify.com", { admin: counting }),
    );
    expect(report.findings).toEqual([{ group: "products", outcome: "unchecked", reason: "throttled" }]);
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("waits for the bucket to hold the query's cost, once, when that fits the budget", async () => {
    const admin = fetchAdminClient("second-shop.myshopify.com");
    let calls = 0;
    const onceThrottled: AdminGraphql = {
      graphql: async (query, options) => {
        calls += 1;
        if (calls > 1) return admin.graphql(query, options);
        // 60 points short at 50 a second: the retry waits 1.2 s, within the check's 2 s.
        const throttleStatus = { maximumAvailable: 1000, currentlyAvailable: 600, restoreRate: 50 };
        return HttpResponse.json({
          errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
          extensions: { cost: { requestedQueryCost: 660, throttleStatus } },
        });
      },
    };
    const started = Date.now();
    const report = await runStoreChecks(
      "product_sync",
      { description: "products" },
      context("second-shop.myshopify.com", { admin: onceThrottled }),
    );
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_200);
    expect(report.findings.every((finding) => finding.outcome === "passed")).toBe(true);
  });

  it("treats an Admin API error as could not check", async () => {
    const failing: AdminGraphql = { graphql: async () => new Response("upstream error", { status: 502 }) };
    const report = await runStoreChecks(
      "connection",
      { description: "cannot connect" },
      context(DEMO_SHOP.domain, { admin: failing }),
    );
    expect(summary(report.findings)).toEqual([
      "passed:session_state:",
      "unchecked:access:",
      "unchecked:markets:",
    ]);
  });
});
