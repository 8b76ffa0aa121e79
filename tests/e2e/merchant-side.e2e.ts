import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "~/db.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { formatTicketNumber } from "~/support/tickets/number";
import { DEMO_AGENT } from "../../preview/demo-agent";
import type { ReceivedEmail } from "../../preview/smtp-sink";
import { newTicket } from "../helpers/tickets";
import { TEST_CONFIG } from "../setup/test-config";
import { launchChromium, merchantContext } from "./chromium";
import { describeProblem, openSupportPage } from "./merchant";

const EN = { field: "Describe your problem", submit: "Find the right help" };

const SHOP = "demo-shop.myshopify.com";
const url = (path: string) => `${inject("baseURL")}${path}`;

let browser: Browser;
let db: Db;
beforeAll(async () => {
  // Creating a ticket from the test enqueues emails, which read the app's configuration.
  Object.assign(process.env, TEST_CONFIG, { DATABASE_URL: inject("databaseUrl") });
  browser = await launchChromium();
  db = createDb(inject("databaseUrl"));
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

async function signedInAgent(): Promise<BrowserContext> {
  const context = await merchantContext(browser);
  const page = await context.newPage();
  await page.goto(url("/agent"));
  await page.getByLabel("Email").fill(DEMO_AGENT.email);
  await page.getByLabel("Password").fill(DEMO_AGENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Ticket queue" }).waitFor();
  await page.close();
  return context;
}

/** Opens an app path as Shopify admin's deep link would (the preview's stand-in for admin.shopify.com). */
async function openInAdmin(path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await merchantContext(browser);
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(url(`/?shop=${SHOP}&path=${encodeURIComponent(path)}`));
  await expect.poll(() => new URL(page.url()).pathname).toBe(path);
  return page;
}

/** The first email the preview's SMTP sink received that matches, once the outbox has sent it. */
async function emailWhere(match: (email: ReceivedEmail) => boolean): Promise<ReceivedEmail> {
  let found: ReceivedEmail | undefined;
  await expect
    .poll(
      async () => {
        const { messages } = (await (await fetch(url("/preview/mailbox"))).json()) as {
          messages: ReceivedEmail[];
        };
        found = messages.find(match);
        return Boolean(found);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

const linkIn = (email: ReceivedEmail) => /https?:\/\/\S+/.exec(email.text)![0];

describe("the merchant's side of a conversation", () => {
  it("shows an agent's 'waiting on merchant' as 'Awaiting your reply' with a new-reply marker until opened, and every email's link opens the ticket", async () => {
    const contactEmail = `owner-${Date.now()}@example.com`;
    const { ticket } = await merchantTickets(db, SHOP).create(
      newTicket({ contactEmail, shopName: "Demo Shop", description: "Orders from TikTok stopped syncing." }),
    );
    const number = formatTicketNumber(ticket.number);
    const reply = `Could you tell us which order is missing? (${Date.now()})`;

    const agent = await signedInAgent();
    const agentPage = await agent.newPage();
    await agentPage.goto(url(`/agent/tickets/${ticket.id}`));
    await agentPage.getByLabel("Reply to the merchant").fill(reply);
    await agentPage.getByRole("button", { name: "Send reply" }).click();
    await agentPage.getByText("Demo Agent replied to the merchant").waitFor();

    const log = await openInAdmin("/app/support/tickets");
    const nav = log.getByRole("navigation", { name: "App navigation" });
    await expect.poll(() => nav.getByRole("link", { name: /^My tickets \(\d+ new\)$/ }).count()).toBe(1);
    const row = log.locator("tr").filter({ has: log.getByRole("link", { name: number, exact: true }) });
    await row.getByText("Awaiting your reply").waitFor();
    await row.getByText("New from SPL").waitFor();

    // The agent's reply reached the merchant with a link into Shopify admin that opens this ticket.
    const replyEmail = await emailWhere(
      (email) => email.to.includes(contactEmail) && email.text.includes(reply),
    );
    const adminLink = new URL(linkIn(replyEmail));
    expect(adminLink.origin).toBe("https://admin.shopify.com");
    const [, appPath] = /^\/store\/demo-shop\/apps\/[^/]+(\/app\/.+)$/.exec(adminLink.pathname)!;
    const opened = await openInAdmin(appPath!);
    await opened.getByText(reply).waitFor();
    await opened.getByRole("heading", { name: `Ticket ${number}` }).waitFor();

    // Opened: the marker is gone from the log.
    await expect
      .poll(async () => {
        await log.reload();
        await row.getByText("Awaiting your reply").waitFor();
        return row.getByText("New from SPL").count();
      })
      .toBe(0);

    // The merchant answers; SPL's inbox gets a link that opens the ticket in the agent agentPage.
    await opened.getByLabel("Reply").fill("Order #1001 is the missing one.");
    await opened.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => opened.getByLabel("Reply").inputValue()).toBe("");
    const alert = await emailWhere(
      (email) => email.text.includes("Order #1001 is the missing one.") && email.text.includes(ticket.id),
    );
    await agentPage.goto(linkIn(alert));
    await agentPage.getByText("Order #1001 is the missing one.").waitFor();
    expect(new URL(agentPage.url()).pathname).toBe(`/agent/tickets/${ticket.id}`);

    // Resolved: the merchant's email links to the ticket too.
    await agentPage.getByRole("button", { name: "Resolve" }).click();
    const resolved = await emailWhere(
      (email) => email.to.includes(contactEmail) && email.subject.includes(`${number} is resolved`),
    );
    expect(linkIn(resolved)).toBe(adminLink.toString());
    await agent.close();
    await log.context().close();
    await opened.context().close();
  });

  it("fits the ticket log on a 390 px phone without sideways scrolling", async () => {
    const page = await openInAdmin("/app/support/tickets", { width: 390, height: 844 });
    await page
      .getByRole("link", { name: /^SPL-\d+$/ })
      .first()
      .waitFor();
    const status = page
      .locator(".Polaris-Badge", { hasText: /Awaiting your reply|Sent to SPL|In progress|Closed/ })
      .first();
    await status.waitFor();
    // The one-column list replaces the table once the page knows its width (after hydration).
    await page.locator(".Polaris-IndexTable__CondensedList").waitFor();
    const overflowing = await page.evaluate(() => {
      const wide = (element: Element) => element.scrollWidth > element.clientWidth + 1;
      const scrollers = Array.from(document.querySelectorAll("body *")).filter((element) => {
        const { overflowX } = getComputedStyle(element);
        return (overflowX === "auto" || overflowX === "scroll") && wide(element);
      });
      return {
        page: wide(document.documentElement),
        scrollers: scrollers.map((element) => element.className),
      };
    });
    expect(overflowing).toEqual({ page: false, scrollers: [] });
    // Status is in view, not behind a scroll.
    const box = (await status.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});

describe("a TikTok guide a merchant can act on", () => {
  it("carries the TikTok username typed on the guide into the prefilled email and marks it ready", async () => {
    const page = await openSupportPage(browser);
    await describeProblem(
      page,
      EN,
      "My TikTok shop account has been suspended and I can't log in to Seller Center.",
    );
    await page.getByRole("button", { name: "See how to contact TikTok" }).click();
    await page.getByLabel("TikTok Shop username").fill("spl_demo_seller");
    const value = page.locator("span", { hasText: /^spl_demo_seller$/ }).first();
    await value.waitFor();
    expect(await value.locator("xpath=..").textContent()).toContain("Ready");
    const href = (await page
      .getByRole("link", { name: "Email TikTok Seller Support" })
      .getAttribute("href"))!;
    expect(new URL(href).searchParams.get("body")).toContain("TikTok Shop username: spl_demo_seller");
    await page.context().close();
  });

  it("puts a tracking number from the merchant's description into the shipping guide's tracking field", async () => {
    const page = await openSupportPage(browser);
    await describeProblem(
      page,
      EN,
      "The carrier lost my parcel 1Z 999 AA1 01 2345 6784 and TikTok says it is delivered.",
    );
    await page.getByRole("button", { name: "Shipping" }).click();
    await page.getByRole("button", { name: "See how to contact TikTok" }).click();
    await expect.poll(() => page.getByLabel("Tracking number").inputValue()).toBe("1Z999AA10123456784");
    await page.getByText("Looks like a UPS tracking number").waitFor();
    await page.context().close();
  });
});

/** Drops the connection for the page's form posts (Remix sends them to `<path>.data`) until undone. */
async function dropPosts(page: Page) {
  await page.route(
    (address) => address.pathname.endsWith(".data"),
    (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.fallback()),
  );
  return () => page.unrouteAll();
}

describe("a merchant never loses what they typed", () => {
  it("keeps the description when the connection drops while classifying, and Retry gets the answer", async () => {
    const page = await openSupportPage(browser);
    const problem = "Since Monday my TikTok orders are not showing up in Shopify, order #1001 is missing.";
    const reconnect = await dropPosts(page);
    await describeProblem(page, EN, problem);
    await page.getByText("Your problem was not sent").waitFor();
    expect(await page.getByLabel(EN.field).inputValue()).toBe(problem);
    await reconnect();
    await page.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("button", { name: "Open an SPL ticket" }).waitFor();
    expect(await page.getByText("Your problem was not sent").count()).toBe(0);
    await page.context().close();
  });

  it("keeps the whole ticket form when the connection drops while sending, and Retry sends it", async () => {
    const page = await openSupportPage(browser);
    await page.getByRole("button", { name: "Order sync" }).click();
    await page.getByRole("button", { name: "Open an SPL ticket" }).click();
    await page.getByRole("button", { name: "Open a ticket anyway" }).click();
    const description =
      "Orders placed on TikTok since this morning are not in Shopify; the last one synced was #1001.";
    await page.getByLabel("Description").fill(description);
    await page.getByLabel("Order ID (optional)").fill("#1001");
    const reconnect = await dropPosts(page);
    await page.getByRole("button", { name: "Send ticket" }).click();
    await page.getByText("Your ticket was not sent").waitFor();
    expect(await page.getByLabel("Description").inputValue()).toBe(description);
    expect(await page.getByLabel("Order ID (optional)").inputValue()).toBe("#1001");
    await reconnect();
    await page.getByRole("button", { name: "Retry" }).click();
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 15_000 })
      .toMatch(/^\/app\/support\/tickets\/\w+$/);
    await page.getByText(description).first().waitFor();
    await page.context().close();
  });

  it("shows the text and the answer again on Back from a guide", async () => {
    const page = await openSupportPage(browser);
    const problem = "My TikTok shop account has been suspended and I can't log in to Seller Center anymore.";
    await describeProblem(page, EN, problem);
    await page.getByRole("button", { name: "See how to contact TikTok" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/app\/support\/guides\//);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support");
    await expect.poll(() => page.getByLabel(EN.field).inputValue()).toBe(problem);
    await page.getByRole("button", { name: "See how to contact TikTok" }).waitFor();

    // The guide's own back arrow is a new visit to the Support page: the text and answer are there too.
    await page.getByRole("button", { name: "See how to contact TikTok" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/app\/support\/guides\//);
    await page.locator(`.Polaris-Page a[aria-label="Support"]`).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support");
    await expect.poll(() => page.getByLabel(EN.field).inputValue()).toBe(problem);
    await page.getByRole("button", { name: "See how to contact TikTok" }).waitFor();
    await page.context().close();
  });
});

/** axe-core's serious and critical violations (WCAG 2 A and AA rules) on the page as it is now. */
async function seriousAxeViolations(page: Page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as {
        axe: {
          run: (options: object) => Promise<{
            violations: { id: string; impact: string; nodes: { target: unknown }[] }[];
          }>;
        };
      }
    ).axe.run({ runOnly: ["wcag2a", "wcag2aa"] });
    return violations
      .filter(({ impact }) => impact === "serious" || impact === "critical")
      .map(({ id, impact, nodes }) => `${impact} ${id}: ${JSON.stringify(nodes.map((node) => node.target))}`);
  });
}

describe("the ticket form follows Polaris' conventions", () => {
  it("says why a file was refused, focuses the error summary after a refused send, and keeps headings in order", async () => {
    const page = await openSupportPage(browser);
    await page.getByRole("button", { name: "Order sync" }).click();
    await page.getByRole("button", { name: "Open an SPL ticket" }).click();
    await page.getByRole("button", { name: "Open a ticket anyway" }).click();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("order list") });
    await page.getByText("notes.txt is not a PNG, JPEG, WebP or PDF file.").waitFor();

    await page.getByLabel("Description").fill("Too short");
    await page.getByRole("button", { name: "Send ticket" }).click();
    const summary = page.getByText("Please fix the highlighted fields.", { exact: false });
    await summary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Please fix the highlighted fields.");

    const levels = await page
      .locator("h1, h2, h3, h4")
      .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => expect(level - (levels[index - 1] ?? 0)).toBeLessThanOrEqual(1));
    await page.context().close();
  });
});

describe("the Support page's wording and feedback", () => {
  it("gives the carrier's reason for a shipping problem, shows no editor's note, and shows admin's loading bar while navigating", async () => {
    const page = await openSupportPage(browser);
    await page.evaluate(() => {
      const bridge = (window as unknown as { shopify: { loading: (on: boolean) => void } }).shopify;
      const calls: boolean[] = [];
      (window as unknown as { loadingCalls: boolean[] }).loadingCalls = calls;
      bridge.loading = (on) => calls.push(on);
    });
    await page.getByRole("button", { name: "Shipping" }).click();
    await page.getByText("The carrier controls the shipment", { exact: false }).waitFor();
    expect(await page.getByText("This concerns your TikTok seller account", { exact: false }).count()).toBe(
      0,
    );

    await page.getByRole("button", { name: "See how to contact TikTok" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support/guides/shipping");
    const calls = () => page.evaluate(() => (window as unknown as { loadingCalls: boolean[] }).loadingCalls);
    // On while the guide loads, off once it is shown.
    await expect.poll(async () => (await calls()).at(-1)).toBe(false);
    expect(await calls()).toContain(true);

    await page.goto(
      url(`/?shop=${SHOP}&path=${encodeURIComponent("/app/support/guides/account_suspended")}`),
    );
    await page.getByRole("link", { name: "Email TikTok Seller Support" }).waitFor();
    expect(await page.getByText("isn't legible", { exact: false }).count()).toBe(0);
    await page.context().close();
  });
});

describe("the merchant's pages pass axe", () => {
  it.each(["en", "it"])("in %s: Support, ticket form, ticket log, ticket and guide", async (locale) => {
    const { ticket } = await merchantTickets(db, SHOP).create(
      newTicket({ shopName: "Demo Shop", locale, description: "Orders from TikTok stopped syncing." }),
    );
    const paths = [
      "/app/support",
      "/app/support/new",
      "/app/support/tickets",
      `/app/support/tickets/${ticket.id}`,
      "/app/support/guides/account_suspended",
      "/app/support/guides/shipping",
    ];
    const context = await merchantContext(browser, locale === "it" ? "it-IT" : "en-US");
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await page.goto(url(`/?shop=${SHOP}&locale=${locale}&path=${encodeURIComponent(path)}`));
      await expect.poll(() => new URL(page.url()).pathname).toBe(path);
      await page.locator("h1").first().waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe(locale);
      found[path] = await seriousAxeViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(paths.map((path) => [path, []])));
    await context.close();
  });
});
