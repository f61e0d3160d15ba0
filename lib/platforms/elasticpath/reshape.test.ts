import { describe, expect, it } from "vitest";
import { reshapeKey, reshapeKeyList, reshapeProduct } from "./reshape";

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
    expect(key).toEqual({ id: "k1", name: "Storefront", clientId: "cid", reservedRateLimit: 10, createdAt: "2024-01-01T00:00:00Z", lastUsedAt: null });
    expect(JSON.stringify(key)).not.toContain("must-not-survive");
  });

  it("a key list keeps the totals Elastic Path reports", () => {
    const page = reshapeKeyList({ data: [], meta: { results: { total: 30 }, total_reserved_rate_limit: 40, page: { limit: 25, offset: 25, current: 2, total: 2 } } }, 25, 25);
    expect(page).toMatchObject({ total: 30, totalReserved: 40, offset: 25, limit: 25 });
  });

  it("catalog products: minor units to decimals, live → enabled, stock unknown", () => {
    const product = reshapeProduct({
      id: "p1",
      type: "product",
      attributes: { name: "Mug", sku: "MUG-1", status: "live", price: { USD: { amount: 1250 } } },
      meta: { display_price: { without_tax: { amount: 1250, currency: "USD", formatted: "$12.50" } } },
    });
    expect(product).toEqual({ id: "p1", sku: "MUG-1", name: "Mug", price: 12.5, currency: "USD", stock: null, enabled: true, url: null });
    expect(reshapeProduct({ id: "p2", type: "product", attributes: { name: "Draft", status: "draft", price: { EUR: { amount: 500 } } } })).toMatchObject({ price: 5, currency: "EUR", enabled: false, sku: null });
    expect(reshapeProduct({ id: "p3", type: "product", attributes: { name: "Free" } })).toMatchObject({ price: null, currency: null });
  });
});
