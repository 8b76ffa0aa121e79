import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clientAddress } from "~/agent/client-address.server";
import { hashPassword, verifyPassword } from "~/agent/password.server";
import { ACCOUNT_LOCK_AFTER, ADDRESS_LOCK_AFTER, LOCK_MS, signIn } from "~/agent/sign-in.server";
import { createAgent } from "~/agent/agents.server";
import { consoleResources } from "~/agent/console-i18n.server";
import { db } from "~/db.server";
import { createI18n } from "~/i18n/i18n";
import { loader as consoleLoader } from "~/routes/agent";
import { loader as queueLoader } from "~/routes/agent._index";
import { loader as ticketLoader, action as ticketAction } from "~/routes/agent.tickets.$id";
import { action as signInAction, loader as signInLoader } from "~/routes/agent.sign-in";
import { action as signOutAction } from "~/routes/agent.sign-out";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { uniqueShop } from "../helpers/shopify";
import { newTicket } from "../helpers/tickets";
import { PASSWORD, agentRequest, call, cookiePair, createTestAgent, signedIn } from "./agent-helpers";

/** Opens the sign-in page like a browser: the double-submit cookie and the form's token. */
async function signInPage() {
  const page = await call(signInLoader, agentRequest("/agent/sign-in"));
  return {
    cookie: cookiePair(page.headers.get("Set-Cookie")),
    csrf: (page.body as { csrfToken: string }).csrfToken,
  };
}

async function submitSignIn(email: string, password: string, headers: Record<string, string> = {}) {
  const { cookie, csrf } = await signInPage();
  return call(
    signInAction,
    agentRequest("/agent/sign-in", { cookie, form: { email, password, csrf }, headers }),
  );
}

const english = createI18n("en", consoleResources("en"));

describe("agent passwords", () => {
  it("stores scrypt hashes with their parameters and salt, never the password", async () => {
    const hash = await hashPassword("a long enough password");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain("a long enough password");
    expect(await hashPassword("a long enough password")).not.toBe(hash);
    expect(await verifyPassword("a long enough password", hash)).toBe(true);
    expect(await verifyPassword("a long enough passwore", hash)).toBe(false);
    // The digest's first character, not its last: the last base64url character of 32 bytes carries
    // two padding bits, so changing it can leave the decoded digest as it was.
    const tampered = hash.replace(
      /\$([\w-])([\w-]{42})$/,
      (_, first: string, rest: string) => `$${first === "A" ? "B" : "A"}${rest}`,
    );
    expect(tampered).not.toBe(hash);
    expect(await verifyPassword("a long enough password", tampered)).toBe(false);
    expect(await verifyPassword("a long enough password", "plain-text")).toBe(false);
  });

  it("refuses passwords under 12 characters and a second account with the same email", async () => {
    const email = `weak-${randomUUID()}@spl.example`;
    expect(await createAgent(db, { email, name: "Weak", role: "agent", password: "short-pass1" })).toEqual({
      ok: false,
      problem: "The password must be at least 12 characters long.",
    });
    expect(await createAgent(db, { email, name: "Ana", role: "admin", password: PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(
      await createAgent(db, { email: email.toUpperCase(), name: "Ana", role: "agent", password: PASSWORD }),
    ).toMatchObject({ ok: false });
    expect(
      await createAgent(db, { email: `x-${email}`, name: "Ana", role: "owner", password: PASSWORD }),
    ).toMatchObject({ ok: false });
  });
});

describe("npm run agent:create", () => {
  const cli = (args: string[], input: string) =>
    spawnSync("npx", ["tsx", "app/agent/create-agent.cli.ts", ...args], {
      input,
      encoding: "utf8",
      env: process.env,
    });

  it("creates an agent with the password piped on stdin, hashed", async () => {
    const email = `cli-${randomUUID()}@spl.example`;
    const result = cli(["--email", email, "--name", "Cli Admin", "--role", "admin"], `${PASSWORD}\n`);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const agent = await db.agent.findUniqueOrThrow({ where: { email } });
    expect(agent).toMatchObject({ name: "Cli Admin", role: "admin" });
    expect(await verifyPassword(PASSWORD, agent.passwordHash)).toBe(true);
  });

  it("rejects a weak password and never takes one on the command line", async () => {
    const email = `cli-${randomUUID()}@spl.example`;
    const weak = cli(["--email", email, "--name", "Weak"], "tooshort\n");
    expect(weak.status).not.toBe(0);
    expect(weak.stderr).toContain("at least 12 characters");
    const onCommandLine = cli(["--email", email, "--name", "Leaky", "--password", PASSWORD], "");
    expect(onCommandLine.status).not.toBe(0);
    expect(await db.agent.count({ where: { email } })).toBe(0);
  });
});

describe("agent sign-in", () => {
  it("signs in with a session cookie that is HttpOnly, Secure and SameSite, backed by a session row", async () => {
    const agent = await createTestAgent(db);
    const answer = await submitSignIn(agent.email.toUpperCase(), PASSWORD);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/agent");
    const cookies = answer.headers.getSetCookie();
    const session = cookies.find((cookie) => cookie.startsWith("spl_agent_session="))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/Secure/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Max-Age=43200/);
    expect(await db.agentSession.count({ where: { agentId: agent.id } })).toBe(1);
    const queue = await call(queueLoader, agentRequest("/agent", { cookie: cookiePair(session) }));
    expect(queue.status).toBe(200);
  });

  it("answers a wrong password and an unknown email the same way, without a session", async () => {
    const agent = await createTestAgent(db);
    const wrong = await submitSignIn(agent.email, "not the password at all");
    const unknown = await submitSignIn(`nobody-${randomUUID()}@spl.example`, PASSWORD);
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: "invalid", minutes: 0 });
      expect(answer.headers.getSetCookie().some((cookie) => cookie.startsWith("spl_agent_session="))).toBe(
        false,
      );
    }
    expect(await db.agentSession.count({ where: { agentId: agent.id } })).toBe(0);
  });

  it("locks an account for 15 minutes after 5 wrong passwords, with a message that says so", async () => {
    const agent = await createTestAgent(db);
    const answers = [];
    for (let attempt = 0; attempt < ACCOUNT_LOCK_AFTER; attempt += 1)
      answers.push(await submitSignIn(agent.email, `wrong password ${attempt}`));
    expect(answers.slice(0, -1).map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
    expect(answers.at(-1)).toMatchObject({ status: 429, body: { error: "locked", minutes: 15 } });

    const correct = await submitSignIn(agent.email, PASSWORD);
    expect(correct).toMatchObject({ status: 429, body: { error: "locked" } });
    expect(english.t("agent:signIn.errors.locked.body", { count: 15 })).toBe(
      "Too many wrong passwords: this account is locked. Try again in 15 minutes.",
    );
  }, 30_000);

  it("slows each wrong answer down, forgets a lock after 15 minutes and throttles one address across accounts", async () => {
    const agent = await createTestAgent(db);
    const start = new Date();
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    const delays = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const result = await signIn(db, { email: agent.email, password: "wrong", address: null, now: at(0) });
      delays.push(result.ok ? -1 : result.reason === "invalid" ? result.delayMs : -2);
    }
    expect(delays).toEqual([0, 250, 500, 1000]);
    expect(
      await signIn(db, { email: agent.email, password: "wrong", address: null, now: at(1) }),
    ).toMatchObject({ reason: "locked" });
    expect(
      await signIn(db, {
        email: agent.email,
        password: PASSWORD,
        address: null,
        now: at(1 + LOCK_MS / 60_000 - 1),
      }),
    ).toMatchObject({ reason: "locked" });
    expect(
      await signIn(db, {
        email: agent.email,
        password: PASSWORD,
        address: null,
        now: at(1 + LOCK_MS / 60_000 + 1),
      }),
    ).toMatchObject({ ok: true });

    const address = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
    let last;
    for (let attempt = 0; attempt < ADDRESS_LOCK_AFTER; attempt += 1) {
      last = await signIn(db, {
        email: `spray-${attempt}-${randomUUID()}@spl.example`,
        password: "guess",
        address,
        now: at(0),
      });
    }
    expect(last).toMatchObject({ reason: "addressLocked" });
    expect(await signIn(db, { email: agent.email, password: PASSWORD, address, now: at(1) })).toMatchObject({
      reason: "addressLocked",
    });
    expect(
      await signIn(db, { email: agent.email, password: PASSWORD, address: "198.51.100.7", now: at(1) }),
    ).toMatchObject({ ok: true });
  }, 30_000);

  it("never refuses a team behind one address for signing in often with the right password", async () => {
    const agent = await createTestAgent(db);
    const office = `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
    for (let signIns = 0; signIns < ADDRESS_LOCK_AFTER * 2; signIns += 1) {
      expect(await signIn(db, { email: agent.email, password: PASSWORD, address: office })).toMatchObject({
        ok: true,
      });
    }
  }, 60_000);

  it("counts failures per client address from the server's socket, else the proxy's X-Forwarded-For entry", () => {
    const forwarded = agentRequest("/agent/sign-in", {
      headers: { "X-Forwarded-For": "6.6.6.6, 203.0.113.9" },
    });
    expect(clientAddress(forwarded, {})).toBe("203.0.113.9");
    expect(clientAddress(forwarded, { clientAddress: "198.51.100.1" })).toBe("198.51.100.1");
    expect(clientAddress(agentRequest("/agent/sign-in"), {})).toBeNull();
  });

  it("sends a signed-out visitor to the sign-in page, remembering where they were going", async () => {
    const queue = await call(queueLoader, agentRequest("/agent?status=new"));
    expect(queue.status).toBe(302);
    expect(queue.headers.get("Location")).toBe(
      `/agent/sign-in?next=${encodeURIComponent("/agent?status=new")}`,
    );
    const ticket = await call(ticketLoader, agentRequest("/agent/tickets/abc"), { id: "abc" });
    expect(ticket.headers.get("Location")).toBe(
      `/agent/sign-in?next=${encodeURIComponent("/agent/tickets/abc")}`,
    );
    const bare = await call(queueLoader, agentRequest("/agent"));
    expect(bare.headers.get("Location")).toBe("/agent/sign-in");
  });

  it("speaks the agent's browser language, with the shared category names", async () => {
    const italian = await call(
      consoleLoader,
      agentRequest("/agent/sign-in", { headers: { "Accept-Language": "it-IT,it;q=0.9" } }),
    );
    const body = italian.body as {
      locale: string;
      agent: null;
      resources: {
        agent: { signIn: { title: string } };
        support: { categories: { payout: { label: string } } };
      };
    };
    expect(body.locale).toBe("it");
    expect(body.agent).toBeNull();
    expect(body.resources.agent.signIn.title).toBe("Accedi alla console operatori SPL");
    expect(body.resources.support.categories.payout.label).toBeTruthy();
    const english = await call(
      consoleLoader,
      agentRequest("/agent/sign-in", { headers: { "Accept-Language": "pt-BR" } }),
    );
    expect((english.body as { locale: string }).locale).toBe("en");
  });

  it("only follows a next page inside the console after sign-in", async () => {
    const agent = await createTestAgent(db);
    const { cookie, csrf } = await signInPage();
    for (const [next, expected] of [
      ["/agent/tickets/abc", "/agent/tickets/abc"],
      ["https://evil.example/agent", "/agent"],
      ["//evil.example/agent", "/agent"],
      ["/agent/../app", "/agent"],
    ] as const) {
      const answer = await call(
        signInAction,
        agentRequest("/agent/sign-in", {
          cookie,
          form: { email: agent.email, password: PASSWORD, csrf, next },
        }),
      );
      expect(answer.headers.get("Location")).toBe(expected);
    }
  });

  it("refuses an expired session, a forged cookie and a signed-out session", async () => {
    const agent = await createTestAgent(db);
    const { cookie, csrf } = await signedIn(db, agent.id);
    expect((await call(queueLoader, agentRequest("/agent", { cookie }))).status).toBe(200);

    const forged = `spl_agent_session=${Buffer.from(JSON.stringify("guessed")).toString("base64")}`;
    expect((await call(queueLoader, agentRequest("/agent", { cookie: forged }))).status).toBe(302);

    const signOut = await call(signOutAction, agentRequest("/agent/sign-out", { cookie, form: { csrf } }));
    expect(signOut.status).toBe(302);
    expect(signOut.headers.get("Location")).toBe("/agent/sign-in");
    expect(signOut.headers.get("Set-Cookie")).toMatch(/spl_agent_session=;.*Max-Age=0/);
    expect(await db.agentSession.count({ where: { agentId: agent.id } })).toBe(0);
    expect((await call(queueLoader, agentRequest("/agent", { cookie }))).status).toBe(302);

    const later = await signedIn(db, agent.id);
    await db.agentSession.updateMany({
      where: { agentId: agent.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await call(queueLoader, agentRequest("/agent", { cookie: later.cookie }))).status).toBe(302);
    // Loaders don't write: the expired row goes when the agent next signs in.
    await signedIn(db, agent.id);
    expect(
      await db.agentSession.count({ where: { agentId: agent.id, expiresAt: { lte: new Date() } } }),
    ).toBe(0);
    expect(await db.agentSession.count({ where: { agentId: agent.id } })).toBe(1);
  });
});

describe("cross-site request protection", () => {
  it("refuses a sign-in without the form's token, or from another site", async () => {
    const agent = await createTestAgent(db);
    const { cookie, csrf } = await signInPage();
    const noToken = await call(
      signInAction,
      agentRequest("/agent/sign-in", { cookie, form: { email: agent.email, password: PASSWORD } }),
    );
    expect(noToken.status).toBe(403);
    const noCookie = await call(
      signInAction,
      agentRequest("/agent/sign-in", { form: { email: agent.email, password: PASSWORD, csrf } }),
    );
    expect(noCookie.status).toBe(403);
    const crossSite = await call(
      signInAction,
      agentRequest("/agent/sign-in", {
        cookie,
        form: { email: agent.email, password: PASSWORD, csrf },
        headers: { Origin: "https://evil.example" },
      }),
    );
    expect(crossSite.status).toBe(403);
    expect(await db.agentSession.count({ where: { agentId: agent.id } })).toBe(0);
  });

  it("refuses an agent's action without the session's token, with another session's token or from another site", async () => {
    const agent = await createTestAgent(db);
    const other = await createTestAgent(db, "Other Agent");
    const { cookie, csrf } = await signedIn(db, agent.id);
    const { csrf: otherCsrf } = await signedIn(db, other.id);
    const { ticket } = await merchantTickets(db, uniqueShop()).create(newTicket());
    const post = (form: Record<string, string>, headers: Record<string, string> = {}) =>
      call(ticketAction, agentRequest(`/agent/tickets/${ticket.id}`, { cookie, form, headers }), {
        id: ticket.id,
      });

    expect((await post({ intent: "note", body: "no token" })).status).toBe(403);
    expect((await post({ intent: "note", body: "wrong token", csrf: otherCsrf })).status).toBe(403);
    expect(
      (await post({ intent: "note", body: "cross-site", csrf }, { Origin: "https://evil.example" })).status,
    ).toBe(403);
    expect((await post({ intent: "note", body: "cross-site", csrf }, { Origin: "null" })).status).toBe(403);
    expect(
      (await post({ intent: "note", body: "framed", csrf }, { "Sec-Fetch-Site": "cross-site" })).status,
    ).toBe(403);
    expect(await db.internalNote.count({ where: { ticketId: ticket.id } })).toBe(0);

    expect((await post({ intent: "note", body: "from the console", csrf })).status).toBe(200);
    expect(await db.internalNote.count({ where: { ticketId: ticket.id } })).toBe(1);
  });

  it("refuses a sign-out without the token, leaving the session alive", async () => {
    const agent = await createTestAgent(db);
    const { cookie } = await signedIn(db, agent.id);
    expect((await call(signOutAction, agentRequest("/agent/sign-out", { cookie, form: {} }))).status).toBe(
      403,
    );
    expect(await db.agentSession.count({ where: { agentId: agent.id } })).toBe(1);
  });
});
