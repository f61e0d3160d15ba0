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

export const PAYMENT_STATUSES = ["AWAITING_PAYMENT", "PAID", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED", "INCOMPLETE"] as const;
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
  rateLimitPerMinute: number;
  codeLifetimeSeconds: number;
  /** Delays before retry 1, 2, 3…; the last one repeats. Real Ecwid waits 15 min+, tests need seconds. */
  webhookRetryDelaysMs: number[];
  webhookMaxAttempts: number;
  webhookTimeoutMs: number;
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

export interface EpProduct {
  id: string;
  name: string;
  sku: string;
  slug: string;
  description: string;
  priceCents: number;
  currency: string;
}

export interface EpStore {
  id: string;
  name: string;
  rateLimitPerSecond: number;
  maxReservedRateLimit: number;
  keys: EpKey[];
  products: EpProduct[];
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
  products: { id: string; title: string; price: number; stock: number }[];
  orders: { id: string; status: string; total: number; createdAt: string }[];
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

export interface Fault {
  id: number;
  host: HostName;
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
  raw?: unknown;
}

export interface SandboxState {
  appUrl: string;
  ecwid: EcwidState;
  elasticpath: EpState;
  oauth2: OAuth2State;
  faults: Fault[];
  nextFaultId: number;
  counters: { tokenRequests: Record<string, number>; requests: Record<string, number> };
  bridgeMessages: BridgeMessage[];
}
