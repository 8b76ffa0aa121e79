import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { createDb } from "~/db.server";
import {
  APP_URL_PATH,
  EN,
  IT,
  adminDeepLink,
  describeProblem,
  openSupportPage,
  sentTicketId,
} from "./merchant";
import { useBrowser } from "./suite";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

/** The category named in the triage answer (the quick-pick buttons carry the same words). */
const triageAnswer = (page: Page, label: string) =>
  page.locator("p").filter({ hasText: new RegExp(`^${label}$`) });

const suite = useBrowser();

describe("a merchant in the Support page", () => {
  it("opens an SPL ticket for an order-sync problem, with a screenshot, and finds it in the log", async () => {
    const page = await openSupportPage(suite.browser);
    const problem = "Since Monday my TikTok orders are not showing up in Shopify, order #1001 is missing.";
    await describeProblem(page, EN, problem);
    await triageAnswer(page, "Order sync").waitFor();
    await expect.poll(() => page.getByText("SPL support").first().isVisible()).toBe(true);
    await page.getByRole("button", { name: "Open an SPL ticket" }).click();
    await page.getByText("Is the order still in TikTok's one-hour hold?", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Open a ticket anyway" }).click();
    await expect.poll(() => page.getByLabel("Description").inputValue()).toBe(problem);
    await page.getByLabel("Order ID (optional)").fill("#1001");
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "orders.png", mimeType: "image/png", buffer: PNG });
    await page.getByText("orders.png", { exact: false }).first().waitFor();
    await page.getByRole("button", { name: "Send ticket" }).click();
    await sentTicketId(page);
    const heading = await page
      .getByText(/^Ticket SPL-\d+ sent$/)
      .first()
      .textContent();
    const number = /SPL-\d+/.exec(heading ?? "")![0];
    await page.getByText("Order #1001 was attached to the ticket.").waitFor();
    await page.getByRole("button", { name: "Download orders.png" }).waitFor();

    await page
      .getByRole("navigation", { name: "App navigation" })
      .getByRole("link", { name: "My tickets" })
      .click();
    await page.getByRole("link", { name: number }).waitFor();
    await page.context().close();
  });

  it("keeps what the merchant typed and says what to fix when the form is wrong", async () => {
    const page = await openSupportPage(suite.browser);
    await page.getByRole("button", { name: "Order sync" }).click();
    await page.getByRole("button", { name: "Open an SPL ticket" }).click();
    await page.getByRole("button", { name: "Open a ticket anyway" }).click();
    await page.getByLabel("Description").fill("Too short");
    await page.getByRole("button", { name: "Send ticket" }).click();
    await page.getByText("Describe the problem in at least 10 characters.").waitFor();
    expect(await page.getByLabel("Description").inputValue()).toBe("Too short");

    // A file that only pretends to be a screenshot is refused by the server; the text stays.
    const description = "Orders from TikTok arrive twice in Shopify since the last update.";
    await page.getByLabel("Description").fill(description);
    await page.locator('input[type="file"]').setInputFiles({
      name: "fake.png",
      mimeType: "image/png",
      buffer: Buffer.from("<script>alert(1)</script>"),
    });
    await page.getByRole("button", { name: "Send ticket" }).click();
    await page.getByText("fake.png is not a PNG, JPEG, WebP or PDF file.").waitFor();
    expect(await page.getByLabel("Description").inputValue()).toBe(description);
    expect(new URL(page.url()).pathname).toBe("/app/support/new");
    await page.context().close();
  });

  it("sends an Italian merchant with a rejected product to the TikTok guide in Italian, and copies the case summary", async () => {
    const db = createDb(inject("databaseUrl"));
    const visits = () =>
      db.guideVisit.count({ where: { category: "product_rejection", shop: "demo-shop.myshopify.com" } });
    const before = await visits();
    const page = await openSupportPage(suite.browser, { locale: "it-IT" });
    const problem =
      "Il mio prodotto è stato rifiutato da TikTok: dice Review failed per violazione delle norme.";
    await describeProblem(page, IT, problem);
    await triageAnswer(page, "Prodotto rifiutato").waitFor();
    await page.getByRole("button", { name: "Scopri come contattare TikTok" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support/guides/product_rejection");
    await page.getByText("Centro Venditori", { exact: false }).first().waitFor();
    await page.getByRole("button", { name: "Copia riepilogo del caso" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(problem);
    expect(await visits()).toBe(before + 1);

    // Coming back to the guide through the browser's history shows it again without counting again.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe(APP_URL_PATH);
    await page.goForward();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support/guides/product_rejection");
    await page.getByRole("button", { name: "Copia riepilogo del caso" }).waitFor();
    expect(await visits()).toBe(before + 1);
    await db.$disconnect();
    await page.context().close();
  });

  it("sends a blocked account to TikTok by email with a prefilled message", async () => {
    const page = await openSupportPage(suite.browser);
    const problem = "My TikTok shop account has been suspended and I can't log in to Seller Center anymore.";
    await describeProblem(page, EN, problem);
    await triageAnswer(page, "Blocked account").waitFor();
    await page.getByRole("button", { name: "See how to contact TikTok" }).click();
    const mailto = page.getByRole("link", { name: "Email TikTok Seller Support" });
    const href = (await mailto.getAttribute("href")) ?? "";
    const url = new URL(href);
    expect(url.protocol).toBe("mailto:");
    expect(url.pathname).toBe("sellersupport@tiktok.com");
    expect(url.searchParams.get("body")).toContain(problem);
    expect(url.searchParams.get("body")).toContain("Demo Shop");
    expect(url.searchParams.get("subject")).toBeTruthy();
    await page.context().close();
  });

  it("recognises a UPS tracking number on the shipping guide and shows UPS's contact", async () => {
    const page = await openSupportPage(suite.browser);
    await page.getByRole("button", { name: "Shipping" }).click();
    await page.getByRole("button", { name: "See how to contact TikTok" }).click();
    await page.getByLabel("Tracking number").fill("1Z 999 AA1 01 2345 6784");
    await page.getByText("Looks like a UPS tracking number").waitFor();
    await page.getByText("+1 800-742-5877", { exact: false }).first().waitFor();
    expect(
      await page.getByRole("link", { name: "Track this parcel on UPS's website" }).getAttribute("href"),
    ).toContain("ups.com/track?tracknum=1Z999AA10123456784");
    await page.context().close();
  });

  it("does not let a second shop open the first shop's ticket by its URL", async () => {
    const db = createDb(inject("databaseUrl"));
    const ticket = await db.ticket.findFirstOrThrow({ where: { shop: "demo-shop.myshopify.com" } });
    await db.$disconnect();
    const page = await openSupportPage(suite.browser, { shop: "second-shop.myshopify.com" });
    await page.goto(
      adminDeepLink(`/app/support/tickets/${ticket.id}`, { shop: "second-shop.myshopify.com" }),
    );
    await page.getByText("Ticket not found").waitFor();
    expect(await page.getByText(ticket.description).count()).toBe(0);
    await page.context().close();
  });
});
