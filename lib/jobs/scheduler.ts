import "server-only";
import { db } from "@/lib/db";
import { checkConnection } from "@/lib/connections/maintain";
import { env } from "@/lib/env";
import { HOUSEKEEPING_EVERY_MS, runHousekeeping } from "./housekeeping";

// The lifecycle scheduler, started once per process (instrumentation). Every tick it claims a batch of
// due connections with `FOR UPDATE SKIP LOCKED` and pushes their nextCheckAt forward by a lease inside the
// same transaction, so N instances share the work and none checks a connection twice. checkConnection then
// sets the real next time (health interval, client-credentials re-mint, refresh token's 6-hour window).
// A worker that dies mid-batch loses nothing: its claims come due again when the lease ends.

const TICK_MS = 30_000;
const BATCH = 25;
const CONCURRENCY = 4;
export const CLAIM_LEASE_MS = 5 * 60_000;

type Claimed = { id: string };

/** Claims up to `limit` due connections for this worker; returns their ids. */
export async function claimDueConnections(now = new Date(), limit = BATCH): Promise<string[]> {
  const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Claimed[]>`
      SELECT "id" FROM "Connection"
      WHERE "status" IN ('ACTIVE', 'DEGRADED') AND ("nextCheckAt" IS NULL OR "nextCheckAt" <= ${now})
      ORDER BY "nextCheckAt" ASC NULLS FIRST
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    const ids = rows.map((r) => r.id);
    if (ids.length > 0) await tx.connection.updateMany({ where: { id: { in: ids } }, data: { nextCheckAt: lease } });
    return ids;
  });
}

/** One scheduler tick: claim, then check each claimed connection (a few at a time). */
export async function runSchedulerTick(
  options: { now?: () => Date; limit?: number } = {},
): Promise<{ claimed: number; outcomes: Record<string, number> }> {
  const now = options.now ?? (() => new Date());
  const ids = await claimDueConnections(now(), options.limit);
  const outcomes: Record<string, number> = {};
  for (let i = 0; i < ids.length; i += CONCURRENCY) {
    const results = await Promise.all(
      ids.slice(i, i + CONCURRENCY).map((id) =>
        checkConnection(id, { now }).catch((error: unknown) => {
          console.error(`[scheduler] check of ${id} failed:`, error instanceof Error ? error.message : error);
          return { status: "ERROR" };
        }),
      ),
    );
    for (const r of results) outcomes[r.status] = (outcomes[r.status] ?? 0) + 1;
  }
  return { claimed: ids.length, outcomes };
}

const globalForScheduler = globalThis as unknown as { storelinkScheduler?: NodeJS.Timeout };

/** Starts the scheduler in this process once (no-op when STORELINK_SCHEDULER=off or already running). */
export function startScheduler(): boolean {
  if (env.STORELINK_SCHEDULER === "off" || globalForScheduler.storelinkScheduler) return false;
  let running = false;
  let lastPrune = 0;
  const tick = async () => {
    if (running) return; // a slow tick never overlaps the next one
    running = true;
    try {
      await runSchedulerTick();
      if (Date.now() - lastPrune > HOUSEKEEPING_EVERY_MS) {
        lastPrune = Date.now();
        await runHousekeeping();
      }
    } catch (error) {
      console.error("[scheduler] tick failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  globalForScheduler.storelinkScheduler = setInterval(tick, TICK_MS);
  globalForScheduler.storelinkScheduler.unref();
  setTimeout(tick, 5_000).unref();
  return true;
}

export function stopScheduler(): void {
  if (globalForScheduler.storelinkScheduler) clearInterval(globalForScheduler.storelinkScheduler);
  globalForScheduler.storelinkScheduler = undefined;
}
