import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { openPglite } from "@/lib/pglite";
import { CACHED_MODELS, clearReadCache, MEMO_IGNORED_COLUMNS } from "@/lib/read-cache";

// Secret columns are left out of every default select: code that needs the ciphertext asks for it.
const omit = {
  connection: { credCiphertext: true, credIv: true, credTag: true, credWrappedKey: true },
  user: { passwordHash: true },
} as const;

const embedded = new WeakMap<object, PGlite>();
/** Set while a `$transaction` runs: whether it wrote a row the read cache holds. */
const inTransaction = new AsyncLocalStorage<{ wroteCachedModel: boolean }>();

const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

const UPDATES = new Set(["update", "updateMany", "updateManyAndReturn"]);

/**
 * True for an update whose `data` names only columns the memo ignores (MEMO_IGNORED_COLUMNS: "last used",
 * scheduling). Deliberately narrow, because a wrong "true" keeps a revoked token usable for up to a second:
 * create, delete, upsert (it may create, and carries two shapes), raw statements and anything else still
 * clear; so does an update whose data is empty or not a plain object, or names a relation (a nested write
 * has the relation's name as its key, never one of these column names), or any other column.
 */
export function writeLeavesReadCache(model: string | undefined, operation: string, args: unknown): boolean {
  const ignored = model === undefined ? undefined : MEMO_IGNORED_COLUMNS[model];
  if (!ignored || !UPDATES.has(operation)) return false;
  const data = (args as { data?: unknown } | null | undefined)?.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  return keys.length > 0 && keys.every((key) => ignored.has(key));
}

/**
 * Every write to a model lib/read-cache.ts memoizes clears that cache, before and after the statement,
 * except an update of columns the memo does not depend on (writeLeavesReadCache).
 */
function withReadCacheInvalidation(client: PrismaClient) {
  const extended = client.$extends({
    name: "read-cache-invalidation",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!CACHED_MODELS.has(model) || !WRITES.has(operation) || writeLeavesReadCache(model, operation, args))
            return query(args);
          const transaction = inTransaction.getStore();
          if (transaction) transaction.wroteCachedModel = true;
          clearReadCache();
          try {
            return await query(args);
          } finally {
            clearReadCache();
          }
        },
      },
    },
  });
  // Inside a transaction the write becomes visible to other connections at COMMIT, after the hook above has
  // run: a read in between memoizes the row as it was, and a revoked token would keep working for up to
  // READ_CACHE_TTL_MS. So the cache is cleared once more when a transaction that wrote such a row ends.
  return new Proxy(extended, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key !== "$transaction" || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const transaction = { wroteCachedModel: false };
        const result = inTransaction.run(transaction, () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
        return Promise.resolve(result).finally(() => {
          // The array form runs queries made outside this call: clear without knowing what they wrote.
          if (transaction.wroteCachedModel || Array.isArray(args[0])) clearReadCache();
        });
      };
    },
  });
}

/** A Prisma client for `pglite:DIR` (embedded) or `postgresql://…`. Scripts and tests use it directly. */
export function createPrismaClient(url: string) {
  if (url.startsWith("pglite:")) {
    const dir = resolve(url.slice("pglite:".length));
    mkdirSync(dirname(dir), { recursive: true });
    const pglite = openPglite(dir);
    const client = withReadCacheInvalidation(new PrismaClient({ adapter: new PrismaPGlite(pglite), omit }));
    embedded.set(client, pglite);
    return client;
  }
  return withReadCacheInvalidation(new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), omit }));
}

export type DbClient = ReturnType<typeof createPrismaClient>;
/** The client an interactive `$transaction` callback receives. */
export type DbTransaction = Omit<DbClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends" | "$use">;

/**
 * Disconnects and, for PGlite, closes the embedded database: Prisma's $disconnect leaves PGlite open,
 * which keeps a script's process alive and its data folder locked.
 */
export async function closeDb(client: DbClient): Promise<void> {
  await client.$disconnect();
  const pglite = embedded.get(client);
  if (pglite && !pglite.closed) await pglite.close();
}
