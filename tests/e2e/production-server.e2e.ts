import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TEST_CONFIG } from "../setup/test-config";

const PORT = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${PORT}`;
const env = { ...process.env, ...TEST_CONFIG, NODE_ENV: "production" as const, OUTBOX_WORKER: "off", PORT: String(PORT), DATABASE_URL: inject("databaseUrl") };
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
    for (const endpoint of ["/preview/session-token?shop=demo-shop.myshopify.com", "/preview/app-bridge.js"]) {
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

  it("ships no preview or mock code in its build", () => {
    const files = readdirSync("build/server", { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".js"));
    for (const file of files) {
      const source = readFileSync(path.join("build/server", file), "utf8");
      expect(source, file).not.toMatch(/from ["']msw|mintSessionToken|app-bridge-standin/);
    }
    expect(readFileSync("server/app-server.mjs", "utf8")).not.toMatch(/from ["'][^"']*(preview|msw)/);
  });

  it("stops at start-up with one clear line when a secret is missing", () => {
    const { SHOPIFY_API_SECRET: _omitted, ...incomplete } = env;
    const result = spawnSync("node", ["server/start.mjs"], { env: incomplete, encoding: "utf8", timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("Invalid configuration: SHOPIFY_API_SECRET is required");
  });
});
