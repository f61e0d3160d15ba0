import { FULFILLMENT_STATUSES, PAYMENT_STATUSES } from "@/lib/platforms/order-statuses";
import type { UnifiedOrder, UnifiedProduct, UnifiedStore } from "@/lib/platforms/types";
import type { EcwidOrder, EcwidProduct, EcwidProfile } from "./ecwid-types";

// Ecwid shapes → Storelink's unified shapes.

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | null =>
  value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : null;

/** Ecwid's `*Timestamp` fields are unix seconds. */
export const unixToIso = (seconds: number | undefined): string | null =>
  typeof seconds === "number" && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : null;

export function reshapeStore(storeId: string, profile: EcwidProfile): UnifiedStore {
  return {
    id: storeId,
    name: profile.settings?.storeName || profile.account?.accountName || `Ecwid store ${storeId}`,
    platform: "ECWID",
    url: profile.generalInfo?.storeUrl ?? null,
    email: profile.account?.accountEmail ?? null,
    currency: profile.formatsAndUnits?.currency ?? null,
  };
}

export function reshapeProduct(product: EcwidProduct, currency: string | null = null): UnifiedProduct {
  return {
    id: String(product.id),
    sku: product.sku || null,
    name: product.name ?? "",
    price: typeof product.price === "number" ? product.price : null,
    currency,
    stock: product.unlimited ? null : (product.quantity ?? null),
    enabled: product.enabled !== false,
    url: product.url ?? null,
    updatedAt: unixToIso(product.updateTimestamp),
  };
}

export function reshapeOrder(order: EcwidOrder, currency: string | null = null): UnifiedOrder {
  return {
    id: order.id ?? String(order.orderNumber ?? ""),
    email: order.email ?? null,
    total: order.total ?? 0,
    currency,
    paymentStatus: oneOf(PAYMENT_STATUSES, order.paymentStatus),
    fulfillmentStatus: oneOf(FULFILLMENT_STATUSES, order.fulfillmentStatus),
    createdAt: order.createDate ? toIso(order.createDate) : null,
    updatedAt: order.updateDate ? toIso(order.updateDate) : null,
    items: (order.items ?? []).map((i) => ({
      sku: i.sku || null,
      name: i.name ?? "",
      quantity: i.quantity ?? 0,
      price: i.price ?? 0,
    })),
  };
}

/** Ecwid dates look like "2024-05-01 10:00:00 +0000". */
function toIso(date: string): string | null {
  const normalized = date.replace(" ", "T").replace(/ ([+-]\d{2})(\d{2})$/, "$1:$2");
  const parsed = new Date(normalized);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

/** Offset cursors: the unified API pages with opaque strings, Ecwid with offset/limit. */
export function nextOffsetCursor(offset: number, count: number, total: number): string | null {
  return offset + count < total && count > 0 ? String(offset + count) : null;
}

export function offsetFromCursor(cursor: string | undefined): number {
  return cursor && /^\d{1,9}$/.test(cursor) ? Number(cursor) : 0;
}
