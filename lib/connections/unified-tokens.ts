import "server-only";
import { db } from "@/lib/db";
import { cachedRead } from "@/lib/read-cache";
import { connectionSelect } from "./fresh-credentials";
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

const isLive = (row: { revokedAt: Date | null; expiresAt: Date | null }, now: Date) => !row.revokedAt && !(row.expiresAt && row.expiresAt <= now);

/** The live token row for a presented bearer token, or null (malformed, unknown, revoked or past its grace period). */
export async function findLiveUnifiedToken(presented: string, now = new Date()) {
  if (!isWellFormedUnifiedToken(presented)) return null;
  const row = await db.unifiedToken.findUnique({ where: { hash: hashUnifiedToken(presented) } });
  return row && isLive(row, now) ? row : null;
}

/**
 * The unified API's first read: the live token with its connection (credentials sealed), in one query,
 * memoized for a moment per process (lib/read-cache.ts says how revocations still take effect). Liveness
 * is judged on every call, so a grace period ends on time.
 */
export async function findLiveCaller(presented: string, now = new Date()) {
  if (!isWellFormedUnifiedToken(presented)) return null;
  const hash = hashUnifiedToken(presented);
  const row = await cachedRead(`unified-token:${hash}`, () =>
    db.unifiedToken.findUnique({
      where: { hash },
      select: { id: true, connectionId: true, lastUsedAt: true, revokedAt: true, expiresAt: true, connection: { select: connectionSelect } },
    }),
  );
  return row && isLive(row, now) ? row : null;
}

/** Display rows for the dashboard: never the hash. */
export async function listUnifiedTokens(connectionId: string) {
  return db.unifiedToken.findMany({
    where: { connectionId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, last4: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });
}

/**
 * Rotates a token: a new one with the same name, and the old one stays valid for `graceMs` (0 = revoked
 * now). Returns the new plaintext, shown once.
 */
export async function rotateUnifiedToken(tokenId: string, graceMs: number, options: { actorId?: string | null; now?: Date } = {}) {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const old = await tx.unifiedToken.findUniqueOrThrow({ where: { id: tokenId } });
    if (old.revokedAt || (old.expiresAt && old.expiresAt <= now)) throw new Error("token_not_live");
    const minted = await mintUnifiedToken(old.connectionId, { name: old.name, actorId: options.actorId }, tx);
    const graceUntil = graceMs > 0 ? new Date(now.getTime() + graceMs) : null;
    await tx.unifiedToken.update({
      where: { id: old.id },
      data: graceUntil ? { expiresAt: graceUntil } : { revokedAt: now },
    });
    await recordConnectionEvent(
      old.connectionId,
      "token_rotated",
      `Unified token ${old.prefix}…${old.last4} rotated to ${minted.prefix}…${minted.last4}; ${graceUntil ? `the old one works until ${graceUntil.toISOString()}` : "the old one stopped working at once"}`,
      { actorId: options.actorId },
      tx,
    );
    return { ...minted, connectionId: old.connectionId, oldTokenId: old.id, graceUntil };
  });
}

export async function revokeUnifiedToken(tokenId: string, options: { actorId?: string | null; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const row = await db.unifiedToken.findUniqueOrThrow({ where: { id: tokenId } });
  if (!row.revokedAt) {
    await db.unifiedToken.update({ where: { id: tokenId }, data: { revokedAt: now } });
    await recordConnectionEvent(row.connectionId, "token_revoked", `Unified token ${row.prefix}…${row.last4} revoked`, { actorId: options.actorId });
  }
  return { connectionId: row.connectionId, prefix: row.prefix, last4: row.last4 };
}

/** Writes "last used" at most once a minute per token, so a busy token does not cost a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export async function noteTokenUse(token: { id: string; connectionId: string; lastUsedAt: Date | null }, now = new Date()): Promise<boolean> {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return false;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  // Conditional writes: concurrent requests (or instances) race harmlessly; at most one row update wins.
  const { count } = await db.unifiedToken.updateMany({
    where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
    data: { lastUsedAt: now },
  });
  if (count > 0) {
    await db.connection.updateMany({
      where: { id: token.connectionId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return count > 0;
}
