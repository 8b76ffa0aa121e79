import { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from "~/support/tickets/attachments";
import { DESCRIPTION_MAX, REPLY_MAX } from "~/support/tickets/ticket-input";
import { MAX_TEXT_LENGTH } from "~/support/triage";

/**
 * The app's one input boundary: how large a request body may be, and how text from forms and query
 * strings is made safe to store on both databases before any schema sees it.
 */

const KB = 1024;
/** A text field at its limit: UTF-8 takes up to 4 bytes a character, percent-encoding 3 characters a byte. */
const textForm = (characters: number) => characters * 4 * 3 + 8 * KB;

/** Shopify's compliance payloads are a few KB even when they list many orders. */
export const WEBHOOK_BODY_BYTES = 1024 * KB;
/** Sign-in, sign-out and every other form of a few fields. */
export const SMALL_FORM_BYTES = 8 * KB;
/** The ticket form: its attachments at their limit, and its text fields. */
export const TICKET_FORM_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 256 * KB;
/** A reply's text alone, urlencoded, on a path that also takes a reply with files. */
export const REPLY_FORM_BYTES = textForm(REPLY_MAX);

const BODY_LIMITS: [RegExp, number][] = [
  [/^\/webhooks(\/|$)/, WEBHOOK_BODY_BYTES],
  [/^\/app\/support\/new$/, TICKET_FORM_BYTES],
  // The intake and the store checks the ticket form runs on the merchant's description.
  [/^\/app\/support(\/checks)?$/, textForm(Math.max(MAX_TEXT_LENGTH, DESCRIPTION_MAX))],
  // "This fixed it" posts the store checks' report the merchant saw (at most 200 findings).
  [/^\/app\/support\/self-help$/, 256 * KB],
  // A merchant's reply with its files (multipart), within the ticket form's limits.
  [/^\/app\/support\/tickets\/[^/]+$/, TICKET_FORM_BYTES],
  [/^\/agent\/tickets\/[^/]+$/, textForm(REPLY_MAX)],
  // An agent's reply with attachments, within the ticket form's limits.
  [/^\/agent\/tickets\/[^/]+\/reply$/, TICKET_FORM_BYTES],
  [/^\/agent\/canned-replies$/, textForm(REPLY_MAX)],
];

/**
 * The largest body a request to `pathname` may carry. Remix's client posts to `<path>.data` (and
 * the root to `/_root.data`), which are limited like the page itself.
 */
export function bodyLimitFor(pathname: string): number {
  const path = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "").replace(/\/+$/, "");
  return BODY_LIMITS.find(([pattern]) => pattern.test(path))?.[1] ?? SMALL_FORM_BYTES;
}

export function payloadTooLarge(limit: number): Response {
  // The rest of the body is left unread; the server drops it (server/hardening.mjs).
  return new Response(`This request is too large: at most ${Math.ceil(limit / KB)} KB are accepted here.`, {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export function badRequest(message: string, status: 400 | 422 = 400): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

// C0 controls but tab, line feed and carriage return, DEL and the C1 controls. PostgreSQL refuses
// NUL in text ("invalid byte sequence for encoding UTF8: 0x00") and SQLite's FTS5 stops at it.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Text as stored: control characters removed, Unicode in NFC (decoding already replaced invalid UTF-8). */
export function cleanText(value: string): string {
  return value.normalize("NFC").replace(CONTROL_CHARACTERS, "");
}

/**
 * The body, read while it streams in and never past the limit: a declared length over it is
 * refused before reading, and a body that grows past it is refused as soon as it does. The
 * rest is left unread.
 */
export async function readBody(request: Request, limit = bodyLimitFor(new URL(request.url).pathname)) {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > limit) throw payloadTooLarge(limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw payloadTooLarge(limit);
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * A row id from the URL. Ids are cuids: anything else (a NUL, which PostgreSQL refuses in a
 * query) names no row, so the caller's "not found" answers it.
 */
export function rowId(value: string | undefined): string {
  return value && /^[\w-]{1,64}$/.test(value) ? value : "";
}

/**
 * A form of text fields (Remix's `<Form>` and `useSubmit` send it urlencoded), cleaned; `limit` is
 * the path's unless a page that also takes files says how much text alone may be.
 */
export async function readForm(request: Request, limit?: number): Promise<URLSearchParams> {
  const type = request.headers.get("Content-Type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded")
    throw badRequest("This form must be sent as application/x-www-form-urlencoded.");
  return cleanParams(new URLSearchParams((await readBody(request, limit)).toString("utf8")));
}

/** The query string's parameters, cleaned, one value a name (the last, like Object.fromEntries). */
export function readQuery(request: Request): Record<string, string> {
  return Object.fromEntries(cleanParams(new URL(request.url).searchParams));
}

function cleanParams(params: URLSearchParams): URLSearchParams {
  const cleaned = new URLSearchParams();
  for (const [name, value] of params) cleaned.append(cleanText(name), cleanText(value));
  return cleaned;
}
