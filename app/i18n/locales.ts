/** Languages the app speaks; the first is the fallback. */
export const LOCALES = ["en", "it", "es", "fr", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Maps an admin locale such as "it-IT" or "pt-BR" to one we speak. */
export function resolveLocale(input: string | null | undefined): Locale {
  const base = (input ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : DEFAULT_LOCALE;
}
