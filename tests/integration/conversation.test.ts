import { describe, expect, it } from "vitest";
import { agentTickets } from "~/agent/agent-tickets.server";
import { ticketPresence, STALE_AFTER_MS } from "~/agent/presence.server";
import { agentQueue } from "~/agent/queue.server";
import { db } from "~/db.server";
import { databaseKind } from "~/db-url";
import { loader as agentAttachment } from "~/routes/agent.attachments.$id";
import { loader as agentTicketLoader } from "~/routes/agent.tickets.$id";
import { action as presenceAction } from "~/routes/agent.tickets.$id.presence";
import { action as agentMultipart } from "~/routes/agent.tickets.$id.reply";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { DEMO_SHOP } from "../../preview/demo-shops";
import { adminDataRequest, installShop, respond, uniqueShop } from "../helpers/shopify";
import { PNG_BYTES, newTicket } from "../helpers/tickets";
import { ORIGIN, agentRequest, call, createTestAgent, signedIn } from "./agent-helpers";

const ticketPage = await import("~/routes/app.support.tickets.$id");
const merchantAttachment = await import("~/routes/app.support.attachments.$id");

const SHOP = DEMO_SHOP.domain;
await installShop(db, SHOP);

const NOT_AN_IMAGE = new TextEncoder().encode("#!/bin/sh\necho not an image");

async function demoTicket(overrides: Parameters<typeof newTicket>[0] = {}) {
  const { ticket } = await merchantTickets(db, SHOP).create(
    newTicket({ shopName: "Demo Shop", ...overrides }),
  );
  return ticket;
}

/** A post from the merchant's ticket page, as App Bridge sends it (session token, urlencoded or multipart). */
async function merchantPost(ticketId: string, body: URLSearchParams | FormData, shop = SHOP) {
  const response = await respond(
    ticketPage.action,
    await adminDataRequest(`/app/support/tickets/${ticketId}`, shop, { method: "POST", body }),
    { id: ticketId },
  );
  return { status: response.status, body: await response.json() };
}

function multipart(fields: Record<string, string>, files: { name: string; bytes: Uint8Array }[] = []) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const file of files) form.append("attachments", new Blob([Buffer.from(file.bytes)]), file.name);
  return form;
}

/** An agent's note or reply with files, posted as the ticket page does: multipart to its /reply path. */
async function agentMultipartPost(
  agentId: string,
  ticketId: string,
  fields: Record<string, string>,
  files: { name: string; bytes: Uint8Array }[],
) {
  const { cookie, csrf } = await signedIn(db, agentId);
  const request = new Request(`${ORIGIN}/agent/tickets/${ticketId}/reply`, {
    method: "POST",
    body: multipart({ ...fields, csrf }, files),
    headers: { Cookie: cookie, Origin: ORIGIN },
  });
  return call(agentMultipart, request, { id: ticketId });
}

async function merchantDownload(attachmentId: string, shop = SHOP) {
  return respond(
    merchantAttachment.loader,
    await adminDataRequest(`/app/support/attachments/${attachmentId}`, shop),
    { id: attachmentId },
  );
}

async function agentDownload(agentId: string, attachmentId: string) {
  const { cookie } = await signedIn(db, agentId);
  return call(agentAttachment, agentRequest(`/agent/attachments/${attachmentId}`, { cookie }), {
    id: attachmentId,
  });
}

describe("the satisfaction question", () => {
  it("is asked once a ticket is resolved, answered once, and the agents see the answer and when", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ticket = await demoTicket({ contactEmail: "rate-me@example.com" });
    expect((await merchantTickets(db, SHOP).get(ticket.id))!.satisfaction).toEqual({
      open: false,
      answer: null,
      comment: null,
    });
    await agentTickets(db).setStatus(ana, ticket.id, "resolved");
    expect((await merchantTickets(db, SHOP).get(ticket.id))!.satisfaction.open).toBe(true);

    // The resolution email asks the question and links to the ticket where it is answered.
    const email = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: "rate-me@example.com", subject: { contains: "is resolved" } },
    });
    expect(email.body).toContain("Did this solve your problem?");
    expect(email.body).toContain(`/app/support/tickets/${ticket.id}`);

    const answered = await merchantPost(
      ticket.id,
      new URLSearchParams({ intent: "satisfaction", rating: "not_good", comment: "Orders still missing." }),
    );
    expect(answered).toMatchObject({ status: 200, body: { ok: true } });
    const stored = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(stored).toMatchObject({ satisfaction: "not_good", satisfactionComment: "Orders still missing." });
    expect(stored.satisfactionAt).toBeInstanceOf(Date);
    expect((await merchantTickets(db, SHOP).get(ticket.id))!.satisfaction).toEqual({
      open: false,
      answer: "not_good",
      comment: "Orders still missing.",
    });

    // A second answer (another tab, a double submit) changes nothing.
    const again = await merchantPost(
      ticket.id,
      new URLSearchParams({ intent: "satisfaction", rating: "good" }),
    );
    expect(again).toMatchObject({
      status: 409,
      body: { ok: false, errors: { rating: "satisfaction.closed" } },
    });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).satisfaction).toBe("not_good");

    const view = await agentTickets(db).get(ticket.id);
    expect(view!.satisfaction).toMatchObject({ answer: "not_good", comment: "Orders still missing." });
    expect(view!.events.at(-1)).toMatchObject({
      action: "satisfaction",
      actorType: "merchant",
      toValue: "not_good",
    });
  });

  it("is not asked before resolution, and another shop cannot answer it", async () => {
    const ticket = await demoTicket();
    const early = await merchantPost(
      ticket.id,
      new URLSearchParams({ intent: "satisfaction", rating: "good" }),
    );
    expect(early.status).toBe(409);

    const ana = await createTestAgent(db, "Ana");
    await agentTickets(db).setStatus(ana, ticket.id, "resolved");
    const otherShop = uniqueShop();
    await installShop(db, otherShop);
    const stranger = await merchantPost(
      ticket.id,
      new URLSearchParams({ intent: "satisfaction", rating: "good" }),
      otherShop,
    );
    expect(stranger.status).toBe(404);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).satisfaction).toBeNull();
  });

  it("names a missing answer or a comment too long and keeps what was typed", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ticket = await demoTicket();
    await agentTickets(db).setStatus(ana, ticket.id, "resolved");
    const missing = await merchantPost(
      ticket.id,
      new URLSearchParams({ intent: "satisfaction", comment: "Quick answer, thanks" }),
    );
    expect(missing).toMatchObject({
      status: 422,
      body: { errors: { rating: "errors.satisfactionRating" }, sent: { comment: "Quick answer, thanks" } },
    });
    const long = await merchantPost(
      ticket.id,
      new URLSearchParams({ intent: "satisfaction", rating: "good", comment: "x".repeat(1_001) }),
    );
    expect(long).toMatchObject({
      status: 422,
      body: { errors: { comment: "errors.satisfactionCommentLong" } },
    });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).satisfaction).toBeNull();
  });
});

describe("the agents' read state", () => {
  const queueRow = async (shop: string, id: string) =>
    (await agentQueue(db).page({ sort: "created_desc", shop })).tickets.find((row) => row.id === id);

  it("is unread on creation and on every merchant reply, and read once an agent's page says it showed it", async () => {
    const ana = await createTestAgent(db, "Ana");
    const shop = uniqueShop();
    const { ticket } = await merchantTickets(db, shop).create(newTicket());
    expect(await queueRow(shop, ticket.id)).toMatchObject({ unread: true });

    // Opening the page reads nothing by itself: loaders never write.
    const { cookie, csrf } = await signedIn(db, ana.id);
    const page = await call(agentTicketLoader, agentRequest(`/agent/tickets/${ticket.id}`, { cookie }), {
      id: ticket.id,
    });
    expect(page).toMatchObject({ status: 200, body: { ticket: { unread: true } } });
    expect(await queueRow(shop, ticket.id)).toMatchObject({ unread: true });

    const readPost = (seenMessages: number) =>
      call(
        presenceAction,
        agentRequest(`/agent/tickets/${ticket.id}/presence`, {
          cookie,
          form: { read: "true", seenMessages: String(seenMessages), csrf },
        }),
        { id: ticket.id },
      );
    expect(await readPost(0)).toMatchObject({ status: 200, body: { read: true } });
    expect(await queueRow(shop, ticket.id)).toMatchObject({ unread: false });

    // An agent's reply is not news for the agents; the merchant's answer is.
    await agentTickets(db).reply(ana, ticket.id, "Which order is missing?");
    expect(await queueRow(shop, ticket.id)).toMatchObject({ unread: false });
    await merchantTickets(db, shop).reply(ticket.id, "Order #1001.");
    expect(await queueRow(shop, ticket.id)).toMatchObject({ unread: true });

    // A page that loaded before that reply has not shown it: its report leaves the ticket unread.
    expect(await readPost(1)).toMatchObject({ status: 200, body: { read: false } });
    expect(await queueRow(shop, ticket.id)).toMatchObject({ unread: true });
    expect(await readPost(2)).toMatchObject({ body: { read: true } });
    expect(await queueRow(shop, ticket.id)).toMatchObject({ unread: false });
  });

  it("refuses a read report without the session's token", async () => {
    const ana = await createTestAgent(db, "Ana");
    const { ticket } = await merchantTickets(db, uniqueShop()).create(newTicket());
    const { cookie } = await signedIn(db, ana.id);
    const forged = await call(
      presenceAction,
      agentRequest(`/agent/tickets/${ticket.id}/presence`, { cookie, form: { read: "true", csrf: "guess" } }),
      { id: ticket.id },
    );
    expect(forged.status).toBe(403);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).agentUnread).toBe(true);
  });
});

describe("files on merchant replies and on internal notes", () => {
  it("keeps a note's file for agents: the merchant's ticket does not list it and its address answers 404", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ticket = await demoTicket();
    const noted = await agentMultipartPost(
      ana.id,
      ticket.id,
      { intent: "note", body: "Merchant's invoice, for us only." },
      [{ name: "invoice.png", bytes: PNG_BYTES }],
    );
    expect(noted.status).toBe(200);

    const note = await db.internalNote.findFirstOrThrow({
      where: { ticketId: ticket.id },
      include: { attachments: true },
    });
    expect(note.attachments).toHaveLength(1);
    const file = note.attachments[0]!;
    expect(file).toMatchObject({ filename: "invoice.png", noteId: note.id, messageId: null, shop: SHOP });

    const merchantView = await merchantTickets(db, SHOP).get(ticket.id);
    expect(merchantView!.attachments.map((attachment) => attachment.id)).not.toContain(file.id);
    expect((await merchantDownload(file.id)).status).toBe(404);

    const agentView = await agentTickets(db).get(ticket.id);
    expect(agentView!.attachments.map((attachment) => attachment.id)).not.toContain(file.id);
    expect(agentView!.notes[0]!.attachments).toMatchObject([{ id: file.id, filename: "invoice.png" }]);
    const download = await agentDownload(ana.id, file.id);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toContain("invoice.png");
  });

  it("checks a note's files like the ticket form's, and adds no note when one is refused", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ticket = await demoTicket();
    const refused = await agentMultipartPost(ana.id, ticket.id, { intent: "note", body: "See the file." }, [
      { name: "looks.png", bytes: NOT_AN_IMAGE },
    ]);
    expect(refused).toMatchObject({ status: 422, body: { error: "attachments.unsupported_type" } });
    expect(await db.internalNote.count({ where: { ticketId: ticket.id } })).toBe(0);
    expect(await db.attachment.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it("stores a merchant reply's file with the message; the agent downloads it byte for byte", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ticket = await demoTicket();
    const sent = await merchantPost(
      ticket.id,
      multipart({ intent: "reply", body: "Here is the error I see." }, [
        { name: "error.png", bytes: PNG_BYTES },
      ]),
    );
    expect(sent).toMatchObject({ status: 200, body: { ok: true } });

    const view = await merchantTickets(db, SHOP).get(ticket.id);
    const message = view!.messages.at(-1)!;
    expect(message).toMatchObject({ authorType: "merchant", body: "Here is the error I see." });
    const file = view!.attachments.find((attachment) => attachment.messageId === message.id)!;
    expect(file).toMatchObject({ filename: "error.png", contentType: "image/png" });

    const { cookie } = await signedIn(db, ana.id);
    const download = (await agentAttachment({
      request: agentRequest(`/agent/attachments/${file.id}`, { cookie }),
      params: { id: file.id },
      context: {},
    })) as Response;
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(Buffer.from(PNG_BYTES));
    expect((await merchantDownload(file.id)).status).toBe(200);
    const otherShop = uniqueShop();
    await installShop(db, otherShop);
    expect((await merchantDownload(file.id, otherShop)).status).toBe(404);
  });

  it("refuses a merchant reply's file by its content, says which and why, keeps the text and sends nothing", async () => {
    const ticket = await demoTicket();
    const refused = await merchantPost(
      ticket.id,
      multipart({ intent: "reply", body: "My screenshot." }, [{ name: "shot.png", bytes: NOT_AN_IMAGE }]),
    );
    expect(refused).toMatchObject({
      status: 422,
      body: {
        ok: false,
        attachmentProblem: { problem: "unsupported_type", filename: "shot.png" },
        sent: { body: "My screenshot." },
      },
    });
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it("sends an agent's reply with its file after the 'new message' warning is answered", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ticket = await demoTicket();
    await merchantTickets(db, SHOP).reply(ticket.id, "Anything new?");
    const fields = { intent: "reply", body: "See the attached settings.", seenMessages: "0" };
    const warned = await agentMultipartPost(ana.id, ticket.id, fields, [
      { name: "settings.png", bytes: PNG_BYTES },
    ]);
    expect(warned).toMatchObject({ status: 409, body: { error: "presence.missed" } });
    const anyway = await agentMultipartPost(ana.id, ticket.id, { ...fields, confirmed: "true" }, [
      { name: "settings.png", bytes: PNG_BYTES },
    ]);
    expect(anyway.status).toBe(200);
    const message = await db.message.findFirstOrThrow({
      where: { ticketId: ticket.id, authorType: "agent" },
      include: { attachments: true },
    });
    expect(message.attachments.map((file) => file.filename)).toEqual(["settings.png"]);
  });
});

describe("sending the TikTok guide", () => {
  it("is one change: category, reply and resolution with their three audit events and two emails", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ticket = await demoTicket({ category: "order_sync", contactEmail: "guide-once@example.com" });
    expect(await agentTickets(db).sendGuide(ana, ticket.id, "payout")).toEqual({ ok: true, changed: true });
    const events = await db.auditEvent.findMany({
      where: { ticketId: ticket.id, actorType: "agent" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(events.map(({ action, fromValue, toValue }) => ({ action, fromValue, toValue }))).toEqual([
      { action: "category", fromValue: "order_sync", toValue: "payout" },
      { action: "reply", fromValue: null, toValue: null },
      { action: "status", fromValue: "new", toValue: "resolved" },
    ]);
    const emails = await db.outboxEmail.findMany({ where: { toAddress: "guide-once@example.com" } });
    // The receipt from creation, the guide itself and the resolution with its question.
    expect(emails.map((email) => email.subject)).toHaveLength(3);
    expect(await agentTickets(db).sendGuide(ana, ticket.id, "payout")).toEqual({
      ok: false,
      error: "transition",
    });
  });

  it("leaves the ticket as it was when a step in the middle fails: no category, reply, status, audit or email", async () => {
    const ana = await createTestAgent(db, "Ana");
    const ticket = await demoTicket({ category: "order_sync", contactEmail: "guide-fails@example.com" });
    const before = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    const auditBefore = await db.auditEvent.count({ where: { ticketId: ticket.id } });
    const emailsBefore = await db.outboxEmail.count({ where: { toAddress: "guide-fails@example.com" } });

    // The database refuses the reply's row for this ticket: the category was already changed by then.
    const trigger = await refuseMessagesFor(ticket.id);
    try {
      await expect(agentTickets(db).sendGuide(ana, ticket.id, "payout")).rejects.toThrow();
    } finally {
      await trigger.drop();
    }

    const after = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after).toMatchObject({
      category: "order_sync",
      status: before.status,
      resolvedAt: null,
      merchantUnread: before.merchantUnread,
    });
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { ticketId: ticket.id } })).toBe(auditBefore);
    expect(await db.outboxEmail.count({ where: { toAddress: "guide-fails@example.com" } })).toBe(
      emailsBefore,
    );
    expect(await db.triageLabel.count({ where: { ticketId: ticket.id } })).toBe(0);

    // With the database answering again, the same action goes through whole.
    expect(await agentTickets(db).sendGuide(ana, ticket.id, "payout")).toEqual({ ok: true, changed: true });
  });
});

/** A database trigger that refuses new messages on one ticket, on SQLite or PostgreSQL. */
async function refuseMessagesFor(ticketId: string) {
  const name = `refuse_${ticketId.replace(/\W/g, "")}`;
  if (databaseKind(process.env.DATABASE_URL ?? "") === "postgresql") {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "Message" FOR EACH ROW WHEN (NEW."ticketId" = '${ticketId}') EXECUTE FUNCTION ${name}()`,
    );
    return {
      drop: async () => {
        await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "Message"`);
        await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
      },
    };
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE INSERT ON "Message" WHEN NEW."ticketId" = '${ticketId}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
  );
  return { drop: () => db.$executeRawUnsafe(`DROP TRIGGER ${name}`).then(() => undefined) };
}

describe("who is on a ticket", () => {
  it("forgets agents whose page stopped reporting, on every ticket, when anyone reports", async () => {
    const ana = await createTestAgent(db, "Ana");
    const bea = await createTestAgent(db, "Bea");
    const first = await demoTicket();
    const second = await demoTicket();
    const now = new Date();
    await db.ticketPresence.createMany({
      data: [
        {
          ticketId: second.id,
          agentId: bea.id,
          replying: false,
          seenAt: new Date(now.getTime() - STALE_AFTER_MS - 1_000),
        },
        { ticketId: first.id, agentId: bea.id, replying: true, seenAt: new Date(now.getTime() - 1_000) },
      ],
    });
    const others = await ticketPresence(db).report(first.id, ana.id, false, now);
    expect(others).toEqual([{ id: bea.id, name: "Bea", replying: true }]);
    const rows = await db.ticketPresence.findMany({ where: { agentId: { in: [ana.id, bea.id] } } });
    expect(rows.map((row) => `${row.ticketId}:${row.agentId}`).sort()).toEqual(
      [`${first.id}:${ana.id}`, `${first.id}:${bea.id}`].sort(),
    );
  });
});
