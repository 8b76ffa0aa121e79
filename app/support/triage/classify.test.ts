import { describe, expect, it } from "vitest";
import type { Locale } from "../../i18n/locales";
import type { CategoryId } from "../taxonomy";
import {
  classify,
  LOW_CONFIDENCE_THRESHOLD,
  MAX_TEXT_LENGTH,
  MODEL_VERSION,
  TriageInputError,
  type Triage,
} from "./index";

const alternativesOf = (triage: Triage) => triage.alternatives.map((alternative) => alternative.category);

describe("the known traps", () => {
  it('sends "Sync failed" to SPL and "Review failed" to TikTok', () => {
    const sync = classify("Since this morning 20 of my items show Sync failed in the app");
    const review = classify("Since this morning 20 of my items show Review failed on TikTok");
    expect([sync.category, sync.route]).toEqual(["product_sync", "spl_ticket"]);
    expect([review.category, review.route]).toEqual(["product_rejection", "tiktok_guide"]);
  });

  it("tells orders missing from Shopify apart from orders TikTok has not paid", () => {
    const missing = classify("the orders from my TikTok shop are not showing in Shopify");
    const unpaid = classify(
      "the order was delivered last week but it's still not paid, my payout is missing",
    );
    expect([missing.category, missing.route]).toEqual(["order_sync", "spl_ticket"]);
    expect([unpaid.category, unpaid.route]).toEqual(["payout", "tiktok_guide"]);
  });

  it("tells a failing app connection apart from being locked out of Seller Center", () => {
    const connect = classify("I can't connect the app, authorizing the shop fails every time");
    const login = classify("I can't log in to Seller Center anymore, it says my shop is restricted");
    expect([connect.category, connect.route]).toEqual(["connection", "spl_ticket"]);
    expect([login.category, login.route]).toEqual(["account_suspended", "tiktok_guide"]);
  });
});

describe("languages", () => {
  const examples: [Locale, string, CategoryId][] = [
    ["en", "The stock levels on TikTok never update when I change them in Shopify", "product_sync"],
    [
      "it",
      "Buongiorno, TikTok mi trattiene i soldi delle vendite da un mese e il saldo non viene mai accreditato",
      "payout",
    ],
    ["es", "El transportista perdió el paquete y el comprador lleva dos semanas esperando", "shipping"],
    [
      "fr",
      "Je n'arrive pas à relier ma boutique TikTok à l'application, l'autorisation échoue",
      "connection",
    ],
    [
      "de",
      "TikTok verlangt schon wieder meinen Personalausweis für die Verifizierung des Verkäuferkontos",
      "account_verification",
    ],
  ];
  it.each(examples)("routes a clear %s message", (locale, text, category) => {
    const triage = classify(text, locale);
    expect(triage.category).toBe(category);
    expect(triage.lowConfidence).toBe(false);
  });

  it("does not need the locale: the text's words decide", () => {
    expect(classify("I prodotti non si sincronizzano più con TikTok").category).toBe("product_sync");
    expect(classify("I prodotti non si sincronizzano più con TikTok", "de").category).toBe("product_sync");
  });

  it("copes with typos and inflections", () => {
    expect(classify("sincronizazzione falita su tutti gli articoli").category).toBe("product_sync");
    expect(classify("my payuot hasnt arived yet, where is my mony").category).toBe("payout");
  });
});

describe("negation", () => {
  it("does not count a topic the merchant rules out", () => {
    const triage = classify("not about payouts, the products won't sync");
    expect(triage.category).toBe("product_sync");
    expect(triage.evidence.map((evidence) => evidence.term.toLowerCase())).not.toContain("payouts");
    expect(
      triage.alternatives.find((alternative) => alternative.category === "payout")?.score ?? 0,
    ).toBeLessThan(0.05);
  });

  it("still counts the same topic when it is the complaint", () => {
    expect(classify("the payouts are missing").category).toBe("payout");
  });

  it("understands ruling out in other languages", () => {
    expect(
      classify("Non è un problema di pagamenti: gli ordini TikTok non arrivano su Shopify").category,
    ).toBe("order_sync");
    expect(
      classify("Es geht nicht um die Auszahlung, sondern die Produkte werden nicht synchronisiert").category,
    ).toBe("product_sync");
    expect(
      classify("Les paiements vont bien, mais mes commandes n'apparaissent pas dans Shopify").category,
    ).toBe("order_sync");
  });
});

describe("several problems in one message", () => {
  it("puts the main problem first and keeps the other as an alternative", () => {
    const triage = classify(
      "Since Monday none of my TikTok orders show up in Shopify, so the warehouse can't ship anything and " +
        "customers are complaining. I have re-checked everything in Seller Center, the orders are there. " +
        "Also, a smaller thing: last week's payout looked a bit low.",
    );
    expect(triage.category).toBe("order_sync");
    expect(alternativesOf(triage)).toContain("payout");
  });

  it("ranks alternatives by score and never repeats the top category", () => {
    const triage = classify("products won't sync and my account verification is stuck");
    const scores = triage.alternatives.map((alternative) => alternative.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(alternativesOf(triage)).not.toContain(triage.category);
  });
});

describe('an honest "not sure"', () => {
  it.each([
    ["it doesn't work", "en"],
    ["help", "en"],
    ["I need help with my shop", "en"],
    ["non funziona niente", "it"],
    ["?", "en"],
    ["asdf", "en"],
    ["no funciona nada", "es"],
    ["rien ne marche", "fr"],
    ["Hallo, ich habe ein Problem mit meinem Shop", "de"],
    ["0 stars, worst app ever", "en"],
    ["payout?", "en"],
    // A place with no problem told, a review with none, off-topic.
    ["0 stars, terrible app, waste of money, support never answers", "en"],
    ["come si fa la pasta alla carbonara senza panna?", "it"],
  ] as [string, Locale][])("asks the merchant to choose for %j", (text, locale) => {
    expect(classify(text, locale).lowConfidence).toBe(true);
  });

  it("routes a topic that has one owner, with no problem told (LABELLING.md: the owner decides)", () => {
    const triage = classify("I need to talk to someone about payouts?", "en");
    expect([triage.category, triage.route, triage.lowConfidence]).toEqual(["payout", "tiktok_guide", false]);
  });

  it("asks when every word only says where or whose, however sure the model is", () => {
    // The model alone routes these confidently (a blocked account, the app's setup): the words are
    // where those problems are usually told, not the problems.
    for (const text of ["Seller Center", "tiktok shop account", "Shopify app, please"]) {
      const triage = classify(text, "en");
      expect(triage.lowConfidence, text).toBe(true);
    }
  });

  it("still answers a problem told with one word beside the generic ones", () => {
    for (const [text, locale] of [
      ["account blocked", "en"],
      ["compte bloqué", "fr"],
      ["Konto gesperrt", "de"],
    ] as [string, Locale][]) {
      const triage = classify(text, locale);
      expect([triage.category, triage.lowConfidence], text).toEqual(["account_suspended", false]);
    }
  });

  it("never routes a likely account suspension to SPL silently", () => {
    for (const text of [
      "my shop got suspended and the orders stopped syncing to shopify",
      "account restricted, can't sync anything anymore",
      "Il mio negozio è stato sospeso e gli ordini non arrivano più su Shopify",
    ]) {
      const triage = classify(text);
      const named = triage.category === "account_suspended" || triage.second === "account_suspended";
      expect(named || triage.lowConfidence, text).toBe(true);
    }
  });
});

describe("confidence", () => {
  it("flags gibberish as low confidence so the merchant is asked to choose", () => {
    for (const text of ["qwzx blorptang fnuu hhhrk", "lorem ipsum dolor sit amet", "???"]) {
      expect(classify(text).lowConfidence, text).toBe(true);
    }
  });

  it("names two problems with different owners as category and second, without asking", () => {
    const cases: [string, CategoryId[]][] = [
      ["products won't sync and my account is under review", ["account_verification", "product_sync"]],
      ["two problems: products not syncing, payout not received", ["payout", "product_sync"]],
      [
        "Gli ordini non arrivano su Shopify da lunedì. Inoltre il pagamento di TikTok è bloccato da settimane.",
        ["order_sync", "payout"],
      ],
    ];
    for (const [text, categories] of cases) {
      const triage = classify(text);
      expect([triage.category, triage.second].sort(), text).toEqual(categories);
      expect(triage.lowConfidence, text).toBe(false);
    }
  });

  it("is confident on a plain, single problem", () => {
    const triage = classify("My TikTok seller account was suspended and I need to appeal");
    expect(triage.category).toBe("account_suspended");
    expect(triage.lowConfidence).toBe(false);
    expect(triage.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE_THRESHOLD);
    expect(triage.confidence).toBeLessThanOrEqual(1);
  });
});

describe("evidence", () => {
  it("quotes the merchant's own words, as written", () => {
    const text = "Every product says SYNC FAILED and the inventory never updates on TikTok";
    const triage = classify(text);
    expect(triage.evidence.length).toBeGreaterThan(0);
    for (const evidence of triage.evidence) {
      expect(text).toContain(evidence.term);
      expect(evidence.category).toBe(triage.category);
    }
    expect(triage.evidence.some((evidence) => evidence.term.includes("SYNC FAILED"))).toBe(true);
  });

  it("shows problem words, never where, when or whose alone", () => {
    const cases: [string, Locale | undefined, RegExp][] = [
      ["Since the update my TikTok orders don't reach Shopify since yesterday", "en", /orders|reach/i],
      ["everything was fine until monday, now the products won't sync", "en", /sync/i],
      ["il mio account è stato sospeso da TikTok", "it", /sospeso/i],
    ];
    for (const [text, locale, expected] of cases) {
      const terms = classify(text, locale).evidence.map((evidence) => evidence.term);
      expect(
        terms.some((term) => expected.test(term)),
        `${text}: ${terms.join(" | ")}`,
      ).toBe(true);
      for (const term of terms) {
        expect(term, text).not.toMatch(
          /^(shopify|tiktok|fine|mio account|account)$|since yesterday$|^(my|mio|mon|mein)\b/i,
        );
      }
    }
  });

  it("keeps a negation inside the phrase it belongs to", () => {
    const terms = classify("my products won't sync to TikTok").evidence.map((evidence) => evidence.term);
    expect(
      terms.some((term) => /products won't sync/i.test(term)),
      terms.join(" | "),
    ).toBe(true);
  });

  it("lists the strongest reason first", () => {
    const weights = classify("parcel lost by the courier, tracking stuck for ten days").evidence.map(
      (e) => e.weight,
    );
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });
});

describe("input limits", () => {
  it("refuses empty text with a typed error", () => {
    for (const text of ["", "   \n\t"]) {
      expect(() => classify(text)).toThrowError(TriageInputError);
      try {
        classify(text);
      } catch (error) {
        expect((error as TriageInputError).reason).toBe("empty");
      }
    }
  });

  it("refuses text over the limit and accepts text at the limit", () => {
    const atLimit = "orders missing in shopify ".repeat(MAX_TEXT_LENGTH).slice(0, MAX_TEXT_LENGTH);
    expect(classify(atLimit).category).toBe("order_sync");
    expect(() => classify(`${atLimit}x`)).toThrowError(expect.objectContaining({ reason: "too_long" }));
  });
});

describe("what the answer carries besides the category", () => {
  it("names the model and the order the text mentions", () => {
    const triage = classify("L'ordine n. 1002 non è arrivato su Shopify", "it");
    expect(triage.modelVersion).toBe(MODEL_VERSION);
    expect(triage.modelVersion).toMatch(/^triage-[0-9a-f]{12}$/);
    expect(triage.entities.orderNumbers).toEqual(["1002"]);
  });

  it("has no second problem when the text has one", () => {
    expect(classify("the orders from my TikTok shop are not showing in Shopify").second).toBeNull();
  });
});
