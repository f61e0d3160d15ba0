import "server-only";
import { db } from "@/lib/db";
import { openConnectionCredentials, sealConnectionCredentials, sealedColumnsSelect } from "@/lib/vault";

/** Decrypted platform credentials of a connection (tainted: they cannot be passed to a client component). */
export async function readCredentials<T extends object>(connectionId: string): Promise<T | null> {
  const row = await db.connection.findUnique({ where: { id: connectionId }, select: sealedColumnsSelect });
  return row ? openConnectionCredentials<T>(connectionId, row) : null;
}

/** The column values that store `credentials` encrypted for this connection (spread into a Prisma write). */
export function credentialColumns(connectionId: string, credentials: object) {
  return sealConnectionCredentials(connectionId, credentials);
}
