// The contract between the lifecycle engine / unified API and each platform adapter folder. Storelink's
// own shapes live here; platform field names stay inside their adapter folders.

export type PlatformId = "ECWID" | "ELASTICPATH" | "OAUTH2";

export type UnifiedStore = {
  id: string;
  name: string;
  platform: PlatformId;
  url: string | null;
  email: string | null;
  currency: string | null;
};

export type UnifiedProduct = {
  id: string;
  sku: string | null;
  name: string;
  price: number | null;
  currency: string | null;
  /** null = not tracked / unlimited */
  stock: number | null;
  enabled: boolean;
  url: string | null;
  /** RFC 3339, when the platform last changed it (null when the platform does not say). */
  updatedAt: string | null;
};

export type { FulfillmentStatus, PaymentStatus } from "./order-statuses";
import type { FulfillmentStatus, PaymentStatus } from "./order-statuses";

export type UnifiedOrder = {
  id: string;
  email: string | null;
  total: number;
  currency: string | null;
  paymentStatus: PaymentStatus | null;
  fulfillmentStatus: FulfillmentStatus | null;
  createdAt: string | null;
  /** RFC 3339, when the platform last changed it (null when the platform does not say). */
  updatedAt: string | null;
  items: { sku: string | null; name: string; quantity: number; price: number }[];
};

export type UnifiedCustomer = {
  id: string;
  email: string | null;
  name: string | null;
  createdAt: string | null;
  updatedAt: string | null;
};

export type Page<T> = { items: T[]; total: number; nextCursor: string | null };

/** Why a platform call failed, in Storelink's terms. Adapters map platform errors onto these. */
export type PlatformErrorKind =
  | "unauthorized" // credentials rejected: permanent until re-authorized
  | "forbidden" // missing scope / permission
  | "not_found"
  | "invalid" // the platform refused the input
  | "conflict"
  | "rate_limited"
  | "unavailable" // 5xx, timeout, network: transient
  | "not_supported";

export class PlatformError extends Error {
  override name = "PlatformError";
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly upstreamStatus?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** What an adapter gets for each call: the connection's non-secret fields and its decrypted credentials. */
export type ConnectionContext<C = Record<string, unknown>> = {
  connection: {
    id: string;
    platform: "ECWID" | "ELASTICPATH" | "OAUTH2";
    externalId: string;
    baseUrl: string | null;
    scopes: string[];
    metadata: unknown;
  };
  credentials: C;
};

/** A token answer without expires_in gets this lifetime, so refresh keeps working (Nango's failure mode). */
export const DEFAULT_ACCESS_LIFETIME_MS = 55 * 60_000;

/** New credentials after a refresh / re-mint, persisted (encrypted) by the lifecycle engine before use. */
export type Renewal<C = Record<string, unknown>> = {
  credentials: C;
  accessExpiresAt: Date | null;
  /** undefined = unchanged */
  refreshExpiresAt?: Date | null;
};

/**
 * One family of platform endpoints the raw passthrough may reach: `path` and everything below it, with these
 * methods. Only data resources (catalog, orders, customers…): never credentials, keys, tokens or settings.
 */
export type RawResource = { path: string; methods: readonly ("GET" | "POST" | "PUT" | "PATCH" | "DELETE")[]; note?: string };

export type RawRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string | null;
  contentType: string | null;
};
export type RawResponse = { status: number; contentType: string | null; body: string; retryAfter: string | null };

/**
 * `updatedSince` (RFC 3339): only what changed at or after that instant, for incremental sync. With it the
 * items come oldest change first with a stable tie-break (updatedAt, then id), so a client can page with
 * the cursor and then ask again from the last updatedAt it saw without missing a change.
 */
export type SyncQuery = { limit: number; cursor?: string; updatedSince?: string };
export type ProductQuery = SyncQuery & { q?: string };
export type OrderQuery = SyncQuery & { paymentStatus?: PaymentStatus; fulfillmentStatus?: FulfillmentStatus };
export type OrderCountQuery = Omit<OrderQuery, "limit" | "cursor">;
export type CustomerQuery = SyncQuery & { q?: string; email?: string };

/**
 * One per platform folder (lib/platforms/<platform>/adapter.ts). Methods throw PlatformError.
 * Methods a platform cannot serve throw PlatformError("not_supported", …) → the unified API answers 501.
 */
export interface PlatformAdapter<C = Record<string, unknown>> {
  platform: "ECWID" | "ELASTICPATH" | "OAUTH2";
  /** Mint or refresh credentials (client credentials re-mint, OAuth2 refresh). Absent for fixed tokens. */
  renew?(ctx: ConnectionContext<C>): Promise<Renewal<C>>;
  /** Cheap call proving the credentials still work (fixed tokens are checked on a schedule). */
  healthCheck(ctx: ConnectionContext<C>): Promise<void>;
  getStore(ctx: ConnectionContext<C>): Promise<UnifiedStore>;
  listProducts(ctx: ConnectionContext<C>, query: ProductQuery): Promise<Page<UnifiedProduct>>;
  getProduct(ctx: ConnectionContext<C>, id: string): Promise<UnifiedProduct>;
  adjustStock(ctx: ConnectionContext<C>, id: string, delta: number): Promise<UnifiedProduct>;
  listOrders(ctx: ConnectionContext<C>, query: OrderQuery): Promise<Page<UnifiedOrder>>;
  getOrder(ctx: ConnectionContext<C>, id: string): Promise<UnifiedOrder>;
  updateOrder(
    ctx: ConnectionContext<C>,
    id: string,
    patch: { paymentStatus?: PaymentStatus; fulfillmentStatus?: FulfillmentStatus },
  ): Promise<UnifiedOrder>;
  countOrders(ctx: ConnectionContext<C>, query: OrderCountQuery): Promise<number>;
  listCustomers(ctx: ConnectionContext<C>, query: CustomerQuery): Promise<Page<UnifiedCustomer>>;
  getCustomer(ctx: ConnectionContext<C>, id: string): Promise<UnifiedCustomer>;
  /** The platform's data resources the raw passthrough may reach (anything else is refused with 403). */
  rawResources: readonly RawResource[];
  /** Passthrough confined to the platform's API host; `path` is already validated as relative and allowed. */
  raw(ctx: ConnectionContext<C>, request: RawRequest): Promise<RawResponse>;
}
