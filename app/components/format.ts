import type { TFunction } from "~/i18n/i18n";

/**
 * Dates render the same on the server and in the browser (no hydration mismatch): in the time zone
 * given (a shop's, from Shopify), with the zone named, or else in UTC.
 */
export function formatDateTime(value: string | Date, locale: string, timeZone?: string | null) {
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat(locale, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone,
        timeZoneName: "short",
      }).format(new Date(value));
    } catch {
      // A zone this runtime does not know: UTC, named, rather than a wrong local time.
    }
  }
  return (
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
      new Date(value),
    ) + " UTC"
  );
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45 min", "3 h", "2 d": how long something took or has waited, in the agent's language. */
export function formatDuration(ms: number, t: TFunction): string {
  if (ms < HOUR) return t("agent:duration.minutes", { count: Math.max(0, Math.round(ms / MINUTE)) });
  if (ms < DAY) return t("agent:duration.hours", { count: Math.round((ms / HOUR) * 10) / 10 });
  return t("agent:duration.days", { count: Math.round((ms / DAY) * 10) / 10 });
}

/** Age relative to the loader's clock, so server and browser render the same text. */
export function formatAge(since: string | Date, now: string | Date, t: TFunction): string {
  return formatDuration(new Date(now).getTime() - new Date(since).getTime(), t);
}
