import type { UnifiedProduct } from "@/lib/platforms/types";
import type { EpApplicationKey, EpCatalogProduct, EpKeyList } from "./types";

// Elastic Path shapes → Storelink shapes. Pure, so they are unit-tested without a server.

/** An application key as the dashboard shows it: never a secret. */
export type ApplicationKey = {
  id: string;
  name: string;
  clientId: string;
  reservedRateLimit: number;
  createdAt: string | null;
  lastUsedAt: string | null;
};

export type ApplicationKeyPage = { keys: ApplicationKey[]; total: number; totalReserved: number; offset: number; limit: number };

export function reshapeKey(key: EpApplicationKey): ApplicationKey {
  return {
    id: key.id,
    name: key.name,
    clientId: key.client_id,
    reservedRateLimit: key.reserved_rate_limit ?? 0,
    createdAt: key.meta?.timestamps?.created_at ?? null,
    lastUsedAt: key.meta?.timestamps?.last_used_at ?? null,
  };
}

export function reshapeKeyList(list: EpKeyList, offset: number, limit: number): ApplicationKeyPage {
  const keys = list.data.map(reshapeKey);
  return {
    keys,
    total: list.meta?.results?.total ?? keys.length,
    totalReserved: list.meta?.total_reserved_rate_limit ?? keys.reduce((n, k) => n + k.reservedRateLimit, 0),
    offset: list.meta?.page?.offset ?? offset,
    limit: list.meta?.page?.limit ?? limit,
  };
}

/** Catalog prices are in minor units; the display price wins when both exist (it is what shoppers see). */
export function reshapeProduct(product: EpCatalogProduct): UnifiedProduct {
  const display = product.meta?.display_price?.without_tax;
  const [currency, price] = display ? [display.currency, display.amount] : (Object.entries(product.attributes.price ?? {}).map(([c, p]) => [c, p.amount] as const)[0] ?? [null, null]);
  return {
    id: product.id,
    sku: product.attributes.sku ?? null,
    name: product.attributes.name,
    price: typeof price === "number" ? price / 100 : null,
    currency: currency ?? null,
    // Elastic Path keeps stock in a separate Inventory service that Storelink does not read.
    stock: null,
    enabled: (product.attributes.status ?? "live") === "live",
    url: null,
  };
}
