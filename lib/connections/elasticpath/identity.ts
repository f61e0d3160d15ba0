import "server-only";
import { readCredentials } from "@/lib/connections/credentials";
import { db } from "@/lib/db";
import type { EpCredentials } from "@/lib/platforms/elasticpath/types";

// Which store a key belongs to. Elastic Path's API names no store to an application key (GET /v2/settings has
// no store id or name), so a connection is identified by its base URL + the client_id it was connected with,
// and "the same store" is recognised by its keys: every key of a store lists all the store's keys.

/** The connection's external id: the API base URL and the client_id it was first connected with. */
export const elasticPathExternalId = (baseUrl: string, clientId: string) => `${baseUrl}#${clientId}`;

/**
 * A live connection at this base URL that already holds one of these keys (the client_ids of the store being
 * connected), i.e. the same store connected before, perhaps with another key; null if there is none.
 */
export async function connectionHoldingAnyKey(
  baseUrl: string,
  clientIds: string[],
): Promise<{ id: string; displayName: string } | null> {
  if (clientIds.length === 0) return null;
  const wanted = new Set(clientIds);
  const rows = await db.connection.findMany({
    where: { platform: "ELASTICPATH", baseUrl, status: { not: "REVOKED" } },
    select: { id: true, displayName: true },
    orderBy: { createdAt: "asc" },
  });
  for (const row of rows) {
    // The vault has the key the connection uses now (rotation changes it), not the one it was created with.
    const held = await readCredentials<EpCredentials>(row.id).catch(() => null);
    if (held && wanted.has(held.clientId)) return row;
  }
  return null;
}
