import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "~/db.server";
import { enqueueEmail } from "~/notifications/outbox.server";
import { freePort } from "../../preview/process";
import { keepAliveLoad } from "../faults/keep-alive-load";
import { freshSqliteUrl, migrate } from "../setup/databases";
import { TEST_CONFIG } from "../setup/test-config";

const PORT = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${PORT}`;
const env = {
  ...process.env,
  ...TEST_CONFIG,
  NODE_ENV: "production" as const,
  OUTBOX_WORKER: "off",
  PORT: String(PORT),
  DATABASE_URL: inject("databaseUrl"),
};
const browserHeaders = { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36" };

let server: ChildProcess;
beforeAll(async () => {
  server = spawn("node", ["server/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
});
afterAll(() => server?.kill());

describe("the production server", () => {
  it("has none of the preview's endpoints", async () => {
    for (const endpoint of [
      "/preview/session-token?shop=demo-shop.myshopify.com",
      "/preview/app-bridge.js",
    ]) {
      const response = await fetch(`${base}${endpoint}`, { headers: browserHeaders, redirect: "manual" });
      expect(response.status, endpoint).toBe(404);
    }
  });

  it("does not open the app without Shopify's session token: / goes to the login page", async () => {
    const response = await fetch(`${base}/`, { headers: browserHeaders, redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/auth/login");
  });

  it("loads App Bridge from Shopify, never the preview's stand-in", async () => {
    const page = await fetch(`${base}/auth/login`, { headers: browserHeaders });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain("/preview/");
  });

  it("sends each built script as compressed once at build time, in the encoding the browser takes", async () => {
    const assets = "build/client/assets";
    const [script] = readdirSync(assets)
      .filter((file) => file.endsWith(".js"))
      .sort((a, b) => readFileSync(path.join(assets, b)).length - readFileSync(path.join(assets, a)).length);
    const source = readFileSync(path.join(assets, script!), "utf8");
    for (const [accepted, sent] of [
      ["br, gzip", "br"],
      ["gzip", "gzip"],
      ["identity", null],
    ] as const) {
      const response = await fetch(`${base}/assets/${script}`, {
        headers: { ...browserHeaders, "Accept-Encoding": accepted },
      });
      expect(response.headers.get("content-encoding"), accepted).toBe(sent);
      const copy = sent === "br" ? `${script}.br` : sent === "gzip" ? `${script}.gz` : script!;
      expect(response.headers.get("content-length"), accepted).toBe(
        String(statSync(path.join(assets, copy)).size),
      );
      expect(response.headers.get("content-type")).toMatch(/^(application|text)\/javascript/);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(await response.text()).toBe(source);
    }
    const missing = await fetch(`${base}/assets/${script}.br.missing`, {
      headers: { ...browserHeaders, "Accept-Encoding": "br" },
    });
    expect(missing.status).toBe(404);
  });

  it("ships no preview or mock code in its build", () => {
    const files = readdirSync("build/server", { recursive: true, encoding: "utf8" }).filter((file) =>
      file.endsWith(".js"),
    );
    for (const file of files) {
      const source = readFileSync(path.join("build/server", file), "utf8");
      expect(source, file).not.toMatch(/from ["']msw|mintSessionToken|app-bridge-standin/);
    }
    expect(readFileSync("server/app-server.mjs", "utf8")).not.toMatch(/from ["'][^"']*(preview|msw)/);
  });

  it("answers /healthz and /readyz unauthenticated, with one word and nothing about itself", async () => {
    for (const [path, word] of [
      ["/healthz", "ok"],
      ["/readyz", "ready"],
    ] as const) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(word);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      expect(response.headers.get("set-cookie"), path).toBeNull();
    }
  });

  it("stops at start-up with one clear line when a secret is missing", () => {
    const { SHOPIFY_API_SECRET: _omitted, ...incomplete } = env;
    const result = spawnSync("node", ["server/start.mjs"], {
      env: incomplete,
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("Invalid configuration: SHOPIFY_API_SECRET is required");
  });
});

/** An SMTP server that takes a second to accept each message, so a stop can land mid-send. */
async function slowSmtpServer() {
  let sending = () => {};
  const sendingStarted = new Promise<void>((resolve) => (sending = resolve));
  const accepted: string[] = [];
  const smtp = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      sending();
      stream.resume();
      stream.on("end", () =>
        setTimeout(() => (accepted.push(session.envelope.rcptTo[0]!.address), callback()), 1_000),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    sendingStarted,
    accepted,
    close: () => smtp.close(),
  };
}

/** A migrated database of its own with one email waiting in the outbox. */
async function databaseWithOneEmail() {
  const databaseUrl = freshSqliteUrl();
  migrate(databaseUrl);
  const db = createDb(databaseUrl);
  await db.$transaction((tx) =>
    enqueueEmail(tx, {
      shop: "stop.myshopify.com",
      to: "merchant@example.com",
      subject: "Your ticket",
      body: "Hello",
    }),
  );
  return { databaseUrl, db };
}

describe("the production server's graceful stop", () => {
  it("answers every request in flight under 16 clients' keep-alive load, then exits 0 within 10 s", async () => {
    const port = await freePort();
    const instance = spawn("node", ["server/start.mjs"], {
      env: { ...env, PORT: String(port) },
      stdio: ["ignore", "pipe", "ignore"],
    });
    await new Promise<void>((resolve) =>
      instance.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve()),
    );
    let stopTook = 0;
    const exited = new Promise<number | null>((resolve) => instance.on("exit", resolve));
    try {
      const result = await keepAliveLoad(
        port,
        "/auth/login",
        16,
        sleep(2_000).then(async () => {
          const started = Date.now();
          instance.kill("SIGTERM");
          await exited;
          stopTook = Date.now() - started;
        }),
        browserHeaders,
      );

      expect(await exited).toBe(0);
      expect(stopTook).toBeLessThan(10_000);
      expect(result.cut).toBe(0);
      expect(result.statuses).toEqual({ 200: result.answered });
      expect(result.toldToClose).toBe(16);
    } finally {
      instance.kill("SIGKILL");
    }
  });
});

describe("the production server's outbox worker", () => {
  it("sends nothing from a process started with OUTBOX_WORKER=off", async () => {
    const { databaseUrl, db } = await databaseWithOneEmail();
    const smtp = await slowSmtpServer();
    const port = await freePort();
    const instance = spawn("node", ["server/start.mjs"], {
      env: { ...env, PORT: String(port), DATABASE_URL: databaseUrl, SMTP_URL: smtp.url },
      stdio: ["ignore", "pipe", "ignore"],
    });
    try {
      await new Promise<void>((resolve) =>
        instance.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve()),
      );
      // A running worker makes its first pass at once.
      await new Promise((resolve) => setTimeout(resolve, 2_000));

      expect(smtp.accepted).toEqual([]);
      expect(await db.outboxEmail.findMany()).toMatchObject([{ status: "pending", attempts: 0 }]);
    } finally {
      instance.kill("SIGKILL");
      smtp.close();
      await db.$disconnect();
    }
  });

  it("settles the email it is sending before its processes exit, so a deploy never sends one twice", async () => {
    const { databaseUrl, db } = await databaseWithOneEmail();
    const smtp = await slowSmtpServer();
    // As deployed: the outbox worker on.
    const { OUTBOX_WORKER: _off, ...withOutbox } = env;
    const port = await freePort();
    const instance = spawn("node", ["server/start.mjs"], {
      env: {
        ...withOutbox,
        WEB_CONCURRENCY: "2",
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        SMTP_URL: smtp.url,
      },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => instance.on("exit", resolve));
    try {
      await smtp.sendingStarted;
      instance.kill("SIGTERM");

      expect(await exited).toBe(0);
      expect(smtp.accepted).toEqual(["merchant@example.com"]);
      expect(await db.outboxEmail.findMany()).toMatchObject([
        { status: "sent", attempts: 1, lockedBy: null },
      ]);
    } finally {
      instance.kill("SIGKILL");
      smtp.close();
      await db.$disconnect();
    }
  });
});
