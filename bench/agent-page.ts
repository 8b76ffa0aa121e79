/**
 * The agent queue page in Chromium against a warmed-up preview, signed in as the demo agent: the
 * JavaScript it ships (gzipped) and when it is usable (scripts loaded and hydrated), on this machine
 * without throttling, from a browser with an empty cache. Run by `npm run bench:agent`, or alone with
 * `npm run bench:agent -- --page`.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { DEMO_AGENT } from "../preview/demo-agent";
import { startPreviewProcess } from "../preview/process";
import { freshSqliteUrl, migrate } from "../tests/setup/databases";
import { launchChromium, merchantContext } from "../tests/e2e/chromium";
import { percentile, report } from "./lib";
import { PAGE_PROBES, javaScriptShipped, probes, type Probes } from "./page-metrics";

const LOADS = 5;

/** The demo agent's session cookies. */
async function signIn(browser: Browser, baseURL: string) {
  const context = await merchantContext(browser);
  const page = await context.newPage();
  await page.goto(`${baseURL}/agent/sign-in`);
  await page.getByLabel("Email").fill(DEMO_AGENT.email);
  await page.getByLabel("Password").fill(DEMO_AGENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Ticket queue" }).waitFor();
  const { cookies } = await context.storageState();
  await context.close();
  return cookies;
}

export async function measureAgentPage() {
  console.log("\n== Agent queue page in Chromium");
  if (!existsSync("build/server/index.js") || process.argv.includes("--build"))
    execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  const databaseUrl = freshSqliteUrl();
  migrate(databaseUrl);
  const preview = await startPreviewProcess(databaseUrl);
  const browser = await launchChromium();
  try {
    const cookies = await signIn(browser, preview.baseURL);
    const usable: number[] = [];
    let shipped = { files: 0, gzipBytes: 0 };
    // The first load warms the server up; each later one is a new context (an empty cache).
    for (let load = 0; load <= LOADS; load++) {
      const context = await merchantContext(browser);
      await context.addCookies(cookies);
      const page = await context.newPage();
      await page.addInitScript(PAGE_PROBES);
      await page.goto(`${preview.baseURL}/agent`, { waitUntil: "load" });
      await page.waitForFunction(() => (window as unknown as { __bench: Probes }).__bench.usableAt !== null);
      if (load > 0) usable.push((await probes(page)).usableAt!);
      if (load === LOADS) shipped = await javaScriptShipped(page);
      await context.close();
    }
    console.log(
      `${shipped.files} JavaScript files; usable after ${usable.map((ms) => ms.toFixed(0)).join(", ")} ms`,
    );
    return [
      report("Agent queue JavaScript shipped (gzipped)", shipped.gzipBytes / 1024, "KB", { max: 180 }),
      report("Agent queue usable: scripts loaded and hydrated (median)", percentile(usable, 50), "ms", {
        max: 1000,
      }),
    ];
  } finally {
    await browser.close();
    preview.stop();
  }
}
