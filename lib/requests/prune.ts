import "server-only";
import type { DbClient } from "@/lib/db-client";
import { db } from "@/lib/db";
import { retentionCutoff, retentionDays } from "./retention";

/**
 * Deletes request-log rows older than `olderThan`, in batches so a large backlog never holds one long lock
 * (the (createdAt) index makes each batch cheap). The scheduler calls it; so does changing the retention.
 */
export async function pruneApiRequests(olderThan: Date, client: DbClient = db, batchSize = 5_000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const n = await client.$executeRaw`
      DELETE FROM "ApiRequest" WHERE id IN (
        SELECT id FROM "ApiRequest" WHERE "createdAt" < ${olderThan.toISOString()}::timestamp LIMIT ${batchSize}
      )`;
    deleted += n;
    if (n < batchSize) return deleted;
  }
}

/** The request log's housekeeping: prune by the configured retention (default 30 days). */
export async function pruneByRetention(now = new Date(), client: DbClient = db): Promise<number> {
  return pruneApiRequests(retentionCutoff(await retentionDays(client), now), client);
}
