import { z } from "zod";
import { isUniqueViolation, type Db } from "~/db.server";
import { PASSWORD_MIN_LENGTH, hashPassword } from "./password.server";

import { AGENT_ROLES } from "./roles";

export { AGENT_ROLES, type AgentRole } from "./roles";

export const newAgentSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  name: z.string().trim().min(1, "Enter the agent's name.").max(100),
  role: z.enum(AGENT_ROLES, { message: `The role must be one of: ${AGENT_ROLES.join(", ")}.` }),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`)
    .max(1024),
});

/** Unchecked input, as typed on the command line or in a seed; `createAgent` validates it. */
export interface NewAgent {
  email: string;
  name: string;
  role: string;
  password: string;
}

export type CreateAgentResult = { ok: true; id: string } | { ok: false; problem: string };

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function createAgent(db: Db, input: NewAgent): Promise<CreateAgentResult> {
  const parsed = newAgentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]!.message };
  const { email, name, role, password } = parsed.data;
  try {
    const agent = await db.agent.create({
      data: { email, name, role, passwordHash: await hashPassword(password) },
    });
    return { ok: true, id: agent.id };
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, problem: `An agent with the email ${email} already exists.` };
    throw error;
  }
}

/** Everyone a ticket can be assigned to, for filters and the assign menu. */
export function listAgents(db: Db) {
  return db.agent.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
