import { AppProvider } from "@shopify/polaris";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { I18nProvider } from "~/i18n/use-translation";
import { describe, expect, it } from "vitest";
import { agentTickets } from "~/agent/agent-tickets.server";
import { consoleResources } from "~/agent/console-i18n.server";
import { db } from "~/db.server";
import { createI18n } from "~/i18n/i18n";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { extractEntities } from "~/support/triage/entities";
import { newTicket } from "../../../tests/helpers/tickets";
import { TicketFacts } from "./TicketFacts";

async function factsOf(description: string) {
  const shop = `facts-${Date.now()}-${Math.random().toString(36).slice(2)}.myshopify.com`;
  const { ticket } = await merchantTickets(db, shop).create(
    newTicket({ description, entities: { ...extractEntities(description) } }),
  );
  const view = (await agentTickets(db).get(ticket.id))!;
  const html = renderToString(
    <AppProvider i18n={polarisEnglish}>
      <I18nProvider i18n={createI18n("en", consoleResources("en"))}>
        <TicketFacts ticket={view} />
      </I18nProvider>
    </AppProvider>,
  );
  return html.replace(/<[^>]+>/g, "\n").replace(/&#x27;/g, "'");
}

describe("what the merchant's text names, on the agent's ticket page", () => {
  it("shows the order and tracking numbers the text names instead of 'The merchant named no order'", async () => {
    const text = await factsOf("TikTok order 1002 never reached Shopify, tracking 1Z999AA10123456784");
    expect(text).not.toContain("The merchant named no order.");
    expect(text).toContain("No order was attached, but the merchant's text names order 1002.");
    expect(text).toMatch(/Orders\n+1002/);
    expect(text).toMatch(/Tracking numbers\n+1Z999AA10123456784/);
  });

  it("says so when the text names nothing", async () => {
    const text = await factsOf("The app keeps asking me to log in again");
    expect(text).toContain("The merchant named no order.");
    expect(text).toContain("The text names no order, tracking number, SKU or product.");
  });
});
