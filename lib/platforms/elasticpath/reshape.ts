import type { UnifiedCustomer, UnifiedProduct } from "@/lib/platforms/types";
import type { EpApplicationKey, EpCurrency, EpCustomer, EpKeyList, EpPcmProduct, EpPrice } from "./types";

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

/** An integer amount in a currency's minor unit → the decimal amount (JPY 0 places, USD 2, KWD 3). */
export function fromMinorUnits(amount: number, decimalPlaces: number): number {
  return Number((amount / 10 ** decimalPlaces).toFixed(decimalPlaces));
}

/** The price Storelink reports for a product: in the store's default currency when the price book has it. */
export function pickPrice(price: EpPrice | undefined, currencies: EpCurrency[]): { amount: number; currency: string } | null {
  if (!price) return null;
  const byCode = new Map(currencies.map((c) => [c.code, c]));
  const preferred = currencies.find((c) => c.default)?.code;
  const code =
    preferred && price.attributes.currencies[preferred]
      ? preferred
      : Object.keys(price.attributes.currencies).find((c) => byCode.has(c));
  const currency = code ? byCode.get(code) : undefined;
  const amount = code ? price.attributes.currencies[code]?.amount : undefined;
  // A currency the store does not list has no known number of decimal places: no price rather than a guess.
  return currency && typeof amount === "number"
    ? { amount: fromMinorUnits(amount, currency.decimal_places), currency: currency.code }
    : null;
}

/** A PCM product with its price (already converted from minor units), as every platform's product looks. */
export function reshapePcmProduct(product: EpPcmProduct, price: { amount: number; currency: string } | null): UnifiedProduct {
  return {
    id: product.id,
    sku: product.attributes.sku ?? null,
    name: product.attributes.name,
    price: price?.amount ?? null,
    currency: price?.currency ?? null,
    // Elastic Path keeps stock in a separate Inventory service that Storelink does not read.
    stock: null,
    enabled: (product.attributes.status ?? "live") === "live",
    url: null,
    updatedAt: product.meta?.updated_at ?? null,
  };
}

/** A customer in the unified shape: the admin's view (GET /v2/customers), never a password. */
export const reshapeCustomer = (c: EpCustomer): UnifiedCustomer => ({
  id: c.id,
  email: c.email ?? null,
  name: c.name ?? null,
  createdAt: c.meta?.timestamps?.created_at ?? null,
  updatedAt: c.meta?.timestamps?.updated_at ?? c.meta?.timestamps?.created_at ?? null,
});
