import { describe, expect, it } from "vitest";
import enSupport from "~/i18n/locales/en/support.json";
import itSupport from "~/i18n/locales/it/support.json";
import { CATEGORY_IDS, TIKTOK_CATEGORIES } from "~/support/taxonomy";
import { gotoInAdmin, openInAdmin as openMerchantPath } from "./merchant";
import { expectHeadingsInOrder, seriousAxeViolations, sidewaysScroll } from "./page-checks";
import { useBrowser } from "./suite";

const SUPPORT = { en: enSupport, it: itSupport } as const;
type Lang = keyof typeof SUPPORT;

const suite = useBrowser();

/** Opens an app path as Shopify admin's deep link would, once the page has hydrated. */
async function openInAdmin(path: string, lang: Lang, viewport?: { width: number; height: number }) {
  const page = await openMerchantPath(suite.browser, path, { lang, viewport });
  await page.locator("h1").first().waitFor();
  // Links navigate inside the app (with the session token) once React has hydrated the page.
  await page.waitForLoadState("networkidle");
  return page;
}

/** Demo Shop's address is in Italy (preview/demo-shops.ts), as Shopify's Admin API reports it. */
const SUSPENDED = "/app/support/guides/account_suspended";

describe("the suspended-account guide for an Italian shop", () => {
  const expected = {
    en: {
      report: "Report a problem in the TikTok app",
      path: "TikTok app > Profile > ☰ menu > Settings and privacy > Report a problem",
      reason:
        "Your store's country is Italy, which is neither the USA nor the UK, so the row for other regions applies",
      row: "South-East Asia / other regions",
      applies: "Applies to your store",
      otherRow: "USA / UK / Global",
    },
    it: {
      report: "Segnala un problema nell'app TikTok",
      path: "App TikTok > Profilo > Menu ☰ > Impostazioni e privacy > Segnala un problema",
      reason:
        "Il paese del tuo negozio è Italia, che non è né gli USA né il Regno Unito, quindi vale la riga delle altre regioni",
      row: "Sud-est asiatico / Altre regioni",
      applies: "Vale per il tuo negozio",
      otherRow: "USA / UK / Globale",
    },
  } as const;

  it.each(["en", "it"] as const)(
    "in %s: shows the TikTok app's Report a problem path and marks the row for other regions, saying why",
    async (lang) => {
      const text = expected[lang];
      const page = await openInAdmin(SUSPENDED, lang);
      await page.getByRole("heading", { name: text.report }).waitFor();
      await page.getByText(text.path, { exact: true }).waitFor();
      await page.getByText(text.reason, { exact: false }).waitFor();
      // Exactly one row is marked, and it is the row for other regions.
      const marked = page.getByText(text.applies, { exact: true });
      expect(await marked.count()).toBe(1);
      const markedRow = marked.locator("xpath=ancestor::div[contains(@class, 'Polaris-Box')][1]");
      expect(await markedRow.textContent()).toContain(text.row);
      expect(await markedRow.textContent()).not.toContain(text.otherRow);
      await page.context().close();
    },
  );
});

describe("the shipping guide's wording", () => {
  it("explains the carrier's role instead of saying the problem concerns the TikTok seller account", async () => {
    const page = await openInAdmin("/app/support/guides/shipping", "en");
    await page.getByText(enSupport.guide.introCarrier, { exact: true }).waitFor();
    expect(await page.getByText(enSupport.guide.intro, { exact: true }).count()).toBe(0);
    expect(await page.getByText("TikTok seller account", { exact: false }).count()).toBe(0);
    await page.context().close();
  });
});

describe("Who fixes what", () => {
  it.each(["en", "it"] as const)("in %s: lists every category of the taxonomy, once", async (lang) => {
    const page = await openInAdmin("/app/support/who-fixes-what", lang);
    const listed = await page.locator("h3").allTextContents();
    expect(listed.sort()).toEqual(CATEGORY_IDS.map((id) => SUPPORT[lang].categories[id].label).sort());
    await expectHeadingsInOrder(page);
    expect(await page.locator("main").count()).toBe(1);
    expect(await page.title()).toBe(`${SUPPORT[lang].whoFixesWhat.title} · SPL Support`);
    await page.context().close();
  });

  it("opens each category's ticket form or guide from its button", async () => {
    const page = await openInAdmin("/app/support/who-fixes-what", "en");
    const labels = enSupport.whoFixesWhat.start;
    for (const category of CATEGORY_IDS) {
      const label = enSupport.categories[category].label;
      const spl = ["order_sync", "product_sync", "connection", "app_setup"].includes(category);
      await page
        .getByRole("link", {
          name: (spl ? labels.ticketFor : labels.guideFor).replace("{{category}}", label),
        })
        .click();
      const target = spl ? "/app/support/new" : `/app/support/guides/${category}`;
      await expect.poll(() => new URL(page.url()).pathname).toBe(target);
      await page.locator("h1").first().waitFor();
      if (spl) {
        expect(new URL(page.url()).searchParams.get("category")).toBe(category);
      } else {
        const title = enSupport.guide.title.replace("{{category}}", label);
        await page.getByRole("heading", { level: 1, name: title }).waitFor();
      }
      await page.goBack();
      await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support/who-fixes-what");
      await page.getByRole("heading", { level: 1, name: enSupport.whoFixesWhat.title }).waitFor();
    }
    await page.context().close();
  });

  it("is linked from the Support page and from a guide", async () => {
    const page = await openInAdmin("/app/support", "en");
    await page.getByRole("link", { name: enSupport.whoFixesWhat.linkFromSupport }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support/who-fixes-what");
    await gotoInAdmin(page, "/app/support/guides/payout", { lang: "en" });
    await page.waitForLoadState("networkidle");
    await page.getByRole("link", { name: enSupport.whoFixesWhat.linkFromGuide }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support/who-fixes-what");
    await page.context().close();
  });
});

describe("the guide pages pass axe and fit a phone", () => {
  const paths = [
    ...TIKTOK_CATEGORIES.map((category) => `/app/support/guides/${category}`),
    "/app/support/who-fixes-what",
  ];

  it.each(["en", "it"] as const)("in %s: no serious or critical axe violation", async (lang) => {
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      const page = await openInAdmin(path, lang);
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      found[path] = await seriousAxeViolations(page);
      await page.context().close();
    }
    expect(found).toEqual(Object.fromEntries(paths.map((path) => [path, []])));
  });

  it.each(["en", "it"] as const)("in %s: nothing scrolls sideways at 390 px", async (lang) => {
    const found: Record<string, unknown> = {};
    for (const path of paths) {
      const page = await openInAdmin(path, lang, { width: 390, height: 844 });
      found[path] = await sidewaysScroll(page);
      await page.context().close();
    }
    expect(found).toEqual(Object.fromEntries(paths.map((path) => [path, { page: false, scrollers: [] }])));
  });
});
