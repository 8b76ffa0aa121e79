import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { formatTicketNumber } from "~/support/tickets/number";
import type { ReceivedEmail } from "../../preview/smtp-sink";
import { newTicket } from "../helpers/tickets";
import { signInAgent } from "./agent";
import { merchantContext } from "./chromium";
import {
  APP_URL_PATH,
  EN,
  describeProblem,
  gotoInAdmin,
  openInAdmin,
  openSupportPage,
  sentTicketId,
} from "./merchant";
import { expectHeadingsInOrder, seriousAxeViolations, sidewaysScroll } from "./page-checks";
import { appUrl, useBrowserAndDb } from "./suite";

const SHOP = "demo-shop.myshopify.com";
const e2e = useBrowserAndDb();

/** The first email the preview's SMTP sink received that matches, once the outbox has sent it. */
async function emailWhere(match: (email: ReceivedEmail) => boolean): Promise<ReceivedEmail> {
  let found: ReceivedEmail | undefined;
  await expect
    .poll(
      async () => {
        const { messages } = (await (await fetch(appUrl("/preview/mailbox"))).json()) as {
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
    const { ticket } = await merchantTickets(e2e.db, SHOP).create(
      newTicket({ contactEmail, shopName: "Demo Shop", description: "Orders from TikTok stopped syncing." }),
    );
    const number = formatTicketNumber(ticket.number);
    const reply = `Could you tell us which order is missing? (${Date.now()})`;

    const agentPage = await signInAgent(e2e.browser);
    await agentPage.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await agentPage.getByLabel("Reply to the merchant").fill(reply);
    await agentPage.getByRole("button", { name: "Send reply" }).click();
    await agentPage.getByText("Demo Agent replied to the merchant").waitFor();

    const log = await openInAdmin(e2e.browser, "/app/support/tickets");
    const nav = log.getByRole("navigation", { name: "App navigation" });
    await expect.poll(() => nav.getByRole("link", { name: /^My tickets \(\d+ new\)$/ }).count()).toBe(1);
    const ticketRow = (page: Page) =>
      page.locator("tr").filter({ has: page.getByRole("link", { name: number, exact: true }) });
    const row = ticketRow(log);
    await row.getByText("Awaiting your reply").waitFor();
    await row.getByText("New from SPL").waitFor();

    // The agent's reply reached the merchant with a link into Shopify admin that opens this ticket.
    const replyEmail = await emailWhere(
      (email) => email.to.includes(contactEmail) && email.text.includes(reply),
    );
    const adminLink = new URL(linkIn(replyEmail));
    expect(adminLink.origin).toBe("https://admin.shopify.com");
    const [, appPath] = /^\/store\/demo-shop\/apps\/[^/]+(\/app\/.+)$/.exec(adminLink.pathname)!;
    const opened = await openInAdmin(e2e.browser, appPath!);
    await opened.getByText(reply).waitFor();
    await opened.getByRole("heading", { name: `Ticket ${number}` }).waitFor();

    // Opened: the marker is gone from the log, as the merchant finds it on opening it again. A new
    // visit rather than reloads of the first page: a reload issued while Chromium swaps the page's
    // renderer fails with "Not attached to an active page" (seen on a loaded two-core machine).
    await expect
      .poll(async () => {
        const again = await openInAdmin(e2e.browser, "/app/support/tickets");
        const rowAgain = ticketRow(again);
        await rowAgain.getByText("Awaiting your reply").waitFor();
        const markers = await rowAgain.getByText("New from SPL").count();
        await again.context().close();
        return markers;
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
    await agentPage.context().close();
    await log.context().close();
    await opened.context().close();
  });

  it("fits the ticket log on a 390 px phone without sideways scrolling", async () => {
    const page = await openInAdmin(e2e.browser, "/app/support/tickets", {
      viewport: { width: 390, height: 844 },
    });
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
    expect(await sidewaysScroll(page)).toEqual({ page: false, scrollers: [] });
    // Status is in view, not behind a scroll.
    const box = (await status.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});

describe("a TikTok guide a merchant can act on", () => {
  it("carries the TikTok username typed on the guide into the prefilled email and marks it ready", async () => {
    const page = await openSupportPage(e2e.browser);
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
    const page = await openSupportPage(e2e.browser);
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
    const page = await openSupportPage(e2e.browser);
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
    const page = await openSupportPage(e2e.browser);
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
    await sentTicketId(page);
    await page.getByText(description).first().waitFor();
    await page.context().close();
  });

  it("shows the text and the answer again on Back from a guide", async () => {
    const page = await openSupportPage(e2e.browser);
    const problem = "My TikTok shop account has been suspended and I can't log in to Seller Center anymore.";
    await describeProblem(page, EN, problem);
    await page.getByRole("button", { name: "See how to contact TikTok" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/app\/support\/guides\//);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe(APP_URL_PATH);
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

describe("the ticket form follows Polaris' conventions", () => {
  it("says why a file was refused, focuses the error summary after a refused send, and keeps headings in order", async () => {
    const page = await openSupportPage(e2e.browser);
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

    await expectHeadingsInOrder(page);
    await page.context().close();
  });
});

describe("the Support page's wording and feedback", () => {
  it("gives the carrier's reason for a shipping problem, shows no editor's note, and shows admin's loading bar while navigating", async () => {
    const page = await openSupportPage(e2e.browser);
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

    await gotoInAdmin(page, "/app/support/guides/account_suspended");
    await page.getByRole("link", { name: "Email TikTok Seller Support" }).waitFor();
    expect(await page.getByText("isn't legible", { exact: false }).count()).toBe(0);
    await page.context().close();
  });
});

describe("the merchant's pages pass axe", () => {
  it.each(["en", "it"])("in %s: Support, ticket form, ticket log, ticket and guide", async (locale) => {
    const { ticket } = await merchantTickets(e2e.db, SHOP).create(
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
    const context = await merchantContext(e2e.browser, locale === "it" ? "it-IT" : "en-US");
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await gotoInAdmin(page, path, { lang: locale });
      await page.locator("h1").first().waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe(locale);
      found[path] = await seriousAxeViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(paths.map((path) => [path, []])));
    await context.close();
  });
});
