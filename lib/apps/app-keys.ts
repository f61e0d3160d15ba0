import "server-only";
import { db } from "@/lib/db";
import { hashSecret, prefixedSecret } from "@/lib/security/prefixed-secret";

// An app's secret keys (`sla_…`): shown once, stored as a SHA-256, rotatable with a grace period, revocable.
// An app's backend sends one as `Authorization: Bearer sla_…` to create connect sessions and exchange codes.

export const appKeyFormat = prefixedSecret("sla_");

const isLive = (row: { revokedAt: Date | null; expiresAt: Date | null }, now: Date) =>
  !row.revokedAt && !(row.expiresAt && row.expiresAt <= now);

export async function createAppKey(appId: string, options: { name?: string; actorId?: string | null } = {}) {
  const key = appKeyFormat.generate();
  const { prefix, last4 } = appKeyFormat.displayParts(key);
  const row = await db.appKey.create({
    data: { appId, name: options.name ?? "default", prefix, last4, hash: hashSecret(key), createdById: options.actorId ?? null },
  });
  return { key, id: row.id, prefix, last4 };
}

/** A new key with the old one's name; the old one keeps working for `graceMs` (0 = revoked now). */
export async function rotateAppKey(keyId: string, graceMs: number, options: { actorId?: string | null; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const old = await db.appKey.findUniqueOrThrow({ where: { id: keyId } });
  if (!isLive(old, now)) throw new Error("key_not_live");
  const created = await createAppKey(old.appId, { name: old.name, actorId: options.actorId });
  await db.appKey.update({
    where: { id: old.id },
    data: graceMs > 0 ? { expiresAt: new Date(now.getTime() + graceMs) } : { revokedAt: now },
  });
  return { ...created, appId: old.appId, graceUntil: graceMs > 0 ? new Date(now.getTime() + graceMs) : null };
}

export async function revokeAppKey(keyId: string, now = new Date()) {
  const row = await db.appKey.findUniqueOrThrow({ where: { id: keyId } });
  if (!row.revokedAt) await db.appKey.update({ where: { id: keyId }, data: { revokedAt: now } });
  return row;
}

/** The app a presented key belongs to, or null (malformed, unknown, revoked or past its grace period). */
export async function findAppByKey(presented: string, now = new Date()) {
  if (!appKeyFormat.isWellFormed(presented)) return null;
  const row = await db.appKey.findUnique({
    where: { hash: hashSecret(presented) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      app: { select: { id: true, name: true, returnUrls: true } },
    },
  });
  if (!row || !isLive(row, now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    void db.appKey.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => undefined);
  }
  return { keyId: row.id, app: row.app };
}
