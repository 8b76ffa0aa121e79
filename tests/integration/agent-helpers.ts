import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { createAgent } from "~/agent/agents.server";
import { startSession } from "~/agent/session.server";
import { createDb, type Db } from "~/db.server";
import { databaseKind } from "~/db-url";
import { freshPostgresUrl, freshSqliteUrl, migrate } from "../setup/databases";
import { TEST_CONFIG } from "../setup/test-config";

export const ORIGIN = TEST_CONFIG.SHOPIFY_APP_URL;
export const PASSWORD = "correct horse battery staple";

/** An agent no other test uses, with a known password. */
export async function createTestAgent(db: Db, name = "Test Agent") {
  const email = `agent-${randomUUID()}@spl.example`;
  const result = await createAgent(db, { email, name, role: "agent", password: PASSWORD });
  if (!result.ok) throw new Error(result.problem);
  return { id: result.id, email, name };
}

/** "name=value" from a Set-Cookie header, as a browser would send it back. */
export function cookiePair(setCookie: string | null | undefined) {
  return (setCookie ?? "").split(";")[0] ?? "";
}

/** A signed-in agent's cookie and the session's cross-site token. */
export async function signedIn(db: Db, agentId: string) {
  const { setCookie } = await startSession(db, agentId);
  const session = await db.agentSession.findFirstOrThrow({
    where: { agentId },
    orderBy: { createdAt: "desc" },
  });
  return { cookie: cookiePair(setCookie), csrf: session.csrfToken };
}

export function agentRequest(
  path: string,
  init: { cookie?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  if (init.form && !headers.has("Origin")) headers.set("Origin", ORIGIN);
  return new Request(
    `${ORIGIN}${path}`,
    init.form ? { method: "POST", body: new URLSearchParams(init.form), headers } : { headers },
  );
}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Calls a loader or action as Remix would and returns status, headers and data, whether it
 * returned data, `data(…, init)`, a Response, or threw a Response (redirects, 403, 404).
 */
export async function call(
  handler: (args: ActionFunctionArgs) => unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<Answer> {
  let result: unknown;
  try {
    result = await handler({ request, params, context: {} });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) {
    const text = await result.text();
    const isJson = result.headers.get("Content-Type")?.includes("json");
    return { status: result.status, headers: result.headers, body: isJson ? JSON.parse(text) : text };
  }
  const withInit = result as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (withInit?.type === "DataWithResponseInit") {
    return {
      status: withInit.init?.status ?? 200,
      headers: new Headers(withInit.init?.headers),
      body: withInit.data,
    };
  }
  return { status: 200, headers: new Headers(), body: result };
}

/**
 * A database of the test's own, migrated like the shared one (SQLite, or PostgreSQL when the run
 * uses it), for assertions over every ticket: the queue and dashboard span all shops.
 */
export async function isolatedDatabase() {
  if (databaseKind(process.env.DATABASE_URL ?? "") === "postgresql") {
    const database = await freshPostgresUrl(process.env.TEST_POSTGRES_URL!);
    migrate(database.url);
    const db = createDb(database.url);
    const close = async () => {
      await db.$disconnect();
      await database.drop();
    };
    return { db, kind: "postgresql" as const, close };
  }
  const url = freshSqliteUrl();
  migrate(url);
  const db = createDb(url);
  return { db, kind: "sqlite" as const, close: () => db.$disconnect() };
}
