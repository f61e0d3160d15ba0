import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { openPglite } from "@/lib/pglite";

// Secret columns are left out of every default select: code that needs the ciphertext asks for it.
const omit = { connection: { credCiphertext: true, credIv: true, credTag: true, credWrappedKey: true }, user: { passwordHash: true } } as const;

const embedded = new WeakMap<object, PGlite>();

/** A Prisma client for `pglite:DIR` (embedded) or `postgresql://…`. Scripts and tests use it directly. */
export function createPrismaClient(url: string) {
  if (url.startsWith("pglite:")) {
    const dir = resolve(url.slice("pglite:".length));
    mkdirSync(dirname(dir), { recursive: true });
    const pglite = openPglite(dir);
    const client = new PrismaClient({ adapter: new PrismaPGlite(pglite), omit });
    embedded.set(client, pglite);
    return client;
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), omit });
}

export type DbClient = ReturnType<typeof createPrismaClient>;

/**
 * Disconnects and, for PGlite, closes the embedded database: Prisma's $disconnect leaves PGlite open,
 * which keeps a script's process alive and its data folder locked.
 */
export async function closeDb(client: DbClient): Promise<void> {
  await client.$disconnect();
  const pglite = embedded.get(client);
  if (pglite && !pglite.closed) await pglite.close();
}
