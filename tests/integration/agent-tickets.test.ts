import { describe, expect, it } from "vitest";
import { agentTickets } from "~/agent/agent-tickets.server";
import { db } from "~/db.server";
import { action as ticketAction, loader as ticketLoader } from "~/routes/agent.tickets.$id";
import { loader as attachmentLoader } from "~/routes/agent.attachments.$id";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { uniqueShop } from "../helpers/shopify";
import { PNG_BYTES, newTicket } from "../helpers/tickets";
import { agentRequest, call, createTestAgent, signedIn } from "./agent-helpers";

async function ticketFor(overrides: Parameters<typeof newTicket>[0] = {}) {
  const shop = uniqueShop();
  const { ticket } = await merchantTickets(db, shop).create(newTicket(overrides));
  return { shop, ticket };
}

async function auditOf(ticketId: string) {
  const events = await db.auditEvent.findMany({
    where: { ticketId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return events.map(({ actorType, actorId, action, fromValue, toValue }) => ({
    actorType,
    actorId,
    action,
    fromValue,
    toValue,
  }));
}

describe("an agent working a ticket", () => {
  it("replies: the merchant sees the reply in the app, gets an email in their language, and the ticket waits on them", async () => {
    const agent = await createTestAgent(db, "Ana Rossi");
    const { shop, ticket } = await ticketFor({ locale: "it", contactEmail: "negozio@example.com" });
    expect(await agentTickets(db).reply(agent, ticket.id, "Abbiamo risincronizzato i tuoi ordini.")).toEqual({
      ok: true,
      changed: true,
    });

    const merchantView = await merchantTickets(db, shop).get(ticket.id);
    expect(merchantView?.messages).toMatchObject([
      { authorType: "agent", agentName: "Ana Rossi", body: "Abbiamo risincronizzato i tuoi ordini." },
    ]);
    expect(merchantView).toMatchObject({ status: "awaiting_reply", unread: true });

    const stored = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(stored.status).toBe("pending_merchant");
    expect(stored.firstAgentReplyAt).not.toBeNull();
    expect(stored.searchText).toContain("risincronizzato");
    const message = await db.message.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(message).toMatchObject({ authorType: "agent", agentId: agent.id, shop });

    const emails = await db.outboxEmail.findMany({
      where: { toAddress: "negozio@example.com", body: { contains: "risincronizzato" } },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toContain(`SPL-${ticket.number}`);
    expect(emails[0]!.body).toContain(`/app/support/tickets/${ticket.id}`);

    expect(await auditOf(ticket.id)).toEqual([
      { actorType: "merchant", actorId: null, action: "created", fromValue: null, toValue: "new" },
      { actorType: "agent", actorId: agent.id, action: "reply", fromValue: null, toValue: null },
      {
        actorType: "agent",
        actorId: agent.id,
        action: "status",
        fromValue: "new",
        toValue: "pending_merchant",
      },
    ]);

    const firstReplyAt = stored.firstAgentReplyAt;
    await agentTickets(db).reply(agent, ticket.id, "Second reply");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).firstAgentReplyAt).toEqual(
      firstReplyAt,
    );
  });

  it("keeps internal notes away from the merchant", async () => {
    const agent = await createTestAgent(db);
    const { shop, ticket } = await ticketFor();
    await agentTickets(db).addNote(
      agent,
      ticket.id,
      "Merchant has an old app version — CONFIDENTIAL-NOTE-42",
    );
    await agentTickets(db).reply(agent, ticket.id, "Please update the app.");

    const merchantView = await merchantTickets(db, shop).get(ticket.id);
    expect(JSON.stringify(merchantView)).not.toContain("CONFIDENTIAL-NOTE-42");
    expect(merchantView?.messages.map((message) => message.body)).toEqual(["Please update the app."]);
    expect(await db.outboxEmail.count({ where: { body: { contains: "CONFIDENTIAL-NOTE-42" } } })).toBe(0);

    const agentView = await agentTickets(db).get(ticket.id);
    expect(agentView?.notes).toMatchObject([
      { agentName: agent.name, body: "Merchant has an old app version — CONFIDENTIAL-NOTE-42" },
    ]);
    expect(agentView?.events.map((event) => event.action)).toContain("note");
  });

  it("assigns to oneself or another agent, and refuses an unknown agent", async () => {
    const me = await createTestAgent(db, "Me Myself");
    const colleague = await createTestAgent(db, "Colleague");
    const { ticket } = await ticketFor();
    const work = agentTickets(db);
    expect(await work.assign(me, ticket.id, me.id)).toEqual({ ok: true, changed: true });
    expect(await work.assign(me, ticket.id, colleague.id)).toEqual({ ok: true, changed: true });
    expect(await work.assign(me, ticket.id, "no-such-agent")).toEqual({ ok: false, error: "unknownAgent" });
    expect(await work.assign(me, ticket.id, colleague.id)).toEqual({ ok: true, changed: false });
    expect(await work.assign(colleague, ticket.id, null)).toEqual({ ok: true, changed: true });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).assigneeId).toBeNull();

    const view = await work.get(ticket.id);
    expect(view?.events.filter((event) => event.action === "assign")).toMatchObject([
      { actorName: "Me Myself", fromValue: null, toValue: "Me Myself" },
      { actorName: "Me Myself", fromValue: "Me Myself", toValue: "Colleague" },
      { actorName: "Colleague", fromValue: "Colleague", toValue: null },
    ]);
  });

  it("moves the status only as the workflow allows, stamping resolved and closed times", async () => {
    const agent = await createTestAgent(db);
    const { shop, ticket } = await ticketFor();
    const work = agentTickets(db);
    expect(await work.setStatus(agent, ticket.id, "resolved")).toEqual({ ok: true, changed: true });
    const resolved = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(resolved.resolvedAt).not.toBeNull();
    expect((await merchantTickets(db, shop).get(ticket.id))?.status).toBe("closed");

    expect(await work.setStatus(agent, ticket.id, "pending_merchant")).toEqual({
      ok: false,
      error: "transition",
    });
    expect(await work.setStatus(agent, ticket.id, "new")).toEqual({ ok: false, error: "transition" });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("resolved");

    expect(await work.setStatus(agent, ticket.id, "closed")).toEqual({ ok: true, changed: true });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).closedAt).not.toBeNull();
    expect(await work.setStatus(agent, ticket.id, "open")).toEqual({ ok: true, changed: true });
    const reopened = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(reopened).toMatchObject({ status: "open", resolvedAt: null, closedAt: null });

    expect((await auditOf(ticket.id)).filter((event) => event.action === "status")).toEqual([
      { actorType: "agent", actorId: agent.id, action: "status", fromValue: "new", toValue: "resolved" },
      { actorType: "agent", actorId: agent.id, action: "status", fromValue: "resolved", toValue: "closed" },
      { actorType: "agent", actorId: agent.id, action: "status", fromValue: "closed", toValue: "open" },
    ]);
  });

  it("changes the category to one of the taxonomy's, with an audit entry", async () => {
    const agent = await createTestAgent(db);
    const { ticket } = await ticketFor({ category: "order_sync" });
    expect(await agentTickets(db).setCategory(agent, ticket.id, "product_sync")).toEqual({
      ok: true,
      changed: true,
    });
    expect(await agentTickets(db).setCategory(agent, ticket.id, "made_up" as "general")).toEqual({
      ok: false,
      error: "invalidCategory",
    });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).category).toBe("product_sync");
    expect((await auditOf(ticket.id)).at(-1)).toEqual({
      actorType: "agent",
      actorId: agent.id,
      action: "category",
      fromValue: "order_sync",
      toValue: "product_sync",
    });
  });

  it("says a ticket that doesn't exist is not found", async () => {
    const agent = await createTestAgent(db);
    expect(await agentTickets(db).reply(agent, "missing", "Hello")).toEqual({ ok: false, error: "notFound" });
    expect(await agentTickets(db).setStatus(agent, "missing", "open")).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await agentTickets(db).get("missing")).toBeNull();
  });
});

describe("the ticket page", () => {
  it("runs each action through one form schema and shows the result on the page", async () => {
    const agent = await createTestAgent(db, "Page Agent");
    const { cookie, csrf } = await signedIn(db, agent.id);
    const { ticket } = await ticketFor({ suggestedCategory: "order_sync", confidence: 0.87 });
    const post = (form: Record<string, string>) =>
      call(ticketAction, agentRequest(`/agent/tickets/${ticket.id}`, { cookie, form: { csrf, ...form } }), {
        id: ticket.id,
      });

    expect(await post({ intent: "reply", body: "   " })).toMatchObject({
      status: 422,
      body: { ok: false, error: "errors.replyEmpty" },
    });
    expect(await post({ intent: "category", category: "not-a-category" })).toMatchObject({
      status: 422,
      body: { error: "errors.category" },
    });
    expect(await post({ intent: "launch-rockets" })).toMatchObject({ status: 422 });
    expect(await post({ intent: "reply", body: "We are on it." })).toMatchObject({
      status: 200,
      body: { ok: true },
    });
    expect(await post({ intent: "note", body: "Checked the logs." })).toMatchObject({ status: 200 });
    expect(await post({ intent: "assign", assigneeId: agent.id })).toMatchObject({ status: 200 });
    expect(await post({ intent: "category", category: "connection" })).toMatchObject({ status: 200 });
    expect(await post({ intent: "status", status: "resolved" })).toMatchObject({ status: 200 });
    expect(await post({ intent: "status", status: "pending_merchant" })).toMatchObject({
      status: 409,
      body: { error: "errors.transition" },
    });

    const page = await call(ticketLoader, agentRequest(`/agent/tickets/${ticket.id}`, { cookie }), {
      id: ticket.id,
    });
    const { ticket: shown } = page.body as {
      ticket: Awaited<ReturnType<ReturnType<typeof agentTickets>["get"]>> & object;
    };
    expect(shown).toMatchObject({
      status: "resolved",
      category: "connection",
      suggestedCategory: "order_sync",
      confidence: 0.87,
      assignee: { id: agent.id, name: "Page Agent" },
      allowedStatuses: ["open", "closed"],
      diagnostics: { appVersion: "1.0.0", shopPlan: "Basic" },
    });
    expect(shown.messages.map((message) => message.body)).toEqual(["We are on it."]);
    expect(shown.notes.map((note) => note.body)).toEqual(["Checked the logs."]);
    expect(shown.events.map((event) => `${event.actorName ?? event.actorType}:${event.action}`)).toEqual([
      "merchant:created",
      "Page Agent:reply",
      "Page Agent:status",
      "Page Agent:note",
      "Page Agent:assign",
      "Page Agent:category",
      "Page Agent:status",
    ]);

    const missing = await call(ticketLoader, agentRequest("/agent/tickets/nope", { cookie }), { id: "nope" });
    expect(missing.status).toBe(404);
  });
});

describe("attachment downloads", () => {
  it("need a signed-in agent and come as a download the browser won't render", async () => {
    const agent = await createTestAgent(db);
    const { cookie } = await signedIn(db, agent.id);
    const { ticket } = await ticketFor({
      attachments: [{ filename: 'screen "1".png', contentType: "image/png", bytes: PNG_BYTES }],
    });
    const attachment = await db.attachment.findFirstOrThrow({ where: { ticketId: ticket.id } });

    const signedOut = await call(attachmentLoader, agentRequest(`/agent/attachments/${attachment.id}`), {
      id: attachment.id,
    });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toContain("/agent/sign-in");

    const request = agentRequest(`/agent/attachments/${attachment.id}`, { cookie });
    const response = (await attachmentLoader({
      request,
      params: { id: attachment.id },
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="screen _1_.png"/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG_BYTES);

    const missing = await call(attachmentLoader, agentRequest("/agent/attachments/nope", { cookie }), {
      id: "nope",
    });
    expect(missing.status).toBe(404);
  });
});
