import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { openPglite } from "@/lib/pglite";
import { CACHED_MODELS, clearReadCache } from "@/lib/read-cache";

// Secret columns are left out of every default select: code that needs the ciphertext asks for it.
const omit = { connection: { credCiphertext: true, credIv: true, credTag: true, credWrappedKey: true }, user: { passwordHash: true } } as const;

const embedded = new WeakMap<object, PGlite>();

const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"]);

/** Every write to a model lib/read-cache.ts memoizes clears that cache, before and after the statement. */
function withReadCacheInvalidation(client: PrismaClient) {
  return client.$extends({
    name: "read-cache-invalidation",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!CACHED_MODELS.has(model) || !WRITES.has(operation)) return query(args);
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
