import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { rowId } from "~/http/input.server";
import { authenticate } from "~/shopify.server";
import { attachmentResponse } from "~/support/tickets/attachment-response.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const attachment = await merchantTickets(db, session.shop).attachment(rowId(params.id));
  if (!attachment) return new Response("Not found", { status: 404 });
  return attachmentResponse(attachment);
};
