import { z } from "zod";
import type { Db } from "~/db.server";
import { viewQueryOf } from "./saved-view-query";
import type { SignedInAgent } from "./session.server";

/** Messages are `agent` i18n keys. */
export const savedViewSchema = z.object({
  name: z.string().trim().min(1, "views.errors.name").max(60, "views.errors.name"),
  query: z.string().max(1000),
  shared: z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true"),
});

type Actor = Pick<SignedInAgent, "id" | "role">;
export type ViewResult = { ok: true; id: string } | { ok: false; error: "notFound" | "forbidden" };

/**
 * Queue views an agent saves from the current filters: private, or shared with the team. A shared
 * view is the team's: its author or an admin removes it.
 */
export function savedViews(db: Db) {
  return {
    visibleTo(agentId: string) {
      return db.savedView.findMany({
        where: { OR: [{ ownerId: agentId }, { shared: true }] },
        select: { id: true, name: true, query: true, shared: true, ownerId: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
    },

    async create(actor: Actor, input: z.infer<typeof savedViewSchema>): Promise<ViewResult> {
      const view = await db.savedView.create({
        data: { ownerId: actor.id, name: input.name, query: viewQueryOf(input.query), shared: input.shared },
        select: { id: true },
      });
      return { ok: true, id: view.id };
    },

    async remove(actor: Actor, id: string): Promise<ViewResult> {
      const view = await db.savedView.findUnique({ where: { id }, select: { ownerId: true, shared: true } });
      if (!view) return { ok: false, error: "notFound" };
      if (view.ownerId !== actor.id && !(view.shared && actor.role === "admin"))
        return { ok: false, error: "forbidden" };
      await db.savedView.delete({ where: { id } });
      return { ok: true, id };
    },
  };
}
