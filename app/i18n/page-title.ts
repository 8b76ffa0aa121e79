import type { MetaDescriptor } from "@remix-run/node";
import { createI18n, type LocaleResources, type TFunction } from "./i18n";
import { resolveLocale } from "./locales";

/** What a route's `meta` is given about the matched routes, as far as titles need it. */
interface TitleMatch {
  id: string;
  data: unknown;
}

interface AppLayoutData {
  locale: string;
  resources: LocaleResources;
}

function isAppLayoutData(data: unknown): data is AppLayoutData {
  return typeof data === "object" && data !== null && "locale" in data && "resources" in data;
}

/**
 * The document's <title> for an embedded page, in the merchant's language, from the translations the
 * app layout already sent: Shopify admin shows the title bar, but browsers, history and screen readers
 * read <title>.
 */
export function pageTitle(matches: readonly TitleMatch[], title: (t: TFunction) => string): MetaDescriptor[] {
  const layout = matches.find((match) => match.id === "routes/app")?.data;
  if (!isAppLayoutData(layout)) return [{ title: "SPL Support" }];
  const { t } = createI18n(resolveLocale(layout.locale), layout.resources);
  return [{ title: `${title(t)} · SPL Support` }];
}
