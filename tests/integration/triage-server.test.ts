import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentTickets } from "~/agent/agent-tickets.server";
import { supportDashboard } from "~/agent/dashboard.server";
import { db, type Db } from "~/db.server";
import { classify } from "~/support/triage";
import { exportTriageLabels } from "~/support/triage-labels/export.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { DEMO_SHOP } from "../../preview/demo-shops";
import { adminHost } from "../../preview/session-token";
import {
  adminDataRequest,
  installShop,
  respond,
  sessionToken,
  uniqueShop,
  webhookRequest,
} from "../helpers/shopify";
import { newTicket, ticketForm } from "../helpers/tickets";
import { createTestAgent, isolatedDatabase } from "./agent-helpers";

const intake = await import("~/routes/app.support._index");
const ticketRoute = await import("~/routes/app.support.new");
const { action: complianceAction } = await import("~/routes/webhooks.compliance");

await installShop(db, DEMO_SHOP.domain);

/** Posts the ticket form as the browser does and returns the stored ticket. */
async function postTicket(fields: Record<string, string>) {
  const response = await respond(
    ticketRoute.action,
    await adminDataRequest("/app/support/new", DEMO_SHOP.domain, {
      method: "POST",
      body: ticketForm(fields),
    }),
  );
  expect(response.status).toBe(302);
  const id = /\/app\/support\/tickets\/(\w+)/.exec(response.headers.get("Location") ?? "")![1];
  return db.ticket.findUniqueOrThrow({ where: { id } });
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const item of items) list.push(item);
  return list;
}

describe("the server's own reading of a new ticket", () => {
  it("stores its own suggestion, confidence and model version, never the browser's forged ones", async () => {
    const description = "TikTok orders are not showing up in Shopify since Monday, order 1002 is missing.";
    const ticket = await postTicket({
      description,
      category: "order_sync",
      suggestedCategory: "payout",
      confidence: "0.01",
      modelVersion: "forged-model",
      secondCategory: "account_suspended",
    });
    const own = classify(description, "en");
    expect(own.category).toBe("order_sync");
    expect(ticket).toMatchObject({
      category: "order_sync",
      merchantCategory: "order_sync",
      suggestedCategory: own.category,
      confidence: own.confidence,
      modelVersion: own.modelVersion,
      secondCategory: null,
    });
    expect(ticket.confidence).toBeGreaterThan(0.5);
    expect(ticket.entities).toMatchObject({ orderNumbers: ["1002"] });
    // The merchant's pick agreed with the suggestion: nothing to learn.
    expect(await db.triageLabel.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it("keeps the merchant's own pick apart and learns from it when it differs from the suggestion", async () => {
    const description =
      "TikTok suspended my seller account this morning and I cannot log in to Seller Center.";
    const ticket = await postTicket({ description, category: "app_setup" });
    expect(ticket).toMatchObject({
      category: "app_setup",
      merchantCategory: "app_setup",
      suggestedCategory: "account_suspended",
    });
    const labels = await db.triageLabel.findMany({ where: { ticketId: ticket.id } });
    expect(labels).toEqual([
      expect.objectContaining({
        shop: DEMO_SHOP.domain,
        text: description,
        locale: "en",
        suggestedCategory: "account_suspended",
        finalCategory: "app_setup",
        decidedBy: "merchant",
        agentId: null,
        modelVersion: ticket.modelVersion,
      }),
    ]);
  });

  it("stores both problems of a two-problem text when the merchant opens the ticket for SPL's part", async () => {
    const description =
      "My TikTok account is suspended and on top of that my orders are not syncing to Shopify anymore.";
    const own = classify(description, "en");
    expect(own.second).not.toBeNull();
    const spl = own.route === "spl_ticket" ? own.category : own.second!;
    const tiktok = own.route === "spl_ticket" ? own.second : own.category;
    const ticket = await postTicket({ description, category: spl });
    expect(ticket).toMatchObject({ category: spl, secondCategory: tiktok });
    expect(await db.triageLabel.count({ where: { ticketId: ticket.id } })).toBe(0);
    const shown = await merchantTickets(db, DEMO_SHOP.domain).get(ticket.id);
    expect(shown).toMatchObject({ category: spl, secondCategory: tiktok });
  });
});

describe("the Support page as a plain HTML form", () => {
  it("answers a form posted before the scripts ran, with the session token in the page's address", async () => {
    const token = await sessionToken(DEMO_SHOP.domain);
    const search = new URLSearchParams({
      embedded: "1",
      shop: DEMO_SHOP.domain,
      host: adminHost(DEMO_SHOP.domain),
      id_token: token,
    });
    const request = new Request(`https://my-test-app.myshopify.io/app/support?index&${search}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36",
      },
      body: new URLSearchParams({
        description: "Orders from TikTok are missing in Shopify",
        orderId: "#1001",
      }),
    });
    const response = await respond(intake.action, request);
    const reply = await response.json();
    expect(reply).toMatchObject({
      kind: "classified",
      triage: { category: "order_sync" },
      typed: { description: "Orders from TikTok are missing in Shopify", orderId: "#1001" },
    });
  });

  it("keeps what was typed when the text is too long", async () => {
    const body = new URLSearchParams({ description: "x".repeat(10_001), orderId: "#1001" });
    const reply = await (
      await respond(
        intake.action,
        await adminDataRequest("/app/support", DEMO_SHOP.domain, { method: "POST", body }),
      )
    ).json();
    expect(reply).toMatchObject({
      kind: "error",
      error: "intake.errors.tooLong",
      typed: { orderId: "#1001" },
    });
    expect(reply.typed.description).toHaveLength(10_001);
  });
});

describe("labels from agents", () => {
  it("records an agent's category change with the ticket's text, the agent and the model version", async () => {
    const shop = uniqueShop("label");
    const agent = await createTestAgent(db, "Label Agent");
    const { ticket } = await merchantTickets(db, shop).create(
      newTicket({
        description: "The app shows my TikTok shop as disconnected",
        suggestedCategory: "order_sync",
        modelVersion: "triage-test",
      }),
    );
    expect(await agentTickets(db).setCategory(agent, ticket.id, "connection")).toEqual({
      ok: true,
      changed: true,
    });
    const labels = await db.triageLabel.findMany({ where: { ticketId: ticket.id } });
    expect(labels).toEqual([
      expect.objectContaining({
        text: "The app shows my TikTok shop as disconnected",
        suggestedCategory: "order_sync",
        finalCategory: "connection",
        decidedBy: "agent",
        agentId: agent.id,
        modelVersion: "triage-test",
      }),
    ]);
    // Setting the category it already has is no decision.
    await agentTickets(db).setCategory(agent, ticket.id, "connection");
    expect(await db.triageLabel.count({ where: { ticketId: ticket.id } })).toBe(1);
  });

  it("records the TikTok category of a guide an agent sends to a misrouted ticket", async () => {
    const shop = uniqueShop("guide-label");
    const agent = await createTestAgent(db, "Guide Agent");
    const { ticket } = await merchantTickets(db, shop).create(
      newTicket({
        description: "My TikTok payout has been on hold for two weeks",
        suggestedCategory: "order_sync",
      }),
    );
    expect(await agentTickets(db).sendGuide(agent, ticket.id, "payout")).toEqual({ ok: true, changed: true });
    const labels = await db.triageLabel.findMany({ where: { ticketId: ticket.id } });
    expect(labels).toEqual([
      expect.objectContaining({ finalCategory: "payout", decidedBy: "agent", agentId: agent.id }),
    ]);
  });

  it("exports labels scrubbed of emails, phones, order and tracking numbers and the shop's names", async () => {
    const shop = uniqueShop("export");
    await db.session.create({
      data: {
        id: `online_${shop}`,
        shop,
        state: "",
        isOnline: true,
        accessToken: "x",
        firstName: "Giulia",
        lastName: "Bianchi",
        email: "giulia@bianchi-store.example",
      },
    });
    const since = new Date();
    const agent = await createTestAgent(db, "Export Agent");
    const description =
      "Hi, Giulia Bianchi from Bianchi Ceramics here (mail me at giulia.b@example.com or call +39 333 123 4567). " +
      "Order #1002 never synced and the parcel 1Z 999 AA1 01 2345 6784 is stuck. @bianchi_ceramics on TikTok.";
    const { ticket } = await merchantTickets(db, shop).create(
      newTicket({
        description,
        shopName: "Bianchi Ceramics",
        contactEmail: "orders@bianchi-store.example",
        tiktokUsername: "bianchi_ceramics",
        category: "shipping",
        suggestedCategory: "shipping",
      }),
    );
    await agentTickets(db).setCategory(agent, ticket.id, "order_sync");

    const exported = (await all(exportTriageLabels(db, { since }))).filter((row) =>
      row.text.includes("synced"),
    );
    expect(exported).toHaveLength(1);
    const [row] = exported;
    expect(row).toMatchObject({ locale: "en", category: "order_sync", decidedBy: "agent" });
    for (const personal of [
      "Giulia",
      "Bianchi",
      "giulia.b@example.com",
      "333",
      "1002",
      "1Z",
      "6784",
      "bianchi_ceramics",
    ])
      expect(row!.text).not.toContain(personal);
    expect(row!.text).toBe(
      "Hi, [name] [name] from [name] here (mail me at [email] or call [phone]). " +
        "Order #[number] never synced and the parcel [number] is stuck. [name] on TikTok.",
    );
    expect(await all(exportTriageLabels(db, { since: new Date(Date.now() + 60_000) }))).toEqual([]);
  });

  it("exports a two-problem text's other problem as LABELLING.md's also", async () => {
    const since = new Date();
    const shop = uniqueShop("also");
    const agent = await createTestAgent(db, "Also Agent");
    const marker = since.getTime().toString(36).replace(/\d/g, "x");
    const description = `Suspended account and the app lost its TikTok connection ${marker}`;
    const { ticket } = await merchantTickets(db, shop).create(
      newTicket({ description, suggestedCategory: "account_suspended", suggestedSecond: "order_sync" }),
    );
    await agentTickets(db).setCategory(agent, ticket.id, "connection");
    const exported = (await all(exportTriageLabels(db, { since }))).filter((row) => row.text === description);
    expect(exported).toEqual([
      {
        text: description,
        locale: "en",
        category: "connection",
        also: "account_suspended",
        decidedBy: "agent",
        modelVersion: null,
      },
    ]);
  });

  it("removes a shop's labels on shop/redact and scrubs a customer from them on customers/redact", async () => {
    const shop = uniqueShop("redact");
    const neighbour = uniqueShop("neighbour");
    await installShop(db, shop);
    for (const owner of [shop, neighbour]) {
      await merchantTickets(db, owner).create(
        newTicket({
          description: "The buyer jane.doe@example.com says her TikTok order is not in Shopify",
          category: "app_setup",
          suggestedCategory: "order_sync",
        }),
      );
    }
    const customer = { id: 1, email: "jane.doe@example.com", phone: "+15551234567" };
    await respond(
      complianceAction,
      webhookRequest("/webhooks/compliance", "customers/redact", shop, {
        shop_id: 1,
        shop_domain: shop,
        customer,
        orders_to_redact: [],
      }),
    );
    const [scrubbed] = await db.triageLabel.findMany({ where: { shop } });
    expect(scrubbed!.text).not.toContain("jane.doe@example.com");

    const redacted = await respond(
      complianceAction,
      webhookRequest("/webhooks/compliance", "shop/redact", shop, { shop_id: 1, shop_domain: shop }),
    );
    expect(redacted.status).toBe(200);
    expect(await db.triageLabel.count({ where: { shop } })).toBe(0);
    expect(await db.triageLabel.count({ where: { shop: neighbour } })).toBe(1);
  });
});

describe("the dashboard's triage agreement", () => {
  let own: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db: own, close } = await isolatedDatabase());
  }, 120_000);
  afterAll(() => close?.());

  it("shows how often the suggestion was the final category and the most frequent confusions", async () => {
    const agent = await createTestAgent(own, "Dashboard Agent");
    const tickets = merchantTickets(own, "agree.myshopify.com");
    const open = (category: "order_sync" | "connection", suggestedCategory: "order_sync" | "product_sync") =>
      tickets.create(newTicket({ category, suggestedCategory }));
    await open("order_sync", "order_sync");
    await open("order_sync", "order_sync");
    await open("connection", "product_sync");
    const { ticket } = await open("order_sync", "product_sync");
    await agentTickets(own).setCategory(agent, ticket.id, "connection");
    await tickets.create(newTicket({ category: "order_sync" }));

    const { triage } = await supportDashboard(own, { days: 7 });
    expect(triage).toEqual({
      decided: 4,
      agreed: 2,
      rate: 0.5,
      confusions: [{ suggested: "product_sync", final: "connection", tickets: 2 }],
    });
  });
});
