import type { Db } from "~/db.server";
import { normalizeEmail } from "~/agent/agents.server";
import { hashPassword } from "~/agent/password.server";

/** The preview's SPL agent; its password is printed at start-up, so it is only for the offline preview. */
export const DEMO_AGENT = {
  email: "agent@spl-support.example",
  name: "Demo Agent",
  password: "demo-agent-password",
} as const;

/** Creates the demo agent, or resets its password and any lock left by an earlier run. */
export async function seedDemoAgent(db: Db) {
  const email = normalizeEmail(DEMO_AGENT.email);
  const account = {
    name: DEMO_AGENT.name,
    role: "admin" as const,
    passwordHash: await hashPassword(DEMO_AGENT.password),
  };
  await db.agent.upsert({ where: { email }, create: { email, ...account }, update: account });
  await db.signInThrottle.deleteMany({});
}
