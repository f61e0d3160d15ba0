import "server-only";
import { db } from "@/lib/db";
import { reauthorizeParams } from "./reauthorize";

/** Where a store owner goes to re-authorize a connection, per platform (same connection id, same tokens). */
export async function reauthorizeTarget(connectionId: string): Promise<{ storeName: string; href: string } | null> {
  const row = await db.connection.findUnique({ where: { id: connectionId }, select: { platform: true, displayName: true } });
  if (!row) return null;
  switch (row.platform) {
    case "OAUTH2":
      return { storeName: row.displayName, href: `/api/oauth2/connect?${reauthorizeParams(connectionId).toString()}` };
    case "ECWID":
      // Installing again from Ecwid re-authorizes the same connection (matched by store id).
      return { storeName: row.displayName, href: "/api/ecwid/oauth/start" };
    case "ELASTICPATH":
      // Elastic Path has no owner consent: an admin enters new application-key credentials.
      return { storeName: row.displayName, href: `/stores/${connectionId}/keys` };
  }
}
