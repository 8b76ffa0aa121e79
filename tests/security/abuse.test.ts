import { getHmac } from "@shopify/shopify-api/test-helpers";
import { API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it, vi } from "vitest";
import * as passwords from "~/agent/password.server";
import { db } from "~/db.server";
import { encodeCursor } from "~/support/tickets/cursor";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { DEMO_SHOP } from "../../preview/demo-shops";
import {
  BROWSER_UA,
  adminDataRequest,
  installShop,
  respond,
  sessionToken,
  uniqueShop,
  webhookRequest,
} from "../helpers/shopify";
import { PNG_BYTES, newTicket, ticketForm } from "../helpers/tickets";
import {
  PASSWORD,
  agentRequest,
  call,
  cookiePair,
  createTestAgent,
  signedIn,
} from "../integration/agent-helpers";

// Counts the passwords actually checked, calling the real scrypt check.
vi.mock("~/agent/password.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/agent/password.server")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const signInRoute = await import("~/routes/agent.sign-in");
const agentTicketRoute = await import("~/routes/agent.tickets.$id");
const queueRoute = await import("~/routes/agent._index");
const newTicketRoute = await import("~/routes/app.support.new");
const ticketRoute = await import("~/routes/app.support.tickets.$id");
const logRoute = await import("~/routes/app.support.tickets._index");
const complianceRoute = await import("~/routes/webhooks.compliance");
const uninstalledRoute = await import("~/routes/webhooks.app.uninstalled");
const embeddedRoute = await import("~/routes/app");
const loginRoute = await import("~/routes/auth.login/route");
const merchantAttachmentRoute = await import("~/routes/app.support.attachments.$id");
const agentAttachmentRoute = await import("~/routes/agent.attachments.$id");

await installShop(db, DEMO_SHOP.domain);

async function signInPage() {
  const page = await call(signInRoute.loader, agentRequest("/agent/sign-in"));
  return {
    cookie: cookiePair(page.headers.get("Set-Cookie")),
    csrf: (page.body as { csrfToken: string }).csrfToken,
  };
}

async function signInFrom(address: string, email: string, password: string) {
  const { cookie, csrf } = await signInPage();
  return call(
    signInRoute.action,
    agentRequest("/agent/sign-in", {
      cookie,
      form: { email, password, csrf },
      headers: { "X-Forwarded-For": address },
    }),
  );
}

/** A body that would go on for `total` bytes, counting how much of it was ever read. */
function endlessBody(total: number) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = new Uint8Array(64 * 1024).fill(0x61);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, read: () => sent };
}

const ticketCount = () => db.ticket.count({ where: { shop: DEMO_SHOP.domain } });

describe("sign-in under attack", () => {
  it("checks at most 5 passwords of 25 parallel attempts from one address, and signs nobody in", async () => {
    const agent = await createTestAgent(db);
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const pages = await Promise.all(Array.from({ length: 25 }, () => signInPage()));
    vi.mocked(passwords.verifyPassword).mockClear();
    const answers = await Promise.all(
      pages.map(({ cookie, csrf }, index) =>
        call(
          signInRoute.action,
          agentRequest("/agent/sign-in", {
            cookie,
            form: { email: agent.email, password: index === 24 ? PASSWORD : `wrong ${index}`, csrf },
            headers: { "X-Forwarded-For": address },
          }),
        ),
      ),
    );
    expect(vi.mocked(passwords.verifyPassword).mock.calls.length).toBeLessThanOrEqual(5);
    expect(answers.map((answer) => answer.status)).not.toContain(302);
    expect(answers.at(-1)?.status).toBe(429);
    expect(await db.agentSession.count({ where: { agentId: agent.id } })).toBe(0);
  }, 60_000);

  it("locks the attacking address out of the account, not the agent signing in from elsewhere", async () => {
    const agent = await createTestAgent(db);
    for (let attempt = 0; attempt < 5; attempt += 1) await signInFrom("198.51.100.66", agent.email, "guess");
    expect((await signInFrom("198.51.100.66", agent.email, PASSWORD)).status).toBe(429);
    const fromOffice = await signInFrom("192.0.2.10", agent.email, PASSWORD);
    expect(fromOffice.status).toBe(302);
  }, 60_000);

  it("refuses an oversized sign-in body with 413 before reading it", async () => {
    const { cookie } = await signInPage();
    const body = endlessBody(200 * 1024 * 1024);
    const request = new Request(agentRequest("/agent/sign-in").url, {
      method: "POST",
      body: body.stream,
      duplex: "half",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    } as RequestInit);
    const answer = await call(signInRoute.action, request);
    expect(answer.status).toBe(413);
    expect(String(answer.body)).toMatch(/too large: at most 8 KB/);
    expect(body.read()).toBeLessThan(1024 * 1024);
  });
});

describe("input that does not fit the form", () => {
  it("keeps a ticket whose description, reply and locale hold NUL and control characters, without them", async () => {
    const before = await ticketCount();
    const created = await respond(
      newTicketRoute.action,
      await adminDataRequest("/app/support/new", DEMO_SHOP.domain, {
        method: "POST",
        body: ticketForm({
          description: "Orders\u0000 stopped\u0007 syncing since Monday",
          locale: "x".repeat(60 * 1024),
        }),
      }),
    );
    expect(created.status).toBe(302);
    expect(await ticketCount()).toBe(before + 1);
    const id = /tickets\/(\w+)/.exec(created.headers.get("Location") ?? "")?.[1] ?? "";
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket.description).toBe("Orders stopped syncing since Monday");
    expect(ticket.locale).toBe("en");

    const reply = await respond(
      ticketRoute.action,
      await adminDataRequest(`/app/support/tickets/${id}`, DEMO_SHOP.domain, {
        method: "POST",
        body: new URLSearchParams({ body: "Still\u0000 broken, cafe\u0301" }),
      }),
      { id },
    );
    expect(reply.status).toBe(200);
    const message = await db.message.findFirstOrThrow({ where: { ticketId: id } });
    expect(message.body).toBe("Still broken, caf\u00e9");

    const agent = await createTestAgent(db);
    const session = await signedIn(db, agent.id);
    const note = await call(
      agentTicketRoute.action,
      agentRequest(`/agent/tickets/${id}`, {
        cookie: session.cookie,
        form: { intent: "note", body: "Checked\u0000 the logs", csrf: session.csrf },
      }),
      { id },
    );
    expect(note.status).toBe(200);
    expect((await db.internalNote.findFirstOrThrow({ where: { ticketId: id } })).body).toBe(
      "Checked the logs",
    );

    for (const query of ["q=sync%00ing", "shop=demo%00shop", "q=%00%00%00"]) {
      const queue = await call(
        queueRoute.loader,
        agentRequest(`/agent?${query}`, { cookie: session.cookie }),
      );
      expect(queue.status).toBe(200);
    }
  });

  it("accepts every file name a browser sends", async () => {
    for (const name of ["Screenshot a=b.png", "report;v2.png", 'quote".png', "naïve résumé.png"]) {
      const before = await ticketCount();
      const created = await respond(
        newTicketRoute.action,
        await adminDataRequest("/app/support/new", DEMO_SHOP.domain, {
          method: "POST",
          body: ticketForm({}, [{ name, bytes: PNG_BYTES }]),
        }),
      );
      expect(created.status, name).toBe(302);
      expect(await ticketCount()).toBe(before + 1);
    }
  });

  it("answers 400 with a message to a ticket form that is not multipart, and stores nothing", async () => {
    const before = await ticketCount();
    for (const body of [new URLSearchParams(), new URLSearchParams({ description: "x" }), "not a form"]) {
      const answer = await respond(
        newTicketRoute.action,
        await adminDataRequest("/app/support/new", DEMO_SHOP.domain, { method: "POST", body }),
      );
      expect(answer.status).toBe(400);
      expect(await answer.text()).toMatch(/multipart\/form-data/);
    }
    const broken = await respond(
      newTicketRoute.action,
      await adminDataRequest("/app/support/new", DEMO_SHOP.domain, {
        method: "POST",
        body: '--x\r\nContent-Disposition: form-data; name="description"\r\n\r\nunfinished',
        headers: { "Content-Type": "multipart/form-data; boundary=x" },
      }),
    );
    expect(broken.status).toBe(400);
    expect(await ticketCount()).toBe(before);
  });

  it("answers 400 to a malformed date or page position in the ticket log and the queue", async () => {
    const outOfRange = encodeCursor({ createdAt: new Date(8.64e15), id: "c".repeat(25) });
    for (const query of [
      "from=2024-13-45",
      "to=0000-00-00",
      `cursor=${outOfRange}`,
      "cursor=bm90IGEgY3Vyc29y",
    ]) {
      const answer = await respond(
        logRoute.loader,
        await adminDataRequest(`/app/support/tickets?${query}`, DEMO_SHOP.domain),
      );
      expect(answer.status, query).toBe(400);
      expect(await answer.text()).toMatch(/malformed/);
    }
    const agent = await createTestAgent(db);
    const { cookie } = await signedIn(db, agent.id);
    for (const query of [`after=${outOfRange}`, `before=${outOfRange}`, "after=bm90IGEgY3Vyc29y"]) {
      const answer = await call(queueRoute.loader, agentRequest(`/agent?${query}`, { cookie }));
      expect(answer.status, query).toBe(400);
    }
  });

  it("answers 404 to an id holding a NUL in the URL, on both sides", async () => {
    for (const id of ["\u0000", "a\u0000b"]) {
      const merchantPath = `/app/support/tickets/${encodeURIComponent(id)}`;
      const merchantTicket = await respond(
        ticketRoute.loader,
        await adminDataRequest(merchantPath, DEMO_SHOP.domain),
        { id },
      );
      expect(merchantTicket.status).toBe(404);
      const merchantFile = await respond(
        merchantAttachmentRoute.loader,
        await adminDataRequest(`/app/support/attachments/${encodeURIComponent(id)}`, DEMO_SHOP.domain),
        { id },
      );
      expect(merchantFile.status).toBe(404);
      const agent = await createTestAgent(db);
      const { cookie } = await signedIn(db, agent.id);
      for (const [route, path] of [
        [agentTicketRoute.loader, "/agent/tickets/"],
        [agentAttachmentRoute.loader, "/agent/attachments/"],
      ] as const) {
        const answer = await call(route, agentRequest(`${path}${encodeURIComponent(id)}`, { cookie }), {
          id,
        });
        expect(answer.status, path).toBe(404);
      }
    }
  });

  it("answers 400 to a login form sent as something other than a form", async () => {
    const answer = await respond(
      loginRoute.action,
      new Request("https://my-test-app.myshopify.io/auth/login", {
        method: "POST",
        body: "shop=demo-shop",
        headers: { "Content-Type": "text/plain" },
      }),
    );
    expect(answer.status).toBe(400);
  });

  it("answers 400 to a valid session token opened with a host that is not base64", async () => {
    const token = await sessionToken(DEMO_SHOP.domain);
    const query = new URLSearchParams({ embedded: "1", shop: DEMO_SHOP.domain, host: "x", id_token: token });
    const answer = await respond(
      embeddedRoute.loader,
      new Request(`https://my-test-app.myshopify.io/app?${query}`, { headers: { "User-Agent": BROWSER_UA } }),
    );
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/host parameter/);
  });

  it("refuses an oversized merchant reply with 413, reading no more than its limit", async () => {
    const { ticket } = await merchantTickets(db, DEMO_SHOP.domain).create(newTicket());
    const body = endlessBody(40 * 1024 * 1024);
    const answer = await respond(
      ticketRoute.action,
      await adminDataRequest(`/app/support/tickets/${ticket.id}`, DEMO_SHOP.domain, {
        method: "POST",
        body: body.stream,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        duplex: "half",
      } as RequestInit),
      { id: ticket.id },
    );
    expect(answer.status).toBe(413);
    expect(body.read()).toBeLessThan(1024 * 1024);
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(0);
  });
});

describe("webhooks that are not what they claim", () => {
  it("refuses a signed body of one shop and topic replayed as another shop's shop/redact, deleting nothing", async () => {
    const victim = uniqueShop("victim");
    const attacker = uniqueShop("attacker");
    await merchantTickets(db, victim).create(newTicket());
    const scopesUpdate = {
      id: 1,
      previous: ["read_orders"],
      current: ["read_orders"],
      updated_at: "2026-01-01",
    };
    const replayed = await respond(
      complianceRoute.action,
      webhookRequest("/webhooks/compliance", "shop/redact", victim, scopesUpdate),
    );
    expect(replayed.status).toBe(400);
    const otherShop = await respond(
      complianceRoute.action,
      webhookRequest("/webhooks/compliance", "shop/redact", victim, { shop_id: 1, shop_domain: attacker }),
    );
    expect(otherShop.status).toBe(400);
    expect(await db.ticket.count({ where: { shop: victim } })).toBe(1);
  });

  it("refuses a signed body of one shop replayed as another shop's app/uninstalled, signing nobody out", async () => {
    const victim = uniqueShop("victim");
    await installShop(db, victim);
    const scopesUpdate = { id: 1, previous: [], current: ["read_orders"], updated_at: "2026-01-01" };
    const otherShop = { id: 2, myshopify_domain: uniqueShop("attacker"), domain: "attacker.example" };
    for (const payload of [scopesUpdate, otherShop]) {
      const answer = await respond(
        uninstalledRoute.action,
        webhookRequest("/webhooks/app/uninstalled", "app/uninstalled", victim, payload),
      );
      expect(answer.status).toBe(400);
    }
    expect(await db.session.count({ where: { shop: victim } })).toBe(1);
  });

  it("refuses a 30 MB webhook with 413 before checking its signature", async () => {
    const body = endlessBody(30 * 1024 * 1024);
    const answer = await respond(
      complianceRoute.action,
      new Request("https://my-test-app.myshopify.io/webhooks/compliance", {
        method: "POST",
        body: body.stream,
        duplex: "half",
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Hmac-Sha256": getHmac("{}", API_SECRET_KEY),
          "X-Shopify-Topic": "shop/redact",
          "X-Shopify-Shop-Domain": DEMO_SHOP.domain,
        },
      } as RequestInit),
    );
    expect(answer.status).toBe(413);
    expect(body.read()).toBeLessThan(2 * 1024 * 1024);
    expect(await ticketCount()).toBeGreaterThan(0);
  });
});
