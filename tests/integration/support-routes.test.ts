import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { DEMO_SHOP } from "../../preview/demo-shops";
import { adminDataRequest, installShop, respond } from "../helpers/shopify";
import { PNG_BYTES, ticketForm } from "../helpers/tickets";

const intake = await import("~/routes/app.support._index");
const newTicket = await import("~/routes/app.support.new");
const guide = await import("~/routes/app.support.guides.$category");

await installShop(db, DEMO_SHOP.domain);

describe("the Support page's server side", () => {
  it("prefills the order from the order page's admin link", async () => {
    const response = await respond(
      intake.loader,
      await adminDataRequest("/app/support?id=gid://shopify/Order/5550001001", DEMO_SHOP.domain),
    );
    expect(await response.json()).toEqual({ orderId: "5550001001" });
  });

  it("answers a merchant's description with the category, the route and the evidence", async () => {
    const body = new URLSearchParams({
      description: "The products won't sync to TikTok, it says Sync failed on every variant",
      locale: "en",
    });
    const response = await respond(
      intake.action,
      await adminDataRequest("/app/support", DEMO_SHOP.domain, { method: "POST", body }),
    );
    const answer = await response.json();
    expect(answer.kind).toBe("classified");
    expect(answer.triage).toMatchObject({ category: "product_sync", route: "spl_ticket" });
    expect(answer.triage.evidence.length).toBeGreaterThan(0);
  });

  it("lets the merchant's own pick of a category win", async () => {
    const body = new URLSearchParams({ description: "The products won't sync", category: "payout" });
    const response = await respond(
      intake.action,
      await adminDataRequest("/app/support", DEMO_SHOP.domain, { method: "POST", body }),
    );
    expect(await response.json()).toEqual({
      kind: "chosen",
      category: "payout",
      route: "tiktok_guide",
      typed: { description: "The products won't sync", orderId: "" },
    });
  });

  it("opens a ticket with the order's summary and a screenshot, then redirects to it", async () => {
    const form = ticketForm({ orderId: "#1001" }, [{ name: "screen.png", bytes: PNG_BYTES }]);
    const response = await respond(
      newTicket.action,
      await adminDataRequest("/app/support/new", DEMO_SHOP.domain, { method: "POST", body: form }),
    );
    expect(response.status).toBe(302);
    const id = /\/app\/support\/tickets\/(\w+)\?created=1&order=found/.exec(
      response.headers.get("Location") ?? "",
    )?.[1];
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id }, include: { attachments: true } });
    expect(ticket.orderSummary).toMatchObject({
      found: true,
      name: "#1001",
      total: "49.90",
    });
    expect(ticket.diagnostics).toMatchObject({
      shopPlan: "Basic",
      timezone: "Europe/Rome",
      locale: "en",
    });
    expect(ticket.attachments.map((file) => file.filename)).toEqual(["screen.png"]);
  });

  it("notes on the ticket when the order is not in the shop", async () => {
    const response = await respond(
      newTicket.action,
      await adminDataRequest("/app/support/new", DEMO_SHOP.domain, {
        method: "POST",
        body: ticketForm({ orderId: "#9999" }),
      }),
    );
    expect(response.headers.get("Location")).toContain("order=missing");
  });

  it("refuses an invalid form with 422, names the fields and creates nothing", async () => {
    const key = randomUUID();
    const form = ticketForm({ description: "short", contactEmail: "not-an-email", idempotencyKey: key }, [
      { name: "fake.png", bytes: new TextEncoder().encode("<html>") },
    ]);
    const response = await respond(
      newTicket.action,
      await adminDataRequest("/app/support/new", DEMO_SHOP.domain, { method: "POST", body: form }),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      ok: false,
      errors: { description: "errors.descriptionShort", contactEmail: "errors.email" },
      attachmentProblem: { problem: "unsupported_type", filename: "fake.png" },
    });
    expect(await db.ticket.count({ where: { idempotencyKey: key } })).toBe(0);
  });
});

describe("a TikTok guide's server side", () => {
  const visits = (category: string) => db.guideVisit.count({ where: { shop: DEMO_SHOP.domain, category } });

  it("shows the guide without counting a visit, however often it is loaded", async () => {
    const before = await visits("payout");
    for (const path of ["/app/support/guides/payout", "/app/support/guides/payout?from=triage"]) {
      const response = await respond(guide.loader, await adminDataRequest(path, DEMO_SHOP.domain), {
        category: "payout",
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ category: "payout", shopName: "Demo Shop", country: "IT" });
    }
    expect(await visits("payout")).toBe(before);
  });

  it("counts one visit for the shop when the Support page routes a merchant to the guide", async () => {
    const before = await visits("payout");
    const response = await respond(
      guide.action,
      await adminDataRequest("/app/support/guides/payout", DEMO_SHOP.domain, { method: "POST" }),
      { category: "payout" },
    );
    expect(response.status).toBe(200);
    expect(await visits("payout")).toBe(before + 1);
  });

  it("counts nothing for a category SPL handles itself", async () => {
    const before = await visits("order_sync");
    const response = await respond(
      guide.action,
      await adminDataRequest("/app/support/guides/order_sync", DEMO_SHOP.domain, { method: "POST" }),
      { category: "order_sync" },
    );
    expect(response.status).toBe(404);
    expect(await visits("order_sync")).toBe(before);
  });

  it("refuses a routing without a valid session token", async () => {
    const before = await visits("payout");
    const response = await respond(
      guide.action,
      await adminDataRequest("/app/support/guides/payout", DEMO_SHOP.domain, {
        method: "POST",
        token: "forged",
      }),
      { category: "payout" },
    );
    expect(response.status).toBe(401);
    expect(await visits("payout")).toBe(before);
  });
});
