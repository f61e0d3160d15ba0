import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { DbClient } from "@/lib/db-client";
import { env } from "@/lib/env";
import { addressKey } from "@/lib/http/client-address";

// Sign-in limits, after rate-limiter-flexible's "login endpoint protection" recipe and OWASP's device
// cookies: an attacker who knows an email must not be able to keep its owner out.
//
// - A browser that signed in successfully as this email before (a valid device cookie, device-cookie.ts)
//   has a budget of its own: 5 attempts per 15 minutes. Failures elsewhere never lock it.
// - Every other attempt counts per email (5 per 15 minutes, then 15 minutes blocked) and per client address
//   (SIGN_IN_ADDRESS_LIMIT, 100 by default, per day, then a day blocked: slow guessing from one place across
//   many emails).
//
// Attempts are counted before the password is checked (consume first), so parallel guesses cannot slip
// past the limit; a success gives its points back. Counters live in the database (RateLimiterPrisma, one
// table on PGlite and PostgreSQL alike), so every instance enforces the same limits.

const DAY = 24 * 60 * 60;

export const SIGN_IN_LIMITS = {
  device: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  email: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  /** Read on first use, like `env` itself: importing this module needs no environment. */
  get address() {
    return { points: env.SIGN_IN_ADDRESS_LIMIT, duration: DAY, blockDuration: DAY };
  },
};

type Limiter = keyof typeof SIGN_IN_LIMITS;
type Limiters = Record<Limiter, RateLimiterPrisma>;

const byClient = new WeakMap<object, Limiters>();

function limiters(client: DbClient): Limiters {
  let set = byClient.get(client);
  if (!set) {
    const make = (name: Limiter) =>
      // One of them sweeps expired rows every 5 minutes (the sweep covers the whole table).
      new RateLimiterPrisma({
        storeClient: client,
        tableName: "rateLimiterFlexible",
        keyPrefix: `signin_${name}`,
        clearExpiredByTimeout: name === "email",
        ...SIGN_IN_LIMITS[name],
      });
    set = { device: make("device"), email: make("email"), address: make("address") };
    byClient.set(client, set);
  }
  return set;
}

export type SignInAttempt = { email: string; address: string | null; deviceId: string | null };
export type Admission = { admitted: true; trusted: boolean } | { admitted: false; retryAfterMs: number };

async function take(limiter: RateLimiterPrisma, key: string): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (refused) {
    if (refused instanceof RateLimiterRes) return refused;
    throw refused;
  }
}

/** Counts the attempt and says whether it may check the password (and whether it came from a known browser). */
export async function admitSignIn(client: DbClient, attempt: SignInAttempt): Promise<Admission> {
  const l = limiters(client);
  if (attempt.deviceId) {
    const refused = await take(l.device, attempt.deviceId);
    return refused ? { admitted: false, retryAfterMs: refused.msBeforeNext } : { admitted: true, trusted: true };
  }
  if (attempt.address) {
    const refused = await take(l.address, addressKey(attempt.address));
    if (refused) return { admitted: false, retryAfterMs: refused.msBeforeNext };
  }
  const refused = await take(l.email, attempt.email.toLowerCase());
  return refused ? { admitted: false, retryAfterMs: refused.msBeforeNext } : { admitted: true, trusted: false };
}

/** A correct password: this browser's failures are forgotten, and the attempt's points given back. */
export async function signInSucceeded(client: DbClient, attempt: SignInAttempt, trusted: boolean): Promise<void> {
  const l = limiters(client);
  if (trusted && attempt.deviceId) {
    await l.device.delete(attempt.deviceId);
    return;
  }
  await l.email.delete(attempt.email.toLowerCase());
  if (attempt.address) await l.address.reward(addressKey(attempt.address));
}

/** Lifts the per-email limit (admin:create after a password reset). Per-browser and per-address limits stay. */
export async function clearEmailLimit(client: DbClient, email: string): Promise<void> {
  await limiters(client).email.delete(email.toLowerCase());
}
