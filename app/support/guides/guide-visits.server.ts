import type { Db } from "~/db.server";
import type { CategoryId } from "../taxonomy";

/**
 * A shop's routings to a TikTok-channel guide: problems SPL saw solved without a ticket (the agent
 * dashboard counts them against tickets opened).
 */
export function guideVisits(db: Db, shop: string) {
  return {
    async record(category: CategoryId) {
      await db.guideVisit.create({ data: { shop, category } });
    },
  };
}
