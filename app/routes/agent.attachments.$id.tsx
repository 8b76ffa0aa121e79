import type { LoaderFunctionArgs } from "@remix-run/node";
import { agentTickets } from "~/agent/agent-tickets.server";
import { requireAgent } from "~/agent/session.server";
import { db } from "~/db.server";
import { rowId } from "~/http/input.server";
import { attachmentResponse } from "~/support/tickets/attachment-response.server";

/** Merchants' files, for signed-in agents only, always as a download that the browser won't render. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  await requireAgent(db, request);
  const attachment = await agentTickets(db).attachment(rowId(params.id));
  if (!attachment) return new Response("Not found", { status: 404 });
  return attachmentResponse(attachment);
};
