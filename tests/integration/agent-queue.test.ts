import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentTickets } from "~/agent/agent-tickets.server";
import { queueFilterFrom, queueParamsSchema, type QueueFilter } from "~/agent/queue-params";
import { STATUS_COUNT_CAP, agentQueue } from "~/agent/queue.server";
import type { Db } from "~/db.server";
import { loader as queueLoader } from "~/routes/agent._index";
import { db as sharedDb } from "~/db.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { newTicket } from "../helpers/tickets";
import { agentRequest, call, createTestAgent, isolatedDatabase, signedIn } from "./agent-helpers";

const DAY = 24 * 60 * 60 * 1000;
let db: Db;
let close: () => Promise<void>;
let ana: { id: string; name: string };
let ben: { id: string; name: string };
const numbers: Record<string, number> = {};

/** Tickets with known shops, statuses, categories, ages and assignees, in a database of their own. */
beforeAll(async () => {
  ({ db, close } = await isolatedDatabase());
  ana = await createTestAgent(db, "Ana");
  ben = await createTestAgent(db, "Ben");
  const now = Date.now();
  const specs = [
    {
      key: "alpha-1",
      shop: "alpha.myshopify.com",
      category: "order_sync",
      days: 40,
      text: "Orders from TikTok are missing since Monday",
      orderId: "#1001",
    },
    {
      key: "alpha-2",
      shop: "alpha.myshopify.com",
      category: "product_sync",
      days: 10,
      text: "Sync failed on the blue hoodie variants",
    },
    {
      key: "alpha-3",
      shop: "alpha.myshopify.com",
      category: "order_sync",
      days: 3,
      text: "Duplicate orders arriving twice",
      orderId: "TT-5764614131",
    },
    {
      key: "beta-1",
      shop: "beta.myshopify.com",
      category: "connection",
      days: 5,
      text: "Cannot reconnect my TikTok shop, authorization expired",
    },
    {
      key: "beta-2",
      shop: "beta.myshopify.com",
      category: "order_sync",
      days: 0.5,
      text: "Tracking numbers not reaching TikTok 100%_done",
    },
    {
      key: "gamma-1",
      shop: "gamma.myshopify.com",
      category: "app_setup",
      days: 2,
      text: "Billing question about the SPL plan",
    },
    {
      key: "gamma-2",
      shop: "gamma.myshopify.com",
      category: "order_sync",
      days: 0.1,
      text: "Orders missing again, the same as last week",
    },
  ] as const;
  for (const spec of specs) {
    const { ticket } = await merchantTickets(db, spec.shop).create(
      newTicket({
        category: spec.category,
        description: spec.text,
        shopName: spec.shop.split(".")[0]!,
        ...("orderId" in spec ? { orderId: spec.orderId } : {}),
      }),
    );
    const at = new Date(now - spec.days * DAY);
    await db.ticket.update({ where: { id: ticket.id }, data: { createdAt: at, lastActivityAt: at } });
    numbers[spec.key] = ticket.number;
  }
  const idOf = async (key: string) =>
    (await db.ticket.findUniqueOrThrow({ where: { number: numbers[key]! } })).id;
  const work = agentTickets(db);
  await work.assign(ana, await idOf("alpha-1"), ana.id);
  await work.assign(ana, await idOf("beta-1"), ana.id);
  await work.assign(ben, await idOf("gamma-1"), ben.id);
  await work.reply(ana, await idOf("beta-1"), "We renewed the authorization token for you");
  await work.setStatus(ana, await idOf("alpha-1"), "resolved");
  await work.setStatus(ben, await idOf("gamma-1"), "closed");
}, 120_000);

afterAll(() => close?.());

const keysOf = (numbersShown: number[]) =>
  numbersShown.map((number) => Object.keys(numbers).find((key) => numbers[key] === number));
async function shown(filter: Partial<QueueFilter>) {
  const page = await agentQueue(db).page({ sort: "created_desc", ...filter });
  return keysOf(page.tickets.map((ticket) => ticket.number));
}

describe("the agents' queue", () => {
  it("lists every shop's tickets newest first, with each single filter", async () => {
    expect(await shown({})).toEqual([
      "gamma-2",
      "beta-2",
      "gamma-1",
      "alpha-3",
      "beta-1",
      "alpha-2",
      "alpha-1",
    ]);
    expect(await shown({ status: "new" })).toEqual(["gamma-2", "beta-2", "alpha-3", "alpha-2"]);
    expect(await shown({ status: "pending_merchant" })).toEqual(["beta-1"]);
    expect(await shown({ category: "order_sync" })).toEqual(["gamma-2", "beta-2", "alpha-3", "alpha-1"]);
    expect(await shown({ shop: "alpha.myshopify.com" })).toEqual(["alpha-3", "alpha-2", "alpha-1"]);
    expect(await shown({ assignee: { kind: "agent", id: ana.id } })).toEqual(["beta-1", "alpha-1"]);
    expect(await shown({ assignee: { kind: "unassigned" } })).toEqual([
      "gamma-2",
      "beta-2",
      "alpha-3",
      "alpha-2",
    ]);
    expect(await shown({ createdFrom: new Date(Date.now() - DAY) })).toEqual(["gamma-2", "beta-2"]);
    expect(await shown({ createdBefore: new Date(Date.now() - 7 * DAY) })).toEqual(["alpha-2", "alpha-1"]);
  });

  it("sorts by age and by last activity", async () => {
    expect(await shown({ sort: "created_asc" })).toEqual([
      "alpha-1",
      "alpha-2",
      "beta-1",
      "alpha-3",
      "gamma-1",
      "beta-2",
      "gamma-2",
    ]);
    // beta-1 got a reply just now: it is the most recently active.
    expect((await shown({ sort: "activity_desc" }))[0]).toBe("beta-1");
    expect((await shown({ sort: "activity_asc" })).at(-1)).toBe("beta-1");
  });

  it("turns the saved views and URL params into filters", async () => {
    const filterOf = (query: string) =>
      queueFilterFrom(queueParamsSchema.parse(Object.fromEntries(new URLSearchParams(query))), ana.id);
    expect(await shown(filterOf("view=mine"))).toEqual(["beta-1", "alpha-1"]);
    expect(await shown(filterOf("view=unassigned"))).toEqual(["gamma-2", "beta-2", "alpha-3", "alpha-2"]);
    expect(await shown(filterOf("view=waiting"))).toEqual(["beta-1"]);
    expect(await shown(filterOf("shop=beta"))).toEqual(["beta-2", "beta-1"]);
    expect(await shown(filterOf("assignee=me&category=connection"))).toEqual(["beta-1"]);
    expect(await shown(filterOf("age=over_30d"))).toEqual(["alpha-1"]);
    expect(await shown(filterOf("status=bogus&sort=sideways&age=forever"))).toHaveLength(7);
  });

  it("searches ticket numbers, shops, order IDs, descriptions and replies, anywhere in a word", async () => {
    expect(await shown({ searchTerms: ["missing"] })).toEqual(["gamma-2", "alpha-1"]);
    expect(await shown({ searchTerms: ["hood"] })).toEqual(["alpha-2"]);
    expect(await shown({ searchTerms: [`spl-${numbers["alpha-3"]}`] })).toEqual(["alpha-3"]);
    expect(await shown({ searchTerms: ["tt-5764614131"] })).toEqual(["alpha-3"]);
    expect(await shown({ searchTerms: ["#1001"] })).toEqual(["alpha-1"]);
    expect(await shown({ searchTerms: ["gamma.myshopify"] })).toEqual(["gamma-2", "gamma-1"]);
    expect(await shown({ searchTerms: ["authorization", "token"] })).toEqual(["beta-1"]);
    expect(await shown({ searchTerms: ["100%_done"] })).toEqual(["beta-2"]);
    expect(await shown({ searchTerms: ["100%"] })).toEqual(["beta-2"]);
    expect(await shown({ searchTerms: ["0%_d"] })).toEqual(["beta-2"]);
    expect(await shown({ searchTerms: ["nothing-like-this"] })).toEqual([]);
  });

  it("combines search with filters and pages through results by ticket number", async () => {
    expect(await shown({ searchTerms: ["orders"], status: "new" })).toEqual(["gamma-2", "alpha-3"]);
    expect(await shown({ searchTerms: ["orders"], shop: "alpha.myshopify.com" })).toEqual([
      "alpha-3",
      "alpha-1",
    ]);
    expect(await shown({ searchTerms: ["tiktok"], assignee: { kind: "agent", id: ana.id } })).toEqual([
      "beta-1",
      "alpha-1",
    ]);
    expect(await shown({ searchTerms: ["tiktok"], sort: "created_asc" })).toEqual([
      "alpha-1",
      "beta-1",
      "beta-2",
    ]);

    const queue = agentQueue(db);
    const first = await queue.page({ sort: "created_desc", searchTerms: ["tiktok"], limit: 2 });
    expect(keysOf(first.tickets.map((ticket) => ticket.number))).toEqual(["beta-2", "beta-1"]);
    expect(first.previousCursor).toBeNull();
    const second = await queue.page({
      sort: "created_desc",
      searchTerms: ["tiktok"],
      limit: 2,
      after: first.nextCursor!,
    });
    expect(keysOf(second.tickets.map((ticket) => ticket.number))).toEqual(["alpha-1"]);
    expect(second.nextCursor).toBeNull();
    const back = await queue.page({
      sort: "created_desc",
      searchTerms: ["tiktok"],
      limit: 2,
      before: second.previousCursor!,
    });
    expect(keysOf(back.tickets.map((ticket) => ticket.number))).toEqual(["beta-2", "beta-1"]);
  });

  it("keeps the search index in step when a ticket's text changes or it is deleted", async () => {
    const { ticket } = await merchantTickets(db, "delta.myshopify.com").create(
      newTicket({ description: "Inventory stuck at zero" }),
    );
    expect(
      (await agentQueue(db).page({ sort: "created_desc", searchTerms: ["zebra-crossing"] })).tickets,
    ).toHaveLength(0);
    await merchantTickets(db, "delta.myshopify.com").reply(
      ticket.id,
      "Also the zebra-crossing poster is affected",
    );
    expect(
      (await agentQueue(db).page({ sort: "created_desc", searchTerms: ["zebra-crossing"] })).tickets.map(
        (row) => row.id,
      ),
    ).toEqual([ticket.id]);
    await db.ticket.delete({ where: { id: ticket.id } });
    expect(
      (await agentQueue(db).page({ sort: "created_desc", searchTerms: ["zebra-crossing"] })).tickets,
    ).toHaveLength(0);
  });

  it("pages forward and back with cursors, no ticket shown twice or skipped", async () => {
    const queue = agentQueue(db);
    for (const sort of ["created_desc", "created_asc", "activity_desc", "activity_asc"] as const) {
      const all = await shown({ sort });
      const pages: string[][] = [];
      let page = await queue.page({ sort, limit: 3 });
      expect(page.previousCursor).toBeNull();
      pages.push(keysOf(page.tickets.map((ticket) => ticket.number)) as string[]);
      while (page.nextCursor) {
        page = await queue.page({ sort, limit: 3, after: page.nextCursor });
        pages.push(keysOf(page.tickets.map((ticket) => ticket.number)) as string[]);
      }
      expect(pages.map((rows) => rows.length)).toEqual([3, 3, 1]);
      expect(pages.flat()).toEqual(all);
      const previous = await queue.page({ sort, limit: 3, before: page.previousCursor! });
      expect(keysOf(previous.tickets.map((ticket) => ticket.number))).toEqual(pages[1]);
      expect(previous.nextCursor).not.toBeNull();
      expect(previous.previousCursor).not.toBeNull();
    }
  });

  it("counts tickets per status, each count bounded", async () => {
    expect(await agentQueue(db).statusCounts()).toEqual([
      { status: "new", count: 4, capped: false },
      { status: "open", count: 0, capped: false },
      { status: "pending_merchant", count: 1, capped: false },
      { status: "resolved", count: 1, capped: false },
      { status: "closed", count: 1, capped: false },
    ]);
    expect(STATUS_COUNT_CAP).toBe(10_000);
  });
});

describe("the queue page", () => {
  it("gives a signed-in agent the page, the counts and the agents to filter by", async () => {
    const agent = await createTestAgent(sharedDb, "Queue Viewer");
    const { cookie } = await signedIn(sharedDb, agent.id);
    const answer = await call(queueLoader, agentRequest("/agent?view=mine&q=ab", { cookie }));
    expect(answer.status).toBe(200);
    const body = answer.body as {
      page: { tickets: unknown[] };
      counts: unknown[];
      agents: { name: string }[];
      searchTooShort: boolean;
    };
    expect(body.page.tickets).toEqual([]);
    expect(body.counts).toHaveLength(5);
    expect(body.agents.map((row) => row.name)).toContain("Queue Viewer");
    expect(body.searchTooShort).toBe(true);
  });
});
