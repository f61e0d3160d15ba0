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
  /** Scopes the page's actions need that the store's token lacks (empty when all are there or unknown). */
  missingScopes: string[];
  /** The Control Panel's deep-link state (`app_state`), e.g. "order:FJ45D"; null without one. */
  appState: string | null;
  /** PAGE is the app's tab; POPUP and INLINE get a compact layout without page chrome. */
  viewMode: "PAGE" | "POPUP" | "INLINE";
};

/** Page-level configuration that is public anyway (app id, API base URL, allowed Control Panel origins). */
export type EmbeddedConfig = { appId: string; apiBaseUrl: string; cpOrigins: string[] };
