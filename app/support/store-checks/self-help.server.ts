import type { Db } from "~/db.server";
import type { StoreCheckReport } from "./findings";

/** The merchant said the checks' fixes solved the problem: counted as solved by self-help, no ticket. */
export async function recordSelfHelp(db: Db, shop: string, report: StoreCheckReport) {
  await db.selfHelpResolution.create({
    data: { shop, category: report.category, findings: report },
    select: { id: true },
  });
}
