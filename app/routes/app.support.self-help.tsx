import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { db } from "~/db.server";
import { readForm } from "~/http/input.server";
import { authenticate } from "~/shopify.server";
import { readReport } from "~/support/store-checks/findings";
import { recordSelfHelp } from "~/support/store-checks/self-help.server";

/** "This fixed it": the problem is recorded as solved by self-help and no ticket is opened. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const report = readReport((await readForm(request)).get("report"));
  if (!report) return data({ error: "invalid" }, { status: 422 });
  await recordSelfHelp(db, session.shop, report);
  return redirect("/app/support?solved=1");
};
