import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { adapterFor } from "@/lib/platforms/registry";
import { PlatformError, type ConnectionContext } from "@/lib/platforms/types";
import { openConnectionCredentials, sealConnectionCredentials, sealedColumnsSelect } from "@/lib/vault";
import { recordConnectionEvent } from "./events";
import { needsRenewal, nextCheckAt } from "./policy";
import { withRefreshLock } from "./refresh-lock";
import { markDegraded, markNeedsReauth, NOT_REVOKED } from "./status";

export type FreshCredentialsResult<C = Record<string, unknown>> =
  /** `renewedAt`: when the returned credentials were issued (null: never renewed by Storelink). */
  | { ok: true; context: ConnectionContext<C>; renewedAt: Date | null }
  | { ok: false; reason: "not_found" | "revoked" | "needs_reauth" | "unavailable"; message: string; retryAfterSeconds?: number };

/** The connection columns renewal decisions need, credentials still sealed. */
export const connectionSelect = {
  id: true,
  platform: true,
  externalId: true,
  baseUrl: true,
  scopes: true,
  metadata: true,
  status: true,
  accessExpiresAt: true,
  refreshExpiresAt: true,
  lastRefreshAt: true,
  cooldownUntil: true,
  consecutiveFailures: true,
  ...sealedColumnsSelect,
} as const;

export type CredentialRow = Prisma.ConnectionGetPayload<{ select: typeof connectionSelect }>;
type Row = CredentialRow;

function contextOf<C>(row: Row): ConnectionContext<C> | null {
  const credentials = openConnectionCredentials<C & object>(row.id, row);
  if (!credentials) return null;
  const { id, platform, externalId, baseUrl, scopes, metadata } = row;
  return { connection: { id, platform, externalId, baseUrl, scopes, metadata }, credentials };
}

const stillValid = (row: Row, now: Date) => !row.accessExpiresAt || row.accessExpiresAt > now;
const refreshDead = (row: Row, now: Date) => !!row.refreshExpiresAt && row.refreshExpiresAt <= now;
const NEEDS_REAUTH = "The store must re-authorize Storelink.";
/** Uninstalled or disconnected, before this call or while its renewal ran (the uninstall wins: status.ts, NOT_REVOKED). */
export const REVOKED = { ok: false, reason: "revoked", message: "This connection was uninstalled or disconnected." } as const;

/**
 * Usable credentials for a connection, or a typed reason why not. Valid beyond the renewal margin → as is.
 * Otherwise one renewal per connection across all processes (single-flight + advisory lock, re-read after
 * the lock); the renewed credentials are persisted, encrypted, before anyone uses them. Transient failures
 * leave the connection DEGRADED with a backoff and keep serving the old token while it is valid; a
 * rejection, or access and refresh tokens both expired, marks it NEEDS_REAUTH.
 *
 * Crash safety: the stored credentials change in one UPDATE after the platform answered, so a process
 * killed mid-refresh leaves the previous (complete, decryptable) credentials and PostgreSQL drops its
 * advisory lock with its connection. The one window no client can close is a platform that rotated the
 * refresh token and a process that died before the UPDATE: the next renewal then gets invalid_grant and
 * the connection goes to NEEDS_REAUTH (visible, recoverable) rather than failing silently.
 */
export async function freshCredentials<C = Record<string, unknown>>(
  connectionId: string,
  options: {
    force?: boolean;
    now?: () => Date;
    /** With force: a renewal that finished after this time already counts (default: when this call started). */
    renewedSince?: Date;
    /** The row as the caller already read it (the unified API's memoized read); renewal re-reads regardless. */
    row?: CredentialRow | null;
  } = {},
): Promise<FreshCredentialsResult<C>> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const row =
    options.row !== undefined
      ? options.row
      : await db.connection.findUnique({ where: { id: connectionId }, select: connectionSelect });
  const early = precheck<C>(row, startedAt, options.force);
  if (early) return early;

  return withRefreshLock(`refresh:${connectionId}`, async () => {
    // Re-read: another process (or an earlier holder of this lock) may have renewed meanwhile, and its
    // refresh token is the only one still valid; never renew with the one read before the lock.
    const current = await db.connection.findUnique({ where: { id: connectionId }, select: connectionSelect });
    const renewedMeanwhile = !!current?.lastRefreshAt && current.lastRefreshAt >= (options.renewedSince ?? startedAt);
    const answer = precheck<C>(current, now(), options.force && !renewedMeanwhile);
    return answer ?? renew<C>(current!, now);
  });
}

/** The answer without renewing, or null when a renewal is due. */
function precheck<C>(row: Row | null, now: Date, force = false): FreshCredentialsResult<C> | null {
  if (!row) return { ok: false, reason: "not_found", message: "Connection not found." };
  if (row.status === "REVOKED") return REVOKED;
  if (row.status === "NEEDS_REAUTH") return { ok: false, reason: "needs_reauth", message: NEEDS_REAUTH };
  const renewable = !!adapterFor(row.platform).renew;
  const due = renewable && (force || needsRenewal(row.accessExpiresAt, row.lastRefreshAt, now));
  const coolingDown = !force && !!row.cooldownUntil && row.cooldownUntil > now;
  if (due && !coolingDown) return null;
  if (!stillValid(row, now)) {
    const waitMs = (row.cooldownUntil?.getTime() ?? now.getTime()) - now.getTime();
    return {
      ok: false,
      reason: "unavailable",
      message: "The platform token expired and renewal is backing off after failures.",
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    };
  }
  const context = contextOf<C>(row);
  return context
    ? { ok: true, context, renewedAt: row.lastRefreshAt }
    : { ok: false, reason: "needs_reauth", message: "No stored credentials: re-authorize the store." };
}

async function renew<C>(row: Row, now: () => Date): Promise<FreshCredentialsResult<C>> {
  const adapter = adapterFor(row.platform);
  const context = contextOf<C>(row);
  if (!context) {
    await markNeedsReauth(row.id, "no stored credentials");
    return { ok: false, reason: "needs_reauth", message: "No stored credentials: re-authorize the store." };
  }
  if (!adapter.renew) return { ok: true, context, renewedAt: row.lastRefreshAt };
  if (!stillValid(row, now()) && refreshDead(row, now())) {
    // Both dead: calling the platform cannot help (and would only count as a failed attempt).
    await markNeedsReauth(row.id, "the access token and the refresh token have both expired");
    return { ok: false, reason: "needs_reauth", message: NEEDS_REAUTH };
  }
  try {
    const renewal = await adapter.renew(context as ConnectionContext);
    const at = now();
    const refreshExpiresAt = renewal.refreshExpiresAt === undefined ? row.refreshExpiresAt : renewal.refreshExpiresAt;
    // Persist before anyone uses the new credentials: a rotated refresh token must never be lost. Not on a
    // connection disconnected meanwhile: its credentials were destroyed and stay so.
    const { count } = await db.connection.updateMany({
      where: { id: row.id, ...NOT_REVOKED },
      data: {
        ...sealConnectionCredentials(row.id, renewal.credentials),
        accessExpiresAt: renewal.accessExpiresAt,
        refreshExpiresAt,
        lastRefreshAt: at,
        status: "ACTIVE",
        lastError: null,
        consecutiveFailures: 0,
        cooldownUntil: null,
        nextCheckAt: nextCheckAt(
          { accessExpiresAt: renewal.accessExpiresAt, refreshExpiresAt, lastRefreshAt: at },
          !refreshExpiresAt,
          at,
        ),
      },
    });
    if (count === 0) return REVOKED;
    await recordConnectionEvent(row.id, "refreshed", "Platform credentials renewed", {
      data: {
        accessExpiresAt: renewal.accessExpiresAt?.toISOString() ?? null,
        refreshExpiresAt: refreshExpiresAt?.toISOString() ?? null,
      },
    });
    if (row.status === "DEGRADED")
      await recordConnectionEvent(row.id, "recovered", "Renewal succeeded again; the connection is healthy");
    return { ok: true, context: { connection: context.connection, credentials: renewal.credentials as C }, renewedAt: at };
  } catch (error) {
    return recordFailure<C>(row, context, error, now());
  }
}

async function recordFailure<C>(
  row: Row,
  context: ConnectionContext<C>,
  error: unknown,
  now: Date,
): Promise<FreshCredentialsResult<C>> {
  const platformError =
    error instanceof PlatformError ? error : new PlatformError("unavailable", String((error as Error)?.message ?? error));
  if (platformError.kind === "unauthorized") {
    if (!(await markNeedsReauth(row.id, `renewal rejected by the platform (${platformError.message})`))) return REVOKED;
    return {
      ok: false,
      reason: "needs_reauth",
      message: "The platform rejected Storelink's credentials: the store must re-authorize.",
    };
  }
  const cooldownUntil = await markDegraded(
    row.id,
    row.consecutiveFailures,
    `${platformError.kind}: ${platformError.message}`,
    now,
    {
      retryAfterSeconds: platformError.retryAfterSeconds,
    },
  );
  if (!cooldownUntil) return REVOKED;
  if (stillValid(row, now)) return { ok: true, context, renewedAt: row.lastRefreshAt };
  return {
    ok: false,
    reason: "unavailable",
    message: "The platform is unavailable and the current token has expired.",
    retryAfterSeconds: Math.max(1, Math.ceil((cooldownUntil.getTime() - now.getTime()) / 1000)),
  };
}
