import "server-only";
import type { TokenScope } from "@/generated/prisma/enums";
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
  options: { name?: string; actorId?: string | null; scope?: TokenScope; appId?: string } = {},
  client: Client = db,
): Promise<{ token: string; id: string; prefix: string; last4: string; scope: TokenScope }> {
  const token = generateUnifiedToken();
  const { prefix, last4 } = displayParts(token);
  const scope = options.scope ?? "READ_WRITE";
  const row = await client.unifiedToken.create({
    data: {
      connectionId,
      name: options.name ?? "default",
      prefix,
      last4,
      scope,
      hash: hashUnifiedToken(token),
      createdById: options.actorId ?? null,
      appId: options.appId ?? null,
    },
  });
  const what = scope === "READ" ? "read-only" : "read-write";
  await recordConnectionEvent(
    connectionId,
    "token_created",
    `Unified token ${prefix}…${last4} created (${what})`,
    { actorId: options.actorId },
    client,
  );
  return { token, id: row.id, prefix, last4, scope };
}

const isLive = (row: { revokedAt: Date | null; expiresAt: Date | null }, now: Date) =>
  !row.revokedAt && !(row.expiresAt && row.expiresAt <= now);

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
      select: {
        id: true,
        connectionId: true,
        scope: true,
        lastUsedAt: true,
        revokedAt: true,
        expiresAt: true,
        connection: { select: connectionSelect },
      },
    }),
  );
  return row && isLive(row, now) ? row : null;
}

/** Display rows for the dashboard: never the hash. */
export async function listUnifiedTokens(connectionId: string) {
  return db.unifiedToken.findMany({
    where: { connectionId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      last4: true,
      scope: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
    },
  });
}

/**
 * Rotates a token: a new one with the same name, and the old one stays valid for `graceMs` (0 = revoked
 * now). Returns the new plaintext, shown once.
 */
export async function rotateUnifiedToken(
  tokenId: string,
  graceMs: number,
  options: { actorId?: string | null; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const old = await tx.unifiedToken.findUniqueOrThrow({ where: { id: tokenId } });
    if (old.revokedAt || (old.expiresAt && old.expiresAt <= now)) throw new Error("token_not_live");
    const minted = await mintUnifiedToken(old.connectionId, { name: old.name, scope: old.scope, actorId: options.actorId }, tx);
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
    await db.$transaction(async (tx) => {
      await tx.unifiedToken.update({ where: { id: tokenId }, data: { revokedAt: now } });
      // The token's app (if any) hears of it through the relay: data names the token and its app.
      await recordConnectionEvent(
        row.connectionId,
        "token_revoked",
        `Unified token ${row.prefix}…${row.last4} revoked`,
        { actorId: options.actorId, data: { tokenId, appId: row.appId } },
        tx,
      );
    });
  }
  return { connectionId: row.connectionId, prefix: row.prefix, last4: row.last4 };
}

/** Writes "last used" at most once a minute per token, so a busy token does not cost a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

// What this process last wrote (or is writing) as a token's "last used". The memoized token row keeps its
// old lastUsedAt for the rest of the memo's second (a last-used write does not clear the memo, see
// MEMO_IGNORED_COLUMNS), so without this every call in that second would try the conditional write again.
const notedAt = new Map<string, number>();
const MAX_NOTED = 10_000;

export async function noteTokenUse(
  token: { id: string; connectionId: string; lastUsedAt: Date | null },
  now = new Date(),
): Promise<boolean> {
  const last = Math.max(token.lastUsedAt?.getTime() ?? -Infinity, notedAt.get(token.id) ?? -Infinity);
  if (now.getTime() - last < LAST_USED_RESOLUTION_MS) return false;
  if (notedAt.size >= MAX_NOTED) notedAt.clear();
  notedAt.set(token.id, now.getTime());
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  // Conditional writes: concurrent requests (or instances) race harmlessly; at most one row update wins.
  const { count } = await db.unifiedToken
    .updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    })
    .catch((error: unknown) => {
      // Not written: let the next call try again.
      if (notedAt.get(token.id) === now.getTime()) notedAt.delete(token.id);
      throw error;
    });
  if (count > 0) {
    await db.connection.updateMany({
      where: { id: token.connectionId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return count > 0;
}
