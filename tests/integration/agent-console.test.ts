import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAgent } from "~/agent/agents.server";
import { fillPlaceholders } from "~/agent/canned-placeholders";
import { signIn } from "~/agent/sign-in.server";
import { db } from "~/db.server";
import { action as accountsAction, loader as accountsLoader } from "~/routes/agent.admin.agents";
import { action as cannedAction, loader as cannedLoader } from "~/routes/agent.canned-replies";
import { action as queueAction, loader as queueLoader } from "~/routes/agent._index";
import { action as ticketAction, loader as ticketLoader } from "~/routes/agent.tickets.$id";
import { action as presenceAction } from "~/routes/agent.tickets.$id.presence";
import { action as replyAction } from "~/routes/agent.tickets.$id.reply";
import { PRESENCE_TTL_MS, ticketPresence } from "~/agent/presence.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { uniqueShop } from "../helpers/shopify";
import { PNG_BYTES, newTicket } from "../helpers/tickets";
import { TICKET_FORM_BYTES, bodyLimitFor } from "~/http/input.server";
import { ORIGIN, PASSWORD, agentRequest, call, createTestAgent, signedIn } from "./agent-helpers";

async function createAdmin(name = "Ada Admin") {
  const email = `admin-${randomUUID()}@spl.example`;
  const result = await createAgent(db, { email, name, role: "admin", password: PASSWORD });
  if (!result.ok) throw new Error(result.problem);
  return { id: result.id, email, name };
}

/** A signed-in agent posting a form from a console page. */
async function post(
  handler: Parameters<typeof call>[0],
  path: string,
  agentId: string,
  form: Record<string, string>,
) {
  const { cookie, csrf } = await signedIn(db, agentId);
  // The ticket's id, as Remix takes it from /agent/tickets/:id.
  const id = path.match(/^\/agent\/tickets\/([^/]+)/)?.[1];
  return call(handler, agentRequest(path, { cookie, form: { ...form, csrf } }), id ? { id } : {});
}

async function get(handler: Parameters<typeof call>[0], path: string, agentId: string, params = {}) {
  const { cookie } = await signedIn(db, agentId);
  return call(handler, agentRequest(path, { cookie }), params);
}

describe("roles: admin pages and actions", () => {
  it("an agent without the admin role is answered 403 by the agents page and each of its actions", async () => {
    const agent = await createTestAgent(db);
    const other = await createTestAgent(db);
    expect((await get(accountsLoader, "/agent/admin/agents", agent.id)).status).toBe(403);
    const refusedForms: Record<string, string>[] = [
      { intent: "disable", agentId: other.id },
      { intent: "role", agentId: agent.id, role: "admin" },
      { intent: "password", agentId: other.id, password: "a brand new password" },
      { intent: "create", email: "new@spl.example", name: "New", role: "admin", password: PASSWORD },
    ];
    for (const form of refusedForms) {
      expect((await post(accountsAction, "/agent/admin/agents", agent.id, form)).status).toBe(403);
    }
    const unchanged = await db.agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(unchanged.role).toBe("agent");
    expect((await db.agent.findUniqueOrThrow({ where: { id: other.id } })).disabled).toBe(false);
  });

  it("an admin creates an agent, changes their role, resets their password and disables them", async () => {
    const admin = await createAdmin();
    const email = `new-${randomUUID()}@spl.example`;
    const created = await post(accountsAction, "/agent/admin/agents", admin.id, {
      intent: "create",
      email,
      name: "Nina New",
      role: "agent",
      password: PASSWORD,
    });
    expect(created.status).toBe(200);
    const nina = await db.agent.findUniqueOrThrow({ where: { email } });
    const listed = await get(accountsLoader, "/agent/admin/agents", admin.id);
    expect((listed.body as { accounts: { email: string }[] }).accounts.map((a) => a.email)).toContain(email);

    await post(accountsAction, "/agent/admin/agents", admin.id, {
      intent: "role",
      agentId: nina.id,
      role: "admin",
    });
    expect((await db.agent.findUniqueOrThrow({ where: { id: nina.id } })).role).toBe("admin");

    const session = await signedIn(db, nina.id);
    await post(accountsAction, "/agent/admin/agents", admin.id, {
      intent: "password",
      agentId: nina.id,
      password: "a brand new password",
    });
    // The old session ends, the old password no longer works, the new one does.
    expect((await call(queueLoader, agentRequest("/agent", { cookie: session.cookie }))).status).toBe(302);
    expect((await signIn(db, { email, password: PASSWORD, address: null })).ok).toBe(false);
    expect((await signIn(db, { email, password: "a brand new password", address: null })).ok).toBe(true);

    const again = await signedIn(db, nina.id);
    await post(accountsAction, "/agent/admin/agents", admin.id, { intent: "disable", agentId: nina.id });
    expect((await call(queueLoader, agentRequest("/agent", { cookie: again.cookie }))).status).toBe(302);
    expect((await signIn(db, { email, password: "a brand new password", address: null })).ok).toBe(false);

    await post(accountsAction, "/agent/admin/agents", admin.id, { intent: "enable", agentId: nina.id });
    expect((await signIn(db, { email, password: "a brand new password", address: null })).ok).toBe(true);
  });

  it("an admin cannot disable their own account or drop their own admin role", async () => {
    const admin = await createAdmin();
    const disabled = await post(accountsAction, "/agent/admin/agents", admin.id, {
      intent: "disable",
      agentId: admin.id,
    });
    expect(disabled.status).toBe(422);
    const demoted = await post(accountsAction, "/agent/admin/agents", admin.id, {
      intent: "role",
      agentId: admin.id,
      role: "agent",
    });
    expect(demoted.status).toBe(422);
    expect(await db.agent.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      role: "admin",
      disabled: false,
    });
  });
});

describe("canned replies", () => {
  it("fills shop name, ticket number, merchant's name and agent's name, and leaves unknown names as typed", () => {
    expect(
      fillPlaceholders("Hi {merchant_name}, {shop_name} / {ticket_number} — {agent_name} {other}", {
        shop_name: "Demo Shop",
        ticket_number: "SPL-1042",
        merchant_name: "maria",
        agent_name: "Ana",
      }),
    ).toBe("Hi maria, Demo Shop / SPL-1042 — Ana {other}");
  });

  it("a private reply is its author's; a shared one reaches the team, the ticket's language first", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ben = await createTestAgent(db, "Ben");
    const title = `Resync ${randomUUID()}`;
    await post(cannedAction, "/agent/canned-replies", ana.id, {
      title: `${title} private`,
      locale: "en",
      body: "Private text",
    });
    await post(cannedAction, "/agent/canned-replies", ana.id, {
      title: `${title} it`,
      locale: "it",
      body: "Ciao {merchant_name}",
      shared: "on",
    });
    const titlesFor = async (agentId: string) =>
      (
        (await get(cannedLoader, "/agent/canned-replies", agentId)).body as { replies: { title: string }[] }
      ).replies
        .map((reply) => reply.title)
        .filter((t) => t.startsWith(title));
    expect(await titlesFor(ana.id)).toEqual([`${title} it`, `${title} private`]);
    expect(await titlesFor(ben.id)).toEqual([`${title} it`]);

    const shop = uniqueShop();
    const { ticket } = await merchantTickets(db, shop).create(newTicket({ locale: "it" }));
    const page = await get(ticketLoader, `/agent/tickets/${ticket.id}`, ana.id, { id: ticket.id });
    const canned = (page.body as { canned: { title: string; locale: string }[] }).canned.filter((reply) =>
      reply.title.startsWith(title),
    );
    expect(canned.map((reply) => reply.locale)).toEqual(["it", "en"]);
  });

  it("only the author or an admin changes or deletes a shared reply (403 for other agents)", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ben = await createTestAgent(db, "Ben");
    const admin = await createAdmin();
    await post(cannedAction, "/agent/canned-replies", ana.id, {
      title: "Shared greeting",
      locale: "en",
      body: "Hello",
      shared: "on",
    });
    const reply = await db.cannedReply.findFirstOrThrow({ where: { ownerId: ana.id } });
    const edit = { id: reply.id, title: "Changed", locale: "en", body: "Changed" };
    expect((await post(cannedAction, "/agent/canned-replies", ben.id, edit)).status).toBe(403);
    expect(
      (await post(cannedAction, "/agent/canned-replies", ben.id, { intent: "delete", id: reply.id })).status,
    ).toBe(403);
    expect((await db.cannedReply.findUniqueOrThrow({ where: { id: reply.id } })).title).toBe(
      "Shared greeting",
    );

    expect((await post(cannedAction, "/agent/canned-replies", admin.id, edit)).status).toBe(200);
    expect((await db.cannedReply.findUniqueOrThrow({ where: { id: reply.id } })).body).toBe("Changed");
    await post(cannedAction, "/agent/canned-replies", admin.id, { intent: "delete", id: reply.id });
    expect(await db.cannedReply.findUnique({ where: { id: reply.id } })).toBeNull();
  });
});

describe("saved views", () => {
  it("keeps the filters without the page position; private views are the author's, shared ones the team's", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ben = await createTestAgent(db, "Ben");
    const name = `Italian sync ${randomUUID().slice(0, 8)}`;
    await post(queueAction, "/agent?index", ana.id, {
      name,
      query: "status=open&category=order_sync&after=abc&savedView=old",
    });
    await post(queueAction, "/agent?index", ana.id, {
      name: `${name} shared`,
      query: "view=mine",
      shared: "on",
    });
    const viewsOf = async (agentId: string) =>
      (
        (await get(queueLoader, "/agent", agentId)).body as { views: { name: string; query: string }[] }
      ).views.filter((view) => view.name.startsWith(name));
    expect(await viewsOf(ana.id)).toMatchObject([
      { name, query: "status=open&category=order_sync" },
      { name: `${name} shared`, query: "view=mine" },
    ]);
    expect((await viewsOf(ben.id)).map((view) => view.name)).toEqual([`${name} shared`]);

    const shared = await db.savedView.findFirstOrThrow({ where: { name: `${name} shared` } });
    const refused = await post(queueAction, "/agent?index", ben.id, { intent: "delete_view", id: shared.id });
    expect(refused.status).toBe(403);
    const admin = await createAdmin();
    await post(queueAction, "/agent?index", admin.id, { intent: "delete_view", id: shared.id });
    expect(await db.savedView.findUnique({ where: { id: shared.id } })).toBeNull();
  });

  it("refuses a view without a name", async () => {
    const ana = await createTestAgent(db);
    const answer = await post(queueAction, "/agent?index", ana.id, { name: " ", query: "status=open" });
    expect(answer).toMatchObject({ status: 422, body: { error: "views.errors.name" } });
  });
});

describe("collision warnings", () => {
  it("shows each agent the others on the same ticket, and who is typing a reply, until they leave", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ben = await createTestAgent(db, "Ben");
    const { ticket } = await merchantTickets(db, uniqueShop()).create(newTicket());
    const path = `/agent/tickets/${ticket.id}/presence`;
    const report = async (agentId: string, form: Record<string, string>) =>
      (await post(presenceAction, path, agentId, form)).body as {
        others: { name: string; replying: boolean }[];
      };

    expect((await report(ana.id, { replying: "false" })).others).toEqual([]);
    expect((await report(ben.id, { replying: "true" })).others).toMatchObject([
      { name: "Ana", replying: false },
    ]);
    expect((await report(ana.id, { replying: "false" })).others).toMatchObject([
      { name: "Ben", replying: true },
    ]);
    await report(ben.id, { leaving: "true" });
    expect((await report(ana.id, { replying: "false" })).others).toEqual([]);
  });

  it("forgets an agent who stopped reporting, and answers 404 for a ticket that does not exist", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ben = await createTestAgent(db, "Ben");
    const { ticket } = await merchantTickets(db, uniqueShop()).create(newTicket());
    const presence = ticketPresence(db);
    const then = new Date(Date.now() - PRESENCE_TTL_MS - 1000);
    await presence.report(ticket.id, ben.id, true, then);
    expect(await presence.report(ticket.id, ana.id, false)).toEqual([]);
    const missing = await post(presenceAction, "/agent/tickets/no-such-ticket/presence", ana.id, {});
    expect(missing.status).toBe(404);
  });

  it("asks before sending a reply when the merchant wrote after the page loaded", async () => {
    const ana = await createTestAgent(db, "Ana");
    const shop = uniqueShop();
    const { ticket } = await merchantTickets(db, shop).create(newTicket());
    await merchantTickets(db, shop).reply(ticket.id, "Any news?", []);
    const path = `/agent/tickets/${ticket.id}`;
    const stale = await post(ticketAction, path, ana.id, {
      intent: "reply",
      body: "We are on it.",
      seenMessages: "0",
    });
    expect(stale).toMatchObject({ status: 409, body: { error: "presence.missed" } });
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(1);

    const current = await post(ticketAction, path, ana.id, {
      intent: "reply",
      body: "We are on it.",
      seenMessages: "1",
    });
    expect(current.status).toBe(200);
    const anyway = await post(ticketAction, path, ana.id, {
      intent: "reply",
      body: "And one more thing.",
      seenMessages: "1",
      confirmed: "true",
    });
    expect(anyway.status).toBe(200);
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(3);
  });
});

describe("send the TikTok guide", () => {
  it("moves a misrouted ticket to the TikTok category, answers in the merchant's language with the guide and case summary, and resolves it", async () => {
    const ana = await createTestAgent(db, "Ana");
    const shop = uniqueShop();
    const { ticket } = await merchantTickets(db, shop).create(
      newTicket({
        locale: "it",
        category: "order_sync",
        description: "Il pagamento di TikTok non è arrivato questo mese.",
        shopName: "Negozio Demo",
        contactEmail: `negozio-${randomUUID()}@example.com`,
      }),
    );
    const answer = await post(ticketAction, `/agent/tickets/${ticket.id}`, ana.id, {
      intent: "send_guide",
      category: "payout",
    });
    expect(answer.status).toBe(200);

    const stored = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(stored).toMatchObject({ category: "payout", status: "resolved" });
    const view = await merchantTickets(db, shop).get(ticket.id);
    const body = view!.messages[0]!.body;
    expect(body).toContain("solo TikTok Shop può risolvere");
    expect(body).toContain("Il pagamento di TikTok non è arrivato questo mese.");
    expect(body).toContain("Negozio Demo");
    expect(body.split("\n")).toContain("/app/support/guides/payout");
    // The merchant is told by email, in Italian, as for any agent reply.
    const emails = await db.outboxEmail.findMany({
      where: { toAddress: stored.contactEmail, body: { contains: "solo TikTok Shop può risolvere" } },
    });
    expect(emails).toHaveLength(1);
  });

  it("refuses one of SPL's own categories as a guide", async () => {
    const ana = await createTestAgent(db, "Ana");
    const { ticket } = await merchantTickets(db, uniqueShop()).create(newTicket());
    const answer = await post(ticketAction, `/agent/tickets/${ticket.id}`, ana.id, {
      intent: "send_guide",
      category: "product_sync",
    });
    expect(answer.status).toBe(422);
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(0);
  });
});

describe("attachments on an agent's reply", () => {
  /** The reply form as the browser sends it with files: multipart/form-data. */
  async function replyWithFiles(
    agentId: string,
    ticketId: string,
    files: { name: string; bytes: Uint8Array }[],
  ) {
    const { cookie, csrf } = await signedIn(db, agentId);
    const form = new FormData();
    form.set("intent", "reply");
    form.set("body", "Here is the screenshot of your settings.");
    form.set("csrf", csrf);
    for (const file of files) form.append("attachments", new Blob([Buffer.from(file.bytes)]), file.name);
    const request = new Request(`${ORIGIN}/agent/tickets/${ticketId}/reply`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookie, Origin: ORIGIN },
    });
    return call(replyAction, request, { id: ticketId });
  }

  it("stores the checked file with the reply, and the merchant's ticket lists it for download", async () => {
    const ana = await createTestAgent(db, "Ana");
    const shop = uniqueShop();
    const { ticket } = await merchantTickets(db, shop).create(newTicket());
    const answer = await replyWithFiles(ana.id, ticket.id, [{ name: "settings.png", bytes: PNG_BYTES }]);
    expect(answer.status).toBe(200);

    const view = await merchantTickets(db, shop).get(ticket.id);
    const message = view!.messages[0]!;
    expect(message.body).toBe("Here is the screenshot of your settings.");
    expect(view!.attachments).toMatchObject([
      { filename: "settings.png", contentType: "image/png", messageId: message.id },
    ]);
    const stored = await merchantTickets(db, shop).attachment(view!.attachments[0]!.id);
    expect(Buffer.from(stored!.data)).toEqual(Buffer.from(PNG_BYTES));
  });

  it("refuses a file that is not an image or PDF by its content, and sends nothing", async () => {
    const ana = await createTestAgent(db, "Ana");
    const { ticket } = await merchantTickets(db, uniqueShop()).create(newTicket());
    const answer = await replyWithFiles(ana.id, ticket.id, [
      { name: "invoice.png", bytes: new TextEncoder().encode("#!/bin/sh\necho not an image") },
    ]);
    expect(answer).toMatchObject({ status: 422, body: { error: "attachments.unsupported_type" } });
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(0);
    expect(await db.attachment.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it("takes files only as multipart/form-data on the reply path, which alone allows the ticket form's size", async () => {
    expect(bodyLimitFor("/agent/tickets/abc/reply.data")).toBe(TICKET_FORM_BYTES);
    expect(bodyLimitFor("/agent/tickets/abc")).toBeLessThan(1024 * 1024);
    const ana = await createTestAgent(db, "Ana");
    const { ticket } = await merchantTickets(db, uniqueShop()).create(newTicket());
    const textOnly = await post(replyAction, `/agent/tickets/${ticket.id}/reply`, ana.id, {
      intent: "reply",
      body: "Hello",
    });
    expect(textOnly.status).toBe(400);
  });
});
