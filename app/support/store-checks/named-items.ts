/**
 * The orders and products a merchant names in their own words: Shopify order names (#1001), TikTok
 * order ids (long numbers), product titles in quotes and SKU-like codes.
 */
export const MAX_NAMED = 3;

export interface NamedItems {
  orders: string[];
  productTitles: string[];
  skus: string[];
}

function unique(values: string[]) {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))].slice(0, MAX_NAMED);
}

export function namedItems(description: string, orderField = ""): NamedItems {
  const orderNames = description.match(/#\d{3,8}\b/g) ?? [];
  const tiktokIds = description.match(/\b\d{15,20}\b/g) ?? [];
  const quoted = [...description.matchAll(/["“«]([^"”»]{2,80})["”»]/g)].map((match) => match[1]!);
  const skus = (description.match(/\b[A-Z]{2,}[-_]?\d{2,}[A-Z0-9-]*\b/g) ?? []).filter(
    (code) => !/^TT-?\d+$/.test(code),
  );
  return {
    orders: unique([orderField, ...orderNames, ...tiktokIds]),
    productTitles: unique(quoted),
    skus: unique(skus),
  };
}

/** Shopify's search syntax for the named products; null asks for a sample instead. */
export function productSearchQuery(items: NamedItems): string | null {
  const clean = (text: string) => text.replace(/[^\p{L}\p{N} _-]/gu, "").trim();
  const terms = [
    ...items.productTitles.map((title) => `title:*${clean(title)}*`),
    ...items.skus.map((sku) => `sku:${clean(sku)}`),
  ].filter((term) => !term.endsWith(":**") && !term.endsWith(":"));
  return terms.length ? terms.join(" OR ") : null;
}

/** Shopify's search syntax for one named order: its name, or the TikTok id SPL tags it with. */
export function orderSearchQuery(named: string): string {
  const cleaned = named.replace(/[^\w#-]/g, "");
  const digits = cleaned.replace(/^#/, "");
  return /^\d{1,8}$/.test(digits) ? `name:${digits}` : cleaned;
}
