// Timing rules of the lifecycle engine, pure so they can be tested with a controllable clock.

/** Renew an access token this long before it expires (Nango uses 15 minutes; tokens of minutes get a fraction). */
export function renewalMargin(lifetimeMs: number | null): number {
  const FIFTEEN_MINUTES = 15 * 60_000;
  if (lifetimeMs === null) return FIFTEEN_MINUTES;
  return Math.min(FIFTEEN_MINUTES, Math.max(1_000, Math.floor(lifetimeMs / 4)));
}

/** Proactive refresh when the refresh token has under this long left (the EcartAPI rule), at most. */
export const REFRESH_TOKEN_PROACTIVE_WINDOW_MS = 6 * 60 * 60_000;

/**
 * How long before a refresh token expires to renew it: the EcartAPI rule's 6 hours for long-lived refresh
 * tokens, but a twelfth of the lifetime when that is shorter (at least a minute). "Under 6 hours left" read
 * literally would renew a 2-hour refresh token after every renewal, a renewal a minute; this renews it once
 * per lifetime, 10 minutes before it expires (platform-facts §0, "Lifecycle").
 */
export function refreshTokenMargin(lifetimeMs: number | null): number {
  if (lifetimeMs === null || lifetimeMs <= 0) return REFRESH_TOKEN_PROACTIVE_WINDOW_MS;
  return Math.max(60_000, Math.min(REFRESH_TOKEN_PROACTIVE_WINDOW_MS, Math.floor(lifetimeMs / 12)));
}

const refreshLifetime = (refreshExpiresAt: Date, lastRefreshAt: Date | null | undefined) =>
  lastRefreshAt ? refreshExpiresAt.getTime() - lastRefreshAt.getTime() : null;

/** Cooldown after a transient failure: 30 s doubling per consecutive failure, capped at 15 minutes. */
export function backoffMs(consecutiveFailures: number): number {
  return Math.min(15 * 60_000, 30_000 * 2 ** Math.max(0, consecutiveFailures - 1));
}

export function needsRenewal(accessExpiresAt: Date | null, lastRefreshAt: Date | null, now: Date): boolean {
  if (!accessExpiresAt) return false;
  const lifetime = lastRefreshAt ? accessExpiresAt.getTime() - lastRefreshAt.getTime() : null;
  return accessExpiresAt.getTime() - now.getTime() <= renewalMargin(lifetime);
}

/** Fixed tokens (and everything else, at the least) are health-checked this often by the scheduler. */
export const HEALTH_CHECK_INTERVAL_MS = 6 * 60 * 60_000;

/**
 * When the scheduler should next look at a connection: the regular health check, or earlier when a
 * client-credentials token needs re-minting (`renewsProactively`) or the refresh token enters the 6-hour window.
 */
export function nextCheckAt(
  row: { accessExpiresAt: Date | null; refreshExpiresAt: Date | null; lastRefreshAt: Date | null },
  renewsProactively: boolean,
  now: Date,
): Date {
  const candidates = [now.getTime() + HEALTH_CHECK_INTERVAL_MS];
  if (row.refreshExpiresAt)
    candidates.push(
      row.refreshExpiresAt.getTime() - refreshTokenMargin(refreshLifetime(row.refreshExpiresAt, row.lastRefreshAt)),
    );
  if (renewsProactively && row.accessExpiresAt) {
    const lifetime = row.lastRefreshAt ? row.accessExpiresAt.getTime() - row.lastRefreshAt.getTime() : null;
    candidates.push(row.accessExpiresAt.getTime() - renewalMargin(lifetime));
  }
  // Never in the past (a due connection is claimed once, then pushed forward) and never in a tight loop.
  return new Date(Math.max(now.getTime() + 60_000, Math.min(...candidates)));
}

/** True when the refresh token is within its renewal margin (or gone): the scheduler refreshes now. */
export function refreshTokenExpiringSoon(refreshExpiresAt: Date | null, now: Date, lastRefreshAt?: Date | null): boolean {
  return (
    !!refreshExpiresAt &&
    refreshExpiresAt.getTime() - now.getTime() < refreshTokenMargin(refreshLifetime(refreshExpiresAt, lastRefreshAt))
  );
}
