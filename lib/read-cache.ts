// A per-process memo for the reads every unified-API call starts with (the token row and its connection,
// credentials still sealed), so a busy token costs no database round trip per request.
//
// Consistency: any write to Connection or UnifiedToken made through this process's Prisma client clears
// it (the hook in lib/db-client.ts), so this instance sees its own revocations, renewals and status changes
// at once; the one exception is an update that only touches MEMO_IGNORED_COLUMNS ("last used", scheduling),
// which would otherwise empty the memo for every token each time one token's minute of "last used" rolls over. Other instances see them within READ_CACHE_TTL_MS: the bound on how long a token revoked
// elsewhere can still be accepted here. Renewal always re-reads the row under the refresh lock.

export const READ_CACHE_TTL_MS = 1_000;
const MAX_ENTRIES = 10_000;

type Entry = { value: unknown; until: number };
type State = { entries: Map<string, Entry>; inflight: Map<string, Promise<unknown>>; generation: number };

// On globalThis: Next may load this module once per route bundle, and every copy must share one state.
const holder = globalThis as unknown as { storelinkReadCache?: State };
const state = (holder.storelinkReadCache ??= { entries: new Map(), inflight: new Map(), generation: 0 });

/**
 * The cached value for `key`, or `read()`'s (shared by concurrent callers). Null results are not kept, so a
 * token minted a moment ago works at once. A read that overlapped a write is not kept either.
 */
export async function cachedRead<T>(key: string, read: () => Promise<T | null>, now = Date.now()): Promise<T | null> {
  const hit = state.entries.get(key);
  if (hit && hit.until > now) return hit.value as T;
  const pending = state.inflight.get(key);
  if (pending) return pending as Promise<T | null>;

  const generation = state.generation;
  const promise = read().then(
    (value) => {
      if (state.inflight.get(key) === promise) state.inflight.delete(key);
      if (value !== null && generation === state.generation) {
        if (state.entries.size >= MAX_ENTRIES) state.entries.clear();
        state.entries.set(key, { value, until: Date.now() + READ_CACHE_TTL_MS });
      }
      return value;
    },
    (error: unknown) => {
      if (state.inflight.get(key) === promise) state.inflight.delete(key);
      throw error;
    },
  );
  state.inflight.set(key, promise);
  return promise;
}

/** Forgets everything, including reads still in flight (their answers may predate the write). */
export function clearReadCache(): void {
  state.generation++;
  state.entries.clear();
  state.inflight.clear();
}

/** The models whose rows the cache holds: a write to one of them clears it. */
export const CACHED_MODELS = new Set(["Connection", "UnifiedToken"]);

/**
 * Columns an update may touch without clearing the memo: findLiveCaller's select and connectionSelect
 * (lib/connections/fresh-credentials.ts) do not hold them, and the PostgreSQL trigger
 * (prisma/migrations/20261201091500_read_cache_broadcast) ignores them too. The exception is a token's
 * lastUsedAt, which the memo carries only as noteTokenUse's once-a-minute hint: a stale copy for the rest
 * of the memo's second costs nothing, because noteTokenUse also remembers what this process wrote. Adding
 * a column here that the memo or the trigger depends on would let a stale row live for READ_CACHE_TTL_MS
 * (read-cache.test.ts checks the lists against connectionSelect and the trigger).
 */
export const MEMO_IGNORED_COLUMNS: Readonly<Record<string, ReadonlySet<string>>> = {
  UnifiedToken: new Set(["lastUsedAt"]),
  Connection: new Set(["nextCheckAt", "lastUsedAt", "lastError", "updatedAt"]),
};
