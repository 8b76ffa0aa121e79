/**
 * What a merchant's text names: order numbers, tracking numbers, SKUs and product names. Plain
 * functions over the text as written (no model), so the Support page can prefill the ticket's order
 * field and the guide's tracking field, and agents see them at a glance.
 */
import { detectCarrier } from "../guides/carriers";

export interface Entities {
  /** Shopify order numbers ("#1002" → "1002") and TikTok order ids (15–19 digits), in order of appearance. */
  orderNumbers: string[];
  /** Normalised as the carriers print them ("1z 999 aa1…" → "1Z999AA1…"). */
  trackingNumbers: string[];
  skus: string[];
  productNames: string[];
}

/** More than this of one kind is a pasted list, not something to prefill. */
const MAX_PER_KIND = 10;

/** "order", "ordine", "pedido", "commande", "Bestellung"… in the five languages, singular and plural. */
const ORDER_WORD =
  "(?:orders?|ordini|ordine|ord|pedidos?|commandes?|cde|bestellungen|bestellung|bestellnummer|auftrags?nummer|auftrag)";
/** Words that may stand between the order word and its number: "order no. 1002", "ordine n. 1002", "order ID: …". */
const ORDER_FILLER = "(?:id|number|num|no|nr|n|nro|numero|número|nummer|de|di|del|du|the|#|n°|nº|°|:|-|\\.)";
const ORDER_NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}])${ORDER_WORD}(?:[\\s.:]*${ORDER_FILLER})*[\\s.:#°º-]*#?(\\d{3,19})(?![\\p{L}\\p{N}])`,
  "giu",
);
/** "#1002": how Shopify names orders. */
const HASH_NUMBER = /(?<![\p{L}\p{N}&])#\s?(\d{3,12})(?![\p{L}\p{N}])/gu;
/** TikTok Shop order ids are long digit runs (18 digits today); the range allows for older and shorter ones. */
const LONG_DIGITS = /(?<![\p{L}\p{N}])(\d{15,19})(?![\p{L}\p{N}])/gu;
/** A long number right after these words is a tracking number, not a TikTok order id. */
const TRACKING_CONTEXT =
  /(?:tracking|track|tracciamento|spedizione|seguimiento|envío|envio|suivi|colis|sendungsnummer|sendung|paket|dhl|fedex|ups|usps|awb)[^\p{L}\p{N}]*(?:\p{L}+[^\p{L}\p{N}]+){0,2}$/iu;

const SKU =
  /(?<![\p{L}\p{N}])(?:skus?|artikelnummer|art\.?-?nr\.?|codice articolo|codice prodotto|r[ée]f[ée]rence|referencia)[\s.:#°-]*([A-Za-z0-9][A-Za-z0-9._/-]{0,39})/giu;

const PRODUCT_WORD =
  "(?:products?|items?|listings?|prodott[oi]|articol[oi]|inserzion[ei]|productos?|art[íi]culos?|produits?|articles?|produkte?|artikel)";
/** Text in quotes: straight, curly, guillemets and German „…“. */
const QUOTED = /"([^"\n]{2,80})"|“([^”\n]{2,80})”|«\s?([^»\n]{2,80}?)\s?»|„([^“”\n]{2,80})[“”]/gu;
const PRODUCT_BEFORE_QUOTE = new RegExp(
  `${PRODUCT_WORD}[^\\p{L}\\p{N}]*(?:\\p{L}+[^\\p{L}\\p{N}]+){0,3}$`,
  "iu",
);
/** A product word followed by a capitalised name: "the product Blue Ceramic Mug is…". */
const NAMED_PRODUCT = new RegExp(
  `(?<![\\p{L}\\p{N}])${PRODUCT_WORD}\\s+((?:\\p{Lu}[\\p{L}\\p{N}'’-]*|\\d+[\\p{L}]*)(?:\\s+(?:\\p{Lu}[\\p{L}\\p{N}'’-]*|\\d+[\\p{L}]*)){0,5})`,
  "gu",
);
/** Capitalised words after a product word that name a platform or a notice, not a product. */
const NOT_PRODUCT_NAMES = new Set(
  "tiktok shopify spl seller center sync review failed shop store app sku id".split(" "),
);
const MAX_PRODUCT_NAME_WORDS = 6;

function pushUnique(list: string[], value: string): void {
  if (list.length < MAX_PER_KIND && !list.includes(value)) list.push(value);
}

/** A whitespace-separated word with a digit in it: only such words can be part of a tracking number. */
const WORD_WITH_DIGIT = /(?<!\S)[^\s\d]*\d\S*/g;
const isTrackingPart = (word: string) => /^[0-9A-Za-z-]+$/.test(word);

/**
 * Runs of adjacent words that could together be one tracking number. Only words with a digit are
 * looked at: splitting a 2,000-character text into all its words made garbage collection pause one
 * classification in fifty (bench:classify's p99 CPU time).
 */
function trackingRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(WORD_WITH_DIGIT)) {
    const word = match[0].replace(/^[^0-9A-Za-z]+|[^0-9A-Za-z]+$/g, "");
    const adjacent = previousEnd >= 0 && /^\s*$/.test(text.slice(previousEnd, match.index));
    const part = isTrackingPart(word);
    if (!adjacent || !part) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (part) run.push(word);
    previousEnd = match.index + match[0].length;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Every tracking number a carrier's format recognises; groups ("1Z 999 AA1 …") are joined, longest first. */
function trackingNumbersIn(text: string, claimed: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const run of trackingRuns(text)) {
    for (let start = 0; start < run.length; start++) {
      // Carriers print numbers in at most six groups ("1Z 999 AA1 01 2345 6784").
      for (let count = Math.min(6, run.length - start); count >= 1; count--) {
        const match = detectCarrier(run.slice(start, start + count).join(""));
        if (!match || claimed.has(match.trackingNumber)) continue;
        pushUnique(found, match.trackingNumber);
        start += count - 1;
        break;
      }
    }
  }
  return found;
}

export function extractEntities(text: string): Entities {
  const orderNumbers: string[] = [];
  const orderAt: { index: number; number: string }[] = [];
  for (const match of text.matchAll(ORDER_NUMBER)) orderAt.push({ index: match.index, number: match[1]! });
  for (const match of text.matchAll(HASH_NUMBER)) orderAt.push({ index: match.index, number: match[1]! });
  for (const match of text.matchAll(LONG_DIGITS)) {
    if (!TRACKING_CONTEXT.test(text.slice(Math.max(0, match.index - 40), match.index)))
      orderAt.push({ index: match.index, number: match[1]! });
  }
  orderAt.sort((a, b) => a.index - b.index).forEach(({ number }) => pushUnique(orderNumbers, number));

  const skus: string[] = [];
  for (const match of text.matchAll(SKU)) {
    const sku = match[1]!.replace(/[.-]+$/, "");
    // A SKU has a digit or is written in capitals; "SKU of the product" names none.
    if (/\d/.test(sku) || (sku.length >= 2 && sku === sku.toUpperCase())) pushUnique(skus, sku);
  }

  const productNames: string[] = [];
  const named: { index: number; name: string }[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const name = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? "").trim();
    const before = text.slice(Math.max(0, match.index - 60), match.index);
    if (name.split(/\s+/).length <= MAX_PRODUCT_NAME_WORDS && PRODUCT_BEFORE_QUOTE.test(before))
      named.push({ index: match.index, name });
  }
  for (const match of text.matchAll(NAMED_PRODUCT)) {
    const words = match[1]!.split(/\s+/);
    while (words.length > 0 && NOT_PRODUCT_NAMES.has(words[words.length - 1]!.toLowerCase())) words.pop();
    if (words.length === 0 || words.every((word) => NOT_PRODUCT_NAMES.has(word.toLowerCase()))) continue;
    if (words.every((word) => /^\d+$/.test(word))) continue;
    named.push({ index: match.index, name: words.join(" ") });
  }
  named.sort((a, b) => a.index - b.index).forEach(({ name }) => pushUnique(productNames, name));

  const claimed = new Set([...orderNumbers, ...skus.map((sku) => sku.toUpperCase())]);
  return { orderNumbers, trackingNumbers: trackingNumbersIn(text, claimed), skus, productNames };
}
