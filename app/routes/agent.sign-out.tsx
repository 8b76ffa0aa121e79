import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireAgentPost } from "~/agent/csrf.server";
import { endSession } from "~/agent/session.server";
import { db } from "~/db.server";

/** Signing out deletes the session row, so the cookie is worthless even if a copy survives. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { agent } = await requireAgentPost(db, request);
  const { setCookie } = await endSession(db, agent.sessionId);
  return redirect("/agent/sign-in", { headers: { "Set-Cookie": setCookie } });
};

export const loader = () => redirect("/agent");
