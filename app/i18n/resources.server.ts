import type { AppProviderProps } from "@shopify/polaris";
import { LOCALES, type Locale } from "./locales";
import type { LocaleResources } from "./i18n";

const files = import.meta.glob<{ default: Record<string, unknown> }>("./locales/*/*.json", { eager: true });

const byLocale = Object.fromEntries(LOCALES.map((locale) => [locale, {} as LocaleResources])) as Record<Locale, LocaleResources>;
for (const [path, module] of Object.entries(files)) {
  const [, locale, namespace] = /\.\/locales\/(\w+)\/(\w[\w-]*)\.json$/.exec(path) ?? [];
  if (locale && namespace && locale in byLocale) byLocale[locale as Locale][namespace] = module.default;
}

/** Every namespace of one language: the browser is sent only the language it shows. */
export function resourcesFor(locale: Locale): LocaleResources {
  return byLocale[locale];
}

type PolarisTranslations = NonNullable<AppProviderProps["i18n"]>;

export const polarisTranslations: Record<Locale, () => Promise<{ default: PolarisTranslations }>> = {
  en: () => import("@shopify/polaris/locales/en.json"),
  it: () => import("@shopify/polaris/locales/it.json"),
  es: () => import("@shopify/polaris/locales/es.json"),
  fr: () => import("@shopify/polaris/locales/fr.json"),
  de: () => import("@shopify/polaris/locales/de.json"),
};
