import { z } from "zod";
import type { Db } from "~/db.server";
import { LOCALES } from "~/i18n/locales";
import { REPLY_MAX } from "~/support/tickets/ticket-input";
import type { SignedInAgent } from "./session.server";

/** Messages are `agent` i18n keys. */
export const cannedReplySchema = z.object({
  title: z.string().trim().min(1, "canned.errors.title").max(120, "errors.tooLong"),
  locale: z.enum(LOCALES, { message: "canned.errors.locale" }),
  body: z.string().trim().min(1, "canned.errors.body").max(REPLY_MAX, "errors.tooLong"),
  shared: z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true"),
});

export type CannedReplyInput = z.infer<typeof cannedReplySchema>;
export type CannedResult = { ok: true; id: string } | { ok: false; error: "notFound" | "forbidden" };

type Actor = Pick<SignedInAgent, "id" | "role">;

/**
 * Agents write canned replies for themselves and may share them with the team; a shared reply is
 * then the team's: only its author or an admin changes or deletes it.
 */
export function cannedReplies(db: Db) {
  async function editable(actor: Actor, id: string) {
    const reply = await db.cannedReply.findUnique({ where: { id }, select: { ownerId: true } });
    if (!reply) return "notFound" as const;
    return reply.ownerId === actor.id || actor.role === "admin" ? null : ("forbidden" as const);
  }

  return {
    /** The agent's own replies and every shared one, the ticket's language first when one is given. */
    async visibleTo(agentId: string, locale?: string) {
      const replies = await db.cannedReply.findMany({
        where: { OR: [{ ownerId: agentId }, { shared: true }] },
        select: {
          id: true,
          title: true,
          locale: true,
          body: true,
          shared: true,
          ownerId: true,
          owner: { select: { name: true } },
        },
        orderBy: [{ title: "asc" }, { id: "asc" }],
      });
      return locale
        ? [...replies.filter((r) => r.locale === locale), ...replies.filter((r) => r.locale !== locale)]
        : replies;
    },

    async create(actor: Actor, input: CannedReplyInput): Promise<CannedResult> {
      const reply = await db.cannedReply.create({
        data: { ...input, ownerId: actor.id },
        select: { id: true },
      });
      return { ok: true, id: reply.id };
    },

    async update(actor: Actor, id: string, input: CannedReplyInput): Promise<CannedResult> {
      const refused = await editable(actor, id);
      if (refused) return { ok: false, error: refused };
      await db.cannedReply.update({ where: { id }, data: input });
      return { ok: true, id };
    },

    async remove(actor: Actor, id: string): Promise<CannedResult> {
      const refused = await editable(actor, id);
      if (refused) return { ok: false, error: refused };
      await db.cannedReply.delete({ where: { id } });
      return { ok: true, id };
    },
  };
}
