import type { ActionFunctionArgs } from "@remix-run/node";
import { agentTickets } from "~/agent/agent-tickets.server";
import { requireAgentPost } from "~/agent/csrf.server";
import { ticketPresence } from "~/agent/presence.server";
import { db } from "~/db.server";
import { rowId } from "~/http/input.server";

/**
 * The ticket page's report every few seconds: records that this agent has the ticket open (and
 * whether they are typing a reply), and answers with the other agents on it and how many messages
 * the thread has now, so the page can warn about a message that arrived after it loaded. Once the
 * page has shown an unread ticket it says so here (`read`), since its loader must not write.
 */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { agent, form } = await requireAgentPost(db, request);
  const id = rowId(params.id);
  const messages = await agentTickets(db).messageCount(id);
  if (messages === null) throw new Response("Ticket not found", { status: 404 });
  if (form.get("read") === "true") {
    // Read is what the page showed: a merchant message that arrived after it loaded keeps it unread.
    const seen = Number(form.get("seenMessages") ?? messages);
    const read = seen >= messages;
    if (read) await agentTickets(db).markRead(id);
    return Response.json({ read });
  }
  const presence = ticketPresence(db);
  if (form.get("leaving") === "true") {
    await presence.leave(id, agent.id);
    return Response.json({ others: [], messages });
  }
  const others = await presence.report(id, agent.id, form.get("replying") === "true");
  return Response.json({ others, messages });
};
