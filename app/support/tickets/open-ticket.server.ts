import type { Db } from "~/db.server";
import { resolveLocale, type Locale } from "~/i18n/locales";
import { findOrder, type ShopInfo } from "~/shopify/admin-data.server";
import { readReport } from "../store-checks/findings";
import { classify } from "../triage";
import { checkAttachments, type AttachmentProblem } from "./attachments";
import { merchantTickets } from "./merchant-tickets.server";
import type { Diagnostics } from "./tickets.server";
import type { UploadedFile } from "./multipart.server";
import { fieldErrors, ticketFormSchema } from "./ticket-input";

type AdminGraphql = Parameters<typeof findOrder>[0];

export type OpenTicketResult =
  | { ok: true; ticketId: string; number: number; orderFound: boolean | null }
  | {
      ok: false;
      errors: Record<string, string>;
      attachmentProblem?: { problem: AttachmentProblem; filename?: string };
    };

/**
 * The server's own reading of the text it stores: whatever the browser showed or sent is not used, so a
 * forged suggestion cannot reach the ticket, the agents' view or the triage labels.
 */
function readingOf(description: string, locale: Locale) {
  const triage = classify(description, locale);
  return {
    suggestedCategory: triage.category,
    suggestedSecond: triage.second,
    confidence: triage.confidence,
    modelVersion: triage.modelVersion,
    entities: { ...triage.entities },
  };
}

/**
 * The SPL-ticket submission: validate with the form's schema, check files by content, attach the
 * order's summary when the app may read orders, classify the text, then create the ticket once.
 */
export async function openTicket(
  db: Db,
  context: { shop: string; scopes: string[]; admin: AdminGraphql; shopInfo: ShopInfo; appVersion: string },
  fields: Record<string, string>,
  files: UploadedFile[],
): Promise<OpenTicketResult> {
  const parsed = ticketFormSchema.safeParse(fields);
  const checked = checkAttachments(files);
  if (!parsed.success || !checked.ok) {
    return {
      ok: false,
      errors: parsed.success ? {} : fieldErrors(parsed.error),
      ...(checked.ok ? {} : { attachmentProblem: { problem: checked.problem, filename: checked.filename } }),
    };
  }
  const input = parsed.data;
  const lookedUp = input.orderId && context.scopes.includes("read_orders") ? input.orderId : null;
  const order = lookedUp ? await findOrder(context.admin, lookedUp) : undefined;
  // Only a language the app speaks is stored and shown to agents.
  const locale = resolveLocale(fields.locale);
  const diagnostics: Diagnostics = {
    appVersion: context.appVersion,
    shopPlan: context.shopInfo.plan,
    locale,
    timezone: context.shopInfo.timezone,
  };
  const { ticket } = await merchantTickets(db, context.shop).create({
    ...input,
    ...readingOf(input.description, locale),
    shopName: context.shopInfo.name,
    locale,
    diagnostics,
    orderSummary: lookedUp ? (order ?? { found: false, query: lookedUp }) : null,
    // The findings the merchant saw on the page; agents can run the checks again from the ticket.
    storeChecks: readReport(fields.storeChecks),
    attachments: checked.attachments,
  });
  return {
    ok: true,
    ticketId: ticket.id,
    number: ticket.number,
    orderFound: order === undefined ? null : order !== null,
  };
}
