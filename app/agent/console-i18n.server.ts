import type { LocaleResources } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { resourcesFor } from "~/i18n/resources.server";

/** The console's strings plus the support namespace's category and route names and store-check findings. */
export function consoleResources(locale: Locale): LocaleResources {
  const { agent, support } = resourcesFor(locale, ["agent", "support"]);
  const { categories, routes, storeChecks } = support as {
    categories: unknown;
    routes: unknown;
    storeChecks: unknown;
  };
  return { agent: agent!, support: { categories, routes, storeChecks } };
}
