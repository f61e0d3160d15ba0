import type { EpCurrency } from "./types";

// A store's currencies change only when an admin edits them in Commerce Manager, yet every product page needs
// them (price-book amounts are in the currency's minor units, and the default currency picks the price).
// The product routes keep them for CURRENCIES_TTL_MS per connection, so a page costs two upstream calls
// (the PCM page, then its prices) instead of three, and a store's per-second budget at Elastic Path goes
// further. The price of that: for up to a minute after an admin changes the default currency, product
// prices may still be shown in the old one. GET /store reads the currencies live every time.

export const CURRENCIES_TTL_MS = 60_000;
const MAX_CONNECTIONS = 1_000;

type Entry = { until: number; currencies: Promise<EpCurrency[]> };

// On globalThis: Next may load this module once per route bundle, and every copy must share one memo.
const holder = globalThis as unknown as { storelinkEpCurrencies?: Map<string, Entry> };
const memo = (holder.storelinkEpCurrencies ??= new Map());

/**
 * The connection's currencies from the memo, or from `load()` (one load shared by concurrent callers). A
 * failed load is forgotten at once, so a 401 is renewed and retried by the lifecycle as before.
 */
export function memoizedCurrencies(key: string, load: () => Promise<EpCurrency[]>, now = Date.now()): Promise<EpCurrency[]> {
  const hit = memo.get(key);
  if (hit && hit.until > now) return hit.currencies;
  const currencies = load();
  // Insertion order is age order: the oldest entry makes room.
  if (!hit && memo.size >= MAX_CONNECTIONS) memo.delete(memo.keys().next().value!);
  memo.set(key, { until: now + CURRENCIES_TTL_MS, currencies });
  currencies.catch(() => {
    if (memo.get(key)?.currencies === currencies) memo.delete(key);
  });
  return currencies;
}

/** Forgets every memoized currency list (tests). */
export function clearCurrencyMemo(): void {
  memo.clear();
}
