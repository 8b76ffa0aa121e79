import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../preview/demo-shops";
import { signInAgent } from "./agent";
import { EN, describeProblem, openSupportPage, sentTicketId } from "./merchant";
import { appUrl, useBrowserAndDb } from "./suite";

const PRODUCTS_PROBLEM = "three of my products don't show on TikTok";
const e2e = useBrowserAndDb();

/** From the Support page to the store checks of an SPL problem, in the demo shop unless told. */
async function checkStore(problem: string, shop?: string): Promise<Page> {
  const page = await openSupportPage(e2e.browser, shop ? { shop } : {});
  await describeProblem(page, EN, problem);
  await page.getByRole("button", { name: "Open an SPL ticket" }).click();
  await page.getByRole("heading", { name: "We checked your store" }).waitFor();
  await page.getByText(/need attention, \d+ could not be checked/).waitFor({ timeout: 10_000 });
  return page;
}

/** The finding that says `text`, with its links. */
const finding = (page: Page, text: string) =>
  page
    .locator("div")
    .filter({ hasText: text })
    .filter({ has: page.getByRole("link") })
    .last();

describe("store checks before a ticket", () => {
  it("lists the products without images and the unpublished one, each with a working admin link", async () => {
    const page = await checkStore(PRODUCTS_PROBLEM);
    const expected = [
      ["Linen Summer Dress has no images.", "8880001"],
      ["Ceramic Mug Set has no images.", "8880002"],
      ["Leather Card Wallet is not published to the SPL sales channel (status: active).", "8880003"],
    ] as const;
    for (const [text, id] of expected) {
      const link = finding(page, text).getByRole("link", { name: "Open the product in Shopify" });
      expect(await link.getAttribute("href")).toBe(`shopify:admin/products/${id}`);
    }
    await finding(page, expected[0][0]).getByRole("link", { name: "Open the product in Shopify" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/preview/admin/products/8880001");
    expect(await page.textContent("body")).toContain('"title":"Linen Summer Dress"');
    await page.context().close();
  });

  it('records "This fixed it" as solved by self-help and opens no ticket', async () => {
    const where = { shop: DEMO_SHOP.domain };
    const [tickets, solved] = [
      await e2e.db.ticket.count({ where }),
      await e2e.db.selfHelpResolution.count({ where }),
    ];
    const page = await checkStore(PRODUCTS_PROBLEM);
    await page.getByRole("button", { name: "This fixed it" }).click();
    await page.getByText("Glad it's fixed.", { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/app/support");
    expect(await e2e.db.selfHelpResolution.count({ where })).toBe(solved + 1);
    expect(await e2e.db.ticket.count({ where })).toBe(tickets);
    await page.context().close();
  });

  it("sends the findings with the ticket, and the agent sees them and runs the checks again", async () => {
    const page = await checkStore(
      "Order #1002 is shipped in Shopify but TikTok still says awaiting shipment",
    );
    await page.getByText("Order #1002 is fulfilled without a tracking number.").waitFor();
    await page.getByRole("button", { name: "I still need help: open a ticket" }).click();
    await page.getByText("Your ticket will include what the checks found.").waitFor();
    await page.getByRole("button", { name: "Send ticket" }).click();
    const ticketId = await sentTicketId(page);
    await page.context().close();

    const agent = await signInAgent(e2e.browser);
    await agent.goto(appUrl(`/agent/tickets/${ticketId}`));
    await agent.getByRole("heading", { name: "Store checks" }).waitFor();
    await agent.getByText("Order #1002 is fulfilled without a tracking number.").waitFor();
    const before = await e2e.db.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      select: { storeChecks: true },
    });
    await agent.getByRole("button", { name: "Run the checks again" }).click();
    await expect
      .poll(async () => (await e2e.db.auditEvent.count({ where: { ticketId, action: "store_checks" } })) > 0)
      .toBe(true);
    const after = await e2e.db.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      select: { storeChecks: true },
    });
    expect(after.storeChecks).not.toEqual(before.storeChecks);
    await agent.getByText("Order #1002 is fulfilled without a tracking number.").waitFor();
    await agent.context().close();
  });

  it("says which checks could not run when the Admin API is throttled, and the ticket still opens", async () => {
    const page = await checkStore(PRODUCTS_PROBLEM, "busy-shop.myshopify.com");
    await page
      .getByText("Could not check your products: Shopify asked the app to slow down. Try again in a minute.")
      .waitFor();
    await page.getByRole("button", { name: "I still need help: open a ticket" }).click();
    await page.getByRole("button", { name: "Send ticket" }).click();
    const ticketId = await sentTicketId(page);
    const ticket = await e2e.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket.storeChecks).toMatchObject({
      category: "product_sync",
      findings: [{ group: "products", outcome: "unchecked", reason: "throttled" }],
    });
    await page.context().close();
  });
});
