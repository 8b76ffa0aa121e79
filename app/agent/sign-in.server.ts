import { createHash } from "node:crypto";
import { isUniqueViolation, type Db } from "~/db.server";
import type { AgentRole } from "./agents.server";
import { normalizeEmail } from "./agents.server";
import { unknownAccountHash, verifyPassword } from "./password.server";

/** Password checks one client address may make against one account in a window. */
export const ACCOUNT_LOCK_AFTER = 5;
/** Password checks one client address may make against all accounts in a window. */
export const ADDRESS_LOCK_AFTER = 20;
export const LOCK_MS = 15 * 60 * 1000;
const MAX_DELAY_MS = 4000;
/** The account-wide count only slows answers down, so it has no cap (Int's largest value). */
const UNCAPPED = 2_147_483_647;

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
const emailHash = (email: string) => createHash("sha256").update(normalizeEmail(email)).digest("hex");
const keysOf = (email: string, address: string | null) => {
  const account = emailHash(email);
  return {
    /** Every address's wrong passwords for the account: slows answers down, never locks. */
    account: `account:${account}`,
    /** One address against one account: locked after ACCOUNT_LOCK_AFTER checks. */
    pair: address ? `pair:${account}:${address}` : `pair:${account}`,
    address: address ? `address:${address}` : null,
  };
};

type Reservation = { ok: true; count: number } | { ok: false; retryAfterMs: number };

/**
 * Takes one of `limit` password checks in the key's window before the password is checked, in
 * single conditional UPDATEs, so parallel requests can never take more than `limit` between them:
 * SQLite runs one writer at a time and PostgreSQL re-checks an UPDATE's WHERE on the row a
 * concurrent UPDATE just wrote (its documentation, "Read Committed Isolation Level"). A row's
 * `failures` counts the checks of its window and `lockedUntil` is when that window ends.
 */
async function reserve(db: Db, key: string, limit: number, now: Date): Promise<Reservation> {
  const windowEnd = new Date(now.getTime() + LOCK_MS);
  try {
    await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 0, lastFailure: now, lockedUntil: now },
      update: {},
    });
  } catch (error) {
    // A parallel request created the row first: it exists, which is all this needed.
    if (!isUniqueViolation(error)) throw error;
  }
  const newWindow = await db.signInThrottle.updateMany({
    where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { failures: 1, lastFailure: now, lockedUntil: windowEnd },
  });
  if (newWindow.count === 1) return { ok: true, count: 1 };
  const counted = await db.signInThrottle.updateMany({
    where: { key, lockedUntil: { gt: now }, failures: { lt: limit } },
    data: { failures: { increment: 1 }, lastFailure: now },
  });
  if (counted.count === 0) return { ok: false, retryAfterMs: await remainingMs(db, key, now) };
  const row = await db.signInThrottle.findUnique({ where: { key } });
  return { ok: true, count: row?.failures ?? limit };
}

async function remainingMs(db: Db, key: string, now: Date) {
  const row = await db.signInThrottle.findUnique({ where: { key } });
  return Math.max((row?.lockedUntil ?? now).getTime() - now.getTime(), 0);
}

/**
 * Checks an email and password. One client address gets 5 password checks per account and 20 in
 * all per 15 minutes, counted before the check; then that address is refused until the window ends.
 * Other addresses are not locked out: wrong passwords from everywhere only slow the account's
 * answers down (up to 4 s). An unknown email behaves exactly like a wrong password.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; address: string | null; now?: Date },
): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const keys = keysOf(input.email, input.address);
  const address = keys.address ? await reserve(db, keys.address, ADDRESS_LOCK_AFTER, now) : null;
  if (address && !address.ok)
    return { ok: false, reason: "addressLocked", retryAfterMs: address.retryAfterMs };
  const pair = await reserve(db, keys.pair, ACCOUNT_LOCK_AFTER, now);
  if (!pair.ok) return { ok: false, reason: "locked", retryAfterMs: pair.retryAfterMs };

  const agent = await db.agent.findUnique({ where: { email: normalizeEmail(input.email) } });
  const valid = await verifyPassword(input.password, agent?.passwordHash ?? (await unknownAccountHash()));
  // A disabled account answers like a wrong password: the form does not tell who exists.
  if (agent && valid && !agent.disabled) {
    await db.signInThrottle.deleteMany({ where: { key: { in: [keys.pair, keys.account] } } });
    // The right password is not guessing: the address gets its check back, so a team behind one
    // address (an office, a VPN) is never refused for signing in often.
    if (keys.address) {
      await db.signInThrottle.updateMany({
        where: { key: keys.address, failures: { gt: 0 } },
        data: { failures: { decrement: 1 } },
      });
    }
    return {
      ok: true,
      agent: { id: agent.id, name: agent.name, email: agent.email, role: agent.role },
    };
  }

  const account = await reserve(db, keys.account, UNCAPPED, now);
  if (pair.count >= ACCOUNT_LOCK_AFTER) {
    // The lock lasts 15 minutes from the last wrong password, not from the window's first.
    await db.signInThrottle.update({
      where: { key: keys.pair },
      data: { lockedUntil: new Date(now.getTime() + LOCK_MS) },
    });
    return { ok: false, reason: "locked", retryAfterMs: LOCK_MS };
  }
  if (address?.ok && address.count >= ADDRESS_LOCK_AFTER) {
    const retryAfterMs = await remainingMs(db, keys.address ?? "", now);
    return { ok: false, reason: "addressLocked", retryAfterMs };
  }
  return {
    ok: false,
    reason: "invalid",
    delayMs: failureDelayMs(Math.max(pair.count, account.ok ? account.count : 0)),
  };
}

/** Lifts every sign-in lock on an account at once (`npm run agent:unlock`). */
export async function unlockAccount(db: Db, email: string): Promise<number> {
  const hash = emailHash(email);
  const { count } = await db.signInThrottle.deleteMany({
    where: {
      OR: [{ key: `account:${hash}` }, { key: `pair:${hash}` }, { key: { startsWith: `pair:${hash}:` } }],
    },
  });
  return count;
}
