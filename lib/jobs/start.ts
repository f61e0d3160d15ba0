import "server-only";
import { startApiServer } from "@/lib/api/server";
import { startWebhookDelivery } from "@/lib/apps/delivery";
import { listenForReadCacheChanges } from "@/lib/db-broadcast";
import { getEnv } from "@/lib/env";
import { startScheduler } from "./scheduler";

/**
 * What a Next server process runs beside its pages (instrumentation.ts calls it once): the read-cache
 * listener (revocations on other instances clear this one's memo at once), the lifecycle scheduler, the
 * apps' webhook delivery from the outbox, and
 * with STORELINK_API_SERVER=on the unified API on its own port.
 */
export async function startBackgroundWork(): Promise<void> {
  const env = getEnv();
  listenForReadCacheChanges(env.DATABASE_URL);
  startScheduler();
  startWebhookDelivery();
  if (env.STORELINK_API_SERVER === "on") {
    // One process shares the embedded database, so the standalone listener runs inside Next's process.
    const server = await startApiServer({ port: env.API_PORT, insideNext: true });
    console.log(`Storelink unified API also listening on ${server.url}/api/v1`);
  }
}
