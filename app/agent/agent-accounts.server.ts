import { z } from "zod";
import type { Db } from "~/db.server";
import { AGENT_ROLES, createAgent } from "./agents.server";
import { PASSWORD_MIN_LENGTH, hashPassword } from "./password.server";

/** What an admin does with agents' accounts. Messages are `agent` i18n keys. */
export const accountActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    email: z.string().trim().max(254),
    name: z.string().trim().max(100),
    role: z.enum(AGENT_ROLES, { message: "admin.errors.role" }),
    password: z.string().max(1024),
  }),
  z.object({ intent: z.literal("disable"), agentId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("enable"), agentId: z.string().min(1).max(64) }),
  z.object({
    intent: z.literal("role"),
    agentId: z.string().min(1).max(64),
    role: z.enum(AGENT_ROLES, { message: "admin.errors.role" }),
  }),
  z.object({
    intent: z.literal("password"),
    agentId: z.string().min(1).max(64),
    password: z.string().min(PASSWORD_MIN_LENGTH, "admin.errors.password").max(1024),
  }),
]);

export type AccountAction = z.infer<typeof accountActionSchema>;
export type AccountResult = { ok: true } | { ok: false; error: string; detail?: string };

export function listAccounts(db: Db) {
  return db.agent.findMany({
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/**
 * Runs one admin action on an account. An admin cannot disable or demote themselves, so the
 * console always keeps an admin who can undo a mistake. Disabling or a new password ends the
 * account's sessions at once.
 */
export async function runAccountAction(
  db: Db,
  adminId: string,
  action: AccountAction,
): Promise<AccountResult> {
  if (action.intent === "create") {
    const created = await createAgent(db, action);
    return created.ok ? { ok: true } : { ok: false, error: "admin.errors.create", detail: created.problem };
  }
  const target = await db.agent.findUnique({ where: { id: action.agentId }, select: { id: true } });
  if (!target) return { ok: false, error: "admin.errors.unknownAgent" };
  const self = target.id === adminId;
  switch (action.intent) {
    case "disable":
      if (self) return { ok: false, error: "admin.errors.self" };
      await db.$transaction([
        db.agent.update({ where: { id: target.id }, data: { disabled: true } }),
        db.agentSession.deleteMany({ where: { agentId: target.id } }),
      ]);
      return { ok: true };
    case "enable":
      await db.agent.update({ where: { id: target.id }, data: { disabled: false } });
      return { ok: true };
    case "role":
      if (self && action.role !== "admin") return { ok: false, error: "admin.errors.self" };
      await db.agent.update({ where: { id: target.id }, data: { role: action.role } });
      return { ok: true };
    case "password": {
      const passwordHash = await hashPassword(action.password);
      await db.$transaction([
        db.agent.update({ where: { id: target.id }, data: { passwordHash } }),
        db.agentSession.deleteMany({ where: { agentId: target.id } }),
      ]);
      return { ok: true };
    }
  }
}
