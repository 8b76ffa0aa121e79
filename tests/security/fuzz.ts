/**
 * `npm run fuzz [-- --requests 3000 --seed 7 --no-build --postgres]`: sends random and boundary
 * values in every field, parameter and header of every route and form to the built app (the
 * offline preview, production build, signed in as a merchant and as an agent), then oversized
 * bodies, and fails if any answer is a 5xx. It prints how many requests it sent and the server's
 * memory (RSS) before and after the oversized bodies.
 */
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { request as httpRequest } from "node:http";
import { parseArgs } from "node:util";
import { createDb } from "~/db.server";
import { DEMO_AGENT } from "../../preview/demo-agent";
import { DEMO_SHOP } from "../../preview/demo-shops";
import { freePort } from "../../preview/process";
import { freshPostgresUrl, freshSqliteUrl } from "../setup/databases";

const { values: options } = parseArgs({
  options: {
    requests: { type: "string", default: "2000" },
    seed: { type: "string", default: String(Date.now() % 100_000) },
    "no-build": { type: "boolean", default: false },
    postgres: { type: "boolean", default: false },
  },
});
const REQUESTS = Number(options.requests);

// A small seeded generator (mulberry32), so a failing run can be repeated with its --seed.
let state = Number(options.seed) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const BOUNDARY_VALUES = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m",
  "\ud800",
  "e\u0301",
  "🙂".repeat(300),
  "%",
  "%zz",
  "a=b;c",
  '"',
  '\'; DROP TABLE "Ticket"; --',
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "https://evil.example/",
  "//evil.example",
  "javascript:alert(1)",
  "2024-13-45",
  "0000-00-00",
  "9999-12-31",
  "-1",
  "0",
  "1e309",
  "NaN",
  "99999999999999999999",
  "n.1",
  "n.99999999999999",
  Buffer.from("+275760-09-13T00:00:00.000Z|abc").toString("base64url"),
  Buffer.from("2024-01-01T00:00:00.000Z|x\u0000y").toString("base64url"),
  "me",
  "unassigned",
  "open",
  "order_sync",
  "en",
  "x".repeat(255),
  "x".repeat(5_001),
  "x".repeat(10_001),
  "x".repeat(70_000),
];
const randomText = () => {
  const length = pick([1, 3, 10, 64, 300]);
  return Array.from({ length }, () => String.fromCodePoint(Math.floor(random() * 0x2ffff))).join("");
};
const value = () => (random() < 0.75 ? pick(BOUNDARY_VALUES) : randomText());

interface Target {
  method: "GET" | "POST";
  path: string;
  fields: string[];
  as: "merchant" | "agent" | "anyone" | "webhook";
  multipart?: boolean;
}

async function main() {
  if (!options["no-build"])
    execFileSync("npm", ["run", "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
  const postgres = options.postgres
    ? await freshPostgresUrl(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres")
    : null;
  const databaseUrl = postgres?.url ?? freshSqliteUrl();
  const port = await freePort();
  const log: string[] = [];
  // The preview's own process (not a shell or npx in between), so its memory is the server's.
  const server = spawn(process.execPath, ["--import", "tsx", "preview/run.ts", "--no-build"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      PREVIEW_SMTP_PORT: String(await freePort()),
      DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stderr.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    server.stdout.on("data", (chunk: Buffer) => {
      log.push(chunk.toString());
      if (chunk.toString().includes("SPL Support preview:")) resolve();
    });
    server.on("exit", (code) => reject(new Error(`The preview exited with ${code}:\n${log.join("")}`)));
  });
  const base = `http://localhost:${port}`;
  const rss = () => {
    const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  };

  try {
    const agentCookie = await signInAsDemoAgent(base);
    const db = createDb(databaseUrl);
    // The session's form token, which the console's pages carry.
    const { csrfToken } = await db.agentSession.findFirstOrThrow({
      where: { agent: { email: DEMO_AGENT.email } },
      orderBy: { createdAt: "desc" },
    });
    const ticket = await db.ticket.findFirstOrThrow({ where: { shop: DEMO_SHOP.domain } });
    const attachment = await db.attachment.findFirst({ select: { id: true } });
    await db.$disconnect();

    let merchantToken = { token: "", expiresAt: 0 };
    const merchantHeaders = async () => {
      if (merchantToken.expiresAt - Date.now() < 20_000)
        merchantToken = await (await fetch(`${base}/preview/session-token?shop=${DEMO_SHOP.domain}`)).json();
      return { Authorization: `Bearer ${merchantToken.token}` };
    };

    const targets: Target[] = [
      { method: "GET", path: "/", fields: ["shop", "locale", "path", "embedded", "host"], as: "anyone" },
      { method: "GET", path: "/app", fields: ["shop", "host", "embedded", "locale"], as: "merchant" },
      { method: "GET", path: "/app/support", fields: ["orderId", "id", "locale"], as: "merchant" },
      {
        method: "POST",
        path: "/app/support",
        fields: ["description", "orderId", "category", "locale"],
        as: "merchant",
      },
      { method: "GET", path: "/app/support/new", fields: ["category"], as: "merchant" },
      {
        method: "POST",
        path: "/app/support/new",
        fields: [
          "category",
          "description",
          "contactEmail",
          "tiktokUsername",
          "orderId",
          "idempotencyKey",
          "locale",
          "suggestedCategory",
          "confidence",
        ],
        as: "merchant",
        multipart: true,
      },
      {
        method: "GET",
        path: "/app/support/tickets",
        fields: ["number", "status", "from", "to", "cursor"],
        as: "merchant",
      },
      {
        method: "GET",
        path: `/app/support/tickets/${ticket.id}`,
        fields: ["created", "order"],
        as: "merchant",
      },
      { method: "POST", path: `/app/support/tickets/${ticket.id}`, fields: ["body"], as: "merchant" },
      { method: "GET", path: "/app/support/tickets/{value}", fields: [], as: "merchant" },
      { method: "POST", path: "/app/support/guides/{value}", fields: [], as: "merchant" },
      { method: "POST", path: "/app/support/guides/payout", fields: ["description"], as: "merchant" },
      { method: "GET", path: "/app/support/attachments/{value}", fields: [], as: "merchant" },
      { method: "GET", path: "/agent/sign-in", fields: ["next"], as: "anyone" },
      { method: "POST", path: "/agent/sign-in", fields: ["email", "password", "csrf", "next"], as: "anyone" },
      {
        method: "GET",
        path: "/agent",
        fields: ["view", "status", "category", "shop", "assignee", "age", "q", "sort", "after", "before"],
        as: "agent",
      },
      { method: "GET", path: "/agent/dashboard", fields: ["days"], as: "agent" },
      { method: "GET", path: `/agent/tickets/${ticket.id}`, fields: [], as: "agent" },
      {
        method: "POST",
        path: `/agent/tickets/${ticket.id}`,
        fields: ["intent", "body", "assigneeId", "status", "category"],
        as: "agent",
      },
      { method: "GET", path: "/agent/tickets/{value}", fields: [], as: "agent" },
      { method: "GET", path: `/agent/attachments/${attachment?.id ?? "none"}`, fields: [], as: "agent" },
      { method: "GET", path: "/agent/attachments/{value}", fields: [], as: "agent" },
      { method: "POST", path: "/agent/sign-out", fields: ["csrf"], as: "agent" },
      { method: "GET", path: "/auth/login", fields: ["shop"], as: "anyone" },
      { method: "POST", path: "/auth/login", fields: ["shop"], as: "anyone" },
      { method: "POST", path: "/webhooks/compliance", fields: [], as: "webhook" },
      { method: "POST", path: "/webhooks/app/uninstalled", fields: [], as: "webhook" },
      { method: "POST", path: "/webhooks/app/scopes_update", fields: [], as: "webhook" },
    ];

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;

    const fuzzOne = async (target: Target) => {
      const params = new URLSearchParams();
      for (const field of target.fields) if (random() < 0.7) params.append(field, value());
      if (random() < 0.1) params.append(pick(target.fields.length ? target.fields : ["x"]), value());
      const pathname = target.path.replace(
        "{value}",
        encodeURIComponent(Buffer.from(value()).toString()).slice(0, 500) || "x",
      );
      const headers: Record<string, string> = {};
      if (target.as === "merchant") Object.assign(headers, await merchantHeaders());
      if (target.as === "agent") headers.Cookie = agentCookie;
      if (random() < 0.1) headers.Origin = pick([base, "https://evil.example", "null", "not a url"]);
      if (random() < 0.05) headers.Cookie = value().replace(/[^\x20-\x7e]/g, "");
      if (random() < 0.05) headers.Authorization = `Bearer ${value().replace(/[^\x20-\x7e]/g, "")}`;
      if (target.as === "webhook") {
        Object.assign(headers, {
          "X-Shopify-Topic": pick(["shop/redact", "customers/redact", "customers/data_request", "x"]),
          "X-Shopify-Shop-Domain": pick([DEMO_SHOP.domain, "other.myshopify.com", ""]),
          "X-Shopify-Hmac-Sha256": Buffer.from(value()).toString("base64"),
          "X-Shopify-Webhook-Id": value().replace(/[^\x20-\x7e]/g, "") || "id",
        });
      }
      let url = `${base}${pathname}`;
      let body: BodyInit | undefined;
      if (target.method === "GET") {
        if (params.size) url += `?${params}`;
      } else {
        // Signing out with the session's token would end the run's session.
        if (target.as === "agent" && target.path !== "/agent/sign-out" && random() < 0.8)
          params.set("csrf", csrfToken);
        if (target.as === "webhook") {
          body =
            random() < 0.5 ? JSON.stringify({ shop_domain: value(), customer: { id: value() } }) : value();
          headers["Content-Type"] = "application/json";
        } else if (target.multipart && random() < 0.8) {
          const form = new FormData();
          for (const [name, text] of params) form.append(name, text);
          for (let file = 0; file < pick([0, 1, 2, 4]); file += 1)
            form.append(
              "attachments",
              new File([new Uint8Array(pick([0, 8, 4096])).fill(0x89)], value() || "x.png"),
            );
          body = form;
        } else {
          body = random() < 0.9 ? params : value();
          if (random() < 0.2) headers["Content-Type"] = pick(["text/plain", "application/json", value()]);
        }
      }
      if (random() < 0.05)
        url += `${url.includes("?") ? "&" : "?"}host=${encodeURIComponent(Buffer.from(value()).toString())}`;
      sent += 1;
      const status = await send(url, target.method, headers, body);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500 || status === 0) failures.push(`${target.method} ${url.slice(0, 200)} → ${status}`);
    };

    // Every target at least a few times, then at random; four at a time, as a few browsers would.
    const queue: Target[] = [...targets, ...targets, ...targets];
    while (queue.length < REQUESTS) queue.push(pick(targets));
    queue.length = Math.min(queue.length, REQUESTS);
    const workers = Array.from({ length: 4 }, async () => {
      for (let target = queue.shift(); target; target = queue.shift()) await fuzzOne(target);
    });
    await Promise.all(workers);

    const headerProblems = await checkHeaders(base, (await merchantHeaders()).Authorization, agentCookie);
    const before = rss();
    const oversized = await sendOversized(port);
    const after = rss();

    console.log(
      `\nFuzz (seed ${options.seed}, ${postgres ? "PostgreSQL" : "SQLite"}): ${sent} requests sent`,
    );
    console.log(
      `Statuses: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(", ")}`,
    );
    console.log(
      `Oversized bodies: ${oversized.map((answer) => `${answer.what} → ${answer.status}`).join("; ")}`,
    );
    console.log(`Server RSS before and after the oversized bodies: ${before} MB → ${after} MB`);
    console.log(`Security headers: ${headerProblems.length ? headerProblems.join("; ") : "as expected"}`);
    const refusedAll = oversized.every((answer) => answer.status === 413);
    if (failures.length || !refusedAll || headerProblems.length) {
      console.error(
        `\n${failures.length} answers were 5xx or no answer:\n${failures.slice(0, 30).join("\n")}`,
      );
      if (!refusedAll) console.error("An oversized body was not refused with 413.");
      const serverLog = path.join(tmpdir(), `spl-fuzz-server-${options.seed}.log`);
      writeFileSync(serverLog, log.join(""));
      console.error(`The server's output is in ${serverLog}.`);
      process.exitCode = 1;
    } else {
      console.log("No 5xx.");
    }
  } finally {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
    await postgres?.drop().catch(() => undefined);
  }
}

/**
 * Sends one request with Node's HTTP client, which reads the answer a server gives before it has
 * read the whole body (fetch reports those as network errors). 0 means no answer at all.
 */
async function send(url: string, method: string, headers: Record<string, string>, body?: BodyInit) {
  // A Request serialises the body as fetch would, multipart boundary included.
  const encoded = body === undefined ? null : new Request(url, { method, body });
  const bytes = encoded ? Buffer.from(await encoded.arrayBuffer()) : null;
  const type = encoded?.headers.get("Content-Type");
  const all: Record<string, string> = { ...(type ? { "Content-Type": type } : {}), ...headers };
  for (const name of Object.keys(all)) all[name] = all[name]!.replace(/[^\x20-\x7e]/g, "");
  if (bytes) all["Content-Length"] = String(bytes.length);
  return new Promise<number>((resolve) => {
    let answered = false;
    const req = httpRequest(url, { method, headers: all }, (res) => {
      answered = true;
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => (answered ? undefined : resolve(0)));
    req.end(bytes ?? undefined);
  });
}

/** Signs in through the sign-in page, as a browser would, and returns the session cookie. */
async function signInAsDemoAgent(base: string) {
  const page = await fetch(`${base}/agent/sign-in`);
  const pageCookie = page.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const formToken = /name="csrf"[^>]*value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const signedIn = await fetch(`${base}/agent/sign-in`, {
    method: "POST",
    headers: { Cookie: pageCookie, Origin: base },
    body: new URLSearchParams({ email: DEMO_AGENT.email, password: DEMO_AGENT.password, csrf: formToken }),
    redirect: "manual",
  });
  const agentCookie = signedIn.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith("spl_agent_session="))
    ?.split(";")[0];
  if (!agentCookie) throw new Error(`The demo agent could not sign in (${signedIn.status}).`);
  return agentCookie;
}

/**
 * The production headers of an agent page (never framed) and of an embedded page (framed by the
 * shop's admin only, as Shopify's library sets it); what differs from that is returned.
 */
async function checkHeaders(base: string, authorization: string, agentCookie: string) {
  const token = authorization.replace("Bearer ", "");
  const pages = {
    agent: await fetch(`${base}/agent/sign-in`),
    console: await fetch(`${base}/agent`, { headers: { Cookie: agentCookie } }),
    embedded: await fetch(
      `${base}/app/support?${new URLSearchParams({ embedded: "1", shop: DEMO_SHOP.domain, id_token: token })}`,
    ),
  };
  const expected: [keyof typeof pages, string, RegExp][] = [
    ["agent", "content-security-policy", /^frame-ancestors 'none'$/],
    ["agent", "x-frame-options", /^DENY$/],
    ["console", "content-security-policy", /^frame-ancestors 'none'$/],
    ["console", "x-frame-options", /^DENY$/],
    ["embedded", "content-security-policy", new RegExp(`frame-ancestors https://${DEMO_SHOP.domain} `)],
    ["embedded", "strict-transport-security", /max-age=\d+/],
    ["embedded", "x-content-type-options", /^nosniff$/],
    ["embedded", "referrer-policy", /^strict-origin-when-cross-origin$/],
  ];
  return expected
    .filter(([page, name, pattern]) => !pattern.test(pages[page].headers.get(name) ?? ""))
    .map(([page, name]) => `${page} page: ${name} is ${pages[page].headers.get(name) ?? "missing"}`);
}

/** Bodies far over each path's limit, declared or streamed without a length. */
async function sendOversized(port: number) {
  const cases = [
    { what: "200 MB sign-in form", path: "/agent/sign-in", bytes: 200 * 2 ** 20, chunked: false },
    { what: "200 MB sign-in form", path: "/agent/sign-in", bytes: 200 * 2 ** 20, chunked: false },
    { what: "200 MB sign-in form, streamed", path: "/agent/sign-in", bytes: 200 * 2 ** 20, chunked: true },
    { what: "40 MB webhook", path: "/webhooks/compliance", bytes: 40 * 2 ** 20, chunked: false },
    { what: "40 MB webhook, streamed", path: "/webhooks/compliance", bytes: 40 * 2 ** 20, chunked: true },
    { what: "30 MB ticket form", path: "/app/support/new", bytes: 30 * 2 ** 20, chunked: false },
  ];
  const answers = [];
  for (const item of cases) answers.push({ what: item.what, status: await sendLarge(port, item) });
  return answers;
}

function sendLarge(port: number, item: { path: string; bytes: number; chunked: boolean }) {
  return new Promise<number>((resolve) => {
    const req = httpRequest({
      port,
      path: item.path,
      method: "POST",
      headers: {
        "Content-Type": item.path.startsWith("/webhooks")
          ? "application/json"
          : "application/x-www-form-urlencoded",
        ...(item.chunked ? {} : { "Content-Length": String(item.bytes) }),
      },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => (answered ? undefined : resolve(0)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let written = 0;
    const pump = () => {
      while (written < item.bytes && !answered && !req.destroyed) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

await main();
