/**
 * Which row of the email guide's region table applies to a shop, from the country Shopify holds for it.
 * SPL's article ("Come contattare il supporto ufficiale di TikTok Shop") has two rows: "USA / UK /
 * Global" with TikTok's seller-support address, and "South-East Asia / other regions", who use the
 * Seller Center chat or a ticket instead.
 */

export const REGION_ROWS = ["usUkGlobal", "southEastAsiaOther"] as const;
export type RegionRow = (typeof REGION_ROWS)[number];

/** Why the row applies, as the merchant is told: the article names the USA, the UK and South-East Asia. */
export type RegionReason = "usUk" | "southEastAsia" | "otherRegion";

export interface RegionMatch {
  readonly row: RegionRow;
  readonly reason: RegionReason;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
}

const US_UK = new Set(["US", "GB"]);

/** The ASEAN members and Timor-Leste: South-East Asia as the United Nations geoscheme draws it. */
const SOUTH_EAST_ASIA = new Set(["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"]);

/** The row for a shop's country; null when Shopify gave no usable country, so nothing is guessed. */
export function regionRowFor(country: string | null | undefined): RegionMatch | null {
  const code = country?.trim().toUpperCase() ?? "";
  if (!/^[A-Z]{2}$/.test(code)) return null;
  if (US_UK.has(code)) return { row: "usUkGlobal", reason: "usUk", country: code };
  if (SOUTH_EAST_ASIA.has(code)) return { row: "southEastAsiaOther", reason: "southEastAsia", country: code };
  return { row: "southEastAsiaOther", reason: "otherRegion", country: code };
}

/** The country's name in the merchant's language ("Italia" for IT in Italian); the code when unknown. */
export function countryName(country: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(country) ?? country;
  } catch {
    return country;
  }
}
