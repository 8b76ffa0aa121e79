import i18next, { type Resource, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "./locales";

export type LocaleResources = Record<string, Record<string, unknown>>;

/** One i18next instance per request on the server and one per page in the browser. */
export function createI18n(locale: Locale, resources: LocaleResources): i18n {
  const instance = i18next.createInstance();
  const resource: Resource = { [locale]: resources as Resource[string] };
  void instance.use(initReactI18next).init({
    lng: locale,
    resources: resource,
    defaultNS: "common",
    ns: Object.keys(resources),
    interpolation: { escapeValue: false }, // React escapes; merchant text is never HTML
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
