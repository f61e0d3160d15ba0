import { describe, expect, it } from "vitest";
import { fromMinorUnits, pickPrice, reshapeKey, reshapeKeyList, reshapePcmProduct } from "./reshape";

describe("Elastic Path reshape", () => {
  it("keys never carry the client_secret", () => {
    const key = reshapeKey({
      id: "k1",
      type: "application_key",
      name: "Storefront",
      client_id: "cid",
      client_secret: "must-not-survive",
      reserved_rate_limit: 10,
      meta: { timestamps: { created_at: "2024-01-01T00:00:00Z", last_used_at: null } },
    });
    expect(key).toEqual({
      id: "k1",
      name: "Storefront",
      clientId: "cid",
      reservedRateLimit: 10,
      createdAt: "2024-01-01T00:00:00Z",
      lastUsedAt: null,
    });
    expect(JSON.stringify(key)).not.toContain("must-not-survive");
  });

  it("a key list keeps the totals Elastic Path reports", () => {
    const page = reshapeKeyList(
      {
        data: [],
        meta: { results: { total: 30 }, total_reserved_rate_limit: 40, page: { limit: 25, offset: 25, current: 2, total: 2 } },
      },
      25,
      25,
    );
    expect(page).toMatchObject({ total: 30, totalReserved: 40, offset: 25, limit: 25 });
  });

  it("minor units divide by 10^decimal_places of the currency, not by 100", () => {
    expect(fromMinorUnits(1250, 2)).toBe(12.5);
    expect(fromMinorUnits(1875, 0)).toBe(1875);
    expect(fromMinorUnits(4505, 3)).toBe(4.505);
    const currencies = [
      { code: "JPY", decimal_places: 0, default: true },
      { code: "KWD", decimal_places: 3, default: false },
    ];
    const price = (c: Record<string, number>) => ({
      id: "x",
      type: "product-price",
      attributes: { sku: "S", currencies: Object.fromEntries(Object.entries(c).map(([k, amount]) => [k, { amount }])) },
    });
    expect(pickPrice(price({ KWD: 4505, JPY: 1875 }), currencies)).toEqual({ amount: 1875, currency: "JPY" });
    expect(pickPrice(price({ KWD: 4505 }), currencies)).toEqual({ amount: 4.505, currency: "KWD" });
    // A currency the store does not list: its decimal places are unknown, so no price rather than a guess.
    expect(pickPrice(price({ EUR: 500 }), currencies)).toBeNull();
    expect(pickPrice(undefined, currencies)).toBeNull();
  });

  it("PCM products: live → enabled, stock unknown, price as given", () => {
    const product = {
      id: "p1",
      type: "product",
      attributes: { name: "Mug", sku: "MUG-1", status: "live" },
      meta: { updated_at: "2025-01-15T09:00:00.000Z" },
    };
    expect(reshapePcmProduct(product, { amount: 4.505, currency: "KWD" })).toEqual({
      id: "p1",
      sku: "MUG-1",
      name: "Mug",
      price: 4.505,
      currency: "KWD",
      stock: null,
      enabled: true,
      url: null,
      updatedAt: "2025-01-15T09:00:00.000Z",
    });
    expect(reshapePcmProduct({ id: "p2", type: "product", attributes: { name: "Draft", status: "draft" } }, null)).toMatchObject({
      price: null,
      currency: null,
      enabled: false,
      sku: null,
    });
  });
});
