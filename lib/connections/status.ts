import "server-only";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db-client";
import { destroyedCredentials } from "@/lib/vault";
import { recordConnectionEvent } from "./events";
import { backoffMs } from "./policy";

// The two failure transitions of a connection, shared by renewal and health checks. Each commits with its
// timeline entry, which the apps' relay announces (connection.needs_reauth, connection.degraded).

/**
 * The condition on every transition the lifecycle makes by itself (a failed call, a renewal, a health check):
 * never out of REVOKED. An uninstall webhook or a disconnect can commit while such a call is in flight; it
 * must win, or the store comes back as NEEDS_REAUTH (which a payload may re-authorize) or with credentials
 * written again after they were destroyed.
 */
export const NOT_REVOKED = { status: { not: "REVOKED" } } as const;

/**
 * Permanent: the platform rejected the credentials (or both tokens are dead). Only re-authorizing helps.
 * False when the connection was REVOKED meanwhile (nothing changed).
 */
export async function markNeedsReauth(connectionId: string, reason: string, actorId?: string | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.connection.updateMany({
      where: { id: connectionId, ...NOT_REVOKED },
      data: { status: "NEEDS_REAUTH", lastError: reason, consecutiveFailures: { increment: 1 }, cooldownUntil: null },
    });
    if (count === 0) return false;
    await recordConnectionEvent(connectionId, "needs_reauth", `Needs re-authorization: ${reason}`, { actorId }, tx);
    return true;
  });
}

/** Transient: DEGRADED with an exponential, capped cooldown (or the platform's Retry-After); null when REVOKED meanwhile. */
export async function markDegraded(
  connectionId: string,
  consecutiveFailuresBefore: number,
  reason: string,
  now: Date,
  options: { retryAfterSeconds?: number; event?: "refresh_failed" | "health_check_failed"; actorId?: string | null } = {},
): Promise<Date | null> {
  const failures = consecutiveFailuresBefore + 1;
  const waitMs = options.retryAfterSeconds ? options.retryAfterSeconds * 1000 : backoffMs(failures);
  const cooldownUntil = new Date(now.getTime() + waitMs);
  const applied = await db.$transaction(async (tx) => {
    const { count } = await tx.connection.updateMany({
      where: { id: connectionId, ...NOT_REVOKED },
      data: { status: "DEGRADED", lastError: reason, consecutiveFailures: failures, cooldownUntil, nextCheckAt: cooldownUntil },
    });
    if (count === 0) return false;
    await recordConnectionEvent(
      connectionId,
      options.event ?? "refresh_failed",
      `${options.event === "health_check_failed" ? "Health check" : "Renewal"} failed: ${reason}; retrying after ${cooldownUntil.toISOString()}`,
      { actorId: options.actorId, data: { consecutiveFailures: failures } },
      tx,
    );
    return true;
  });
  return applied ? cooldownUntil : null;
}

/**
 * The end of a connection, by the merchant (an uninstall) or an admin (disconnect): REVOKED, credentials
 * destroyed (not only flagged), the public token with them (it belongs to the installation being ended),
 * nothing scheduled, and every unified token revoked. Returns how many tokens it revoked.
 */
export async function endConnection(tx: DbTransaction, connectionId: string, now: Date, lastError?: string): Promise<number> {
  await tx.connection.update({
    where: { id: connectionId },
    data: {
      ...destroyedCredentials,
      status: "REVOKED",
      publicToken: null,
      nextCheckAt: null,
      cooldownUntil: null,
      accessExpiresAt: null,
      refreshExpiresAt: null,
      ...(lastError !== undefined && { lastError }),
    },
  });
  return (await tx.unifiedToken.updateMany({ where: { connectionId, revokedAt: null }, data: { revokedAt: now } })).count;
}
