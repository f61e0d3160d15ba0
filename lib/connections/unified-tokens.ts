import "server-only";
import { db } from "@/lib/db";
import { recordConnectionEvent } from "./events";
import { displayParts, generateUnifiedToken, hashUnifiedToken, isWellFormedUnifiedToken } from "./unified-token-format";

type Client = Pick<typeof db, "unifiedToken" | "connectionEvent">;

/**
 * Creates a unified token for a connection and returns its plaintext, which is never stored and must be
 * shown to the caller exactly once.
 */
export async function mintUnifiedToken(
  connectionId: string,
  options: { name?: string; actorId?: string | null } = {},
  client: Client = db,
): Promise<{ token: string; id: string; prefix: string; last4: string }> {
  const token = generateUnifiedToken();
  const { prefix, last4 } = displayParts(token);
  const row = await client.unifiedToken.create({
    data: { connectionId, name: options.name ?? "default", prefix, last4, hash: hashUnifiedToken(token), createdById: options.actorId ?? null },
  });
  await recordConnectionEvent(connectionId, "token_created", `Unified token ${prefix}…${last4} created`, { actorId: options.actorId }, client);
  return { token, id: row.id, prefix, last4 };
}

/** The live token row for a presented bearer token, or null (malformed, unknown, revoked or past its grace period). */
export async function findLiveUnifiedToken(presented: string, now = new Date()) {
  if (!isWellFormedUnifiedToken(presented)) return null;
  const row = await db.unifiedToken.findUnique({ where: { hash: hashUnifiedToken(presented) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  return row;
}
