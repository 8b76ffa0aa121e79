import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createAgent } from "~/agent/agents.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { PNG_BYTES, newTicket } from "../helpers/tickets";
import { signInAgent, submitSignIn, trySignIn } from "./agent";
import { merchantContext } from "./chromium";
import { openSupportPage } from "./merchant";
import { axeViolations } from "./page-checks";
import { appUrl, useBrowserAndDb } from "./suite";

const e2e = useBrowserAndDb();

describe("the agent console", () => {
  it("sends a signed-out visitor to the sign-in page", async () => {
    const context = await merchantContext(e2e.browser);
    const page = await context.newPage();
    await page.goto(appUrl("/agent/dashboard"));
    await expect.poll(() => new URL(page.url()).pathname).toBe("/agent/sign-in");
    await page.getByRole("heading", { name: "Sign in to the SPL agent console" }).waitFor();
    await context.close();
  });

  it("lets the demo agent filter to order sync, note, reply and resolve; the merchant then sees the reply but never the note", async () => {
    const page = await signInAgent(e2e.browser);
    await page.getByRole("button", { name: /search and filter/i }).click();
    await page.getByRole("button", { name: "Category", exact: true }).click();
    await page
      .locator("label")
      .filter({ hasText: /^Order sync$/ })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get("category")).toBe("order_sync");
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.filter({ hasText: "Order sync" }).count()).toBeGreaterThan(0);
    await expect.poll(() => rows.filter({ hasText: "Product sync" }).count()).toBe(0);

    const row = rows.filter({ hasText: "fulfilled order #1002" });
    const number = (await row.getByRole("link").first().textContent())!.trim();
    await row.getByRole("link", { name: number }).click();
    await page.getByRole("heading", { name: number }).waitFor();

    const note = `Tracking sync job failed for this shop — internal ${Date.now()}`;
    const reply = `We re-sent the tracking number to TikTok; it shows as shipped now (${Date.now()}).`;
    await page.getByLabel("New note").fill(note);
    await page.getByRole("button", { name: "Add note" }).click();
    // The form empties once the note is saved (Polaris mirrors a text field's value in a hidden sizer).
    await expect.poll(() => page.getByLabel("New note").inputValue()).toBe("");
    await page.getByText(note).waitFor();
    await page.getByLabel("Reply to the merchant").fill(reply);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => page.getByLabel("Reply to the merchant").inputValue()).toBe("");
    await page.getByText(reply).waitFor();
    await page.getByText("Demo Agent replied to the merchant").waitFor();
    await page.getByRole("button", { name: "Resolve" }).click();
    await page.getByText("Demo Agent changed the status from Waiting on merchant to Resolved").waitFor();
    await page.context().close();

    const merchant = await openSupportPage(e2e.browser);
    await merchant
      .getByRole("navigation", { name: "App navigation" })
      .getByRole("link", { name: "My tickets" })
      .click();
    await merchant.getByRole("link", { name: number }).click();
    await merchant.getByText(reply).waitFor();
    expect(await merchant.getByText(note).count()).toBe(0);
    expect(await merchant.content()).not.toContain(note);
    await merchant.context().close();
  });

  it("shows a merchant's script and image payloads as text, without running them", async () => {
    const marker = `xss${Date.now()}`;
    const payload = `${marker} <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
    const { ticket } = await merchantTickets(e2e.db, "second-shop.myshopify.com").create(
      newTicket({ description: payload, shopName: "Second Shop" }),
    );
    const page = await signInAgent(e2e.browser);
    await page.goto(appUrl(`/agent?q=${marker}`));
    await page.getByText(payload, { exact: false }).first().waitFor();
    await page.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await page.getByText(payload).waitFor();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("img[src='x']").count()).toBe(0);
    await page.context().close();
  });

  it("refuses a state-changing request without the cross-site token", async () => {
    const page = await signInAgent(e2e.browser);
    const { ticket } = await merchantTickets(e2e.db, "demo-shop.myshopify.com").create(
      newTicket({ description: "Orders are missing from TikTok." }),
    );
    await page.goto(appUrl(`/agent/tickets/${ticket.id}`));
    const status = await page.evaluate(async (path) => {
      const response = await fetch(path, {
        method: "POST",
        body: new URLSearchParams({ intent: "note", body: "forged note" }),
      });
      return response.status;
    }, `/agent/tickets/${ticket.id}`);
    expect(status).toBe(403);
    expect(await e2e.db.internalNote.count({ where: { ticketId: ticket.id } })).toBe(0);
    await page.context().close();
  });

  it("locks an account after five wrong passwords, and says so", async () => {
    const email = `locked-${Date.now()}@spl.example`;
    await createAgent(e2e.db, { email, name: "Soon Locked", role: "agent", password: "the right password" });
    const page = await trySignIn(e2e.browser, email, "wrong password 1");
    await page.getByText("Wrong email or password").waitFor();
    for (let attempt = 2; attempt <= 5; attempt += 1) await submitSignIn(page, `wrong password ${attempt}`);
    await page.getByText("Account locked").waitFor();
    await page
      .getByText("Too many wrong passwords: this account is locked. Try again in 15 minutes.")
      .waitFor();
    await submitSignIn(page, "the right password");
    await page.getByText("Account locked").waitFor();
    expect(new URL(page.url()).pathname).toBe("/agent/sign-in");
    await page.context().close();
  }, 90_000);
});

describe("the agent console for a support team", () => {
  it("keeps a saved view across sign-ins: the agent saves the current filters and finds them again", async () => {
    const page = await signInAgent(e2e.browser);
    await page.goto(appUrl("/agent?category=order_sync&sort=activity_desc"));
    const name = `Order sync ${Date.now()}`;
    await page.getByLabel("Save these filters as a view").fill(name);
    await page.getByRole("button", { name: "Save view" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("savedView")).toBeTruthy();
    await page.context().close();

    const again = await signInAgent(e2e.browser);
    expect(new URL(again.url()).searchParams.get("category")).toBeNull();
    await again.getByRole("tab", { name }).click();
    await expect.poll(() => new URL(again.url()).searchParams.get("category")).toBe("order_sync");
    expect(new URL(again.url()).searchParams.get("sort")).toBe("activity_desc");
    await again.context().close();
  });

  it("inserts a canned reply into the composer with the ticket's placeholders filled", async () => {
    const page = await signInAgent(e2e.browser);
    await page.goto(appUrl("/agent/canned-replies"));
    const title = `Resync done ${Date.now()}`;
    await page.getByLabel("Title").fill(title);
    await page
      .getByLabel("Reply", { exact: true })
      .fill("Hi {merchant_name}, {ticket_number} for {shop_name} is fixed. {agent_name}");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: title }).waitFor();

    const { ticket } = await merchantTickets(e2e.db, "demo-shop.myshopify.com").create(
      newTicket({ shopName: "Demo Shop", contactEmail: "maria@example.com" }),
    );
    await page.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Insert a canned reply").selectOption({ label: `${title} (English)` });
    await expect
      .poll(() => page.getByLabel("Reply to the merchant").inputValue())
      .toBe(`Hi maria, SPL-${ticket.number} for Demo Shop is fixed. Demo Agent`);
    await page.context().close();
  });

  it("shows the first agent that a second agent opened the same ticket", async () => {
    const email = `second-${Date.now()}@spl.example`;
    await createAgent(e2e.db, {
      email,
      name: "Second Agent",
      role: "agent",
      password: "second agent password",
    });
    const { ticket } = await merchantTickets(e2e.db, "demo-shop.myshopify.com").create(newTicket());
    const first = await signInAgent(e2e.browser);
    await first.goto(appUrl(`/agent/tickets/${ticket.id}`));
    const second = await signInAgent(e2e.browser, { email, password: "second agent password" });
    await second.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await first.getByText("Second Agent is viewing this ticket.").waitFor({ timeout: 15_000 });
    await second.getByText("Demo Agent is viewing this ticket.").waitFor({ timeout: 15_000 });
    await first.context().close();
    await second.context().close();
  });

  it("keeps an agent without the admin role out of the admin pages: the server answers 403", async () => {
    const email = `plain-${Date.now()}@spl.example`;
    await createAgent(e2e.db, {
      email,
      name: "Plain Agent",
      role: "agent",
      password: "plain agent password",
    });
    const page = await signInAgent(e2e.browser, { email, password: "plain agent password" });
    expect(await page.getByRole("link", { name: "Agents" }).count()).toBe(0);
    // The session's own cross-site token, so the refusal is the role's, not the token's.
    const csrf = await page.locator("input[name=csrf]").first().inputValue();
    const response = await page.goto(appUrl("/agent/admin/agents"));
    expect(response?.status()).toBe(403);
    const status = await page.evaluate(async (token) => {
      const answer = await fetch("/agent/admin/agents", {
        method: "POST",
        body: new URLSearchParams({
          intent: "create",
          email: "x@spl.example",
          name: "X",
          role: "admin",
          password: "long enough password",
          csrf: token,
        }),
      });
      return answer.status;
    }, csrf);
    expect(status).toBe(403);
    await page.context().close();
  });

  it("sends the TikTok guide to a misrouted ticket, and the merchant sees it with the guide's link", async () => {
    const { ticket } = await merchantTickets(e2e.db, "demo-shop.myshopify.com").create(
      newTicket({ shopName: "Demo Shop", description: `My TikTok payout never arrived ${Date.now()}` }),
    );
    const page = await signInAgent(e2e.browser);
    await page.goto(appUrl(`/agent/tickets/${ticket.id}`));
    // The button acts once React has hydrated the page.
    await page.waitForLoadState("networkidle");
    await page.getByLabel("TikTok category").selectOption("payout");
    await page.getByRole("button", { name: "Send the TikTok guide" }).click();
    await page.getByText("Demo Agent changed the status from New to Resolved").waitFor();
    await page.context().close();

    const merchant = await openSupportPage(e2e.browser);
    await merchant
      .getByRole("navigation", { name: "App navigation" })
      .getByRole("link", { name: "My tickets" })
      .click();
    await merchant.getByRole("link", { name: `SPL-${ticket.number}` }).click();
    const link = merchant.getByRole("link", { name: "/app/support/guides/payout" });
    await link.waitFor();
    await link.click();
    await expect.poll(() => new URL(merchant.url()).pathname).toBe("/app/support/guides/payout");
    await merchant.context().close();
  });

  it("works the queue and a ticket from the keyboard, with a help overlay", async () => {
    const { ticket } = await merchantTickets(e2e.db, "demo-shop.myshopify.com").create(newTicket());
    const page = await signInAgent(e2e.browser);
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("j");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toMatch(/^SPL-\d+$/);
    await page.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).getByText("Resolve the ticket").waitFor();
    await page.keyboard.press("Escape");
    // Polaris gives focus back once the overlay has gone.
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor({ state: "detached" });
    await page.keyboard.press("r");
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    expect(
      await page.getByLabel("Reply to the merchant").evaluate((field) => field === document.activeElement),
    ).toBe(true);
    await page.context().close();
  });

  it("attaches a file to a reply, and the merchant downloads it", async () => {
    const { ticket } = await merchantTickets(e2e.db, "demo-shop.myshopify.com").create(
      newTicket({ shopName: "Demo Shop" }),
    );
    const page = await signInAgent(e2e.browser);
    await page.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await page.waitForLoadState("networkidle");
    const reply = `The settings to use are in the screenshot (${Date.now()}).`;
    await page.getByLabel("Reply to the merchant").fill(reply);
    await page
      .getByLabel(/^Attach files/)
      .setInputFiles({ name: "spl-settings.png", mimeType: "image/png", buffer: Buffer.from(PNG_BYTES) });
    await page.getByRole("button", { name: "Send reply" }).click();
    // The composer empties once the reply is saved (Polaris mirrors a text field's value in a hidden sizer).
    await expect.poll(() => page.getByLabel("Reply to the merchant").inputValue()).toBe("");
    await page.getByText(reply).waitFor();
    await page.context().close();

    const merchant = await openSupportPage(e2e.browser);
    await merchant
      .getByRole("navigation", { name: "App navigation" })
      .getByRole("link", { name: "My tickets" })
      .click();
    await merchant.getByRole("link", { name: `SPL-${ticket.number}` }).click();
    await merchant.getByText(reply).waitFor();
    const [download] = await Promise.all([
      merchant.waitForEvent("download"),
      merchant.getByRole("button", { name: "Download spl-settings.png" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("spl-settings.png");
    const saved = await download.path();
    expect(readFileSync(saved)).toEqual(Buffer.from(PNG_BYTES));
    await merchant.context().close();
  });

  it("passes axe on the queue, the ticket page and the dashboard", async () => {
    const page = await signInAgent(e2e.browser);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(appUrl("/agent/dashboard"));
    await page.getByRole("heading", { name: "Tickets by category" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const { ticket } = await merchantTickets(e2e.db, "demo-shop.myshopify.com").create(newTicket());
    await page.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await page.getByRole("heading", { name: `SPL-${ticket.number}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
