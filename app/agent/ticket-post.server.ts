import { data } from "@remix-run/node";
import { db } from "~/db.server";
import type { ChangeError } from "~/support/tickets/tickets.server";
import { checkAttachments } from "~/support/tickets/attachments";
import { agentTickets } from "./agent-tickets.server";
import { requireAgentMultipartPost, requireAgentPost } from "./csrf.server";
import { rerunStoreChecks } from "./store-checks.server";
import { ticketActionSchema } from "./ticket-actions";

const ERROR_STATUS: Record<ChangeError, number> = {
  notFound: 404,
  transition: 409,
  conflict: 409,
  unknownAgent: 422,
  invalidCategory: 422,
};

/**
 * One action posted from an agent's ticket page: a form of text fields, or a reply with attachments
 * sent as multipart/form-data (to its own path, which allows the ticket form's size).
 */
export async function ticketPost(request: Request, id: string) {
  const multipart = /^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "");
  const { agent, form, files } = multipart
    ? await requireAgentMultipartPost(db, request)
    : { ...(await requireAgentPost(db, request)), files: [] };
  const intent = String(form.get("intent") ?? "");
  if (intent === "rerun_checks") {
    const rerun = await rerunStoreChecks(db, agent.id, id);
    return rerun.ok
      ? { ok: true as const, intent, error: null }
      : data(
          { ok: false as const, intent, error: `errors.${rerun.error}` },
          { status: ERROR_STATUS[rerun.error] },
        );
  }
  const parsed = ticketActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return data(
      { ok: false as const, intent, error: parsed.error.issues[0]?.message ?? "errors.invalid" },
      { status: 422 },
    );
  const action = parsed.data;
  if (action.intent === "reply" && action.seenMessages !== undefined && !action.confirmed) {
    const messages = await agentTickets(db).messageCount(id);
    if (messages !== null && messages > action.seenMessages)
      return data({ ok: false as const, intent, error: "presence.missed" }, { status: 409 });
  }
  // Files go with a reply or a note only, checked by content like the ticket form's.
  const checked = checkAttachments(action.intent === "reply" || action.intent === "note" ? files : []);
  if (!checked.ok)
    return data(
      { ok: false as const, intent, error: `attachments.${checked.problem}` },
      { status: checked.problem === "too_large" ? 413 : 422 },
    );
  const result = await agentTickets(db).act(agent, id, action, checked.attachments);
  if (!result.ok)
    return data(
      { ok: false as const, intent, error: `errors.${result.error}` },
      { status: ERROR_STATUS[result.error] },
    );
  return { ok: true as const, intent, error: null };
}
