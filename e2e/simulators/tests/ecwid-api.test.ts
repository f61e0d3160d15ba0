import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, waitFor, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.reset());

const ALL = [
  "read_store_profile",
  "update_store_profile",
  "read_catalog",
  "update_catalog",
  "read_orders",
  "update_orders",
  "public_storefront",
];

async function api(token: string | null, path: string, init: RequestInit = {}) {
  const res = await fetch(`${h.sandbox.urls["ecwid-api"]}/api/v3${path}`, {
    ...init,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { "content-type": "application/json" } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body, headers: res.headers };
}

describe("Ecwid REST auth", () => {
  it("requires the Bearer header and refuses ?token=", async () => {
    const t = await h.control.installEcwid(1003, ALL);
    expect((await api(t.access_token, "/1003/profile")).status).toBe(200);
    const query = await api(null, `/1003/profile?token=${t.access_token}`);
    expect(query.status).toBe(403);
    expect(query.body.errorCode).toBe("INVALID_API_TOKEN");
    expect(query.body.errorMessage).toMatch(/disabled/);
    const both = await api(t.access_token, `/1003/profile?token=${t.access_token}`);
    expect(both.status).toBe(403);
    const none = await api(null, "/1003/profile");
    expect(none.status).toBe(403);
    expect(none.body.errorCode).toBe("INVALID_API_TOKEN");
  });

  it("rejects unknown tokens, tokens of other stores and unknown stores", async () => {
    const t = await h.control.installEcwid(1003, ALL);
    expect((await api("secret_bogus", "/1003/profile")).body.errorCode).toBe("INVALID_API_TOKEN");
    expect((await api(t.access_token, "/2048/profile")).status).toBe(403);
    const missing = await api(t.access_token, "/999999/profile");
    expect(missing.status).toBe(404);
    expect(missing.body.errorCode).toBe("STORE_NOT_FOUND");
  });

  it("enforces scopes with INSUFFICIENT_APP_SCOPE", async () => {
    const t = await h.control.installEcwid(1003, ["read_catalog"]);
    expect((await api(t.access_token, "/1003/products")).status).toBe(200);
    const orders = await api(t.access_token, "/1003/orders");
    expect(orders.status).toBe(403);
    expect(orders.body.errorCode).toBe("INSUFFICIENT_APP_SCOPE");
    const put = await api(t.access_token, "/1003/products/100300001", { method: "PUT", body: JSON.stringify({ price: 1 }) });
    expect(put.body.errorCode).toBe("INSUFFICIENT_APP_SCOPE");
    const del = await api(t.access_token, "/1003/application?namespace=storelink-sandbox", { method: "DELETE" });
    expect(del.body.errorCode).toBe("INSUFFICIENT_APP_SCOPE");
  });

  it("limits a public token to enabled products and a limited profile", async () => {
    const t = await h.control.installEcwid(1003, ALL);
    const pub = t.public_token!;
    const prof = await api(pub, "/1003/profile");
    expect(prof.status).toBe(200);
    expect(prof.body.settings.storeName).toBe("Sunrise Ceramics");
    expect(prof.body).not.toHaveProperty("account");
    const full = await api(t.access_token, "/1003/profile");
    expect(full.body.account.accountEmail).toBe("owner@sunrise-ceramics.example");
    expect(full.body.generalInfo.storeId).toBe(1003);

    const all = await api(t.access_token, "/1003/products");
    const disabled = all.body.items.find((p: any) => !p.enabled);
    expect(disabled).toBeTruthy();
    const pubList = await api(pub, "/1003/products");
    expect(pubList.body.total).toBe(all.body.items.filter((p: any) => p.enabled).length);
    expect(pubList.body.items.every((p: any) => p.enabled)).toBe(true);
    expect((await api(pub, `/1003/products/${disabled.id}`)).status).toBe(404);
    for (const [path, method] of [
      ["/1003/orders", "GET"],
      ["/1003/storage", "GET"],
      ["/1003/application", "GET"],
      [`/1003/products/${disabled.id}/inventory`, "PUT"],
    ] as const) {
      const r = await api(pub, path, method === "PUT" ? { method, body: JSON.stringify({ quantityDelta: 1 }) } : {});
      expect(r.status, path).toBe(403);
      expect(r.body.errorCode).toBe("INSUFFICIENT_APP_SCOPE");
    }
  });

  it("answers CORS preflight and exposes Retry-After", async () => {
    const res = await fetch(`${h.sandbox.urls["ecwid-api"]}/api/v3/1003/products`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:3000",
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const t = await h.control.installEcwid(1003, ALL);
    const get = await api(t.public_token!, "/1003/products", { headers: { origin: "http://localhost:3000" } });
    expect(get.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("rate-limits per token with 429 RATE_LIMITED and Retry-After", async () => {
    await h.control.configureEcwid({ rateLimitPerMinute: 3 });
    const t = await h.control.installEcwid(1003, ALL);
    for (let i = 0; i < 3; i++) expect((await api(t.access_token, "/1003/profile")).status).toBe(200);
    const limited = await api(t.access_token, "/1003/profile");
    expect(limited.status).toBe(429);
    expect(limited.body.errorCode).toBe("RATE_LIMITED");
    const ra = Number(limited.headers.get("retry-after"));
    expect(ra).toBeGreaterThanOrEqual(1);
    expect(ra).toBeLessThanOrEqual(60);
    // The limit is per token: the public token still has its own budget.
    expect((await api(t.public_token!, "/1003/profile")).status).toBe(200);
  });

  it("blocks a non-working token for much longer after 20 requests a minute (docs.ecwid.com/api-reference)", async () => {
    for (let i = 0; i < 20; i++) expect((await api("secret_not-a-real-token", "/1003/profile")).status).toBe(403);
    const blocked = await api("secret_not-a-real-token", "/1003/profile");
    expect(blocked.status).toBe(429);
    expect(blocked.body.errorCode).toBe("RATE_LIMITED");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(60);
    // Another bad token is still just invalid, until the per-IP total is reached.
    expect((await api("secret_another-bad-token", "/1003/profile")).status).toBe(403);
    await h.control.configureEcwid({ invalidTokenLimitPerIp: 22 });
    expect((await api("secret_third-bad-token", "/1003/profile")).status).toBe(429);
  });
});

describe("Ecwid products", () => {
  it("searches with keyword, enabled, offset and limit (default 100, max 100)", async () => {
    const { access_token: tok } = await h.control.installEcwid(1003, ALL);
    const all = await api(tok, "/1003/products");
    expect(all.body).toMatchObject({ total: 25, count: 25, offset: 0, limit: 100 });
    const pageTwo = await api(tok, "/1003/products?offset=10&limit=10");
    expect(pageTwo.body).toMatchObject({ total: 25, count: 10, offset: 10, limit: 10 });
    expect(pageTwo.body.items[0].id).toBe(all.body.items[10].id);
    expect((await api(tok, "/1003/products?limit=500")).body.limit).toBe(100);
    const kw = await api(tok, "/1003/products?keyword=celadon");
    expect(kw.body.total).toBeGreaterThan(0);
    expect(kw.body.items.every((p: any) => p.name.toLowerCase().includes("celadon"))).toBe(true);
    const disabled = await api(tok, "/1003/products?enabled=false");
    expect(disabled.body.total).toBe(4);
    expect((await api(tok, "/1003/products?offset=-1")).status).toBe(400);
  });

  it("gets a product, 404s unknown ones and applies partial updates", async () => {
    const { access_token: tok } = await h.control.installEcwid(1003, ALL);
    const id = (await api(tok, "/1003/products?limit=1")).body.items[0].id;
    const p = await api(tok, `/1003/products/${id}`);
    expect(p.body).toMatchObject({ id, enabled: true });
    const missing = await api(tok, "/1003/products/1");
    expect(missing.status).toBe(404);
    expect(missing.body.errorCode).toBe("PRODUCT_NOT_FOUND");
    const upd = await api(tok, `/1003/products/${id}`, { method: "PUT", body: JSON.stringify({ price: 99.5, name: "Renamed" }) });
    expect(upd.body).toEqual({ updateCount: 1 });
    const after = await api(tok, `/1003/products/${id}`);
    expect(after.body).toMatchObject({ price: 99.5, name: "Renamed", sku: p.body.sku });
    expect((await api(tok, `/1003/products/${id}`, { method: "PUT", body: JSON.stringify({ price: "cheap" }) })).status).toBe(
      400,
    );
  });

  it("adjusts inventory by quantityDelta and leaves unlimited stock alone", async () => {
    const { access_token: tok } = await h.control.installEcwid(1003, ALL);
    const items = (await api(tok, "/1003/products")).body.items as any[];
    const counted = items.find((p) => !p.unlimited && p.quantity > 2);
    const unlimited = items.find((p) => p.unlimited);
    const r = await api(tok, `/1003/products/${counted.id}/inventory`, {
      method: "PUT",
      body: JSON.stringify({ quantityDelta: -2 }),
    });
    expect(r.body).toEqual({ updateCount: 1 });
    expect((await api(tok, `/1003/products/${counted.id}`)).body.quantity).toBe(counted.quantity - 2);
    await api(tok, `/1003/products/${counted.id}/inventory`, { method: "PUT", body: JSON.stringify({ quantityDelta: 5 }) });
    expect((await api(tok, `/1003/products/${counted.id}`)).body.quantity).toBe(counted.quantity + 3);
    const u = await api(tok, `/1003/products/${unlimited.id}/inventory`, {
      method: "PUT",
      body: JSON.stringify({ quantityDelta: -1 }),
    });
    expect(u.body.updateCount).toBe(1);
    expect(u.body.warning).toMatch(/unlimited/);
    const after = await api(tok, `/1003/products/${unlimited.id}`);
    expect(after.body.unlimited).toBe(true);
    expect(after.body).not.toHaveProperty("quantity");
    expect(
      (await api(tok, `/1003/products/${counted.id}/inventory`, { method: "PUT", body: JSON.stringify({ quantityDelta: 1.5 }) }))
        .status,
    ).toBe(400);
  });
});

describe("Ecwid orders", () => {
  it("searches by status and paginates", async () => {
    const { access_token: tok } = await h.control.installEcwid(1003, ALL);
    const all = await api(tok, "/1003/orders");
    expect(all.body.total).toBe(6);
    // Newer Ecwid string ids like "XJ12H".
    expect(all.body.items.every((o: any) => /^[A-Z]{2}\d{2}[A-Z]+$/.test(o.id))).toBe(true);
    const paid = await api(tok, "/1003/orders?paymentStatus=PAID");
    expect(paid.body.total).toBeGreaterThan(0);
    expect(paid.body.items.every((o: any) => o.paymentStatus === "PAID")).toBe(true);
    const multi = await api(tok, "/1003/orders?fulfillmentStatus=SHIPPED,DELIVERED");
    expect(multi.body.items.every((o: any) => ["SHIPPED", "DELIVERED"].includes(o.fulfillmentStatus))).toBe(true);
    expect((await api(tok, "/1003/orders?offset=2&limit=2")).body).toMatchObject({ count: 2, offset: 2, limit: 2, total: 6 });
    expect((await api(tok, "/1003/orders?paymentStatus=MAYBE")).status).toBe(400);
  });

  it("gets by string id, validates status enums on update", async () => {
    const { access_token: tok } = await h.control.installEcwid(1003, ALL);
    const first = (await api(tok, "/1003/orders")).body.items[0];
    expect(first.id).toMatch(/^[A-Z0-9]+$/);
    expect((await api(tok, `/1003/orders/${first.id}`)).body.id).toBe(first.id);
    const missing = await api(tok, "/1003/orders/NOPE1");
    expect(missing.status).toBe(404);
    expect(missing.body.errorCode).toBe("ORDER_NOT_FOUND");
    const bad = await api(tok, `/1003/orders/${first.id}`, {
      method: "PUT",
      body: JSON.stringify({ paymentStatus: "SORT_OF_PAID" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errorMessage).toMatch(/paymentStatus/);
    const ok = await api(tok, `/1003/orders/${first.id}`, {
      method: "PUT",
      body: JSON.stringify({ fulfillmentStatus: "DELIVERED" }),
    });
    expect(ok.body).toEqual({ updateCount: 1 });
    const after = await api(tok, `/1003/orders/${first.id}`);
    expect(after.body.fulfillmentStatus).toBe("DELIVERED");
    expect(after.body.paymentStatus).toBe(first.paymentStatus);
  });

  it("fires order.updated with data.orderId when the app has read_orders", async () => {
    const { access_token: tok } = await h.control.installEcwid(1003, ALL);
    const first = (await api(tok, "/1003/orders")).body.items[0];
    await api(tok, `/1003/orders/${first.id}`, { method: "PUT", body: JSON.stringify({ paymentStatus: "REFUNDED" }) });
    const req = await waitFor(() => h.app.requests.find((r) => r.url.includes("eventtype=order.updated")));
    const body = JSON.parse(req.body);
    expect(body.entityId).toBe(first.internalId);
    expect(body.data).toMatchObject({ orderId: first.id, newPaymentStatus: "REFUNDED", oldPaymentStatus: first.paymentStatus });
  });
});

describe("Ecwid app storage", () => {
  const asJson = { "content-type": "application/json" };
  it("stores values per key as the current docs say: JSON {value}, {success: true}, the documented 404", async () => {
    const { access_token: tok } = await h.control.installEcwid(1003, ALL);
    expect((await api(tok, "/1003/storage")).body).toEqual([]);
    const missing = await api(tok, "/1003/storage/settings");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: "OTHER", errorMessage: "Key not found" });
    const post = await api(tok, "/1003/storage/settings", {
      method: "POST",
      body: JSON.stringify({ value: '{"theme":"dark"}' }),
      headers: asJson,
    });
    expect(post.body).toEqual({ success: true });
    expect((await api(tok, "/1003/storage/settings")).body).toEqual({ key: "settings", value: '{"theme":"dark"}' });
    await api(tok, "/1003/storage/public", {
      method: "PUT",
      body: JSON.stringify({ value: "hello" }),
      headers: { "content-type": "text/json" },
    });
    expect((await api(tok, "/1003/storage")).body).toEqual([
      { key: "settings", value: '{"theme":"dark"}' },
      { key: "public", value: "hello" },
    ]);
    expect((await api(tok, "/1003/storage/settings", { method: "DELETE" })).body).toEqual({ success: true });
    expect((await api(tok, "/1003/storage/settings")).status).toBe(404);
    expect((await api(tok, "/1003/storage/settings", { method: "DELETE" })).status).toBe(404);
    const snapshot = await h.control.ecwidStore(1003);
    expect(snapshot.storage["storelink-sandbox"]).toEqual({ public: "hello" });
  });

  it("refuses other content types with 415 and writes without update_store_profile with 403", async () => {
    const { access_token: tok } = await h.control.installEcwid(1003, ALL);
    const plain = await api(tok, "/1003/storage/k", { method: "PUT", body: "raw", headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    const { access_token: readOnly } = await h.control.installEcwid(2048, ["read_catalog"]);
    expect(
      (await api(readOnly, "/2048/storage/k", { method: "PUT", body: JSON.stringify({ value: "v" }), headers: asJson })).status,
    ).toBe(403);
    expect((await api(readOnly, "/2048/storage/k")).status).toBe(404);
  });
});

describe("Ecwid token info", () => {
  it("GET /application/token answers the token's permissions; a public token is refused", async () => {
    const t = await h.control.installEcwid(1003, ["read_catalog", "public_storefront"]);
    const info = await api(t.access_token, "/1003/application/token");
    expect(info.status).toBe(200);
    expect([...info.body.permissions].sort()).toEqual(["public_storefront", "read_catalog", "read_store_profile"]);
    expect(info.body.expires).toBeNull();
    expect((await api(t.public_token!, "/1003/application/token")).status).toBe(403);
  });
});

describe("Ecwid application status and uninstall", () => {
  it("reports status; DELETE ?namespace uninstalls, revokes tokens and fires application.uninstalled", async () => {
    const t = await h.control.installEcwid(1003, ALL);
    const status = await api(t.access_token, "/1003/application");
    expect(status.body.subscriptionStatus).toBe("ACTIVE");
    expect((await api(t.access_token, "/1003/application", { method: "DELETE" })).status).toBe(400);
    const del = await api(t.access_token, "/1003/application?namespace=storelink-sandbox", { method: "DELETE" });
    expect(del.status).toBe(200);
    expect((await api(t.access_token, "/1003/profile")).body.errorCode).toBe("INVALID_API_TOKEN");
    expect((await api(t.public_token!, "/1003/products")).body.errorCode).toBe("INVALID_API_TOKEN");
    const hook = await waitFor(() => h.app.requests.find((r) => r.url.includes("eventtype=application.uninstalled")));
    const body = JSON.parse(hook.body);
    expect(body).toMatchObject({ storeId: 1003, entityId: "1003", eventType: "application.uninstalled" });
    expect((await h.control.ecwidStore(1003)).installation).toBeNull();
  });

  it("control revoke-tokens makes tokens invalid while the app stays installed", async () => {
    const t = await h.control.installEcwid(2048, ALL);
    expect((await h.control.revokeEcwidTokens(2048)).revoked).toBe(2);
    expect((await api(t.access_token, "/2048/profile")).body.errorCode).toBe("INVALID_API_TOKEN");
    expect((await h.control.ecwidStore(2048)).installation).not.toBeNull();
  });
});
