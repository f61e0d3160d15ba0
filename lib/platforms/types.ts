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
