import "server-only";
import { db } from "@/lib/db";
import { recordConnectionEvent } from "./events";
import { backoffMs } from "./policy";

// The two failure transitions of a connection, shared by renewal and health checks.

/** Permanent: the platform rejected the credentials (or both tokens are dead). Only re-authorizing helps. */
export async function markNeedsReauth(connectionId: string, reason: string, actorId?: string | null): Promise<void> {
  await db.connection.update({
    where: { id: connectionId },
    data: { status: "NEEDS_REAUTH", lastError: reason, consecutiveFailures: { increment: 1 }, cooldownUntil: null },
  });
  await recordConnectionEvent(connectionId, "needs_reauth", `Needs re-authorization: ${reason}`, { actorId });
}

/** Transient: DEGRADED with an exponential, capped cooldown (or the platform's Retry-After). */
export async function markDegraded(
  connectionId: string,
  consecutiveFailuresBefore: number,
  reason: string,
  now: Date,
  options: { retryAfterSeconds?: number; event?: "refresh_failed" | "health_check_failed"; actorId?: string | null } = {},
): Promise<Date> {
  const failures = consecutiveFailuresBefore + 1;
  const waitMs = options.retryAfterSeconds ? options.retryAfterSeconds * 1000 : backoffMs(failures);
  const cooldownUntil = new Date(now.getTime() + waitMs);
  await db.connection.update({
    where: { id: connectionId },
    data: { status: "DEGRADED", lastError: reason, consecutiveFailures: failures, cooldownUntil, nextCheckAt: cooldownUntil },
  });
  await recordConnectionEvent(
    connectionId,
    options.event ?? "refresh_failed",
    `${options.event === "health_check_failed" ? "Health check" : "Renewal"} failed: ${reason}; retrying after ${cooldownUntil.toISOString()}`,
    { actorId: options.actorId },
  );
  return cooldownUntil;
}
