import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../i18n/locales";
import { channelsOf, TIKTOK_CATEGORIES } from "../taxonomy";
import { GUIDES, guidesFor, SELLER_SUPPORT_EMAIL, SOURCES } from "./content";

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
        { regionKey: "email.regions.usUkGlobal", address: SELLER_SUPPORT_EMAIL },
        { regionKey: "email.regions.southEastAsiaOther", alternativeKey: "email.regions.useChatOrTicket" },
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
