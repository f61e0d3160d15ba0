// The contract between the lifecycle engine / unified API and each platform adapter folder. Storelink's
// own shapes live here; platform field names stay inside their adapter folders.

export type UnifiedStore = { id: string; name: string; platform: "ECWID" | "ELASTICPATH" | "OAUTH2"; url: string | null; email: string | null; currency: string | null };

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
};

export type PaymentStatus = "AWAITING_PAYMENT" | "PAID" | "CANCELLED" | "REFUNDED" | "PARTIALLY_REFUNDED" | "INCOMPLETE";
export type FulfillmentStatus =
  | "AWAITING_PROCESSING"
  | "PROCESSING"
  | "SHIPPED"
  | "DELIVERED"
  | "WILL_NOT_DELIVER"
  | "RETURNED"
  | "READY_FOR_PICKUP";

export type UnifiedOrder = {
  id: string;
  email: string | null;
  total: number;
  currency: string | null;
  paymentStatus: PaymentStatus | null;
  fulfillmentStatus: FulfillmentStatus | null;
  createdAt: string | null;
  items: { sku: string | null; name: string; quantity: number; price: number }[];
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

/** New credentials after a refresh / re-mint, persisted (encrypted) by the lifecycle engine before use. */
export type Renewal<C = Record<string, unknown>> = {
  credentials: C;
  accessExpiresAt: Date | null;
  /** undefined = unchanged */
  refreshExpiresAt?: Date | null;
};

export type RawRequest = { method: string; path: string; query: URLSearchParams; body: string | null; contentType: string | null };
export type RawResponse = { status: number; contentType: string | null; body: string; retryAfter: string | null };

export type ProductQuery = { q?: string; limit: number; cursor?: string };
export type OrderQuery = { paymentStatus?: PaymentStatus; fulfillmentStatus?: FulfillmentStatus; limit: number; cursor?: string };

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
  updateOrder(ctx: ConnectionContext<C>, id: string, patch: { paymentStatus?: PaymentStatus; fulfillmentStatus?: FulfillmentStatus }): Promise<UnifiedOrder>;
  /** Passthrough confined to the platform's API host; `path` is already validated as relative. */
  raw(ctx: ConnectionContext<C>, request: RawRequest): Promise<RawResponse>;
}
