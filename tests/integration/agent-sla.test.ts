import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "~/agent/agents.server";
import { supportDashboard } from "~/agent/dashboard.server";
import { agentQueue } from "~/agent/queue.server";
import { queueFilterFrom, queueParamsSchema } from "~/agent/queue-params";
import { DEFAULT_SLA_SETTINGS, responseDueAt, type SlaSettings } from "~/agent/sla";
import { readSlaSettings, saveSlaSettings } from "~/agent/sla-settings.server";
import { db as sharedDb, type Db } from "~/db.server";
import { action as slaAction, loader as slaLoader } from "~/routes/agent.admin.sla";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { ticketModule } from "~/support/tickets/tickets.server";
import { newTicket } from "../helpers/tickets";
import {
  ORIGIN,
  PASSWORD,
  agentRequest,
  call,
  createTestAgent,
  isolatedDatabase,
  signedIn,
} from "./agent-helpers";

const SHOP = "sla.myshopify.com";
/** Every day, all day but a minute: business minutes are wall-clock minutes, so due times are easy to read. */
const ALWAYS_OPEN: SlaSettings = {
  ...DEFAULT_SLA_SETTINGS,
  timeZone: "UTC",
  workDays: [1, 2, 3, 4, 5, 6, 7],
  startMinute: 0,
  endMinute: 24 * 60 - 1,
  targets: {
    ...DEFAULT_SLA_SETTINGS.targets,
    connection: { firstMinutes: 60, nextMinutes: 120 },
    order_sync: { firstMinutes: 240, nextMinutes: 480 },
  },
};

let db: Db;
let close: () => Promise<void>;
let agentId: string;

beforeAll(async () => {
  ({ db, close } = await isolatedDatabase());
  await saveSlaSettings(db, ALWAYS_OPEN);
  agentId = (await createTestAgent(db)).id;
}, 120_000);
afterAll(() => close?.());

async function open(category: "connection" | "order_sync" | "payout" = "connection") {
  const { ticket } = await merchantTickets(db, SHOP).create(newTicket({ category }));
  return ticket;
}
const dueOf = async (id: string) =>
  (await db.ticket.findUniqueOrThrow({ where: { id }, select: { responseDueAt: true } })).responseDueAt;

describe("response due times kept by the ticket module", () => {
  it("dates a new ticket's first response from its creation, under its category's target", async () => {
    const ticket = await open("connection");
    expect(await dueOf(ticket.id)).toEqual(
      responseDueAt(ALWAYS_OPEN, "connection", "first", ticket.createdAt),
    );
    const slower = await open("order_sync");
    expect(await dueOf(slower.id)).toEqual(
      responseDueAt(ALWAYS_OPEN, "order_sync", "first", slower.createdAt),
    );
  });

  it("clears the due time when an agent answers, keeping it on the reply, and sets the next one on the merchant's reply", async () => {
    const ticket = await open("connection");
    const firstDue = await dueOf(ticket.id);
    const tickets = ticketModule(db);
    const answered = await tickets.reply({ id: ticket.id }, { type: "agent", agentId }, "Checking now.");
    expect(answered.ok).toBe(true);
    expect(await dueOf(ticket.id)).toBeNull();
    const reply = await db.message.findUniqueOrThrow({
      where: { id: answered.ok ? answered.messageId : "" },
    });
    expect(reply.responseDueAt).toEqual(firstDue);

    const before = Date.now();
    await merchantTickets(db, SHOP).reply(ticket.id, "Still missing.");
    const next = (await dueOf(ticket.id))!;
    // Next-response target: two hours from the merchant's reply.
    expect(next.getTime()).toBeGreaterThanOrEqual(before + 120 * 60_000);
    expect(next.getTime()).toBeLessThanOrEqual(Date.now() + 120 * 60_000 + 60_000);

    // A second message from the merchant does not push SPL's promise back.
    await merchantTickets(db, SHOP).reply(ticket.id, "Any news?");
    expect(await dueOf(ticket.id)).toEqual(next);
  });

  it("has nothing due while the merchant is awaited or the ticket is done, and a due time again on reopening", async () => {
    const ticket = await open("connection");
    const tickets = ticketModule(db);
    await tickets.setStatus(agentId, ticket.id, "pending_merchant");
    expect(await dueOf(ticket.id)).toBeNull();
    await tickets.setStatus(agentId, ticket.id, "resolved");
    expect(await dueOf(ticket.id)).toBeNull();
    const reopened = Date.now();
    await tickets.setStatus(agentId, ticket.id, "open");
    expect((await dueOf(ticket.id))!.getTime()).toBeGreaterThanOrEqual(reopened + 60 * 60_000);
    await tickets.setStatus(agentId, ticket.id, "closed");
    expect(await dueOf(ticket.id)).toBeNull();
  });

  it("recomputes a running due time when the category changes, and leaves no due time where there was none", async () => {
    const ticket = await open("order_sync");
    const tickets = ticketModule(db);
    await tickets.setCategory(agentId, ticket.id, "connection");
    expect(await dueOf(ticket.id)).toEqual(
      responseDueAt(ALWAYS_OPEN, "connection", "first", ticket.createdAt),
    );
    await tickets.setStatus(agentId, ticket.id, "pending_merchant");
    await tickets.setCategory(agentId, ticket.id, "order_sync");
    expect(await dueOf(ticket.id)).toBeNull();
  });
});

describe("response targets on the dashboard and in the queue", () => {
  it("counts the share of responses that met their target, the tickets overdue now and satisfaction", async () => {
    const { db: own, close: closeOwn } = await isolatedDatabase();
    try {
      await saveSlaSettings(own, ALWAYS_OPEN);
      const agent = (await createTestAgent(own)).id;
      const shop = merchantTickets(own, SHOP);
      const tickets = ticketModule(own);
      const late = (await shop.create(newTicket({ category: "connection" }))).ticket;
      const onTime = (await shop.create(newTicket({ category: "connection" }))).ticket;
      const overdue = (await shop.create(newTicket({ category: "connection" }))).ticket;
      // Two tickets whose first response was due an hour ago, as if they had waited since yesterday.
      const anHourAgo = new Date(Date.now() - 60 * 60_000);
      await own.ticket.updateMany({
        where: { id: { in: [late.id, overdue.id] } },
        data: { responseDueAt: anHourAgo },
      });
      await tickets.reply({ id: late.id }, { type: "agent", agentId: agent }, "Sorry for the wait.");
      await tickets.reply({ id: onTime.id }, { type: "agent", agentId: agent }, "Here is the fix.");

      const dashboard = await supportDashboard(own, { days: 7 });
      expect(dashboard.responses).toEqual({ total: 2, met: 1, share: 0.5 });
      expect(dashboard.overdueNow).toBe(1);
      expect(dashboard.satisfaction.total).toBe(0);
      expect(dashboard.satisfaction.goodShare).toBeNull();

      // Merchants answered "Did this solve your problem?" on two of them.
      const answeredAt = new Date();
      await own.ticket.update({
        where: { id: late.id },
        data: { satisfaction: "not_good", satisfactionAt: answeredAt },
      });
      await own.ticket.update({
        where: { id: onTime.id },
        data: { satisfaction: "good", satisfactionAt: answeredAt },
      });
      const rated = await supportDashboard(own, { days: 7 });
      expect(rated.satisfaction).toEqual({ counts: { good: 1, not_good: 1 }, total: 2, goodShare: 0.5 });
    } finally {
      await closeOwn();
    }
  });

  it("sorts by due time with nothing-due tickets last, pages both ways, and shows what breaches soon", async () => {
    const { db: own, close: closeOwn } = await isolatedDatabase();
    try {
      await saveSlaSettings(own, ALWAYS_OPEN);
      const agent = (await createTestAgent(own)).id;
      const shop = merchantTickets(own, SHOP);
      const minutes = (n: number) => new Date(Date.now() + n * 60_000);
      const dues: [string, Date | null][] = [
        ["in 3 h", minutes(180)],
        ["overdue", minutes(-30)],
        ["in 1 h", minutes(60)],
        ["none A", null],
        ["in 5 h", minutes(300)],
        ["none B", null],
      ];
      const names = new Map<string, string>();
      for (const [name, due] of dues) {
        const { ticket } = await shop.create(
          newTicket({ category: "connection", description: `Ticket ${name}` }),
        );
        names.set(ticket.id, name);
        await own.ticket.update({ where: { id: ticket.id }, data: { responseDueAt: due } });
      }
      const queue = agentQueue(own);
      const shown = (page: { tickets: { id: string }[] }) => page.tickets.map((row) => names.get(row.id));
      const all = await queue.page({ sort: "due_asc", limit: 10 });
      expect(shown(all).slice(0, 4)).toEqual(["overdue", "in 1 h", "in 3 h", "in 5 h"]);
      // Then the tickets with nothing due, newest first.
      expect(shown(all).slice(4)).toEqual(["none B", "none A"]);

      // Pages of two: forward through the due ones into the nothing-due tail, and back again.
      const pages: (string | undefined)[][] = [];
      let page = await queue.page({ sort: "due_asc", limit: 2 });
      pages.push(shown(page));
      while (page.nextCursor) {
        page = await queue.page({ sort: "due_asc", limit: 2, after: page.nextCursor });
        pages.push(shown(page));
      }
      expect(pages.flat()).toEqual(shown(all));
      expect(pages).toHaveLength(3);
      const back = await queue.page({ sort: "due_asc", limit: 2, before: page.previousCursor! });
      expect(shown(back)).toEqual(["in 3 h", "in 5 h"]);
      const first = await queue.page({ sort: "due_asc", limit: 2, before: back.previousCursor! });
      expect(shown(first)).toEqual(["overdue", "in 1 h"]);
      expect(first.previousCursor).toBeNull();

      // "Breaching soon": due within two business hours or overdue, soonest first.
      const params = queueParamsSchema.parse({ view: "breaching" });
      const breaching = await queue.page(queueFilterFrom(params, agent, new Date(), ALWAYS_OPEN));
      expect(shown(breaching)).toEqual(["overdue", "in 1 h"]);
      expect(breaching.sort).toBe("due_asc");
    } finally {
      await closeOwn();
    }
  });
});

describe("the response targets page", () => {
  async function account(role: "agent" | "admin") {
    const email = `${role}-${randomUUID()}@spl.example`;
    const created = await createAgent(sharedDb, { email, name: `SLA ${role}`, role, password: PASSWORD });
    if (!created.ok) throw new Error(created.problem);
    return signedIn(sharedDb, created.id);
  }

  function postForm(session: { cookie: string; csrf: string }, fields: [string, string][]) {
    const body = new URLSearchParams([...fields, ["csrf", session.csrf]]);
    return new Request(`${ORIGIN}/agent/admin/sla`, {
      method: "POST",
      body,
      headers: { Cookie: session.cookie, Origin: ORIGIN },
    });
  }

  const validForm = (firstConnection: string): [string, string][] => [
    ["timeZone", "Europe/Rome"],
    ["workDays", "1"],
    ["workDays", "2"],
    ["workDays", "3"],
    ["workDays", "4"],
    ["workDays", "5"],
    ["start", "08:30"],
    ["end", "17:30"],
    ["first.order_sync", "8"],
    ["next.order_sync", "16"],
    ["first.product_sync", "8"],
    ["next.product_sync", "16"],
    ["first.connection", firstConnection],
    ["next.connection", "4"],
    ["first.app_setup", "8"],
    ["next.app_setup", "16"],
  ];

  it("answers 403 to an agent without the admin role, for the page and for a save", async () => {
    const agent = await account("agent");
    expect((await call(slaLoader, agentRequest("/agent/admin/sla", { cookie: agent.cookie }))).status).toBe(
      403,
    );
    const refused = await call(slaAction, postForm(agent, validForm("1")));
    expect(refused.status).toBe(403);
    expect((await readSlaSettings(sharedDb)).targets.connection.firstMinutes).not.toBe(60);
  });

  it("lets an admin change a target, and refuses a bad form naming each field", async () => {
    const admin = await account("admin");
    try {
      const shown = await call(slaLoader, agentRequest("/agent/admin/sla", { cookie: admin.cookie }));
      expect(shown.status).toBe(200);

      const bad = await call(
        slaAction,
        postForm(admin, [
          ...validForm("soon").filter(([name]) => name !== "workDays" && name !== "end"),
          ["end", "07:00"],
        ]),
      );
      expect(bad.status).toBe(422);
      expect((bad.body as { errors: Record<string, string> }).errors).toEqual({
        workDays: "sla.errors.workDays",
        end: "sla.errors.endBeforeStart",
        "first.connection": "sla.errors.hours",
      });

      const saved = await call(slaAction, postForm(admin, validForm("1,5")));
      expect(saved.status).toBe(200);
      const settings = await readSlaSettings(sharedDb);
      expect(settings.targets.connection).toEqual({ firstMinutes: 90, nextMinutes: 240 });
      expect(settings).toMatchObject({ timeZone: "Europe/Rome", startMinute: 510, endMinute: 1050 });
    } finally {
      await sharedDb.slaSettings.deleteMany({ where: { id: "default" } });
    }
  });
});
