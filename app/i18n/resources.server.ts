import type { AppProviderProps } from "@shopify/polaris";
import type { LocaleResources } from "./i18n";
import type { Locale } from "./locales";
import enCommon from "./locales/en/common.json";
import enSupport from "./locales/en/support.json";
import enGuides from "./locales/en/guides.json";
import enEmails from "./locales/en/emails.json";
import enAgent from "./locales/en/agent.json";
import itCommon from "./locales/it/common.json";
import itSupport from "./locales/it/support.json";
import itGuides from "./locales/it/guides.json";
import itEmails from "./locales/it/emails.json";
import itAgent from "./locales/it/agent.json";
import esCommon from "./locales/es/common.json";
import esSupport from "./locales/es/support.json";
import esGuides from "./locales/es/guides.json";
import esEmails from "./locales/es/emails.json";
import esAgent from "./locales/es/agent.json";
import frCommon from "./locales/fr/common.json";
import frSupport from "./locales/fr/support.json";
import frGuides from "./locales/fr/guides.json";
import frEmails from "./locales/fr/emails.json";
import frAgent from "./locales/fr/agent.json";
import deCommon from "./locales/de/common.json";
import deSupport from "./locales/de/support.json";
import deGuides from "./locales/de/guides.json";
import deEmails from "./locales/de/emails.json";
import deAgent from "./locales/de/agent.json";

// Static imports, not a glob, so the same module loads under Vite, Vitest and tsx scripts.
const RESOURCES = {
  en: { common: enCommon, support: enSupport, guides: enGuides, emails: enEmails, agent: enAgent },
  it: { common: itCommon, support: itSupport, guides: itGuides, emails: itEmails, agent: itAgent },
  es: { common: esCommon, support: esSupport, guides: esGuides, emails: esEmails, agent: esAgent },
  fr: { common: frCommon, support: frSupport, guides: frGuides, emails: frEmails, agent: frAgent },
  de: { common: deCommon, support: deSupport, guides: deGuides, emails: deEmails, agent: deAgent },
} satisfies Record<Locale, LocaleResources>;

export type Namespace = keyof (typeof RESOURCES)["en"];

/** The namespaces a page needs, in one language: the browser is sent nothing more. */
export function resourcesFor(locale: Locale, namespaces: readonly Namespace[]): LocaleResources {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, RESOURCES[locale][namespace]]));
}

type PolarisTranslations = NonNullable<AppProviderProps["i18n"]>;

export const polarisTranslations: Record<Locale, () => Promise<{ default: PolarisTranslations }>> = {
  en: () => import("@shopify/polaris/locales/en.json"),
  it: () => import("@shopify/polaris/locales/it.json"),
  es: () => import("@shopify/polaris/locales/es.json"),
  fr: () => import("@shopify/polaris/locales/fr.json"),
  de: () => import("@shopify/polaris/locales/de.json"),
};
