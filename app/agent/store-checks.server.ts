import type { Db } from "~/db.server";
import { unauthenticated } from "~/shopify.server";
import { runStoreChecks } from "~/support/store-checks/run-checks.server";
import { sessionFinding } from "~/support/store-checks/rules";
import { isCategoryId, routeOf } from "~/support/taxonomy";
import { ticketModule, type ChangeResult } from "~/support/tickets/tickets.server";

/**
 * "Run the checks again" from the agent's ticket page: the checks run with the shop's offline
 * session, as they ran for the merchant, and the ticket keeps the new findings. A shop that has
 * uninstalled the app has no session: that is the finding.
 */
export async function rerunStoreChecks(db: Db, agentId: string, ticketId: string): Promise<ChangeResult> {
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: { shop: true, category: true, description: true, orderId: true },
  });
  if (!ticket) return { ok: false, error: "notFound" };
  if (!isCategoryId(ticket.category) || routeOf(ticket.category) !== "spl_ticket")
    return { ok: false, error: "invalidCategory" };
  const problem = { description: ticket.description, orderId: ticket.orderId ?? "" };
  const shopAccess = await unauthenticated.admin(ticket.shop).catch(() => null);
  const report = shopAccess
    ? await runStoreChecks(ticket.category, problem, {
        admin: shopAccess.admin,
        grantedScopes: (shopAccess.session.scope ?? "").split(","),
        session: { found: true, expires: shopAccess.session.expires ?? null },
      })
    : {
        category: ticket.category,
        ranAt: new Date().toISOString(),
        findings: [
          { group: "access" as const, ...sessionFinding({ found: false, expires: null }, new Date()) },
        ],
      };
  return ticketModule(db).recordStoreChecks(agentId, ticketId, report);
}
