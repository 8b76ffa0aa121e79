import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { supportDashboard } from "~/agent/dashboard.server";
import type { Db } from "~/db.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import type { TicketStatus } from "~/support/tickets/status";
import { newTicket } from "../helpers/tickets";
import { isolatedDatabase } from "./agent-helpers";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const noon = Date.parse(new Date().toISOString().slice(0, 10)) + 12 * HOUR;
const at = (daysAgo: number, hour: number) => new Date(noon - 12 * HOUR - daysAgo * DAY + hour * HOUR);
const dayOf = (daysAgo: number) => new Date(noon - daysAgo * DAY).toISOString().slice(0, 10);

let db: Db;
let close: () => Promise<void>;

async function ticket(fields: {
  category: "order_sync" | "shipping";
  status: TicketStatus;
  createdAt: Date;
  firstAgentReplyAt?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
}) {
  const { ticket: created } = await merchantTickets(db, "dash.myshopify.com").create(
    newTicket({ category: fields.category }),
  );
  const { category: _category, ...dates } = fields;
  await db.ticket.update({
    where: { id: created.id },
    data: { ...dates, lastActivityAt: fields.createdAt },
  });
  return created.number;
}

beforeAll(async () => {
  ({ db, close } = await isolatedDatabase());
}, 120_000);
afterAll(() => close?.());

describe("the support dashboard", () => {
  it("counts tickets per day, category and route, the guide share, median times and who waits longest", async () => {
    const resolvedQuickly = await ticket({
      category: "order_sync",
      status: "resolved",
      createdAt: at(2, 10),
      firstAgentReplyAt: at(2, 11),
      resolvedAt: at(2, 15),
    });
    await ticket({
      category: "order_sync",
      status: "closed",
      createdAt: at(1, 9),
      firstAgentReplyAt: at(1, 12),
      closedAt: at(0, 9),
    });
    const waitingToday = await ticket({ category: "order_sync", status: "new", createdAt: at(0, 8) });
    const shippingOpen = await ticket({ category: "shipping", status: "open", createdAt: at(1, 7) });
    const forgotten = await ticket({ category: "order_sync", status: "new", createdAt: at(40, 10) });
    await db.guideVisit.createMany({
      data: [
        { shop: "dash.myshopify.com", category: "payout", createdAt: at(0, 9) },
        { shop: "dash.myshopify.com", category: "shipping", createdAt: at(3, 9) },
        { shop: "dash.myshopify.com", category: "general", createdAt: at(6, 1) },
        { shop: "dash.myshopify.com", category: "general", createdAt: at(9, 1) },
      ],
    });

    const dashboard = await supportDashboard(db, { days: 7, now: new Date(noon) });
    expect(dashboard.days).toHaveLength(7);
    expect(dashboard.days.at(-1)).toEqual({ day: dayOf(0), opened: 1, closed: 1 });
    expect(dashboard.days.at(-2)).toEqual({ day: dayOf(1), opened: 2, closed: 0 });
    expect(dashboard.days.at(-3)).toEqual({ day: dayOf(2), opened: 1, closed: 1 });
    expect(dashboard.days.slice(0, 4).every((day) => day.opened === 0 && day.closed === 0)).toBe(true);
    expect(dashboard.ticketsOpened).toBe(4);
    expect(dashboard.ticketsClosed).toBe(2);
    expect(dashboard.byCategory.find((row) => row.category === "order_sync")?.tickets).toBe(3);
    expect(dashboard.byCategory.find((row) => row.category === "shipping")?.tickets).toBe(1);
    expect(dashboard.guideVisits).toBe(3);
    expect(dashboard.guideShare).toBeCloseTo(3 / 7);
    expect(dashboard.medianFirstReplyMs).toBeCloseTo(2 * HOUR, -3);
    expect(dashboard.medianCloseMs).toBeCloseTo(14.5 * HOUR, -3);
    expect(dashboard.oldestUnanswered.map((row) => row.number)).toEqual([
      forgotten,
      shippingOpen,
      waitingToday,
    ]);
    expect(dashboard.oldestUnanswered.map((row) => row.number)).not.toContain(resolvedQuickly);

    const month = await supportDashboard(db, { days: 30, now: new Date(noon) });
    expect(month.ticketsOpened).toBe(4);
    expect(month.guideVisits).toBe(4);
    const quarter = await supportDashboard(db, { days: 90, now: new Date(noon) });
    expect(quarter.ticketsOpened).toBe(5);
    expect(quarter.medianFirstReplyMs).toBeCloseTo(2 * HOUR, -3);
  });

  it("shows nothing rather than failing on an empty period", async () => {
    const empty = await supportDashboard(db, { days: 7, now: new Date(noon + 400 * DAY) });
    expect(empty.ticketsOpened).toBe(0);
    expect(empty.guideShare).toBeNull();
    expect(empty.medianFirstReplyMs).toBeNull();
    expect(empty.medianCloseMs).toBeNull();
  });
});
