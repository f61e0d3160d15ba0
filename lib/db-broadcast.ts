import pg from "pg";
import { clearReadCache } from "@/lib/read-cache";

// Listens for the read-cache notifications PostgreSQL sends when a memoized row changes (see the
// read_cache_broadcast migration) and clears this instance's memo at once. If the listening connection
// drops, it reconnects with backoff; meanwhile the memo's one-second bound still applies, so a revocation
// elsewhere is refused here within a second at worst. PGlite serves one process, whose own writes already
// clear its memo (lib/db-client.ts), so there is nothing to listen to.

export const READ_CACHE_CHANNEL = "storelink_read_cache";

export type Broadcast = { stop(): Promise<void>; connected(): boolean };

export function listenForReadCacheChanges(databaseUrl: string, options: { onChange?: () => void } = {}): Broadcast {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) return { stop: async () => undefined, connected: () => false };
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", () => {
      clearReadCache();
      options.onChange?.();
    });
    next.on("error", () => reconnect(next));
    next.on("end", () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${READ_CACHE_CHANNEL}`);
      client = next;
      retryMs = 500;
      // Anything that changed while we were not listening: forget it all.
      clearReadCache();
    } catch {
      reconnect(next);
    }
  };

  const reconnect = (failed: pg.Client) => {
    if (client === failed) client = null;
    failed.removeAllListeners();
    void failed.end().catch(() => undefined);
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(30_000, retryMs * 2);
  };

  void connect();
  return {
    connected: () => client !== null,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const current = client;
      client = null;
      current?.removeAllListeners();
      await current?.end().catch(() => undefined);
    },
  };
}
