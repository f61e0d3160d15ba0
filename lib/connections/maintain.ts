import "server-only";
import { db } from "@/lib/db";
import { adapterFor } from "@/lib/platforms/registry";
import { PlatformError } from "@/lib/platforms/types";
import { recordConnectionEvent } from "./events";
import { freshCredentials, type FreshCredentialsResult } from "./fresh-credentials";
import { needsRenewal, nextCheckAt, refreshTokenExpiringSoon } from "./policy";
import { endConnection, markDegraded, markNeedsReauth, NOT_REVOKED } from "./status";

// What "check now", "refresh now", "disconnect" and the scheduler do to one connection.

export type CheckOutcome = { status: "ACTIVE" | "DEGRADED" | "NEEDS_REAUTH" | "REVOKED" | "NOT_FOUND"; message: string };
/** An uninstall or disconnect committed while the check ran: it wins (status.ts, NOT_REVOKED). */
const REVOKED_MEANWHILE: CheckOutcome = { status: "REVOKED", message: "The store was disconnected while it was being checked." };

const outcomeOf = (result: Exclude<FreshCredentialsResult, { ok: true }>): CheckOutcome => ({
  status:
    result.reason === "needs_reauth"
      ? "NEEDS_REAUTH"
      : result.reason === "revoked"
        ? "REVOKED"
        : result.reason === "not_found"
          ? "NOT_FOUND"
          : "DEGRADED",
  message: result.message,
});

/**
 * Proves the connection works: fresh credentials (renewed first when due, or when the refresh token has
 * under 6 hours left), then the platform's cheap health call. A rejected access token on a renewable
 * platform gets one forced renewal before the verdict; a rejected fixed token means NEEDS_REAUTH.
 */
export async function checkConnection(
  connectionId: string,
  options: { now?: () => Date; actorId?: string | null; recordSuccess?: boolean } = {},
): Promise<CheckOutcome> {
  const now = options.now ?? (() => new Date());
  const row = await db.connection.findUnique({
    where: { id: connectionId },
    select: { platform: true, status: true, refreshExpiresAt: true, lastRefreshAt: true, consecutiveFailures: true },
  });
  if (!row) return { status: "NOT_FOUND", message: "Connection not found." };
  const adapter = adapterFor(row.platform);
  const proactive = !!adapter.renew && refreshTokenExpiringSoon(row.refreshExpiresAt, now(), row.lastRefreshAt);
  let result = await freshCredentials(connectionId, { now, force: proactive });
  if (!result.ok) return outcomeOf(result);

  for (let attempt = 0; ; attempt++) {
    try {
      await adapter.healthCheck(result.context);
      break;
    } catch (error) {
      const e =
        error instanceof PlatformError ? error : new PlatformError("unavailable", String((error as Error)?.message ?? error));
      if (e.kind === "unauthorized" && adapter.renew && attempt === 0) {
        result = await freshCredentials(connectionId, { now, force: true });
        if (!result.ok) return outcomeOf(result);
        continue;
      }
      if (e.kind === "unauthorized") {
        if (!(await markNeedsReauth(connectionId, `the platform rejected the credentials (${e.message})`, options.actorId)))
          return REVOKED_MEANWHILE;
        return { status: "NEEDS_REAUTH", message: "The platform rejected Storelink's credentials: the store must re-authorize." };
      }
      const fresh = await db.connection.findUniqueOrThrow({ where: { id: connectionId }, select: { consecutiveFailures: true } });
      const until = await markDegraded(connectionId, fresh.consecutiveFailures, `${e.kind}: ${e.message}`, now(), {
        retryAfterSeconds: e.retryAfterSeconds,
        event: "health_check_failed",
        actorId: options.actorId,
      });
      if (!until) return REVOKED_MEANWHILE;
      return {
        status: "DEGRADED",
        message: `The platform did not answer the health check; next try after ${until.toISOString()}.`,
      };
    }
  }

  const after = await db.connection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { status: true, accessExpiresAt: true, refreshExpiresAt: true, lastRefreshAt: true },
  });
  // A renewal that is still due (and backing off) keeps DEGRADED even though the old token still works.
  if (after.status === "DEGRADED" && adapter.renew && needsRenewal(after.accessExpiresAt, after.lastRefreshAt, now())) {
    return {
      status: "DEGRADED",
      message: "The platform accepts the current token, but renewing it keeps failing; retrying with backoff.",
    };
  }
  const wasDegraded = after.status === "DEGRADED";
  const { count } = await db.connection.updateMany({
    where: { id: connectionId, ...NOT_REVOKED },
    data: {
      status: "ACTIVE",
      nextCheckAt: nextCheckAt(after, !after.refreshExpiresAt && !!adapter.renew, now()),
      ...(wasDegraded && { lastError: null, consecutiveFailures: 0, cooldownUntil: null }),
    },
  });
  if (count === 0) return REVOKED_MEANWHILE;
  if (wasDegraded)
    await recordConnectionEvent(connectionId, "recovered", "Health check passed; the connection is healthy again", {
      actorId: options.actorId,
    });
  else if (options.recordSuccess)
    await recordConnectionEvent(connectionId, "health_checked", "Health check passed", { actorId: options.actorId });
  return { status: "ACTIVE", message: "The platform accepted Storelink's credentials." };
}

/** Renews now (admins' "refresh now"); platforms with fixed tokens are health-checked instead. */
export async function refreshConnection(
  connectionId: string,
  options: { now?: () => Date; actorId?: string | null } = {},
): Promise<CheckOutcome> {
  const row = await db.connection.findUnique({ where: { id: connectionId }, select: { platform: true } });
  if (!row) return { status: "NOT_FOUND", message: "Connection not found." };
  if (!adapterFor(row.platform).renew) return checkConnection(connectionId, { ...options, recordSuccess: true });
  const result = await freshCredentials(connectionId, { now: options.now, force: true });
  if (!result.ok) return outcomeOf(result);
  const after = await db.connection.findUniqueOrThrow({ where: { id: connectionId }, select: { status: true } });
  return after.status === "ACTIVE"
    ? { status: "ACTIVE", message: "Platform credentials renewed." }
    : { status: "DEGRADED", message: "Renewal failed; the current token is still served while it is valid." };
}

/** Disconnect (an admin): the connection ends (status.ts, endConnection), recorded in the same transaction. */
export async function disconnectConnection(connectionId: string, options: { actorId?: string | null; now?: Date } = {}) {
  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    await endConnection(tx, connectionId, now);
    await recordConnectionEvent(
      connectionId,
      "disconnected",
      "Disconnected: credentials destroyed and unified tokens revoked",
      { actorId: options.actorId },
      tx,
    );
  });
}
