import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../i18n/locales";
import { channelsOf, TIKTOK_CATEGORIES, type CategoryId } from "../taxonomy";
import { GUIDES, guidesFor, sectionsFor, SELLER_SUPPORT_EMAIL, SOURCES, type GuideSection } from "./content";

type Messages = { [key: string]: string | Messages };

function messagesOf(locale: string): Messages {
  const url = new URL(`../../i18n/locales/${locale}/guides.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8")) as Messages;
}

/** Flattens nested messages into "a.b.c" → text, as i18next resolves them. */
function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [name, value] of Object.entries(messages)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === "string") entries.set(key, value);
    else for (const [nested, text] of flatten(value, key)) entries.set(nested, text);
  }
  return entries;
}

/** Every string under a property named `…Key` or `…Keys`, anywhere in the content. */
function referencedKeys(value: unknown, property = ""): string[] {
  if (typeof value === "string") return /Keys?$/.test(property) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => referencedKeys(item, property));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([name, nested]) => referencedKeys(nested, name));
  }
  return [];
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const english = flatten(messagesOf("en"));

describe("guide content", () => {
  const keys = [...new Set(referencedKeys(GUIDES))];

  it("references text keys", () => {
    expect(keys.length).toBeGreaterThan(50);
  });

  it.each(LOCALES)("has every referenced key translated in %s", (locale) => {
    const messages = flatten(messagesOf(locale));
    expect(keys.filter((key) => !messages.get(key)?.trim())).toEqual([]);
  });

  // Keys and placeholders matching English in every language: app/i18n/locales.test.ts, for every namespace.

  it("passes every placeholder a note uses", () => {
    for (const guide of Object.values(GUIDES)) {
      for (const section of guide.sections) {
        if (section.kind !== "note") continue;
        expect(Object.keys(section.values ?? {}).sort()).toEqual(
          placeholders(english.get(section.textKey) ?? ""),
        );
      }
    }
  });

  it("dates each guide by its oldest source", () => {
    for (const guide of Object.values(GUIDES)) {
      const oldest = guide.sources.map((source) => SOURCES[source].checkedOn).sort()[0];
      expect({ channel: guide.channel, lastChecked: guide.lastChecked }).toEqual({
        channel: guide.channel,
        lastChecked: oldest,
      });
    }
  });

  it("dates the guides drawn from SPL's article by its update, 11 July 2025", () => {
    expect(GUIDES.live_chat.lastChecked).toBe("2025-07-11");
    expect(GUIDES.help_center_ticket.lastChecked).toBe("2025-07-11");
    expect(GUIDES.email.lastChecked).toBe("2025-07-11");
    expect(GUIDES.carrier.lastChecked).toBe("2026-11-23");
  });

  it("sends USA / UK / Global accounts to sellersupport@tiktok.com and other regions to chat or ticket", () => {
    const regions = GUIDES.email.sections.find((section) => section.kind === "regions");
    expect(regions).toEqual({
      kind: "regions",
      headingKey: "email.regions.heading",
      rows: [
        { row: "usUkGlobal", regionKey: "email.regions.usUkGlobal", address: SELLER_SUPPORT_EMAIL },
        {
          row: "southEastAsiaOther",
          regionKey: "email.regions.southEastAsiaOther",
          alternativeKey: "email.regions.useChatOrTicket",
        },
      ],
    });
    expect(SELLER_SUPPORT_EMAIL).toBe("sellersupport@tiktok.com");
  });

  it("lists the Ticket Log statuses as SPL's article names them", () => {
    expect(messagesOf("it")).toMatchObject({
      helpCenterTicket: { ticketLog: { filters: { status: "Stato (Non letto, In elaborazione, Chiuso)" } } },
    });
    expect(english.get("helpCenterTicket.ticketLog.filters.status")).toBe(
      "Status (Unread, In progress, Closed)",
    );
  });
});

type OtherWay = Extract<GuideSection, { kind: "otherWay" }>;

/** The ways beyond the guides a category's page shows, by heading key. */
function otherWaysOn(category: CategoryId): Map<string, { guide: string; way: OtherWay }> {
  const ways = new Map<string, { guide: string; way: OtherWay }>();
  for (const guide of guidesFor(category)) {
    for (const section of sectionsFor(guide, category)) {
      if (section.kind === "otherWay") ways.set(section.headingKey, { guide: guide.channel, way: section });
    }
  }
  return ways;
}

describe("the ways to reach TikTok beyond the guides", () => {
  it("shows a suspended seller, in the email guide, the TikTok app's Report a problem path from the customer-service article", () => {
    const report = otherWaysOn("account_suspended").get("ways.inAppReport.heading");
    expect(report?.guide).toBe("email");
    expect(report?.way.pathKeys?.map((key) => english.get(key))).toEqual([
      "TikTok app",
      "Profile",
      "☰ menu",
      "Settings and privacy",
      "Report a problem",
    ]);
    expect(report?.way.sources).toEqual(["customerServiceArticle"]);
    expect(english.get("ways.inAppReport.when")).toContain("can't open Seller Center");
  });

  it("advises a direct message, not a public comment, to TikTok's official social accounts", () => {
    const social = otherWaysOn("account_suspended").get("ways.social.heading")?.way;
    expect(social?.stepKeys.map((key) => english.get(key))).toContain("X (Twitter): @TikTokSupport");
    expect(english.get(social?.whenKey ?? "")).toContain("direct message, not a public comment");
    expect(social?.sources).toEqual(["customerServiceArticle", "shippingContactsArticle"]);
  });

  it("keeps phone support to urgent payment or account-security problems", () => {
    expect(otherWaysOn("payout").has("ways.phone.heading")).toBe(true);
    expect(otherWaysOn("account_suspended").has("ways.phone.heading")).toBe(true);
    expect(otherWaysOn("product_rejection").has("ways.phone.heading")).toBe(false);
    expect(english.get("ways.phone.when")).toMatch(/urgent.*payments or account security/);
  });

  it("offers the Help Center's own Live Chat wherever the Seller Center chat is a channel", () => {
    for (const category of TIKTOK_CATEGORIES.filter((id) => channelsOf(id).includes("live_chat"))) {
      expect(otherWaysOn(category).has("ways.helpCenterLiveChat.heading")).toBe(true);
    }
  });

  it("sends a payout case that needs documents to a Help Center ticket, on the payout page only", () => {
    const ticket = otherWaysOn("payout").get("ways.payoutDocuments.heading")?.way;
    expect(ticket?.stepKeys).toContain("helpCenterTicket.steps.submitRequest");
    expect(ticket?.sources).toContain("splArticle");
    expect(otherWaysOn("account_verification").has("ways.payoutDocuments.heading")).toBe(false);
  });

  it("names each way's sources among its guide's, so the guide's check date covers them", () => {
    for (const guide of Object.values(GUIDES)) {
      const used = guide.sections.flatMap((section) => (section.kind === "otherWay" ? section.sources : []));
      expect(used.filter((source) => !guide.sources.includes(source))).toEqual([]);
    }
  });
});

describe("guidesFor", () => {
  it.each(TIKTOK_CATEGORIES)("gives %s one guide per channel, recommended first", (category) => {
    expect(guidesFor(category).map((guide) => guide.channel)).toEqual(channelsOf(category));
  });

  it("gives SPL's own categories no TikTok guide", () => {
    expect(guidesFor("order_sync")).toEqual([]);
  });

  it("recommends email first for a suspended account", () => {
    expect(guidesFor("account_suspended")[0]?.channel).toBe("email");
  });
});
