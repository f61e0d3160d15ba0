import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

// Refreshes are coordinated at two levels (the Nango pattern, on PostgreSQL instead of Redis):
// 1. single-flight in this process: concurrent callers for one key share one promise;
// 2. a PostgreSQL session advisory lock across processes, held on a dedicated connection (not inside a
//    Prisma transaction, so no pooled connection sits idle in a transaction during the platform call).
//    If the process dies the connection closes and PostgreSQL releases the lock: no stale locks.
// On PGlite (one process by construction) the in-process level is all there is.

const inFlight = new Map<string, Promise<unknown>>();
let pool: pg.Pool | undefined;

function lockPool(): pg.Pool | undefined {
  if (env.DATABASE_URL.startsWith("pglite:")) return undefined;
  if (!pool) {
    pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4, idleTimeoutMillis: 30_000 });
    // An idle client dropped by the server (restart, failover) emits "error": log it instead of crashing.
    pool.on("error", (error) => console.error("[refresh-lock] idle lock connection lost:", error.message));
  }
  return pool;
}

/** 64-bit advisory-lock key from a string (PostgreSQL's hashtextextended would also do). */
function lockKey(key: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(key, "utf8")) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
  return BigInt.asIntN(64, h).toString();
}

export class LockTimeoutError extends Error {
  override name = "LockTimeoutError";
}

async function withAdvisoryLock<T>(key: string, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const p = lockPool();
  if (!p) return fn();
  const client = await p.connect();
  try {
    await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
    try {
      await client.query("SELECT pg_advisory_lock($1::bigint)", [lockKey(key)]);
    } catch (error) {
      throw new LockTimeoutError(`Timed out waiting for the refresh lock (${(error as Error).message})`);
    }
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [lockKey(key)]);
    }
  } finally {
    client.release();
  }
}

/**
 * Runs `fn` at most once at a time per key across all processes; concurrent callers in this process
 * share the same result. `fn` must re-read state after it starts (another process may have done the work).
 */
export function withRefreshLock<T>(key: string, fn: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const existing = inFlight.get(key);
  if (existing) return existing as Promise<T>;
  const run = withAdvisoryLock(key, fn, timeoutMs).finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}
