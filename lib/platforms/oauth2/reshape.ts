import type {
  FulfillmentStatus,
  PaymentStatus,
  UnifiedCustomer,
  UnifiedOrder,
  UnifiedProduct,
  UnifiedStore,
} from "@/lib/platforms/types";
import type { ProviderCustomer, ProviderOrder, ProviderProduct, ProviderShop } from "./types";

// Provider shapes → Storelink shapes. The provider has one order `status`; it is split into the two axes.

export const reshapeStore = (shop: ProviderShop): UnifiedStore => ({
  id: shop.id,
  name: shop.name,
  platform: "OAUTH2",
  url: shop.url ?? null,
  email: shop.email ?? null,
  currency: shop.currency ?? null,
});

export const reshapeProduct = (p: ProviderProduct): UnifiedProduct => ({
  id: p.id,
  sku: p.sku ?? p.id,
  name: p.title,
  price: p.price ?? null,
  currency: p.currency ?? null,
  stock: p.stock ?? null,
  enabled: true,
  url: null,
  updatedAt: p.updatedAt ?? null,
});

const STATUS: Record<string, { payment: PaymentStatus | null; fulfillment: FulfillmentStatus | null }> = {
  pending: { payment: "AWAITING_PAYMENT", fulfillment: "AWAITING_PROCESSING" },
  paid: { payment: "PAID", fulfillment: "AWAITING_PROCESSING" },
  processing: { payment: "PAID", fulfillment: "PROCESSING" },
  shipped: { payment: "PAID", fulfillment: "SHIPPED" },
  delivered: { payment: "PAID", fulfillment: "DELIVERED" },
  cancelled: { payment: "CANCELLED", fulfillment: "WILL_NOT_DELIVER" },
  refunded: { payment: "REFUNDED", fulfillment: null },
};

export const reshapeOrder = (o: ProviderOrder): UnifiedOrder => {
  const status = STATUS[(o.status ?? "").toLowerCase()];
  return {
    id: o.id,
    email: o.email ?? null,
    total: o.total ?? 0,
    currency: o.currency ?? null,
    paymentStatus: status?.payment ?? null,
    fulfillmentStatus: status?.fulfillment ?? null,
    createdAt: o.createdAt ?? null,
    updatedAt: o.updatedAt ?? null,
    items: [],
  };
};

export const reshapeCustomer = (c: ProviderCustomer): UnifiedCustomer => ({
  id: c.id,
  email: c.email ?? null,
  name: c.name ?? null,
  createdAt: c.createdAt ?? null,
  updatedAt: c.updatedAt ?? null,
});
