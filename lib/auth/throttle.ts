import "server-only";
import type { DbClient } from "@/lib/db-client";

// Failed sign-ins are counted per email and per client address in the database, so every instance
// throttles alike. Five failures for one email (or 20 from one address, which many people may share)
// within 15 minutes lock that key for 15 minutes.
export const MAX_FAILURES = { email: 5, ip: 20 } as const;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export const throttleKeys = (email: string, ip: string | null) =>
  [`email:${email.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])] as const;

/** Milliseconds until the first of these keys unlocks, or 0 if none is locked. */
export async function lockedFor(db: DbClient, keys: readonly string[], now = new Date()): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: [...keys] }, lockedUntil: { gt: now } } });
  return rows.reduce((max, r) => Math.max(max, r.lockedUntil!.getTime() - now.getTime()), 0);
}

export async function recordFailure(db: DbClient, keys: readonly string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const row = await db.signInThrottle.findUnique({ where: { key } });
    const windowOpen = row && now.getTime() - row.windowStart.getTime() < WINDOW_MS;
    const failures = windowOpen ? row.failures + 1 : 1;
    const data = {
      failures,
      windowStart: windowOpen ? row.windowStart : now,
      lockedUntil: failures >= MAX_FAILURES[key.startsWith("ip:") ? "ip" : "email"] ? new Date(now.getTime() + LOCK_MS) : null,
    };
    await db.signInThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
  }
}

export async function clearFailures(db: DbClient, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `email:${email.toLowerCase()}` } });
}
