/**
 * The plain-text case summary a merchant pastes into TikTok's chat, ticket form or email, so they
 * never have to type their problem twice. Labels come from the `guides` namespace (English by default);
 * the merchant's values are inserted verbatim, never through the translator, so nothing gets escaped.
 */
import { createI18n } from "../../i18n/i18n";
import type { Locale } from "../../i18n/locales";
import en from "../../i18n/locales/en/guides.json";
import { detectCarrier } from "./carriers";

export type Translate = (key: string) => string;

export interface CaseSummaryInput {
  readonly description: string;
  /** The category in plain words, already translated by its owning namespace. */
  readonly categoryLabel: string;
  readonly shopName: string;
  readonly tiktokUsername?: string;
  readonly orderId?: string;
  readonly trackingNumber?: string;
  /** When the summary was written; omitted from the text when unknown. */
  readonly date?: Date;
  readonly locale: Locale;
}

const english = createI18n("en", { guides: en }).getFixedT("guides");
const translateInEnglish: Translate = (key) => english(key);

export function buildCaseSummary(input: CaseSummaryInput, t: Translate = translateInEnglish): string {
  const details: [labelKey: string, value: string][] = [
    ["summary.fields.category", input.categoryLabel],
    ["summary.fields.shopName", input.shopName],
    ["summary.fields.tiktokUsername", input.tiktokUsername ?? ""],
    ["summary.fields.orderId", input.orderId ?? ""],
    ["summary.fields.trackingNumber", trackingText(input.trackingNumber ?? "")],
    [
      "summary.fields.date",
      input.date ? new Intl.DateTimeFormat(input.locale, { dateStyle: "long" }).format(input.date) : "",
    ],
  ];
  const description = input.description.trim();

  const lines = [t("summary.heading")];
  if (description) lines.push("", `${t("summary.fields.description")}:`, description);
  const filled = details.filter(([, value]) => value.trim() !== "");
  if (filled.length > 0)
    lines.push("", ...filled.map(([labelKey, value]) => `${t(labelKey)}: ${value.trim()}`));
  return lines.join("\n");
}

/** Adds the recognised carrier, which tells the support agent where to look. */
function trackingText(trackingNumber: string): string {
  if (!trackingNumber.trim()) return "";
  const match = detectCarrier(trackingNumber);
  return match ? `${match.trackingNumber} (${match.carrier.name})` : trackingNumber.trim();
}
