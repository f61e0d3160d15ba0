import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";

// Secret columns are left out of every default select: code that needs the ciphertext asks for it.
const omit = { connection: { credCiphertext: true, credIv: true, credTag: true, credWrappedKey: true }, user: { passwordHash: true } } as const;

/** A Prisma client for `pglite:DIR` (embedded) or `postgresql://…`. Scripts and tests use it directly. */
export function createPrismaClient(url: string) {
  if (url.startsWith("pglite:")) {
    const dir = resolve(url.slice("pglite:".length));
    mkdirSync(dirname(dir), { recursive: true });
    return new PrismaClient({ adapter: new PrismaPGlite(new PGlite(dir)), omit });
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), omit });
}

export type DbClient = ReturnType<typeof createPrismaClient>;
