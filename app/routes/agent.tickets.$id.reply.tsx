import type { ActionFunctionArgs } from "@remix-run/node";
import { ticketPost } from "~/agent/ticket-post.server";
import { unavailableAsData } from "~/database-unavailable.server";
import { badRequest, rowId } from "~/http/input.server";

/**
 * A reply or an internal note with attachments: multipart/form-data only, within the ticket form's
 * limits (the path keeps its name from when only replies took files).
 */
export const action = ({ request, params }: ActionFunctionArgs) => {
  if (!/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? ""))
    throw badRequest("A message with attachments must be sent as multipart/form-data.");
  return unavailableAsData(() => ticketPost(request, rowId(params.id)), {
    ok: false as const,
    intent: "",
    error: "errors.unavailable",
  });
};
