import { beforeEach, describe, expect, it } from "vitest";
import { clearCurrencyMemo, CURRENCIES_TTL_MS, memoizedCurrencies } from "./currency-memo";
import type { EpCurrency } from "./types";

const usd: EpCurrency[] = [{ id: "c1", code: "USD", default: true, decimal_places: 2 }];

function counting(result: () => Promise<EpCurrency[]>) {
  const loader = { calls: 0, load: () => (loader.calls++, result()) };
  return loader;
}

describe("Elastic Path currency memo", () => {
  beforeEach(() => clearCurrencyMemo());

  it("loads once for concurrent callers, then answers from the memo until the TTL ends", async () => {
    const loader = counting(async () => usd);
    const t0 = 1_000_000;
    const all = await Promise.all(Array.from({ length: 5 }, () => memoizedCurrencies("a", loader.load, t0)));
    expect(all.every((c) => c === usd)).toBe(true);
    expect(await memoizedCurrencies("a", loader.load, t0 + CURRENCIES_TTL_MS - 1)).toBe(usd);
    expect(loader.calls).toBe(1);
    await memoizedCurrencies("a", loader.load, t0 + CURRENCIES_TTL_MS);
    expect(loader.calls).toBe(2);
  });

  it("keeps connections apart", async () => {
    const loader = counting(async () => usd);
    await memoizedCurrencies("a", loader.load);
    await memoizedCurrencies("b", loader.load);
    expect(loader.calls).toBe(2);
  });

  it("forgets a failed load, so the next call asks again (a 401 is renewed and retried)", async () => {
    let fail = true;
    const loader = counting(async () => {
      if (fail) throw new Error("unauthorized");
      return usd;
    });
    await expect(memoizedCurrencies("a", loader.load)).rejects.toThrow("unauthorized");
    fail = false;
    expect(await memoizedCurrencies("a", loader.load)).toBe(usd);
    expect(loader.calls).toBe(2);
  });
});
