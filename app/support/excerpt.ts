/**
 * The start of a text for a one-line list, at most `length` characters with the ellipsis. Plain code
 * so the agent queue (server) and the merchant's ticket log (browser) cut descriptions the same way.
 */
export function excerpt(text: string, length = 80) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
