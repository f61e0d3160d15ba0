// Typed fetch client for the sandbox control API, for Playwright and vitest tests.
// Usage: `const sb = new SandboxControl("http://127.0.0.1:4400"); await sb.reset();`

export type SandboxHost = "ecwid-my" | "ecwid-api" | "elasticpath" | "oauth2";
/** Fault hosts: the sandbox's listeners, plus "ecwid-webhooks", its own outgoing webhook deliveries. */
export type FaultHost = SandboxHost | "ecwid-webhooks";
export type WebhookVariant = "valid" | "forged" | "replayed" | "old" | "unsigned";
/** Whose record it is: a customer, or an account (with the member who placed an order). */
export type EpOwnerInput = { customerId: string } | { accountId: string; memberId?: string };

export interface EcwidTokens {
  access_token: string;
  token_type: string;
  scope: string;
  store_id: number;
  email: string;
  public_token?: string;
}

export interface WebhookDeliveryView {
  id: number;
  eventId: string;
  eventType: string;
  storeId: number;
  variant: WebhookVariant;
  url: string;
  body: {
    eventId: string;
    eventCreated: number;
    storeId: number;
    entityId: number | string;
    eventType: string;
    data?: Record<string, unknown>;
  };
  signature: string | null;
  attempts: { at: number; status: number | null; error?: string; durationMs: number }[];
  delivered: boolean;
  pending: boolean;
  /** Queued by a hold until released. */
  held: boolean;
  /** Sandbox-clock time (ms) of the next retry, null when none is due. */
  nextAttemptAt: number | null;
  /** Status of the first attempt (send) / of every attempt (list). */
  status?: number | null;
  statuses?: (number | null)[];
}

export interface FaultSpec {
  host: FaultHost;
  /** Substring of path+query, or a regular expression source. */
  pathPattern: string;
  /** Only requests whose raw body contains this: scope a fault to your own test's request. */
  bodyPattern?: string;
  method?: string;
  status?: number;
  body?: unknown;
  /** How many matching requests it hits (default 1). */
  count?: number;
  delayMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  retryAfter?: number;
}

export interface Counters {
  tokenRequests: Record<string, number>;
  requests: Record<string, number>;
  /** Ecwid REST calls per store id. */
  ecwidStoreRequests: Record<string, number>;
}

export class SandboxControl {
  /** @param baseUrl control listener URL, e.g. http://127.0.0.1:4400 */
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl.replace(/\/+$/, "")}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox ${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Restore the default seed (also clears faults, counters, webhooks, bridge log). */
  reset(): Promise<{ ok: true }> {
    return this.call("POST", "/reset");
  }

  /** Summary of everything: URLs, app config, stores, EP keys (with secrets), OAuth2 clients. */
  state(): Promise<Record<string, unknown>> {
    return this.call("GET", "/state");
  }

  /** Every secret the sandboxes issued (secret tokens, client secrets, client_credentials and refresh tokens). */
  async secrets(): Promise<string[]> {
    return (await this.call<{ secrets: string[] }>("GET", "/secrets")).secrets;
  }

  // ---- Ecwid

  /** Seed an extra Ecwid store; returns its id and the ids of generated products/orders. */
  createEcwidStore(
    seed: {
      id?: number;
      name?: string;
      email?: string;
      productCount?: number;
      orderCount?: number;
      products?: Record<string, unknown>[];
      /** false: consent for this store redirects without `state`. */
      echoOAuthState?: boolean;
    } = {},
  ) {
    return this.call<{ storeId: number; name: string; email: string; productIds: number[]; orderIds: string[] }>(
      "POST",
      "/ecwid/stores",
      seed,
    );
  }

  /** Products, orders, app storage, installation and tokens of a store. */
  ecwidStore(storeId: number) {
    return this.call<{
      products: Record<string, unknown>[];
      orders: Record<string, unknown>[];
      storage: Record<string, Record<string, string>>;
      installation: unknown;
      tokens: unknown[];
    }>("GET", `/ecwid/stores/${storeId}`);
  }

  /** Change the registered Ecwid app (client id/secret, redirect, iframe, webhook URLs, allowed scopes). */
  configureEcwidApp(app: {
    clientId?: string;
    clientSecret?: string;
    redirectUrl?: string;
    iframeUrl?: string;
    webhookUrl?: string;
    scopes?: string[];
  }) {
    return this.call("POST", "/ecwid/app", app);
  }

  /** Rate limit, code lifetime, webhook retry delays/attempts/timeout. */
  configureEcwid(cfg: {
    rateLimitPerMinute?: number;
    invalidTokenLimitPerMinute?: number;
    invalidTokenLimitPerIp?: number;
    invalidTokenBlockSeconds?: number;
    codeLifetimeSeconds?: number;
    echoOAuthState?: boolean;
    webhookRetryDelaysMs?: number[];
    webhookMaxAttempts?: number;
    webhookConnectTimeoutMs?: number;
    webhookTimeoutMs?: number;
  }) {
    return this.call("POST", "/ecwid/config", cfg);
  }

  /** Install the app in a store without the browser flow; returns the token response. */
  installEcwid(storeId: number, scopes?: string[]): Promise<EcwidTokens> {
    return this.call("POST", `/ecwid/stores/${storeId}/install`, scopes ? { scopes } : {});
  }

  /** An App Market install: the URL Ecwid sends the merchant to (the app's callback with ?code=, no state). */
  appMarketInstall(storeId: number, scopes?: string[]): Promise<{ location: string }> {
    return this.call("POST", `/ecwid/stores/${storeId}/app-market-install`, scopes ? { scopes } : {});
  }

  /** Merchant-side uninstall: revokes tokens and fires application.uninstalled. */
  uninstallEcwid(storeId: number) {
    return this.call("POST", `/ecwid/stores/${storeId}/uninstall`, {});
  }

  /** Revoke every token of a store while leaving the app installed. */
  revokeEcwidTokens(storeId: number): Promise<{ revoked: number }> {
    return this.call("POST", `/ecwid/stores/${storeId}/revoke-tokens`, {});
  }

  /** Deliver a webhook now; resolves with the first attempt's status in `status`. */
  sendWebhook(input: {
    storeId: number;
    eventType: string;
    entityId?: number | string;
    data?: Record<string, unknown>;
    variant?: WebhookVariant;
    eventId?: string;
  }): Promise<WebhookDeliveryView> {
    return this.call("POST", "/ecwid/webhooks/send", input);
  }

  /** Queue the next `count` (default 1) deliveries for a store (optionally of one event type) until released. */
  holdWebhooks(hold: { storeId: number; eventType?: string; count?: number }) {
    return this.call("POST", "/ecwid/webhooks/hold", hold);
  }

  /** Deliver a held webhook now; resolves with that attempt's status in `status`. */
  releaseWebhook(deliveryId: number): Promise<WebhookDeliveryView> {
    return this.call("POST", `/webhooks/${deliveryId}/release`, {});
  }

  /**
   * Move the sandbox clock (webhook timestamps, retry schedule): set an offset from real time, or advance it.
   * With storeId only that store's events move: tests running in parallel must pass one.
   */
  setClock(move: { storeId?: number; offsetMs?: number; advanceMs?: number }): Promise<{ offsetMs: number; now: number }> {
    return this.call("POST", "/clock", move);
  }

  /** All webhook deliveries (optionally for one store) with per-attempt statuses. */
  webhooks(storeId?: number): Promise<WebhookDeliveryView[]> {
    return this.call("GET", `/webhooks${storeId !== undefined ? `?storeId=${storeId}` : ""}`);
  }

  /** EcwidApp postMessages the Control Panel page received; malformed ones carry `error` and `raw`. */
  bridgeMessages(
    storeId?: number | string,
  ): Promise<
    { storeId: string; ecwidAppNs?: string; method?: string; data?: unknown; error?: string; raw?: unknown; receivedAt: number }[]
  > {
    return this.call("GET", `/bridge-messages${storeId !== undefined ? `?storeId=${storeId}` : ""}`);
  }

  // ---- Elastic Path

  /** Seed a store plus its first application key; returns the key's credentials. */
  /** `publish: false` leaves every catalog unpublished (the shopper catalog answers 404 until publishElasticPath). */
  createElasticPathStore(
    seed: {
      id?: string;
      name?: string;
      rateLimitPerSecond?: number;
      maxReservedRateLimit?: number;
      /** This store's token lifetime (the sandbox-wide one otherwise): parallel tests never share it. */
      tokenLifetimeSeconds?: number;
      /** The first key's name ("Default key" unless set). */
      keyName?: string;
      productCount?: number;
      publish?: boolean;
      defaultCurrency?: "USD" | "JPY" | "KWD";
    } = {},
  ) {
    return this.call<{ storeId: string; name: string; key: { id: string; client_id: string; client_secret: string } }>(
      "POST",
      "/elasticpath/stores",
      seed,
    );
  }

  /** Token lifetime (s, min 1) and per-second store rate limit (optionally one store). */
  createElasticPathCustomer(storeId: string, customer: { name: string; email: string; password: string }) {
    return this.call<{ id: string; email: string }>("POST", `/elasticpath/stores/${storeId}/customers`, customer);
  }

  /** A member in the named accounts (created as needed), signing in through the store's password profile. */
  createElasticPathAccountMember(
    storeId: string,
    member: { name: string; email: string; username: string; password: string; accounts: string[] },
  ) {
    return this.call<{ id: string; passwordProfileId: string; accounts: { id: string; name: string }[] }>(
      "POST",
      `/elasticpath/stores/${storeId}/account-members`,
      member,
    );
  }

  /** A shopper's order (amount in minor units), saved address or cart (SKUs of the store's products). */
  addElasticPathShopperRecord(
    storeId: string,
    kind: "orders",
    record: EpOwnerInput & { amount: number; createdAt?: string },
  ): Promise<{ id: string }>;
  addElasticPathShopperRecord(
    storeId: string,
    kind: "addresses",
    record: EpOwnerInput & {
      name: string;
      firstName: string;
      lastName: string;
      line1: string;
      city: string;
      postcode: string;
      country: string;
    },
  ): Promise<{ id: string }>;
  addElasticPathShopperRecord(
    storeId: string,
    kind: "carts",
    record: EpOwnerInput & { name: string; items: { sku: string; quantity: number }[] },
  ): Promise<{ id: string }>;
  addElasticPathShopperRecord(storeId: string, kind: string, record: object) {
    return this.call<{ id: string }>("POST", `/elasticpath/stores/${storeId}/${kind}`, record);
  }

  expireElasticPathShopperTokens(storeId: string) {
    return this.call<{ expired: number }>("POST", `/elasticpath/stores/${storeId}/expire-shopper-tokens`);
  }

  publishElasticPath(storeId: string) {
    return this.call<{ releases: string[] }>("POST", `/elasticpath/stores/${storeId}/publish`);
  }

  configureElasticPath(cfg: {
    tokenLifetimeSeconds?: number;
    rateLimitPerSecond?: number;
    maxReservedRateLimit?: number;
    storeId?: string;
  }) {
    return this.call("POST", "/elasticpath/config", cfg);
  }

  /** Keys of a store, including secrets. */
  elasticPathKeys(storeId: string) {
    return this.call<
      { id: string; name: string; clientId: string; clientSecret: string; reservedRateLimit: number; lastUsedAt: string | null }[]
    >("GET", `/elasticpath/stores/${storeId}/keys`);
  }

  /** Delete a key behind the app's back (its tokens stop working). */
  deleteElasticPathKey(keyId: string) {
    return this.call("DELETE", `/elasticpath/keys/${keyId}`);
  }

  // ---- OAuth2

  configureOAuth2(cfg: {
    accessTokenLifetimeSeconds?: number;
    refreshTokenLifetimeSeconds?: number;
    codeLifetimeSeconds?: number;
    omitRefreshToken?: boolean;
    omitExpiresIn?: boolean;
  }) {
    return this.call("POST", "/oauth2/config", cfg);
  }

  /** Expire access and/or refresh tokens now (all, or the one given). */
  /** One OAuth2 shop's live access and refresh tokens (not expired, not rotated away), oldest first. */
  oauth2Tokens(shopId: string): Promise<{ access: string[]; refresh: string[] }> {
    return this.call("GET", `/oauth2/tokens?shopId=${encodeURIComponent(shopId)}`);
  }

  expireOAuth2(
    opts: { tokens?: "access" | "refresh" | "both"; token?: string; shopId?: string } = {},
  ): Promise<{ expired: number }> {
    return this.call("POST", "/oauth2/expire", opts);
  }

  /** Create a grant without the browser; returns a token response. */
  createOAuth2Grant(opts: { clientId?: string; shopId?: string; scope?: string } = {}) {
    return this.call<{
      shopId: string;
      access_token: string;
      refresh_token?: string;
      expires_in?: number;
      refresh_token_expires_in?: number;
      scope: string;
      token_type: string;
    }>("POST", "/oauth2/grants", opts);
  }

  // ---- Faults and counters

  addFault(fault: FaultSpec) {
    return this.call<{ id: number; remaining: number; hits: number }>("POST", "/faults", fault);
  }

  /** Registered faults with their hit counts (`hits`: how many requests each one caught). */
  faults() {
    return this.call<{ id: number; remaining: number; hits: number }[]>("GET", "/faults");
  }

  clearFaults() {
    return this.call("DELETE", "/faults");
  }

  counters(): Promise<Counters> {
    return this.call("GET", "/counters");
  }

  resetCounters() {
    return this.call("POST", "/counters/reset", {});
  }
}
