import { extractEntities } from "../triage/entities";

/** What personal data becomes in an exported text: neutral words that push no category. */
export const SCRUBBED = { email: "[email]", phone: "[phone]", number: "[number]", name: "[name]" } as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** A phone number written with its international prefix ("+39 333 123 4567"): no carrier's number starts so. */
const INTERNATIONAL_PHONE = /\+\d(?:[\s().-]{0,2}\d){6,}(?![\p{L}\p{N}])/gu;
/**
 * Any other phone number: at least 9 digits in groups separated by spaces, dots, dashes or brackets.
 * Dates ("2024-01-15", 8 digits) are left alone.
 */
const PHONE = /(?<![\p{L}\p{N}])\(?\d(?:[\s().-]{0,2}\d){8,}(?![\p{L}\p{N}])/gu;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A number as the text may write it: carriers' numbers are often typed in groups ("1Z 999 AA1 …"). */
function spelledAnyWay(value: string) {
  return [...value].map(escape).join("[\\s-]?");
}

function replaceAll(text: string, terms: string[], token: string, pattern: (term: string) => string) {
  const unique = [...new Set(terms.filter((term) => term.trim().length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  if (!unique.length) return text;
  return text.replace(new RegExp(unique.map(pattern).join("|"), "giu"), token);
}

/**
 * Removes personal data from a merchant's text before it leaves the database as training data: email
 * addresses, phone numbers, the order and tracking numbers the text names (found as the classifier's
 * entity reader finds them) and the `names` the shop's records hold (shop name, contact and staff names).
 */
export function scrubText(text: string, names: string[] = []): string {
  const entities = extractEntities(text);
  // Numbers before the general phone rule: carriers print tracking numbers in digit groups too.
  let scrubbed = text.replace(EMAIL, SCRUBBED.email).replace(INTERNATIONAL_PHONE, SCRUBBED.phone);
  scrubbed = replaceAll(
    scrubbed,
    [...entities.trackingNumbers, ...entities.orderNumbers],
    SCRUBBED.number,
    (number) => `(?<![\\p{L}\\p{N}])${spelledAnyWay(number)}(?![\\p{L}\\p{N}])`,
  ).replace(PHONE, SCRUBBED.phone);
  return replaceAll(
    scrubbed,
    names,
    SCRUBBED.name,
    (name) => `(?<![\\p{L}\\p{N}])${escape(name.trim())}(?![\\p{L}\\p{N}])`,
  );
}

/**
 * The names a shop's records hold, as words a text could contain: the shop's name, its myshopify
 * handle ("demo-shop" of demo-shop.myshopify.com), contact emails, TikTok usernames, and staff first
 * and last names.
 */
export function namesOf(records: {
  shop: string;
  shopNames: string[];
  emails: (string | null)[];
  usernames: (string | null)[];
  people: (string | null)[];
}): string[] {
  const handle = records.shop.replace(/\.myshopify\.com$/i, "");
  const emails = records.emails.filter((email): email is string => Boolean(email));
  return [
    records.shop,
    handle,
    ...records.shopNames,
    ...emails,
    ...records.usernames.flatMap((name) => (name ? [name, `@${name}`] : [])),
    ...records.people.filter((name): name is string => Boolean(name)),
  ].filter((name) => name.length >= 3);
}
