import { randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "~/config.server";
import type { Db } from "~/db.server";
import { readForm } from "~/http/input.server";
import { readTicketForm } from "~/support/tickets/multipart.server";
import { agentCookies } from "./cookies.server";
import { CSRF_FIELD } from "./csrf";
import { requireAgent, type SignedInAgent } from "./session.server";

export function tokensMatch(sent: unknown, expected: unknown): boolean {
  if (typeof sent !== "string" || typeof expected !== "string" || !sent || !expected) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A browser names the page that sent a POST in Origin (or at least Referer and Sec-Fetch-Site);
 * anything naming another site is refused. Clients that send none still need the token.
 */
export function isSameOrigin(request: Request): boolean {
  const allowed = new Set([new URL(request.url).origin, new URL(config().SHOPIFY_APP_URL).origin]);
  const fetchSite = request.headers.get("Sec-Fetch-Site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = request.headers.get("Origin");
  if (origin) return allowed.has(origin);
  const referer = request.headers.get("Referer");
  if (referer) return URL.canParse(referer) && allowed.has(new URL(referer).origin);
  return true;
}

export function forbidden(): Response {
  return new Response("This request was refused: it did not come from an SPL Support console page.", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** A state-changing request from a signed-in agent: same origin and the session's token, or 403. */
export async function requireAgentPost(
  db: Db,
  request: Request,
): Promise<{ agent: SignedInAgent; form: URLSearchParams }> {
  const agent = await requireAgent(db, request);
  const form = await readForm(request);
  if (!isSameOrigin(request) || !tokensMatch(form.get(CSRF_FIELD), agent.csrfToken)) throw forbidden();
  return { agent, form };
}

/**
 * The same check for a form sent as multipart/form-data (a reply with attachments), read as it
 * streams with the ticket form's limits.
 */
export async function requireAgentMultipartPost(db: Db, request: Request) {
  const agent = await requireAgent(db, request);
  const { fields, files } = await readTicketForm(request);
  const form = new URLSearchParams(fields);
  if (!isSameOrigin(request) || !tokensMatch(form.get(CSRF_FIELD), agent.csrfToken)) throw forbidden();
  return { agent, form, files };
}

/** The sign-in form's token, reusing the one already in the cookie so two open tabs both work. */
export async function signInToken(request: Request): Promise<{ token: string; setCookie: string }> {
  const cookie = agentCookies().signInCsrf;
  const existing: unknown = await cookie.parse(request.headers.get("Cookie"));
  const token = typeof existing === "string" && existing ? existing : randomBytes(32).toString("base64url");
  return { token, setCookie: await cookie.serialize(token) };
}

/** Sign-in has no session yet: the form's token must equal the signed cookie's (double submit). */
export async function verifySignInPost(request: Request, form: URLSearchParams) {
  const expected: unknown = await agentCookies().signInCsrf.parse(request.headers.get("Cookie"));
  if (!isSameOrigin(request) || !tokensMatch(form.get(CSRF_FIELD), expected)) throw forbidden();
}

export async function clearSignInToken() {
  return agentCookies().signInCsrf.serialize("", { maxAge: 0 });
}
