import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { agentTickets } from "~/agent/agent-tickets.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { formatTicketNumber } from "~/support/tickets/number";
import { DEMO_AGENT } from "../../preview/demo-agent";
import { PNG_BYTES, newTicket } from "../helpers/tickets";
import { signInAgent } from "./agent";
import { gotoInAdmin, openInAdmin } from "./merchant";
import { seriousAxeViolations } from "./page-checks";
import { appUrl, useBrowserAndDb } from "./suite";

const SHOP = "demo-shop.myshopify.com";
const e2e = useBrowserAndDb();

async function demoTicket(description: string) {
  const { ticket } = await merchantTickets(e2e.db, SHOP).create(
    newTicket({ shopName: "Demo Shop", description }),
  );
  return ticket;
}

async function demoAgentId() {
  return (await e2e.db.agent.findUniqueOrThrow({ where: { email: DEMO_AGENT.email } })).id;
}

describe("the conversation, on both sides", () => {
  it("asks the merchant about a resolved ticket; the answer and comment reach the agent", async () => {
    const ticket = await demoTicket(`Orders stopped syncing (${Date.now()}).`);
    await agentTickets(e2e.db).setStatus({ id: await demoAgentId() }, ticket.id, "resolved");

    const merchant = await openInAdmin(e2e.browser, `/app/support/tickets/${ticket.id}`);
    await merchant.getByRole("group", { name: "Did this solve your problem?" }).waitFor();
    await merchant.waitForLoadState("networkidle");
    expect(await seriousAxeViolations(merchant)).toEqual([]);
    await merchant.getByText("No, it isn't solved", { exact: true }).click();
    await merchant.getByLabel("Anything to add? (optional)").fill("Two orders are still missing.");
    await merchant.getByRole("button", { name: "Send answer" }).click();
    await merchant.getByText("You answered: No, it isn't solved. Thank you.").waitFor();
    await merchant.context().close();

    const agent = await signInAgent(e2e.browser);
    await agent.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await agent.getByRole("heading", { name: "Merchant's rating" }).waitFor();
    await agent.getByText("Did this solve your problem? Not solved").waitFor();
    await agent.getByText("Two orders are still missing.").waitFor();
    await agent.getByText("The merchant answered the satisfaction question: Not solved").waitFor();
    expect(await seriousAxeViolations(agent)).toEqual([]);
    await agent.context().close();
  });

  it("keeps a file on an internal note for agents: they download it, the merchant can neither see nor fetch it", async () => {
    const ticket = await demoTicket(`Our TikTok payouts look wrong (${Date.now()}).`);
    const agent = await signInAgent(e2e.browser);
    await agent.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await agent.waitForLoadState("networkidle");
    await agent.getByLabel("New note").fill("The merchant's bank statement, for us only.");
    await agent
      .getByLabel(/^Add files to the note/)
      .setInputFiles({ name: "statement.png", mimeType: "image/png", buffer: Buffer.from(PNG_BYTES) });
    await agent.getByRole("button", { name: "Add note" }).click();
    await expect.poll(() => agent.getByLabel("New note").inputValue()).toBe("");
    const [download] = await Promise.all([
      agent.waitForEvent("download"),
      agent.getByRole("link", { name: /^statement\.png/ }).click(),
    ]);
    expect(readFileSync(await download.path())).toEqual(Buffer.from(PNG_BYTES));
    await agent.context().close();

    const file = await e2e.db.attachment.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(file.noteId).not.toBeNull();
    const merchant = await openInAdmin(e2e.browser, `/app/support/tickets/${ticket.id}`);
    await merchant.getByRole("heading", { name: `Ticket ${formatTicketNumber(ticket.number)}` }).waitFor();
    await merchant.waitForLoadState("networkidle");
    expect(await merchant.getByText("statement.png").count()).toBe(0);
    // Asked for by its address, with the merchant's session token, it is not there.
    const status = await merchant.evaluate(
      async (id) => (await fetch(`/app/support/attachments/${id}`)).status,
      file.id,
    );
    expect(status).toBe(404);
    await merchant.context().close();
  });

  it("sends the merchant's reply with a file, which the agent downloads byte for byte", async () => {
    const ticket = await demoTicket(`Products are rejected by TikTok (${Date.now()}).`);
    const merchant = await openInAdmin(e2e.browser, `/app/support/tickets/${ticket.id}`);
    await merchant.waitForLoadState("networkidle");
    const reply = `Here is the rejection screen (${Date.now()}).`;
    await merchant.getByLabel("Reply", { exact: true }).fill(reply);
    await merchant
      .locator('input[type="file"]')
      .setInputFiles({ name: "rejection.png", mimeType: "image/png", buffer: Buffer.from(PNG_BYTES) });
    await merchant.getByText("rejection.png (1 KB)").waitFor();
    await merchant.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => merchant.getByLabel("Reply", { exact: true }).inputValue()).toBe("");
    await merchant.getByText(reply).waitFor();
    await merchant.getByRole("button", { name: "Download rejection.png" }).waitFor();
    await merchant.context().close();

    const agent = await signInAgent(e2e.browser);
    await agent.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await agent.getByText(reply).waitFor();
    const [download] = await Promise.all([
      agent.waitForEvent("download"),
      agent.getByRole("link", { name: /^rejection\.png/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("rejection.png");
    expect(readFileSync(await download.path())).toEqual(Buffer.from(PNG_BYTES));
    await agent.context().close();
  });

  it("keeps the files of a reply sent anyway after the 'new message' warning", async () => {
    const ticket = await demoTicket(`The app setup page is blank (${Date.now()}).`);
    const agent = await signInAgent(e2e.browser);
    await agent.goto(appUrl(`/agent/tickets/${ticket.id}`));
    await agent.waitForLoadState("networkidle");
    await agent.getByLabel("Reply to the merchant").fill("These are the settings to use.");
    await agent
      .getByLabel(/^Attach files/)
      .setInputFiles({ name: "settings.png", mimeType: "image/png", buffer: Buffer.from(PNG_BYTES) });
    // The merchant writes while the agent is still typing.
    await merchantTickets(e2e.db, SHOP).reply(ticket.id, "Any news?");
    await agent.getByRole("button", { name: "Send reply" }).click();
    await agent.getByRole("button", { name: "Send anyway" }).click();
    await expect.poll(() => agent.getByLabel("Reply to the merchant").inputValue()).toBe("");
    const message = await e2e.db.message.findFirstOrThrow({
      where: { ticketId: ticket.id, authorType: "agent" },
      include: { attachments: true },
    });
    expect(message.body).toBe("These are the settings to use.");
    expect(message.attachments.map((file) => file.filename)).toEqual(["settings.png"]);
    await agent.context().close();
  });

  it("shows a ticket as unread in the queue until an agent opens it", async () => {
    const ticket = await demoTicket(`Unread marker check (${Date.now()}).`);
    const number = formatTicketNumber(ticket.number);
    const agent = await signInAgent(e2e.browser);
    const row = agent.locator("tr").filter({ has: agent.getByRole("link", { name: number, exact: true }) });
    await row.getByText("Unread", { exact: true }).waitFor();
    await row.getByRole("link", { name: number, exact: true }).click();
    await agent.getByRole("heading", { name: number }).waitFor();
    await expect
      .poll(async () => (await e2e.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).agentUnread)
      .toBe(false);
    await agent.goto(appUrl("/agent"));
    await row.waitFor();
    expect(await row.getByText("Unread", { exact: true }).count()).toBe(0);

    // The merchant's answer makes it unread again.
    await merchantTickets(e2e.db, SHOP).reply(ticket.id, "One more detail.");
    await agent.reload();
    await row.getByText("Unread", { exact: true }).waitFor();
    await agent.context().close();
  });
});

describe("the merchant's forms before JavaScript", () => {
  it("sends a reply as a plain form post, names a missing one, and answers the satisfaction question", async () => {
    const ticket = await demoTicket(`Orders from TikTok are late (${Date.now()}).`);
    const page = await openInAdmin(e2e.browser, `/app/support/tickets/${ticket.id}`, { javaScript: false });

    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByText("Write a reply first.").waitFor();

    const reply = `Sent before the scripts loaded (${Date.now()}).`;
    await page.getByLabel("Reply", { exact: true }).fill(reply);
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByText("Reply sent").waitFor();
    await page.getByText(reply).waitFor();
    expect(await e2e.db.message.count({ where: { ticketId: ticket.id, body: reply } })).toBe(1);

    await agentTickets(e2e.db).setStatus({ id: await demoAgentId() }, ticket.id, "resolved");
    await gotoInAdmin(page, `/app/support/tickets/${ticket.id}`);
    // No answer chosen: the question says so and keeps the comment typed.
    await page.getByLabel("Anything to add? (optional)").fill("Fast and clear.");
    await page.getByRole("button", { name: "Send answer" }).click();
    await page.getByText("Choose an answer.").waitFor();
    expect(await page.getByLabel("Anything to add? (optional)").inputValue()).toBe("Fast and clear.");
    await page.getByText("Yes, it's solved", { exact: true }).click();
    await page.getByRole("button", { name: "Send answer" }).click();
    await page.getByText("You answered: Yes, it's solved. Thank you.").waitFor();
    expect(await e2e.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      satisfaction: "good",
      satisfactionComment: "Fast and clear.",
    });
    await page.context().close();
  });
});
