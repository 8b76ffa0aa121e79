import { createHash } from "node:crypto";
import type { Db } from "~/db.server";
import type { AgentRole } from "./agents.server";
import { normalizeEmail } from "./agents.server";
import { unknownAccountHash, verifyPassword } from "./password.server";

export const ACCOUNT_LOCK_AFTER = 5;
export const ADDRESS_LOCK_AFTER = 20;
export const LOCK_MS = 15 * 60 * 1000;
/** Failures older than this are forgotten, so an occasional typo never adds up to a lock. */
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_DELAY_MS = 4000;

export type SignInResult =
  | { ok: true; agent: { id: string; name: string; email: string; role: AgentRole } }
  | { ok: false; reason: "invalid"; delayMs: number }
  | { ok: false; reason: "locked" | "addressLocked"; retryAfterMs: number };

/** The answer to a wrong password waits longer each time: 0, 0.25 s, 0.5 s, 1 s, … up to 4 s. */
export function failureDelayMs(failures: number): number {
  return failures < 2 ? 0 : Math.min(250 * 2 ** (failures - 2), MAX_DELAY_MS);
}

// Counted per email whether or not an agent has it, so a lock doesn't tell that an account exists;
// hashed so the table doesn't collect whatever people type as an email.
const accountKey = (email: string) =>
  `account:${createHash("sha256").update(normalizeEmail(email)).digest("hex")}`;
const addressKey = (address: string) => `address:${address}`;

async function readThrottle(db: Db, key: string, now: Date) {
  const row = await db.signInThrottle.findUnique({ where: { key } });
  if (!row) return { failures: 0, lockedUntil: null };
  if (row.lockedUntil && row.lockedUntil > now)
    return { failures: row.failures, lockedUntil: row.lockedUntil };
  const stale = row.lockedUntil !== null || now.getTime() - row.lastFailure.getTime() > FAILURE_WINDOW_MS;
  return { failures: stale ? 0 : row.failures, lockedUntil: null };
}

async function recordFailure(
  db: Db,
  key: string,
  previous: number,
  lockAfter: number,
  now: Date,
): Promise<number> {
  const failures = previous + 1;
  const lockedUntil = failures >= lockAfter ? new Date(now.getTime() + LOCK_MS) : null;
  const row = await db.signInThrottle.upsert({
    where: { key },
    create: { key, failures, lastFailure: now, lockedUntil },
    // Increment rather than write `failures`, so parallel guesses are all counted.
    update:
      previous === 0
        ? { failures, lastFailure: now, lockedUntil }
        : { failures: { increment: 1 }, lastFailure: now },
  });
  if (row.failures >= lockAfter && !row.lockedUntil) {
    await db.signInThrottle.update({
      where: { key },
      data: { lockedUntil: new Date(now.getTime() + LOCK_MS) },
    });
  }
  return row.failures;
}

/**
 * Checks an email and password. Wrong answers are slowed down and then locked out, per account
 * (5 in a row: 15 minutes) and per client address (20: 15 minutes); an unknown email behaves
 * exactly like a wrong password.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; address: string | null; now?: Date },
): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const keys = {
    account: accountKey(input.email),
    address: input.address ? addressKey(input.address) : null,
  };
  const account = await readThrottle(db, keys.account, now);
  const address = keys.address ? await readThrottle(db, keys.address, now) : null;
  if (address?.lockedUntil)
    return {
      ok: false,
      reason: "addressLocked",
      retryAfterMs: address.lockedUntil.getTime() - now.getTime(),
    };
  if (account.lockedUntil)
    return { ok: false, reason: "locked", retryAfterMs: account.lockedUntil.getTime() - now.getTime() };

  const agent = await db.agent.findUnique({ where: { email: normalizeEmail(input.email) } });
  const valid = await verifyPassword(input.password, agent?.passwordHash ?? (await unknownAccountHash()));
  if (agent && valid) {
    await db.signInThrottle.deleteMany({ where: { key: keys.account } });
    return {
      ok: true,
      agent: { id: agent.id, name: agent.name, email: agent.email, role: agent.role },
    };
  }

  const accountFailures = await recordFailure(db, keys.account, account.failures, ACCOUNT_LOCK_AFTER, now);
  const addressFailures =
    keys.address && address
      ? await recordFailure(db, keys.address, address.failures, ADDRESS_LOCK_AFTER, now)
      : 0;
  if (accountFailures >= ACCOUNT_LOCK_AFTER) return { ok: false, reason: "locked", retryAfterMs: LOCK_MS };
  if (addressFailures >= ADDRESS_LOCK_AFTER)
    return { ok: false, reason: "addressLocked", retryAfterMs: LOCK_MS };
  return {
    ok: false,
    reason: "invalid",
    delayMs: failureDelayMs(Math.max(accountFailures, addressFailures)),
  };
}
