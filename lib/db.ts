import "server-only";
import { createPrismaClient, type DbClient } from "@/lib/db-client";
import { env } from "@/lib/env";

// One Prisma client per process, kept on globalThis so dev-mode reloads don't open PGlite twice (a PGlite
// data folder admits one handle). Opened on first use, so `next build` never touches the database.
const globalForDb = globalThis as unknown as { storelinkDb?: DbClient };

function client(): DbClient {
  globalForDb.storelinkDb ??= createPrismaClient(env.DATABASE_URL);
  return globalForDb.storelinkDb;
}

export const db: DbClient = new Proxy({} as DbClient, {
  get(_target, key) {
    const value = Reflect.get(client(), key);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});
