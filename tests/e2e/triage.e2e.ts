import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { newTicket } from "../helpers/tickets";
import { signInAgent } from "./agent";
import { merchantContext } from "./chromium";
import { APP_URL_PATH, EN, IT, describeProblem, openSupportPage, sentTicketId } from "./merchant";
import { seriousAxeViolations } from "./page-checks";
import { appUrl, useBrowserAndDb } from "./suite";

const e2e = useBrowserAndDb();

/** From the store checks of the ticket form to the form itself, then sends it; returns the stored ticket. */
async function sendTicket(page: Page, openAnyway = "Open a ticket anyway", send = "Send ticket") {
  await page.getByRole("button", { name: openAnyway }).click();
  await page.getByRole("button", { name: send }).click();
  return e2e.db.ticket.findUniqueOrThrow({ where: { id: await sentTicketId(page) } });
}

describe("triage on the Support page", () => {
  it("asks which problem is closest for a vague text, and the merchant's pick opens an SPL ticket", async () => {
    const page = await openSupportPage(e2e.browser);
    const problem = `It doesn't work ${Date.now()}`;
    await describeProblem(page, EN, problem);
    const question = page.getByRole("heading", { name: "Which of these is closest?" });
    await question.waitFor();
    // Nothing was routed: no next step until the merchant picks, and no bare percentage.
    await expect.poll(() => page.getByRole("button", { name: "Open an SPL ticket" }).count()).toBe(0);
    await expect.poll(() => page.getByText(/\d+% sure/).count()).toBe(0);
    await page.getByText("Fixed by SPL support").first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Show all problems" }).click();
    await page.getByRole("button", { name: "Choose Blocked account" }).waitFor();
    await page.getByRole("button", { name: "Choose Connection" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("category")).toBe("connection");
    const ticket = await sendTicket(page);
    expect(ticket).toMatchObject({ category: "connection", merchantCategory: "connection" });
    // The merchant told the classifier something: the pick is a labelled example.
    expect(await e2e.db.triageLabel.count({ where: { ticketId: ticket.id, decidedBy: "merchant" } })).toBe(1);
    await page.context().close();
  });

  it("asks in Italian too, and a TikTok pick goes to TikTok's guide", async () => {
    const page = await openSupportPage(e2e.browser, { locale: "it-IT" });
    await describeProblem(page, IT, "non funziona niente");
    await page.getByRole("heading", { name: "Quale di questi si avvicina di più?" }).waitFor();
    await page.getByRole("button", { name: "Mostra tutti i problemi" }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Scegli Account bloccato" }).click();
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 15_000 })
      .toBe("/app/support/guides/account_suspended");
    await page.context().close();
  });

  it("offers SPL's ticket and TikTok's guide for a two-problem text, and the ticket keeps both categories", async () => {
    const page = await openSupportPage(e2e.browser);
    const problem = `My TikTok account is suspended and also my orders are not syncing to Shopify (${Date.now()})`;
    await describeProblem(page, EN, problem);
    await page.getByRole("heading", { name: "Your message describes two problems" }).waitFor();
    await page.getByRole("button", { name: "See how to contact TikTok about Blocked account" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Open an SPL ticket for Order sync" }).click();
    await page.getByText("This ticket is for the Order sync part").waitFor();
    const ticket = await sendTicket(page);
    expect(ticket).toMatchObject({ category: "order_sync", secondCategory: "account_suspended" });
    // Picking the SPL part agrees with the classifier's reading: nothing to learn.
    expect(await e2e.db.triageLabel.count({ where: { ticketId: ticket.id } })).toBe(0);
    await page.getByText("SPL handles the Order sync part of your message").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("says so in Italian, without axe violations", async () => {
    const page = await openSupportPage(e2e.browser, { locale: "it-IT" });
    await describeProblem(
      page,
      IT,
      "Il mio account TikTok è stato sospeso e in più gli ordini non si sincronizzano con Shopify",
    );
    await page.getByRole("heading", { name: "Il tuo messaggio descrive due problemi" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("prefills the ticket's order field with the order the text names", async () => {
    const page = await openSupportPage(e2e.browser);
    await describeProblem(page, EN, "TikTok order 1002 is not showing up in Shopify since yesterday");
    await page.getByRole("button", { name: "Open an SPL ticket" }).click();
    await page.getByRole("button", { name: "Open a ticket anyway" }).click();
    await expect.poll(() => page.getByLabel("Order ID (optional)").inputValue()).toBe("1002");
    await page.context().close();
  });

  it("answers the form posted before any script runs, as a whole page that keeps the text", async () => {
    const context = await merchantContext(e2e.browser, "en-US", { javaScript: false });
    const page = await context.newPage();
    await page.goto(inject("baseURL"));
    await expect.poll(() => new URL(page.url()).pathname).toBe(APP_URL_PATH);
    const problem = "The products won't sync to TikTok, it says Sync failed on every variant";
    await page.getByLabel(EN.field).fill(problem);
    await page.getByRole("button", { name: EN.submit, exact: true }).first().click();
    await page.getByRole("heading", { name: "Here is who can fix it" }).waitFor();
    await page.getByText("Product sync", { exact: true }).first().waitFor();
    expect(await page.getByLabel(EN.field).inputValue()).toBe(problem);
    await context.close();
  });
});

describe("learning from agents", () => {
  it("an agent's category change appears in npm run triage:export, scrubbed", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const marker = `m${Date.now()}`;
    const { ticket } = await merchantTickets(e2e.db, "demo-shop.myshopify.com").create(
      newTicket({
        category: "order_sync",
        suggestedCategory: "order_sync",
        shopName: "Demo Shop",
        description: `Demo Shop here, ${marker}: the app says my TikTok shop is disconnected since order #1002, write to mario@example.com`,
      }),
    );
    const page = await signInAgent(e2e.browser);
    await page.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Category", { exact: true }).selectOption("connection");
    await page.getByRole("button", { name: "Change category" }).click();
    await page
      .getByText(/changed the category/i)
      .first()
      .waitFor();
    await page.context().close();

    const out = join(tmpdir(), `triage-export-${process.pid}-${marker}.jsonl`);
    execFileSync("npm", ["run", "--silent", "triage:export", "--", "--out", out, "--since", since], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    });
    const rows = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { text: string })
      .filter((row) => row.text.includes(marker));
    expect(rows).toEqual([
      {
        text: `[name] here, ${marker}: the app says my TikTok shop is disconnected since order #[number], write to [email]`,
        locale: "en",
        category: "connection",
        decidedBy: "agent",
        modelVersion: null,
      },
    ]);
  });
});
