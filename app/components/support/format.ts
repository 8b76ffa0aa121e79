/** Dates render the same on the server and in the browser (no hydration mismatch), in UTC. */
export function formatDateTime(value: string | Date, locale: string) {
  return (
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
      new Date(value),
    ) + " UTC"
  );
}

export function excerpt(text: string, length = 80) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
