import { createCookie } from "@remix-run/node";
import { config } from "~/config.server";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

function buildCookies() {
  const { AGENT_SESSION_SECRET, INSECURE_COOKIES } = config();
  // Path "/" because single-fetch data requests for /agent go to /agent.data, outside a /agent path.
  const common = {
    secrets: [AGENT_SESSION_SECRET],
    httpOnly: true,
    secure: INSECURE_COOKIES !== "1",
    path: "/",
  };
  return {
    /** The signed id of the agent's row in AgentSession; the row, not the cookie, decides if it is valid. */
    session: createCookie("spl_agent_session", { ...common, sameSite: "lax", maxAge: SESSION_TTL_MS / 1000 }),
    /** The sign-in form's double-submit token: there is no session yet to keep it in. */
    signInCsrf: createCookie("spl_agent_sign_in", { ...common, sameSite: "strict", maxAge: 60 * 60 }),
  };
}

let cookies: ReturnType<typeof buildCookies> | undefined;

export function agentCookies() {
  return (cookies ??= buildCookies());
}
