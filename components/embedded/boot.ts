// What the Control Panel page hands its client code: public data only (no secret token ever).

export type ConnectionHealth = { state: "ok" | "degraded"; detail: string | null };

export type EmbeddedBoot = {
  storeId: string;
  storeName: string;
  /** Ecwid public_token (public by definition), null when public_storefront was not granted. */
  publicToken: string | null;
  lang: string;
  /** Storelink's embedded-session JWT (≤ 15 min) for server actions. */
  sessionToken: string;
  sessionExpiresAt: number;
  health: ConnectionHealth;
};

/** Page-level configuration that is public anyway (app id, API base URL, allowed Control Panel origins). */
export type EmbeddedConfig = { appId: string; apiBaseUrl: string; cpOrigins: string[] };
