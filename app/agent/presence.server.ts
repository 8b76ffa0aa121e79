import type { Db } from "~/db.server";

/** The ticket page reports every 5 s (use-presence.ts); an agent unheard of for three reports has left. */
export const PRESENCE_TTL_MS = 15_000;
/** Rows this old are no longer shown (well past the TTL) and are deleted. */
export const STALE_AFTER_MS = 4 * PRESENCE_TTL_MS;

/**
 * Who else has a ticket open, kept in the database so every server process sees the same agents
 * (no extra service: the page polls).
 */
export function ticketPresence(db: Db) {
  return {
    /** Records that `agentId` has the ticket open (and whether they are typing a reply); returns the others. */
    async report(ticketId: string, agentId: string, replying: boolean, now = new Date()) {
      // A page closed without saying so (a crash, a lost network) leaves its row behind: every report
      // sweeps away rows nobody has refreshed for STALE_AFTER_MS, on any ticket, so the table holds
      // only the agents of the last few minutes.
      await db.ticketPresence.deleteMany({
        where: { seenAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
      });
      await db.ticketPresence.upsert({
        where: { ticketId_agentId: { ticketId, agentId } },
        create: { ticketId, agentId, replying, seenAt: now },
        update: { replying, seenAt: now },
      });
      const others = await db.ticketPresence.findMany({
        where: {
          ticketId,
          agentId: { not: agentId },
          seenAt: { gt: new Date(now.getTime() - PRESENCE_TTL_MS) },
        },
        select: { replying: true, agent: { select: { id: true, name: true } } },
        orderBy: { seenAt: "asc" },
      });
      return others.map((other) => ({
        id: other.agent.id,
        name: other.agent.name,
        replying: other.replying,
      }));
    },

    /** The page is closed: the agent is no longer shown to others. */
    async leave(ticketId: string, agentId: string) {
      await db.ticketPresence.deleteMany({ where: { ticketId, agentId } });
    },
  };
}
