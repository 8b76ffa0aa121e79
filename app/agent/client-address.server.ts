/**
 * The address sign-in failures are counted against. Remix's Request has no socket, so a server can
 * hand the socket address in as `context.clientAddress`. Otherwise the rightmost X-Forwarded-For
 * entry is used: the one the reverse proxy in front of the app appended, which a client cannot
 * choose (entries to its left can be forged). Without either, there is no per-address throttle —
 * counting every unknown client as one address would let anyone lock everyone out.
 */
export function clientAddress(request: Request, context: unknown): string | null {
  const fromServer = (context as { clientAddress?: unknown } | null | undefined)?.clientAddress;
  if (typeof fromServer === "string" && fromServer) return fromServer;
  const forwarded = request.headers.get("X-Forwarded-For");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}
