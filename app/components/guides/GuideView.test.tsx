import { AppProvider } from "@shopify/polaris";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { I18nProvider } from "../../i18n/use-translation";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n";
import de from "../../i18n/locales/de/guides.json";
import en from "../../i18n/locales/en/guides.json";
import es from "../../i18n/locales/es/guides.json";
import fr from "../../i18n/locales/fr/guides.json";
import italian from "../../i18n/locales/it/guides.json";
import { LOCALES, type Locale } from "../../i18n/locales";
import { TIKTOK_CATEGORIES } from "../../support/taxonomy";
import { GuideView, type GuideViewProps } from "./GuideView";

const resources = { en, it: italian, es, fr, de } satisfies Record<Locale, unknown>;

function render(
  props: Partial<GuideViewProps> & Pick<GuideViewProps, "category">,
  missingKeys: string[] = [],
) {
  const locale = props.locale ?? "en";
  const i18n = createI18n(
    locale,
    { guides: resources[locale] },
    { onMissingKey: (key) => missingKeys.push(key) },
  );
  return renderToString(
    <AppProvider i18n={polarisEnglish}>
      <I18nProvider i18n={i18n}>
        <GuideView
          description="My account was suspended"
          shopName="Bottega Rossi"
          locale={locale}
          {...props}
        />
      </I18nProvider>
    </AppProvider>,
  );
}

/** The visible text, roughly as a reader sees it. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

describe("GuideView", () => {
  it.each(LOCALES.flatMap((locale) => TIKTOK_CATEGORIES.map((category) => [locale, category] as const)))(
    "renders every text of the %s %s guides from the resources",
    (locale, category) => {
      const missingKeys: string[] = [];
      render({ category, locale, trackingNumber: "1Z999AA10123456784" }, missingKeys);
      expect(missingKeys).toEqual([]);
    },
  );

  it.each(LOCALES)("renders the less common states in %s from the resources too", (locale) => {
    const missingKeys: string[] = [];
    render({ category: "shipping", locale, trackingNumber: "RR123456785CN" }, missingKeys);
    render({ category: "shipping", locale, trackingNumber: "not a number" }, missingKeys);
    render({ category: "account_suspended", locale, description: "x".repeat(5000) }, missingKeys);
    expect(missingKeys).toEqual([]);
  });

  it("asks the merchant to paste a China Post number on its site, which has no tracking link", () => {
    const text = textOf(render({ category: "shipping", trackingNumber: "RR123456785CN" }));
    expect(text).toContain("Looks like a China Post tracking number");
    expect(text).toContain("open it and paste the number RR123456785CN");
  });

  it("warns when the description had to be shortened for the email link", () => {
    const text = textOf(render({ category: "account_suspended", description: "x".repeat(5000) }));
    expect(text).toContain("Your description was shortened to fit in an email link.");
  });

  it("speaks Italian with the words of SPL's article", () => {
    const text = textOf(render({ category: "account_verification", locale: "it" }));
    expect(text).toContain("Chat live tramite il Centro Venditori di TikTok");
    expect(text).toContain("Registro Ticket");
    expect(text).toContain("Stato (Non letto, In elaborazione, Chiuso)");
    expect(text).toContain("Ultima verifica: 11 luglio 2025");
    expect(text).not.toContain("Live chat in TikTok Shop Seller Center");
  });

  it("puts the recommended channel first and marks only it", () => {
    const text = textOf(render({ category: "account_suspended" }));
    const email = text.indexOf("Email TikTok Seller Support (blocked or restricted account)");
    const chat = text.indexOf("Live chat in TikTok Shop Seller Center");
    const ticket = text.indexOf("Ticket through the TikTok Shop Help Center");
    expect(email).toBeGreaterThanOrEqual(0);
    expect(email).toBeLessThan(chat);
    expect(chat).toBeLessThan(ticket);
    expect(text.match(/Recommended/g)).toHaveLength(1);
    expect(text.indexOf("Recommended")).toBeLessThan(chat);
  });

  it("recognises a UPS tracking number and shows UPS's phone and tracking page", () => {
    const html = render({ category: "shipping", trackingNumber: "1z 999 aa1 0123 4567 84" });
    expect(textOf(html)).toContain("Looks like a UPS tracking number");
    expect(textOf(html)).toContain("Call UPS: +1 800-742-5877");
    expect(html).toContain('href="tel:+18007425877"');
    expect(html).toContain('href="https://www.ups.com/track?tracknum=1Z999AA10123456784"');
  });

  it("says so when it doesn't recognise the tracking number", () => {
    const text = textOf(render({ category: "shipping", trackingNumber: "ABC-42" }));
    expect(text).toContain("We don't recognise this tracking number format");
    expect(text).not.toContain("Looks like a");
  });

  it("shows the carrier table with the contacts from the shipping guide", () => {
    const text = textOf(render({ category: "shipping" }));
    for (const contact of [
      "+1 800-225-5345",
      "+1 800-463-3339",
      "+1 800-742-5877",
      "+1 800-275-8777",
      "+86 11185",
    ]) {
      expect(text).toContain(contact);
    }
  });

  it("offers a prefilled email to TikTok Seller Support for a suspended account", () => {
    const html = render({ category: "account_suspended", orderId: "5764612345" });
    expect(textOf(html)).toContain("Email TikTok Seller Support");
    const href = /href="(mailto:[^"?]+\?subject=[^"]+)"/.exec(html.replaceAll("&amp;", "&"))?.[1] ?? "";
    expect(href).toMatch(/^mailto:sellersupport@tiktok\.com\?subject=Blocked%20account/);
    expect(decodeURIComponent(href)).toContain("My account was suspended");
    expect(decodeURIComponent(href)).toContain("Order number: 5764612345");
    expect(textOf(html)).toContain("1 to 3 business days");
  });

  it("hands over a case summary with what the merchant typed and a copy button", () => {
    const html = render({ category: "payout", orderId: "5764612345", tiktokUsername: "@bottega" });
    expect(textOf(html)).toContain("Copy case summary");
    expect(textOf(html)).toContain("Case summary text");
    expect(html).toContain("Order ID: 5764612345");
    expect(html).toContain("TikTok username: @bottega");
    expect(html).toContain("Category: payout");
  });

  it("shows merchant text as text, never as markup", () => {
    const html = render({
      category: "payout",
      description: '<script>alert("x")</script>',
      shopName: "<b>Shop</b>",
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>Shop</b>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("the region table on the suspended-account guide", () => {
  const applies = (html: string) =>
    [
      ...textOf(html).matchAll(
        /(USA \/ UK \/ Global|South-East Asia \/ other regions) Applies to your store/g,
      ),
    ].map((match) => match[1]);

  it("tells an Italian shop why the row for other regions applies, in Italian", () => {
    const html = render({ category: "account_suspended", country: "IT", locale: "it" });
    expect(textOf(html)).toContain(
      "Il paese del tuo negozio è Italia, che non è né gli USA né il Regno Unito, quindi vale la riga delle altre regioni",
    );
    const marked = [
      ...textOf(html).matchAll(/(USA \/ UK \/ Globale|Sud-est asiatico \/ Altre regioni) Vale/g),
    ];
    expect(marked.map((match) => match[1])).toEqual(["Sud-est asiatico / Altre regioni"]);
  });

  it("marks the email row for a shop in the United Kingdom", () => {
    const html = render({ category: "account_suspended", country: "GB" });
    expect(textOf(html)).toContain(
      "Your store's country is United Kingdom, so the first row applies: write to sellersupport@tiktok.com.",
    );
    expect(applies(html)).toEqual(["USA / UK / Global"]);
  });

  it("marks no row and says so when Shopify gave no country", () => {
    const html = render({ category: "account_suspended", country: null });
    expect(applies(html)).toEqual([]);
    expect(textOf(html)).toContain("We couldn't read your store's country from Shopify");
  });
});

describe("TikTok's own pages", () => {
  it("links only the confirmed addresses, opening outside the app", () => {
    const html = render({ category: "general" });
    expect(html).toContain('href="https://seller-us.tiktok.com/"');
    expect(html).toContain(
      'href="https://seller-us.tiktok.com/university/course?content_id=1113059151578894&amp;learning_id=7433881557567287"',
    );
    expect(textOf(html)).toContain("TikTok Shop Seller Center (United States)");
  });
});
