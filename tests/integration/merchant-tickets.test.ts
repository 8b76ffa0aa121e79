import { describe, expect, it } from "vitest";
import { agentTickets } from "~/agent/agent-tickets.server";
import { db } from "~/db.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { uniqueShop } from "../helpers/shopify";
import { TEST_CONFIG } from "../setup/test-config";
import { createTestAgent } from "./agent-helpers";
import { PNG_BYTES, newTicket } from "../helpers/tickets";

describe("a merchant's tickets", () => {
  it("numbers a new ticket, shows it as sent, tells SPL's inbox and sends the merchant a receipt, each with a link", async () => {
    const shop = uniqueShop();
    const { ticket, created } = await merchantTickets(db, shop).create(newTicket());
    expect(created).toBe(true);
    expect(ticket.number).toBeGreaterThan(1000);
    const { tickets } = await merchantTickets(db, shop).list();
    expect(tickets).toMatchObject([{ id: ticket.id, status: "sent", unread: false, category: "order_sync" }]);
    const emails = await db.outboxEmail.findMany({ where: { shop }, orderBy: { toAddress: "asc" } });
    expect(emails.map((email) => email.toAddress)).toEqual([
      "agents@spl-support.example",
      "owner@example.com",
    ]);
    expect(emails.every((email) => email.subject.includes(`SPL-${ticket.number}`))).toBe(true);
    const store = shop.replace(".myshopify.com", "");
    expect(emails[0]!.body).toContain(`/agent/tickets/${ticket.id}`);
    expect(emails[1]!.body).toContain(
      `https://admin.shopify.com/store/${store}/apps/${TEST_CONFIG.SHOPIFY_API_KEY}/app/support/tickets/${ticket.id}`,
    );
  });

  it("makes one ticket from a double submit of the same form", async () => {
    const shop = uniqueShop();
    const form = newTicket();
    const results = await Promise.all([
      merchantTickets(db, shop).create(form),
      merchantTickets(db, shop).create(form),
    ]);
    expect(new Set(results.map((result) => result.ticket.id)).size).toBe(1);
    expect(await db.ticket.count({ where: { shop } })).toBe(1);
  });

  it("gives every ticket its own number under concurrent submits", async () => {
    const shop = uniqueShop();
    const tickets = await Promise.all(
      Array.from({ length: 20 }, () => merchantTickets(db, shop).create(newTicket())),
    );
    expect(new Set(tickets.map(({ ticket }) => ticket.number)).size).toBe(20);
    expect(
      await db.auditEvent.count({
        where: { ticketId: { in: tickets.map(({ ticket }) => ticket.id) }, action: "created" },
      }),
    ).toBe(20);
    expect(await db.outboxEmail.count({ where: { shop } })).toBe(40);
  });

  it("lists tickets submitted at the same moment newest first, by number", async () => {
    const shop = uniqueShop();
    const created = await Promise.all(
      Array.from({ length: 12 }, () => merchantTickets(db, shop).create(newTicket())),
    );
    const { tickets } = await merchantTickets(db, shop).list();
    const numbers = created.map(({ ticket }) => ticket.number).sort((a, b) => b - a);
    expect(tickets.map((ticket) => ticket.number)).toEqual(numbers);
  });

  it("keeps one merchant's failed or repeated submit from costing the others their tickets", async () => {
    const shop = uniqueShop();
    const repeated = newTicket();
    const broken = newTicket({
      attachments: [{ filename: "a.png", contentType: null as unknown as "image/png", bytes: PNG_BYTES }],
    });
    const forms = [newTicket(), repeated, broken, newTicket(), repeated, newTicket()];
    const results = await Promise.allSettled(forms.map((form) => merchantTickets(db, shop).create(form)));

    expect(results.map((result) => result.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
      "fulfilled",
    ]);
    const made = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    // The two copies of the repeated form race; either may be the one that creates the ticket.
    const [first, second] = [made[1]!, made[3]!];
    expect([made[0]!, made[2]!, made[4]!].every((result) => result.created)).toBe(true);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(second.ticket.id).toBe(first.ticket.id);
    const numbers = (await db.ticket.findMany({ where: { shop }, select: { number: true } })).map(
      (row) => row.number,
    );
    expect(new Set(numbers).size).toBe(4);
    expect(await db.outboxEmail.count({ where: { body: { contains: shop } } })).toBe(4);
  });

  it("leaves no half-made ticket when a write fails", async () => {
    const shop = uniqueShop();
    const broken = newTicket({
      attachments: [{ filename: "a.png", contentType: null as unknown as "image/png", bytes: PNG_BYTES }],
    });
    await expect(merchantTickets(db, shop).create(broken)).rejects.toThrow();
    expect(await db.ticket.count({ where: { shop } })).toBe(0);
    expect(await db.attachment.count({ where: { shop } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { body: { contains: shop } } })).toBe(0);
  });

  it("keeps attachments with the ticket and serves them only to their shop", async () => {
    const shop = uniqueShop();
    const { ticket } = await merchantTickets(db, shop).create(
      newTicket({ attachments: [{ filename: "screen.png", contentType: "image/png", bytes: PNG_BYTES }] }),
    );
    const detail = await merchantTickets(db, shop).get(ticket.id);
    expect(detail?.attachments).toMatchObject([
      { filename: "screen.png", contentType: "image/png", size: PNG_BYTES.byteLength },
    ]);
    const attachmentId = detail!.attachments[0]!.id;
    expect(await merchantTickets(db, shop).attachment(attachmentId)).not.toBeNull();
    expect(await merchantTickets(db, uniqueShop("other")).attachment(attachmentId)).toBeNull();
  });

  it("never lets another shop read or answer a ticket, even with its id", async () => {
    const owner = uniqueShop("owner");
    const intruder = uniqueShop("intruder");
    const { ticket } = await merchantTickets(db, owner).create(newTicket());
    await merchantTickets(db, intruder).create(newTicket());
    expect(await merchantTickets(db, intruder).get(ticket.id)).toBeNull();
    expect(await merchantTickets(db, intruder).reply(ticket.id, "let me in")).toEqual({
      ok: false,
      error: "notFound",
    });
    const { tickets } = await merchantTickets(db, intruder).list();
    expect(tickets.map((row) => row.id)).not.toContain(ticket.id);
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it("reopens a closed ticket when the merchant replies", async () => {
    const shop = uniqueShop();
    const { ticket } = await merchantTickets(db, shop).create(newTicket());
    await db.ticket.update({ where: { id: ticket.id }, data: { status: "closed", closedAt: new Date() } });
    expect((await merchantTickets(db, shop).get(ticket.id))?.status).toBe("closed");
    await merchantTickets(db, shop).reply(ticket.id, "It happened again today.");
    const reopened = await merchantTickets(db, shop).get(ticket.id);
    expect(reopened?.status).toBe("in_progress");
    expect(reopened?.messages.map((message) => message.body)).toEqual(["It happened again today."]);
  });

  it("pages the log newest first without skipping or repeating tickets", async () => {
    const shop = uniqueShop();
    const created: number[] = [];
    for (let index = 0; index < 25; index++)
      created.push((await merchantTickets(db, shop).create(newTicket())).ticket.number);
    const first = await merchantTickets(db, shop).list();
    const second = await merchantTickets(db, shop).list({ cursor: first.nextCursor });
    expect(first.tickets).toHaveLength(20);
    expect(second.tickets).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.tickets, ...second.tickets].map((ticket) => ticket.number);
    expect(seen).toEqual([...created].reverse());
  });

  it("filters the log by number, status and creation date", async () => {
    const shop = uniqueShop();
    const store = merchantTickets(db, shop);
    const { ticket: a } = await store.create(newTicket());
    const { ticket: b } = await store.create(newTicket());
    await db.ticket.update({
      where: { id: b.id },
      data: { status: "resolved", createdAt: new Date("2026-01-15T10:00:00Z") },
    });
    expect((await store.list({ number: a.number })).tickets.map((t) => t.id)).toEqual([a.id]);
    expect((await store.list({ status: "closed" })).tickets.map((t) => t.id)).toEqual([b.id]);
    expect((await store.list({ status: "sent" })).tickets.map((t) => t.id)).toEqual([a.id]);
    const january = await store.list({
      createdFrom: new Date("2026-01-15T00:00:00Z"),
      createdBefore: new Date("2026-01-16T00:00:00Z"),
    });
    expect(january.tickets.map((t) => t.id)).toEqual([b.id]);
  });

  it("says whose turn it is: SPL waiting on the merchant is news until the merchant opens the ticket", async () => {
    const shop = uniqueShop();
    const store = merchantTickets(db, shop);
    const agent = await createTestAgent(db, "Ana Rossi");
    const { ticket } = await store.create(newTicket());
    const { ticket: quiet } = await store.create(newTicket());

    expect(await agentTickets(db).setStatus(agent, ticket.id, "pending_merchant")).toMatchObject({
      ok: true,
    });
    expect((await store.list()).tickets.map(({ id, status, unread }) => ({ id, status, unread }))).toEqual([
      { id: quiet.id, status: "sent", unread: false },
      { id: ticket.id, status: "awaiting_reply", unread: true },
    ]);
    expect(await store.unreadCount()).toBe(1);
    // Another shop cannot mark it read.
    await merchantTickets(db, uniqueShop("other")).markRead(ticket.id);
    expect(await store.unreadCount()).toBe(1);

    await store.markRead(ticket.id);
    expect(await store.get(ticket.id)).toMatchObject({ status: "awaiting_reply", unread: false });
    expect(await store.unreadCount()).toBe(0);
  });

  it("tells the assigned agent, or else the team inbox, when the merchant replies, with a console link", async () => {
    const shop = uniqueShop();
    const store = merchantTickets(db, shop);
    const agent = await createTestAgent(db, "Ana Rossi");
    const { ticket: unassigned } = await store.create(newTicket());
    const { ticket: assigned } = await store.create(newTicket());
    await agentTickets(db).assign(agent, assigned.id, agent.id);
    await agentTickets(db).reply(agent, assigned.id, "Which order is it?");

    await store.reply(unassigned.id, "Still nothing from TikTok.");
    await store.reply(assigned.id, "Order #1042.");

    const replies = await db.outboxEmail.findMany({ where: { shop, subject: { contains: "replied on" } } });
    expect(replies.map(({ toAddress, body }) => ({ toAddress, body }))).toEqual(
      expect.arrayContaining([
        {
          toAddress: TEST_CONFIG.SPL_SUPPORT_INBOX,
          body: expect.stringContaining(`/agent/tickets/${unassigned.id}`),
        },
        { toAddress: agent.email, body: expect.stringContaining(`/agent/tickets/${assigned.id}`) },
      ]),
    );
    expect(replies).toHaveLength(2);
    // Answering reads the agent's reply.
    expect(await store.unreadCount()).toBe(0);
  });

  it("emails the merchant when SPL resolves the ticket, with the link that opens it in Shopify admin", async () => {
    const shop = uniqueShop();
    const agent = await createTestAgent(db, "Ana Rossi");
    const { ticket } = await merchantTickets(db, shop).create(newTicket({ locale: "it" }));
    await agentTickets(db).setStatus(agent, ticket.id, "resolved");
    const [email] = await db.outboxEmail.findMany({ where: { shop, subject: { contains: "risolto" } } });
    expect(email).toMatchObject({ toAddress: "owner@example.com" });
    expect(email!.body).toContain(`/apps/${TEST_CONFIG.SHOPIFY_API_KEY}/app/support/tickets/${ticket.id}`);
    expect(await merchantTickets(db, shop).get(ticket.id)).toMatchObject({ status: "closed", unread: true });
  });
});
