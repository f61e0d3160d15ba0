// Public shapes the store page hands to its client components (no secrets: see lib/connections/detail.ts).
export type ConnectionStatus = "ACTIVE" | "DEGRADED" | "NEEDS_REAUTH" | "REVOKED";

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  last4: string;
  /** READ tokens may only call GET endpoints; READ_WRITE tokens may also change the store. */
  scope: "READ" | "READ_WRITE";
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

export type TimelineEvent = { id: string; type: string; message: string; createdAt: string; actor: string | null };

export type ConnectionFactsData = {
  platform: "ECWID" | "ELASTICPATH" | "OAUTH2";
  baseUrl: string | null;
  scopes: string[];
  publicToken: string | null;
  accessExpiresAt: string | null;
  refreshExpiresAt: string | null;
  nextCheckAt: string | null;
  lastRefreshAt: string | null;
  lastUsedAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  cooldownUntil: string | null;
  createdAt: string;
};
