/**
 * Carrier contacts for shipping problems and tracking-number recognition.
 * Names, phone numbers and websites come from the web article "TikTok Global Shipping Contact Number";
 * tracking page addresses are the carriers' own public tracking pages.
 */

export const CARRIER_IDS = ["dhl", "fedex", "ups", "usps", "china_post"] as const;
export type CarrierId = (typeof CARRIER_IDS)[number];

export interface Carrier {
  readonly id: CarrierId;
  readonly name: string;
  /** As published in "TikTok Global Shipping Contact Number". */
  readonly phone: string;
  /** As published in "TikTok Global Shipping Contact Number", without scheme. */
  readonly website: string;
  /** `{trackingNumber}` is replaced by the normalised number; null when the carrier has no page we can prefill. */
  readonly trackingUrlTemplate: string | null;
}

const TRACKING_NUMBER_PLACEHOLDER = "{trackingNumber}";

export const CARRIERS: Readonly<Record<CarrierId, Carrier>> = {
  dhl: {
    id: "dhl",
    name: "DHL",
    phone: "+1 800-225-5345",
    website: "www.dhl.com",
    trackingUrlTemplate:
      "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={trackingNumber}",
  },
  fedex: {
    id: "fedex",
    name: "FedEx",
    phone: "+1 800-463-3339",
    website: "www.fedex.com",
    trackingUrlTemplate: "https://www.fedex.com/fedextrack/?trknbr={trackingNumber}",
  },
  ups: {
    id: "ups",
    name: "UPS",
    phone: "+1 800-742-5877",
    website: "www.ups.com",
    trackingUrlTemplate: "https://www.ups.com/track?tracknum={trackingNumber}",
  },
  usps: {
    id: "usps",
    name: "USPS",
    phone: "+1 800-275-8777",
    website: "www.usps.com",
    trackingUrlTemplate: "https://tools.usps.com/go/TrackConfirmAction?tLabels={trackingNumber}",
  },
  china_post: {
    id: "china_post",
    name: "China Post",
    phone: "+86 11185",
    website: "www.chinapost.com.cn",
    // China Post's site has no stable tracking link we can prefill; the guide tells the merchant to paste the number there.
    trackingUrlTemplate: null,
  },
};

export function websiteUrl(carrier: Carrier): string {
  return `https://${carrier.website}`;
}

/** `tel:` link for a phone number written as published ("+1 800-225-5345" → "tel:+18002255345"). */
export function phoneHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

export function trackingUrl(carrier: Carrier, trackingNumber: string): string | null {
  return (
    carrier.trackingUrlTemplate?.replace(
      TRACKING_NUMBER_PLACEHOLDER,
      encodeURIComponent(normalizeTrackingNumber(trackingNumber)),
    ) ?? null
  );
}

/** Merchants paste numbers with spaces, dashes and in any case; carriers print them in upper case without separators. */
export function normalizeTrackingNumber(input: string): string {
  return input.replace(/[\s-]+/g, "").toUpperCase();
}

export interface CarrierMatch {
  readonly carrier: Carrier;
  readonly trackingNumber: string;
  /** Falls back to the carrier's website when it has no prefillable tracking page. */
  readonly trackingUrl: string;
}

/**
 * Recognises the carrier from the format of a tracking number, or returns null.
 *
 * Rules are tried in this order, because some digit-only formats overlap:
 * 1. UPS: "1Z" + 16 letters/digits.
 * 2. UPU S10 (two letters, 8 digits + check digit, two-letter country): "US" → USPS, "CN" → China Post.
 *    The check digit is verified, so random letter/digit strings are not claimed.
 * 3. USPS: 20–22 digits starting with 92, 93, 94 or 95 (Intelligent Mail package barcode, e.g. 9400…).
 *    Checked before FedEx because FedEx also uses 20- and 22-digit numbers; those starting with 92–95
 *    are USPS barcodes (FedEx SmartPost parcels are delivered and tracked by USPS too).
 * 4. FedEx: 12 or 15 digits, or 20/22 digits not claimed by USPS.
 * 5. DHL Express: 10 digits, or "JJD" / "JVGL" followed by digits.
 */
export function detectCarrier(input: string): CarrierMatch | null {
  const trackingNumber = normalizeTrackingNumber(input);
  const id = detectCarrierId(trackingNumber);
  if (id === null) return null;
  const carrier = CARRIERS[id];
  return {
    carrier,
    trackingNumber,
    trackingUrl: trackingUrl(carrier, trackingNumber) ?? websiteUrl(carrier),
  };
}

/** Tracking numbers are printed in groups of up to this many ("1Z 999 AA1 01 2345 6784" is six). */
const MAX_GROUPS = 6;

/**
 * The first tracking number a carrier's format recognises in a merchant's own words, with its groups
 * joined ("my parcel 1Z 999 AA1 01 2345 6784 is stuck" → 1Z999AA10123456784), or null. Only runs of
 * letters and digits that contain a digit are tried, longest first, so words never join a number.
 */
export function findTrackingNumber(text: string): string | null {
  const groups = text.split(/\s+/).map((word) => word.replace(/^[^0-9A-Za-z]+|[^0-9A-Za-z]+$/g, ""));
  const candidate = (word: string) => /^[0-9A-Za-z-]+$/.test(word) && /\d/.test(word);
  for (let start = 0; start < groups.length; start++) {
    for (let count = Math.min(MAX_GROUPS, groups.length - start); count >= 1; count--) {
      const run = groups.slice(start, start + count);
      if (!run.every(candidate)) continue;
      const match = detectCarrier(run.join(""));
      if (match) return match.trackingNumber;
    }
  }
  return null;
}

function detectCarrierId(n: string): CarrierId | null {
  if (/^1Z[0-9A-Z]{16}$/.test(n)) return "ups";

  const s10 = /^[A-Z]{2}(\d{8})(\d)([A-Z]{2})$/.exec(n);
  if (s10 && s10[1] !== undefined && s10[2] !== undefined && hasValidS10CheckDigit(s10[1], Number(s10[2]))) {
    if (s10[3] === "US") return "usps";
    if (s10[3] === "CN") return "china_post";
    return null;
  }

  if (/^9[2-5]\d{18,20}$/.test(n)) return "usps";
  if (/^(\d{12}|\d{15}|\d{20}|\d{22})$/.test(n)) return "fedex";
  if (/^\d{10}$/.test(n) || /^(JJD|JVGL)\d{8,}$/.test(n)) return "dhl";
  return null;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPU S10 check digit: weighted sum mod 11, where 10 maps to 0 and 11 maps to 5. */
function hasValidS10CheckDigit(serial: string, checkDigit: number): boolean {
  const sum = S10_WEIGHTS.reduce((total, weight, i) => total + weight * Number(serial[i]), 0);
  const raw = 11 - (sum % 11);
  const expected = raw === 10 ? 0 : raw === 11 ? 5 : raw;
  return expected === checkDigit;
}
