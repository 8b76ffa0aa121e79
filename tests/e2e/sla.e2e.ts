import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createAgent } from "~/agent/agents.server";
import { readSlaSettings } from "~/agent/sla-settings.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { formatTicketNumber } from "~/support/tickets/number";
import { newTicket } from "../helpers/tickets";
import { signInAgent } from "./agent";
import { axeViolations } from "./page-checks";
import { appUrl, useBrowserAndDb } from "./suite";

const e2e = useBrowserAndDb();
// Registered after the suite's own hooks, so it runs before they close the database.
afterAll(async () => {
  // Other files' tickets get the default targets again.
  await e2e.db?.slaSettings.deleteMany({});
});

describe("response-time targets", () => {
  it("highlights an overdue ticket in the queue, in words, and lists it under Breaching soon", async () => {
    const { ticket } = await merchantTickets(e2e.db, "demo-shop.myshopify.com").create(
      newTicket({ category: "connection", description: "The TikTok connection dropped again this morning." }),
    );
    // The ticket's first response was due three hours ago.
    await e2e.db.ticket.update({
      where: { id: ticket.id },
      data: { responseDueAt: new Date(Date.now() - 3 * 60 * 60 * 1000) },
    });
    const page = await signInAgent(e2e.browser);
    await page.getByRole("tab", { name: "Breaching soon" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("view")).toBe("breaching");
    const row = page.locator("tbody tr").filter({ hasText: formatTicketNumber(ticket.number) });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain("Overdue by 3 h");
    // The overdue badge is a critical one, not colour on plain text.
    expect(await row.locator(".Polaris-Badge--toneCritical").filter({ hasText: "Overdue by" }).count()).toBe(
      1,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("lets an admin change a target, keeping a wrong value with its message until it is fixed", async () => {
    const page = await signInAgent(e2e.browser);
    await page.getByRole("link", { name: "Response targets" }).click();
    await page.getByRole("heading", { name: "Response targets", level: 1 }).waitFor();
    const field = page.locator('input[name="first.connection"]');
    await field.fill("soon");
    await page.getByRole("button", { name: "Save targets" }).click();
    await page.getByText("Enter a number of hours greater than zero, for example 8 or 1.5.").waitFor();
    expect(await field.inputValue()).toBe("soon");
    expect(await axeViolations(page)).toEqual([]);

    await field.fill("1.5");
    await page.getByRole("button", { name: "Save targets" }).click();
    await page.getByText("Saved.").waitFor();
    expect((await readSlaSettings(e2e.db)).targets.connection.firstMinutes).toBe(90);
    await page.reload();
    expect(await page.locator('input[name="first.connection"]').inputValue()).toBe("1.5");
    await page.context().close();
  });

  it("answers 403 to an agent without the admin role on the targets page", async () => {
    const email = `sla-agent-${randomUUID()}@spl.example`;
    const password = "an agent's own long password";
    const created = await createAgent(e2e.db, { email, name: "Plain Agent", role: "agent", password });
    expect(created.ok).toBe(true);
    const page = await signInAgent(e2e.browser, { email, password });
    expect(await page.getByRole("link", { name: "Response targets" }).count()).toBe(0);
    const response = await page.goto(appUrl("/agent/admin/sla"));
    expect(response?.status()).toBe(403);
    await page.context().close();
  });

  it("shows responses on time, tickets overdue and satisfaction on a dashboard axe finds nothing wrong with", async () => {
    const page = await signInAgent(e2e.browser);
    await page.goto(appUrl("/agent/dashboard"));
    await page.getByRole("heading", { name: "Responses on time" }).waitFor();
    await page.getByRole("heading", { name: "Overdue now" }).waitFor();
    await page.getByRole("heading", { name: "Merchants satisfied" }).waitFor();
    await page.getByRole("heading", { name: "Tickets by category" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
