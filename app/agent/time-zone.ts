/** The cookie the console's page sets to the browser's time zone, so the server renders local times. */
export const TIME_ZONE_COOKIE = "spl_agent_tz";

/** A zone the runtime knows (IANA name), or null: the cookie is the browser's to write, not trusted. */
export function knownTimeZone(value: string | null | undefined): string | null {
  if (!value || value.length > 64) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    return null;
  }
}

/** The agent's time zone from the request's cookie; null until the browser has told it (then UTC). */
export function agentTimeZone(cookieHeader: string | null): string | null {
  const match = (cookieHeader ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${TIME_ZONE_COOKIE}=`));
  return knownTimeZone(match ? decodeURIComponent(match.slice(TIME_ZONE_COOKIE.length + 1)) : null);
}
