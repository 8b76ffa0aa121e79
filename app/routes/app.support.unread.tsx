import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { authenticate } from "~/shopify.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";

/** How many of the shop's tickets have something from SPL not yet opened: the count beside "My tickets". */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { count: await merchantTickets(db, session.shop).unreadCount() };
};
