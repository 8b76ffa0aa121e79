import type { LocaleResources } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { resourcesFor } from "~/i18n/resources.server";

/** The console's strings plus the shared category and route names from the support namespace. */
export function consoleResources(locale: Locale): LocaleResources {
  const { agent, support } = resourcesFor(locale, ["agent", "support"]);
  const { categories, routes } = support as { categories: unknown; routes: unknown };
  return { agent: agent!, support: { categories, routes } };
}
