import { createHash, randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import type { Db } from "~/db.server";
import type { AgentRole } from "./agents.server";
import { SESSION_TTL_MS, agentCookies } from "./cookies.server";

export interface SignedInAgent {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  sessionId: string;
  csrfToken: string;
}

// The table keeps a hash of the cookie's token: a copy of the database does not sign anyone in.
const sessionIdOf = (token: string) => createHash("sha256").update(token).digest("hex");

export async function startSession(db: Db, agentId: string, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  await db.agentSession.deleteMany({ where: { agentId, expiresAt: { lte: now } } });
  await db.agentSession.create({
    data: {
      id: sessionIdOf(token),
      agentId,
      csrfToken: randomBytes(32).toString("base64url"),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    },
  });
  return { setCookie: await agentCookies().session.serialize(token) };
}

export async function currentAgent(
  db: Db,
  request: Request,
  now = new Date(),
): Promise<SignedInAgent | null> {
  const token: unknown = await agentCookies().session.parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || !token) return null;
  const session = await db.agentSession.findUnique({
    where: { id: sessionIdOf(token) },
    include: { agent: true },
  });
  // An expired session is refused, not deleted here: this runs in loaders, which must not write.
  // Expired rows go when their agent next signs in.
  if (!session || session.expiresAt <= now || session.agent.disabled) return null;
  const { agent } = session;
  return {
    id: agent.id,
    email: agent.email,
    name: agent.name,
    role: agent.role,
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}

/** Where a signed-out agent is sent, remembering the page they wanted. */
export function signInUrl(request: Request) {
  const url = new URL(request.url);
  for (const internal of ["_routes", "_data", "index"]) url.searchParams.delete(internal);
  const wanted = url.pathname.replace(/\.data$/, "") + url.search;
  return wanted === "/agent" ? "/agent/sign-in" : `/agent/sign-in?${new URLSearchParams({ next: wanted })}`;
}

/** The signed-in agent, or a redirect to the sign-in page. */
export async function requireAgent(db: Db, request: Request): Promise<SignedInAgent> {
  const agent = await currentAgent(db, request);
  if (!agent) throw redirect(signInUrl(request));
  return agent;
}

/** Admin pages and actions: a signed-in agent without the admin role is answered 403. */
export async function requireAdmin(db: Db, request: Request): Promise<SignedInAgent> {
  const agent = await requireAgent(db, request);
  if (agent.role !== "admin") throw adminOnly();
  return agent;
}

export function adminOnly(): Response {
  return new Response("Only an SPL Support admin can do this.", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Only console paths are followed after sign-in, so the page can't be used to bounce elsewhere. */
export function safeNextPath(next: unknown): string {
  const inside = typeof next === "string" && /^\/agent(\/[\w\-./]*)?(\?[^\s\\]*)?$/.test(next);
  return inside && !next.includes("//") && !next.includes("..") ? next : "/agent";
}

export async function endSession(db: Db, sessionId: string) {
  await db.agentSession.deleteMany({ where: { id: sessionId } });
  return { setCookie: await agentCookies().session.serialize("", { maxAge: 0 }) };
}
