import { AppProvider } from "@shopify/polaris";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { I18nProvider } from "~/i18n/use-translation";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createI18n } from "~/i18n/i18n";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { newTicket } from "../../../tests/helpers/tickets";
import { createTestAgent } from "../../../tests/integration/agent-helpers";
import { agentTickets } from "~/agent/agent-tickets.server";
import { consoleResources } from "~/agent/console-i18n.server";
import { InternalNotes, TicketActivity } from "./TicketActivity";
import { TicketFacts } from "./TicketFacts";
import { TicketThread } from "./TicketThread";
import { ShopPanel } from "./ShopPanel";
import { TicketConversation } from "~/components/support/TicketConversation";
import { guideLinkOf } from "~/support/guides/guide-link";
import { shopHistory } from "~/agent/shop-history.server";

const SCRIPT = `<script>window.__pwned = 1</script>`;
const IMAGE = `<img src=x onerror="window.__pwned = 2">`;

function render(node: ReactNode) {
  return renderToString(
    <AppProvider i18n={polarisEnglish}>
      <I18nProvider i18n={createI18n("en", consoleResources("en"))}>{node}</I18nProvider>
    </AppProvider>,
  );
}

/** No element the payloads would create, and their text shown escaped, as the merchant typed it. */
function expectInert(html: string, ...texts: string[]) {
  const tags = html.replace(/"[^"]*"/g, '""'); // attribute values are text too, e.g. a download's filename
  expect(tags).not.toMatch(/<script/i);
  expect(tags).not.toMatch(/<img/i);
  expect(tags).not.toMatch(/<[a-z][^>]*\sonerror\s*=/i);
  for (const text of texts)
    expect(html).toContain(
      text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;"),
    );
}

describe("merchant text in the agent console", () => {
  it("renders script and image payloads in a ticket as text, never as markup", async () => {
    const shop = `xss-${Date.now()}.myshopify.com`;
    const { ticket } = await merchantTickets(db, shop).create(
      newTicket({
        description: `Orders missing ${SCRIPT}\nsecond line ${IMAGE}`,
        shopName: `Shop ${IMAGE}`,
        tiktokUsername: "evil_user",
        orderSummary: { name: `#1001 ${SCRIPT}`, note: IMAGE },
        attachments: [
          {
            filename: `${IMAGE}.png`,
            contentType: "image/png",
            bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
          },
        ],
      }),
    );
    await merchantTickets(db, shop).reply(ticket.id, `Still broken ${SCRIPT}`);
    const agent = await createTestAgent(db, `Agent ${IMAGE}`);
    await agentTickets(db).addNote(agent, ticket.id, `Note quoting ${SCRIPT}`);
    await agentTickets(db).setCategory(agent, ticket.id, "product_sync");
    const view = (await agentTickets(db).get(ticket.id))!;

    expectInert(render(<TicketThread ticket={view} />), SCRIPT, IMAGE, `Still broken ${SCRIPT}`);
    expectInert(render(<TicketFacts ticket={view} />), `Shop ${IMAGE}`, `#1001 ${SCRIPT}`, `${IMAGE}.png`);
    expectInert(render(<InternalNotes notes={view.notes} />), `Note quoting ${SCRIPT}`);
    expectInert(render(<TicketActivity events={view.events} />), `Agent ${IMAGE}`);
  });
});

describe("the ticket page's facts and activity", () => {
  it("shows the merchant's replies in the activity log and names the diagnostics in words", async () => {
    const shop = `activity-${Date.now()}.myshopify.com`;
    const { ticket } = await merchantTickets(db, shop).create(newTicket());
    const agent = await createTestAgent(db, "Ana Rossi");
    await agentTickets(db).reply(agent, ticket.id, "We resynced your orders.");
    await merchantTickets(db, shop).reply(ticket.id, "Thanks, they are there now.");
    const view = (await agentTickets(db).get(ticket.id))!;

    const activity = render(<TicketActivity events={view.events} />).replace(/<[^>]+>/g, "\n");
    const lines = activity.split("\n").filter((line) => /replied|opened/.test(line));
    expect(lines).toEqual([
      "The merchant opened the ticket",
      "Ana Rossi replied to the merchant",
      "The merchant replied",
    ]);

    const facts = render(<TicketFacts ticket={view} />);
    expect(facts).toContain("App version");
    expect(facts).toContain("Shopify plan");
    expect(facts).not.toMatch(/>appVersion<|>shopPlan</);
  });
});

describe("files in the agent's thread", () => {
  it("shows each reply's file under that reply, and the ticket form's files in the facts card", async () => {
    const shop = `files-${Date.now()}.myshopify.com`;
    const png = (filename: string) => ({
      filename,
      contentType: "image/png" as const,
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    });
    const { ticket } = await merchantTickets(db, shop).create(
      newTicket({ attachments: [png("with-the-form.png")] }),
    );
    await merchantTickets(db, shop).reply(ticket.id, "Here is the error I see now.", [png("error-now.png")]);
    await merchantTickets(db, shop).reply(ticket.id, "And nothing else to add.");
    const view = (await agentTickets(db).get(ticket.id))!;

    const text = render(<TicketThread ticket={view} />)
      .replace(/<[^>]+>/g, "\n")
      .split("\n")
      .filter((line) => line.trim() !== "");
    const reply = text.indexOf("Here is the error I see now.");
    const download = text.findIndex((line) => line.includes("error-now.png"));
    expect(reply).toBeGreaterThan(-1);
    expect(download).toBeGreaterThan(reply);
    expect(download).toBeLessThan(text.indexOf("And nothing else to add."));
    expect(text.some((line) => line.includes("with-the-form.png"))).toBe(false);
    const facts = render(<TicketFacts ticket={view} />);
    expect(facts).toContain("Files sent with the ticket");
    expect(facts).toContain("with-the-form.png");
    expect(facts).not.toContain("error-now.png");
  });
});

describe("the shop panel", () => {
  it("lists the shop's other tickets with their store checks, and the shop's plan, language and time zone", async () => {
    const shop = `panel-${Date.now()}.myshopify.com`;
    const { ticket: first } = await merchantTickets(db, shop).create(
      newTicket({
        storeChecks: {
          category: "order_sync",
          ranAt: new Date().toISOString(),
          findings: [{ outcome: "attention" }, { outcome: "passed" }, { outcome: "passed" }],
        },
      }),
    );
    const { ticket: current } = await merchantTickets(db, shop).create(newTicket());
    const view = (await agentTickets(db).get(current.id))!;
    const history = await shopHistory(db, shop, current.id);
    expect(history.map((other) => other.id)).toEqual([first.id]);

    const html = render(<ShopPanel ticket={view} history={history} />);
    expect(html).toContain(`SPL-${first.number}`);
    expect(html).not.toContain(`SPL-${current.number}<`);
    expect(html).toContain("Store checks: 1 of 3 need attention");
    expect(html).toContain("Basic");
    expect(html).toContain("Europe/Rome");
  });
});

describe("a guide sent to the merchant", () => {
  it("shows the guide's line as a link in an agent's message, and never a merchant's", () => {
    const html = render(
      <TicketConversation
        heading="Problem"
        ticket={{
          description: "/app/support/guides/payout",
          orderId: null,
          messages: [
            {
              id: "m1",
              authorType: "agent",
              agentName: "Ana",
              body: "Guide:\n/app/support/guides/payout",
              createdAt: new Date(),
            },
            {
              id: "m2",
              authorType: "merchant",
              agentName: null,
              body: "/app/support/guides/shipping",
              createdAt: new Date(),
            },
            {
              id: "m3",
              authorType: "agent",
              agentName: "Ana",
              body: "/app/support/guides/order_sync",
              createdAt: new Date(),
            },
          ],
        }}
        authorOf={() => "someone"}
        locale="en"
        linkOf={guideLinkOf}
      />,
    );
    expect(html.match(/href="[^"]*"/g)).toEqual(['href="/app/support/guides/payout"']);
  });
});

describe("times in the agent's time zone", () => {
  it("shows the activity log's times in the zone given, named, and in UTC without one", async () => {
    const { ticket } = await merchantTickets(db, `zone-${Date.now()}.myshopify.com`).create(newTicket());
    const view = (await agentTickets(db).get(ticket.id))!;
    const created = view.events[0]!.createdAt;
    // The hour as the page writes it (English uses a 12-hour clock), so the test holds at any time of day.
    const tokyo = new Intl.DateTimeFormat("en", {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Asia/Tokyo",
    })
      .formatToParts(created)
      .find((part) => part.type === "hour")!.value;
    const inTokyo = render(<TicketActivity events={view.events} timeZone="Asia/Tokyo" />);
    expect(inTokyo).toContain("GMT+9");
    expect(inTokyo).toContain(`${tokyo}:`);
    expect(render(<TicketActivity events={view.events} />)).toContain("UTC");
  });
});
