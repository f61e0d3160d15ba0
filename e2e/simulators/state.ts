// The whole sandbox lives in this one in-memory object so reset is a simple
// re-seed and tests can assert on it directly (startSandbox returns it).
import type { HostName } from "./http";

export const ECWID_SCOPES = [
  "read_store_profile",
  "update_store_profile",
  "read_store_limits",
  "read_catalog",
  "update_catalog",
  "create_catalog",
  "read_orders",
  "update_orders",
  "create_orders",
  "read_customers",
  "update_customers",
  "create_customers",
  "read_discount_coupons",
  "update_discount_coupons",
  "create_discount_coupons",
  "customize_storefront",
  "add_to_cp",
  "add_shipping_method",
  "add_payment_method",
  "public_storefront",
  "customize_cart_calculation",
  "allow_sso",
  "manage_instant_site",
] as const;

/** What Storelink's app asks for (ECWID_SCOPES in its default config): the scopes tests install the app with. */
export const APP_SCOPES = [
  "read_store_profile",
  "update_store_profile",
  "read_catalog",
  "update_catalog",
  "read_orders",
  "update_orders",
  "public_storefront",
  "add_to_cp",
];

export const PAYMENT_STATUSES = [
  "AWAITING_PAYMENT",
  "PAID",
  "CANCELLED",
  "REFUNDED",
  "PARTIALLY_REFUNDED",
  "INCOMPLETE",
] as const;
export const FULFILLMENT_STATUSES = [
  "AWAITING_PROCESSING",
  "PROCESSING",
  "SHIPPED",
  "DELIVERED",
  "WILL_NOT_DELIVER",
  "RETURNED",
  "READY_FOR_PICKUP",
] as const;

export interface EcwidApp {
  clientId: string;
  clientSecret: string;
  /** Registered redirect URL: authorize accepts it or any sub-path of it on the same origin. */
  redirectUrl: string;
  iframeUrl: string;
  webhookUrl: string;
  /** Scopes configured for the app; asking for more is an error, as on Ecwid. */
  scopes: string[];
}

export interface EcwidProduct {
  id: number;
  sku: string;
  name: string;
  description: string;
  price: number;
  quantity?: number;
  unlimited: boolean;
  inStock: boolean;
  enabled: boolean;
  created: string;
  updated: string;
  createTimestamp: number;
  updateTimestamp: number;
  url: string;
  [extra: string]: unknown;
}

export interface EcwidOrderItem {
  productId: number;
  sku: string;
  name: string;
  price: number;
  quantity: number;
}

export interface EcwidOrder {
  id: string;
  internalId: number;
  orderNumber: number;
  email: string;
  total: number;
  subtotal: number;
  paymentStatus: string;
  fulfillmentStatus: string;
  createDate: string;
  updateDate: string;
  createTimestamp: number;
  updateTimestamp: number;
  items: EcwidOrderItem[];
  [extra: string]: unknown;
}

export interface EcwidInstallation {
  clientId: string;
  scopes: string[];
  installedAt: number;
}

export interface EcwidStore {
  id: number;
  name: string;
  email: string;
  ownerName: string;
  products: EcwidProduct[];
  orders: EcwidOrder[];
  /** App storage, isolated per app (client_id → key → value). */
  storage: Map<string, Map<string, string>>;
  installation: EcwidInstallation | null;
  /** Whether consent for this store echoes `state` (the sandbox-wide config when unset). */
  echoOAuthState?: boolean;
  nextProductId: number;
  nextOrderNumber: number;
}

export interface EcwidToken {
  token: string;
  kind: "secret" | "public";
  storeId: number;
  clientId: string;
  scopes: string[];
  /** The code that produced it, so a second exchange of that code can disable it. */
  code?: string;
  revoked: boolean;
  createdAt: number;
}

export interface EcwidAuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  storeId: number;
  scopes: string[];
  expiresAt: number;
  used: boolean;
  issuedTokens: string[];
}

export interface ConsentRequest {
  id: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  createdAt: number;
}

export interface WebhookAttempt {
  at: number;
  status: number | null;
  error?: string;
  durationMs: number;
}

export interface WebhookDelivery {
  id: number;
  eventId: string;
  eventType: string;
  storeId: number;
  variant: WebhookVariant;
  url: string;
  body: WebhookEvent;
  signature: string | null;
  attempts: WebhookAttempt[];
  delivered: boolean;
  /** true while further retries are scheduled */
  pending: boolean;
  /** Queued by a hold: nothing is sent until it is released. */
  held: boolean;
  /** When the next attempt is due, on the sandbox clock (ms); null when none is. */
  nextAttemptAt: number | null;
}

export type WebhookVariant = "valid" | "forged" | "replayed" | "old" | "unsigned";

export interface WebhookEvent {
  eventId: string;
  eventCreated: number;
  storeId: number;
  entityId: number | string;
  eventType: string;
  data?: Record<string, unknown>;
}

export interface EcwidConfig {
  /** Per working token (docs.ecwid.com/api-reference: 600 a minute, then 429 + Retry-After). */
  rateLimitPerMinute: number;
  /** A non-working token is blocked after this many requests a minute … */
  invalidTokenLimitPerMinute: number;
  /** … or after this many requests with non-working tokens from one IP … */
  invalidTokenLimitPerIp: number;
  /** … for this long (Ecwid: "much longer", undocumented; sandbox choice). */
  invalidTokenBlockSeconds: number;
  codeLifetimeSeconds: number;
  /** Whether the consent redirect carries `state` back; Ecwid does not document it (platform-facts §1). */
  echoOAuthState: boolean;
  /** Gaps before retry 1, 2, 3… on the sandbox clock; the last one repeats (Ecwid's schedule by default). */
  webhookRetryDelaysMs: number[];
  webhookMaxAttempts: number;
  /** Ecwid gives the webhook URL 3 s to accept the connection … */
  webhookConnectTimeoutMs: number;
  /** … and 10 s to answer. */
  webhookTimeoutMs: number;
}

/** Deliveries matching a hold are queued instead of sent, until released (Ecwid sends in no particular order). */
export interface WebhookHold {
  storeId: number;
  eventType?: string;
  /** How many more deliveries it catches. */
  remaining: number;
}

export interface EcwidState {
  app: EcwidApp;
  config: EcwidConfig;
  stores: Map<number, EcwidStore>;
  codes: Map<string, EcwidAuthCode>;
  tokens: Map<string, EcwidToken>;
  consents: Map<string, ConsentRequest>;
  rateWindows: Map<string, { windowStart: number; count: number }>;
  deliveries: WebhookDelivery[];
  events: Map<string, WebhookEvent>;
  /** The sandbox clock runs at Date.now() + this; webhook timestamps and retries follow it. */
  clockOffsetMs: number;
  /**
   * One store's clock, on top of the sandbox's: browser tests run in parallel on one sandbox, and a test that
   * moved everyone's clock back made another test's uninstall look older than its install (stale, ignored).
   */
  storeClockOffsetsMs: Map<number, number>;
  webhookHolds: WebhookHold[];
}

export interface EpKey {
  id: string;
  storeId: string;
  name: string;
  clientId: string;
  clientSecret: string;
  reservedRateLimit: number;
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
}

/** A PCM product with its price-book entry (amounts in the currency's minor unit, per currency code). */
export interface EpProduct {
  id: string;
  name: string;
  sku: string;
  slug: string;
  description: string;
  status: "live" | "draft";
  createdAt: string;
  updatedAt: string;
  prices: Record<string, number>;
}

/** GET /v2/currencies entries: `decimal_places` says how many minor-unit digits an amount has. */
export interface EpCurrency {
  id: string;
  code: string;
  decimalPlaces: number;
  default: boolean;
  enabled: boolean;
  /** e.g. "${price}"; `{price}` is replaced with the formatted amount. */
  format: string;
}

/** A published release: a snapshot of the catalog's live products and prices at publish time. */
export interface EpRelease {
  id: string;
  publishedAt: string;
  products: EpProduct[];
}

export interface EpCatalog {
  id: string;
  name: string;
  pricebookId: string;
  /** Products of the catalog (by PCM id); releases copy them when published. */
  productIds: string[];
  releases: EpRelease[];
}

/** A catalog rule: empty channels / tags match every request (the default rule). */
export interface EpCatalogRule {
  id: string;
  name: string;
  catalogId: string;
  channels: string[];
  tags: string[];
}

export interface EpStore {
  id: string;
  name: string;
  rateLimitPerSecond: number;
  maxReservedRateLimit: number;
  /** This store's token lifetime, when a test set one (the sandbox-wide setting otherwise). */
  tokenLifetimeSeconds?: number;
  keys: EpKey[];
  products: EpProduct[];
  pricebookId: string;
  currencies: EpCurrency[];
  catalogs: EpCatalog[];
  rules: EpCatalogRule[];
  shoppers: EpShoppers;
  settings: Record<string, unknown>;
}

export interface EpToken {
  token: string;
  storeId: string;
  keyId: string;
  clientId: string;
  grant: "client_credentials" | "implicit";
  expiresAt: number;
}

export interface EpState {
  tokenLifetimeSeconds: number;
  stores: Map<string, EpStore>;
  tokens: Map<string, EpToken>;
  rateWindows: Map<string, { second: number; count: number }>;
  /** Shopper tokens issued (customer and account-member JWTs) by their jti: lets the control API expire them. */
  shopperTokens: Map<string, { storeId: string; kind: "customer" | "account"; expiresAt: number }>;
}

/** A customer (legacy customer management) with the password POST /v2/customers/tokens checks. */
export interface EpCustomer {
  id: string;
  name: string;
  email: string;
  password: string;
  createdAt: string;
}

export interface EpAccount {
  id: string;
  name: string;
  legalName: string;
  createdAt: string;
}

/** An account member who signs in through a password profile; member of one or more accounts. */
export interface EpAccountMember {
  id: string;
  name: string;
  email: string;
  /** The member's password profile info (null until the admin adds one: user-authentication-password-profile-info). */
  username: string | null;
  password: string | null;
  passwordProfileId: string | null;
  accountIds: string[];
}

/** Who a shopper record belongs to: a customer, or an account (orders also name the member who placed them). */
export type EpOwner = { customerId: string } | { accountId: string; memberId?: string };

/** An order as checkout leaves it (EPDEV openapispecs/cartsorders OrderResponse), owned by one shopper. */
export interface EpOrder {
  id: string;
  owner: EpOwner;
  contact: { name: string; email: string };
  status: "incomplete" | "complete" | "processing" | "cancelled";
  payment: "unpaid" | "authorized" | "paid" | "refunded";
  shipping: "unfulfilled" | "fulfilled";
  /** Tax-inclusive total in the currency's minor unit. */
  amount: number;
  currency: string;
  createdAt: string;
}

/** A saved address of a customer or an account (EPDEV openapispecs/customeraddresses, addresses). */
export interface EpAddress {
  id: string;
  owner: EpOwner;
  name: string;
  firstName: string;
  lastName: string;
  line1: string;
  city: string;
  postcode: string;
  country: string;
  createdAt: string;
}

/** A cart associated with a customer or an account (customer / account cart associations). */
export interface EpCart {
  id: string;
  owner: EpOwner;
  name: string;
  currency: string;
  items: { id: string; productId: string; sku: string; name: string; quantity: number; unitAmount: number }[];
  createdAt: string;
  updatedAt: string;
}

/** The store's shoppers: customers, accounts and members, the realm with its password profiles, and their records. */
export interface EpShoppers {
  customers: EpCustomer[];
  accounts: EpAccount[];
  members: EpAccountMember[];
  orders: EpOrder[];
  addresses: EpAddress[];
  carts: EpCart[];
  realmId: string;
  passwordProfiles: { id: string; name: string }[];
}

export interface OAuth2Client {
  clientId: string;
  clientSecret: string;
  redirectUriPrefix: string;
  name: string;
}

export interface OAuth2Shop {
  id: string;
  name: string;
  products: { id: string; title: string; price: number; stock: number; updatedAt: string }[];
  orders: {
    id: string;
    status: string;
    total: number;
    createdAt: string;
    updatedAt: string;
    email?: string;
    customerId?: string;
  }[];
  customers: { id: string; name: string; email: string; createdAt: string; updatedAt: string }[];
}

export interface OAuth2Code {
  code: string;
  clientId: string;
  shopId: string;
  redirectUri: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}

export interface OAuth2AccessToken {
  token: string;
  clientId: string;
  shopId: string;
  scope: string;
  expiresAt: number;
}

export interface OAuth2RefreshToken {
  token: string;
  clientId: string;
  shopId: string;
  scope: string;
  expiresAt: number;
  /** Set when rotated away: presenting it again is invalid_grant. */
  rotatedAt: number | null;
}

export interface OAuth2Config {
  accessTokenLifetimeSeconds: number;
  refreshTokenLifetimeSeconds: number;
  codeLifetimeSeconds: number;
  omitRefreshToken: boolean;
  omitExpiresIn: boolean;
}

export interface OAuth2State {
  config: OAuth2Config;
  clients: Map<string, OAuth2Client>;
  shops: Map<string, OAuth2Shop>;
  codes: Map<string, OAuth2Code>;
  accessTokens: Map<string, OAuth2AccessToken>;
  refreshTokens: Map<string, OAuth2RefreshToken>;
}

/** "ecwid-webhooks" faults hit the sandbox's own outgoing webhook deliveries (the app "is down"). */
export type FaultHost = HostName | "ecwid-webhooks";

export interface Fault {
  id: number;
  host: FaultHost;
  method?: string;
  pathPattern: string;
  /** Only requests whose raw body contains this (scopes a fault to one test's request in parallel runs). */
  bodyPattern?: string;
  status?: number;
  body?: unknown;
  remaining: number;
  delayMs?: number;
  drop?: boolean;
  retryAfter?: number;
  hits: number;
}

export interface BridgeMessage {
  storeId: string;
  receivedAt: number;
  ecwidAppNs?: string;
  method?: string;
  data?: unknown;
  /** Set when the message is not what ecwid-app.js posts (the host page's check); `raw` is what came. */
  error?: string;
  raw?: unknown;
}

export interface SandboxState {
  appUrl: string;
  ecwid: EcwidState;
  elasticpath: EpState;
  oauth2: OAuth2State;
  faults: Fault[];
  nextFaultId: number;
  counters: {
    tokenRequests: Record<string, number>;
    requests: Record<string, number>;
    /** Ecwid REST calls per store id (`/api/v3/{storeId}/…`), so a test can count its own store's calls. */
    ecwidStoreRequests: Record<string, number>;
  };
  bridgeMessages: BridgeMessage[];
}
