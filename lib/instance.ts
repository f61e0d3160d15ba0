import "server-only";
import { db } from "@/lib/db";
import { keyRing } from "@/lib/vault";

// Facts about this Storelink instance that the settings page and the health endpoint show, so pages and
// routes never hold the database client or the vault's objects themselves.

/** True when the database answers a trivial query. */
export async function databaseReachable(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/** The vault key ring's ids (the first one encrypts): never key material. */
export function vaultKeyIds(): { currentId: string; ids: string[] } {
  const ring = keyRing();
  return { currentId: ring.current.id, ids: ring.ids };
}
