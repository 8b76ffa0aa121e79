/**
 * The prefilled email a merchant with a blocked or suspended account sends to TikTok, as SPL's help article
 * "Come contattare il supporto ufficiale di TikTok Shop" describes it (section 3, "Contatto via Email").
 *
 * Subject and labels are in English: the only legible address, sellersupport@tiktok.com, is TikTok's
 * USA / UK / Global seller support. The merchant's own words go in exactly as typed, and a non-English
 * merchant's language is stated so the agent knows what to expect.
 */
import type { Locale } from "../../i18n/locales";
import { SELLER_SUPPORT_EMAIL } from "./content";

/** Some browsers and mail clients drop or cut mailto: links longer than about 2,000 characters. */
export const MAX_MAILTO_LENGTH = 1800;

/** English form of the subject SPL's article suggests ("Account bloccato – Richiesta di revisione accesso"). */
export const SUPPORT_EMAIL_SUBJECT = "Blocked account – Access review request";

const SHORTENED_MARKER = " […]";
/** Budget per one-line field, in encoded characters, so the description always keeps most of the room. */
const ONE_LINE_FIELD_MAX_ENCODED = 150;

export interface SupportMailtoInput {
  readonly shopName: string;
  readonly tiktokUsername?: string;
  readonly description: string;
  readonly orderId?: string;
  readonly locale: Locale;
}

export interface SupportEmail {
  readonly href: string;
  readonly subject: string;
  readonly body: string;
  /** True when the description had to be cut to keep the link under MAX_MAILTO_LENGTH. */
  readonly descriptionShortened: boolean;
}

export function buildSupportMailto(input: SupportMailtoInput): string {
  return composeSupportEmail(input).href;
}

export function composeSupportEmail(input: SupportMailtoInput): SupportEmail {
  const shopName = oneLine(input.shopName);
  const subject = shopName ? `${SUPPORT_EMAIL_SUBJECT} – ${shopName}` : SUPPORT_EMAIL_SUBJECT;
  const bodyWith = (description: string) =>
    bodyText({
      shopName,
      tiktokUsername: oneLine(input.tiktokUsername ?? ""),
      orderId: oneLine(input.orderId ?? ""),
      language: input.locale === "en" ? "" : languageNameInEnglish(input.locale),
      description,
    });

  const description = withCrLf(wellFormed(input.description.trim()));
  const roomForDescription = MAX_MAILTO_LENGTH - hrefFor(subject, bodyWith("")).length;
  const fitted = clipToEncodedLength(description, roomForDescription);
  const body = bodyWith(fitted);
  return { href: hrefFor(subject, body), subject, body, descriptionShortened: fitted !== description };
}

function hrefFor(subject: string, body: string): string {
  return `mailto:${SELLER_SUPPORT_EMAIL}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

interface BodyFields {
  readonly shopName: string;
  readonly tiktokUsername: string;
  readonly orderId: string;
  readonly language: string;
  readonly description: string;
}

function bodyText(fields: BodyFields): string {
  const details = [
    labelled("TikTok Shop username", fields.tiktokUsername),
    labelled("Shopify store name", fields.shopName),
    labelled("Order number", fields.orderId),
    labelled("Preferred language", fields.language),
  ].filter((line) => line !== "");
  const lines = [
    "Hello TikTok Shop Seller Support,",
    "",
    "Please review access to my TikTok Shop seller account, which is blocked or restricted.",
    "",
    ...details,
    "",
    "Description of the problem:",
    fields.description,
    "",
    "Screenshots or documents: [attach before sending]",
    "",
    "Thank you",
  ];
  // Mail clients expect CRLF line breaks in a mailto: body (RFC 6068).
  return lines.join("\r\n");
}

function labelled(label: string, value: string): string {
  return value ? `${label}: ${value}` : "";
}

function oneLine(value: string): string {
  return clipToEncodedLength(wellFormed(value).replace(/\s+/g, " ").trim(), ONE_LINE_FIELD_MAX_ENCODED);
}

function withCrLf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, "\r\n");
}

/** encodeURIComponent throws on unpaired surrogates, which a bad copy-paste can produce. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Cuts by whole code points (never halving an emoji) so the encoded text, marker included, fits. */
function clipToEncodedLength(text: string, maxEncoded: number): string {
  if (encodeURIComponent(text).length <= maxEncoded) return text;
  const room = maxEncoded - encodeURIComponent(SHORTENED_MARKER).length;
  let kept = "";
  let used = 0;
  for (const char of text) {
    const size = encodeURIComponent(char).length;
    if (used + size > room) break;
    kept += char;
    used += size;
  }
  return room > 0 ? kept.trimEnd() + SHORTENED_MARKER : "";
}

function languageNameInEnglish(locale: Locale): string {
  return new Intl.DisplayNames(["en"], { type: "language" }).of(locale) ?? locale;
}
