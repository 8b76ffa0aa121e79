import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { supportDashboard } from "~/agent/dashboard.server";
import { db } from "~/db.server";
import { readReport } from "~/support/store-checks/findings";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { deleteShopTickets, redactCustomerFromTickets } from "~/support/tickets/redaction.server";
import { GRANTED_SCOPES } from "../../preview/demo-shops";
import { adminDataRequest, respond } from "../helpers/shopify";
import { newTicket as newTicketInput } from "../helpers/tickets";
import { call, createTestAgent, signedIn, agentRequest } from "./agent-helpers";

const checks = await import("~/routes/app.support.checks");
const selfHelp = await import("~/routes/app.support.self-help");
const newTicket = await import("~/routes/app.support.new");
const agentTicket = await import("~/routes/agent.tickets.$id");

// Demo shops other tests do not install, so their granted scopes stay as set here.
const HEALTHY = "second-shop.myshopify.com";
const THROTTLED = "busy-shop.myshopify.com";
const NOT_GRANTED = "new-shop.myshopify.com";

async function install(shop: string, scopes: string[]) {
  const data = {
    shop,
    state: "",
    isOnline: false,
    scope: scopes.join(","),
    accessToken: `shpat_test_${shop}`,
  };
  await db.session.upsert({
    where: { id: `offline_${shop}` },
    create: { id: `offline_${shop}`, ...data },
    update: data,
  });
}

await install(HEALTHY, GRANTED_SCOPES);
await install(THROTTLED, GRANTED_SCOPES);
await install(NOT_GRANTED, ["read_orders"]);

async function runChecks(shop: string, fields: Record<string, string>) {
  const response = await respond(
    checks.action,
    await adminDataRequest("/app/support/checks", shop, {
      method: "POST",
      body: new URLSearchParams(fields),
    }),
  );
  return {
    status: response.status,
    report: readReport(((await response.json()) as { report: unknown }).report),
  };
}

describe("the store checks on the Support page", () => {
  it("checks the healthy shop's products and finds nothing to fix", async () => {
    const { status, report } = await runChecks(HEALTHY, { category: "product_sync", description: "sync" });
    expect(status).toBe(200);
    expect(report?.findings.map((finding) => `${finding.outcome}:${finding.subject}`)).toEqual([
      "passed:Trail Water Bottle",
      "passed:Canvas Tote Bag",
      "passed:Merino Beanie",
    ]);
  });

  it("answers a throttled Admin API with could not check, not an error page", async () => {
    const { status, report } = await runChecks(THROTTLED, { category: "order_sync", description: "#1001" });
    expect(status).toBe(200);
    expect(report?.findings.map((finding) => [finding.group, finding.outcome, finding.reason])).toEqual([
      ["named_orders", "unchecked", "throttled"],
      ["order_volume", "unchecked", "throttled"],
    ]);
  });

  it("explains what it cannot check without a scope, and asks Shopify for it", async () => {
    const { report } = await runChecks(NOT_GRANTED, { category: "product_sync", description: "sync" });
    expect(report?.findings).toEqual([
      {
        group: "products",
        outcome: "unchecked",
        reason: "missing_scope",
        params: { scopes: "read_products" },
      },
    ]);
    const response = await respond(
      checks.action,
      await adminDataRequest("/app/support/checks", NOT_GRANTED, {
        method: "POST",
        body: new URLSearchParams({ intent: "grant", category: "product_sync" }),
      }),
    );
    // App Bridge sends the admin to this address: Shopify's page that grants the optional scopes.
    expect(response.status).toBe(401);
    expect(response.headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url")).toContain(
      "optional_scopes=read_products%2Cread_markets",
    );
  });

  it("refuses a category that is not SPL's", async () => {
    expect((await runChecks(HEALTHY, { category: "payout", description: "x" })).status).toBe(422);
  });

  it('records "This fixed it" as solved by self-help, without a ticket', async () => {
    const { report } = await runChecks(HEALTHY, { category: "app_setup", description: "setup" });
    const tickets = await db.ticket.count({ where: { shop: HEALTHY } });
    const body = new URLSearchParams({ report: JSON.stringify(report) });
    const response = await respond(
      selfHelp.action,
      await adminDataRequest("/app/support/self-help", HEALTHY, { method: "POST", body }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/app/support?solved=1");
    const recorded = await db.selfHelpResolution.findFirstOrThrow({
      where: { shop: HEALTHY },
      orderBy: { createdAt: "desc" },
    });
    expect(recorded.category).toBe("app_setup");
    expect(readReport(recorded.findings)).toEqual(report);
    expect(await db.ticket.count({ where: { shop: HEALTHY } })).toBe(tickets);
  });

  it("refuses a self-help record without a valid report", async () => {
    const body = new URLSearchParams({ report: '{"category":"order_sync"}' });
    const response = await respond(
      selfHelp.action,
      await adminDataRequest("/app/support/self-help", HEALTHY, { method: "POST", body }),
    );
    expect(response.status).toBe(422);
  });
});

describe("a ticket opened after the checks", () => {
  async function openTicket(storeChecks: string) {
    const form = new FormData();
    const fields = {
      category: "order_sync",
      description: "TikTok order #2001 shows no tracking on TikTok.",
      contactEmail: "help@second-shop.example",
      idempotencyKey: randomUUID(),
      locale: "en",
      storeChecks,
    };
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    const response = await respond(
      newTicket.action,
      await adminDataRequest("/app/support/new", HEALTHY, { method: "POST", body: form }),
    );
    const id = /\/app\/support\/tickets\/(\w+)/.exec(response.headers.get("Location") ?? "")?.[1];
    return db.ticket.findUniqueOrThrow({ where: { id } });
  }

  it("carries the findings the merchant saw, and agents can run the checks again", async () => {
    const { report } = await runChecks(HEALTHY, { category: "order_sync", description: "order #2001" });
    const ticket = await openTicket(JSON.stringify(report));
    expect(readReport(ticket.storeChecks)).toEqual(report);

    const agent = await createTestAgent(db);
    const { cookie, csrf } = await signedIn(db, agent.id);
    const answer = await call(
      agentTicket.action,
      agentRequest(`/agent/tickets/${ticket.id}`, { cookie, form: { intent: "rerun_checks", csrf } }),
      { id: ticket.id },
    );
    expect(answer.body).toMatchObject({ ok: true });
    const rerun = readReport((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).storeChecks);
    expect(rerun?.ranAt).not.toBe(report?.ranAt);
    expect(
      rerun?.findings.map((finding) => `${finding.outcome}:${finding.rule}:${finding.subject ?? ""}`),
    ).toEqual(["passed:order_found:#2001", "passed:order_volume:"]);
    const audit = await db.auditEvent.findMany({ where: { ticketId: ticket.id, action: "store_checks" } });
    expect(audit).toMatchObject([{ actorType: "agent", actorId: agent.id }]);
  });

  it("keeps no findings that are not a report", async () => {
    expect((await openTicket("not json")).storeChecks).toBeNull();
  });
});

describe("the dashboard", () => {
  it("counts problems solved by self-help against tickets, per SPL category", async () => {
    const before = await supportDashboard(db, { days: 7 });
    await db.selfHelpResolution.create({ data: { shop: HEALTHY, category: "product_sync", findings: {} } });
    const after = await supportDashboard(db, { days: 7 });
    const row = (dashboard: typeof before) =>
      dashboard.selfHelpByCategory.find((entry) => entry.category === "product_sync");
    expect(row(after)?.selfHelp).toBe((row(before)?.selfHelp ?? 0) + 1);
    expect(after.selfHelpByCategory.map((entry) => entry.category)).toEqual([
      "order_sync",
      "product_sync",
      "connection",
      "app_setup",
    ]);
  });
});

describe("the merchant's data rights", () => {
  it("drops findings about a redacted customer's orders and a shop's self-help records", async () => {
    const shop = `redact-${randomUUID()}.myshopify.com`;
    const report = {
      category: "order_sync",
      ranAt: new Date().toISOString(),
      findings: [
        {
          rule: "order_tracking",
          outcome: "attention",
          subject: "#1002",
          link: "shopify:admin/orders/5550001002",
        },
      ],
    };
    const { ticket } = await merchantTickets(db, shop).create(
      newTicketInput({
        description: "Ana (ana@example.com) got no tracking for her order",
        storeChecks: report,
      }),
    );
    await db.$transaction((tx) => redactCustomerFromTickets(tx, shop, ["ana@example.com"], [5550001002]));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).storeChecks).toBeNull();

    await db.selfHelpResolution.create({ data: { shop, category: "order_sync", findings: report } });
    await db.$transaction((tx) => deleteShopTickets(tx, shop));
    expect(await db.selfHelpResolution.count({ where: { shop } })).toBe(0);
  });
});
