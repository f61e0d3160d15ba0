import { randomBytes } from "node:crypto";
import { expect, test } from "./support/api-fixtures";
import { generateUnifiedToken } from "../lib/connections/unified-token-format";
import { bearer, expectProblem, expectRawRefused, PROBLEM_TYPE } from "./support/api-platform";
import { installThroughOAuth } from "./support/ecwid-install";
import { freshEcwidStore, sandbox } from "./support/ecwid-sandbox";
import { storageStatePath } from "./support/test-env";

// The unified API against an Ecwid store installed through the app's OAuth flow: every endpoint, the raw
// passthrough, problem+json errors, an upstream 429, and NEEDS_REAUTH once the store's tokens are revoked.
test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStatePath("admin") });

type SandboxProduct = { id: number; sku: string; name: string; quantity?: number; unlimited?: boolean; price?: number };
type SandboxOrder = { id: string; paymentStatus: string; fulfillmentStatus: string };

let store: Awaited<ReturnType<typeof freshEcwidStore>>;
let token = "";
let connectionId = "";
const auth = () => bearer(token);

const sandboxProducts = async () => (await sandbox.ecwidStore(store.storeId)).products as unknown as SandboxProduct[];
const sandboxOrders = async () => (await sandbox.ecwidStore(store.storeId)).orders as unknown as SandboxOrder[];

test.beforeAll(async ({ browser }) => {
  store = await freshEcwidStore();
  const page = await browser.newPage({ storageState: storageStatePath("admin") });
  ({ token, connectionId } = await installThroughOAuth(page, store.name));
  await page.close();
  expect(token).toMatch(/^slk_/);
  expect(connectionId).not.toBe("");
});

test.describe("unified API on Ecwid @ecwid", () => {
  test("GET /store answers the installed store in the unified shape @smoke", async ({ request }) => {
    const response = await request.get("/api/v1/store", { headers: auth() });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(await response.json()).toMatchObject({ id: String(store.storeId), name: store.name, platform: "ECWID" });
  });

  test("GET /products pages with limit + cursor through every product, and filters with q", async ({ request }) => {
    const seeded = await sandboxProducts();
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await request.get(`/api/v1/products?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, {
        headers: auth(),
      });
      expect(page.status()).toBe(200);
      const body = (await page.json()) as { items: { id: string }[]; total: number; nextCursor: string | null };
      expect(body.total).toBe(seeded.length);
      expect(body.items.length).toBeLessThanOrEqual(10);
      seen.push(...body.items.map((p) => p.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(seen.sort()).toEqual(seeded.map((p) => String(p.id)).sort());

    const target = seeded[3]!;
    const q = await (await request.get(`/api/v1/products?q=${encodeURIComponent(target.sku)}`, { headers: auth() })).json();
    expect(q.items.map((p: { id: string }) => p.id)).toContain(String(target.id));
    expect(q.items.every((p: { sku: string; name: string }) => `${p.sku} ${p.name}`.length > 0)).toBe(true);
    const none = await (await request.get("/api/v1/products?q=zz-no-such-product-zz", { headers: auth() })).json();
    expect(none).toEqual({ items: [], total: 0, nextCursor: null });

    const bad = await expectProblem(await request.get("/api/v1/products?limit=0", { headers: auth() }), 422, "validation_failed");
    expect(bad.errors?.[0]?.path).toBe("limit");
  });

  test("GET /products/{id} answers one product; unknown and malformed ids are problems", async ({ request }) => {
    const target = (await sandboxProducts())[0]!;
    const response = await request.get(`/api/v1/products/${target.id}`, { headers: auth() });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      id: String(target.id),
      sku: target.sku,
      name: target.name,
      stock: target.unlimited ? null : (target.quantity ?? null),
    });
    await expectProblem(await request.get("/api/v1/products/999999999", { headers: auth() }), 404, "not_found");
    const malformed = await request.get("/api/v1/products/not%20an%20id", { headers: auth() });
    expect([400, 404, 422]).toContain(malformed.status());
    expect(malformed.headers()["content-type"]).toContain("application/problem+json");
  });

  test("an Idempotency-Key makes a retried stock delta apply once, and a lost answer is never applied twice", async ({
    request,
  }) => {
    const target = (await sandboxProducts()).find((p) => !p.unlimited && typeof p.quantity === "number")!;
    const stockOf = async () => (await sandboxProducts()).find((p) => p.id === target.id)!.quantity!;
    const before = await stockOf();
    const send = (key: string, delta = 2) =>
      request.post(`/api/v1/products/${target.id}/stock`, { headers: { ...auth(), "idempotency-key": key }, data: { delta } });
    const key = `e2e-${randomBytes(6).toString("hex")}`;
    const first = await send(key);
    expect(first.status(), await first.text()).toBe(200);
    const replay = await send(key);
    expect(replay.status()).toBe(200);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    expect(await stockOf()).toBe(before + 2);
    await expectProblem(await send(key, 5), 422, "idempotency_key_reused");

    // The platform's answer is lost (the connection drops): a retry with that key is refused, not re-applied.
    const lost = `e2e-${randomBytes(6).toString("hex")}`;
    await sandbox.addFault({
      host: "ecwid-api",
      method: "PUT",
      pathPattern: `/api/v3/${store.storeId}/products/${target.id}/inventory`,
      drop: true,
      count: 1,
    });
    expect((await send(lost)).status()).toBeGreaterThanOrEqual(500);
    await expectProblem(await send(lost), 409, "idempotency_outcome_unknown");
    expect(await stockOf()).toBe(before + 2);
  });

  test("POST /products/{id}/stock applies the delta exactly once on the platform", async ({ request }) => {
    const target = (await sandboxProducts()).find((p) => !p.unlimited && typeof p.quantity === "number")!;
    expect(target, "a product with tracked stock").toBeTruthy();
    const before = target.quantity!;
    const response = await request.post(`/api/v1/products/${target.id}/stock`, { headers: auth(), data: { delta: 3 } });
    expect(response.status(), await response.text()).toBe(200);
    expect(await response.json()).toMatchObject({ id: String(target.id), stock: before + 3 });
    const after = (await sandboxProducts()).find((p) => p.id === target.id)!;
    expect(after.quantity).toBe(before + 3);

    // Invalid bodies change nothing.
    await expectProblem(
      await request.post(`/api/v1/products/${target.id}/stock`, { headers: auth(), data: { delta: 0 } }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await request.post(`/api/v1/products/${target.id}/stock`, { headers: auth(), data: { delta: 1.5 } }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await request.post(`/api/v1/products/${target.id}/stock`, { headers: auth(), data: { delta: 1, extra: true } }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await request.post(`/api/v1/products/${target.id}/stock`, {
        headers: { ...auth(), "content-type": "application/json" },
        data: Buffer.from("{delta:"),
      }),
      400,
      "invalid_request",
    );
    expect((await sandboxProducts()).find((p) => p.id === target.id)!.quantity).toBe(before + 3);
  });

  test("GET /orders lists every order and filters by payment and fulfillment status", async ({ request }) => {
    const orders = await sandboxOrders();
    const all = await (await request.get("/api/v1/orders?limit=100", { headers: auth() })).json();
    expect(all.total).toBe(orders.length);
    expect(all.items.map((o: { id: string }) => o.id).sort()).toEqual(orders.map((o) => o.id).sort());

    const pay = orders[0]!.paymentStatus;
    const byPay = await (await request.get(`/api/v1/orders?paymentStatus=${pay}`, { headers: auth() })).json();
    expect(byPay.total).toBe(orders.filter((o) => o.paymentStatus === pay).length);
    expect(byPay.items.every((o: { paymentStatus: string }) => o.paymentStatus === pay)).toBe(true);

    const ful = orders[0]!.fulfillmentStatus;
    const byFul = await (await request.get(`/api/v1/orders?fulfillmentStatus=${ful}&limit=1`, { headers: auth() })).json();
    const expected = orders.filter((o) => o.fulfillmentStatus === ful).length;
    expect(byFul.total).toBe(expected);
    expect(byFul.items).toHaveLength(1);
    expect(byFul.nextCursor === null).toBe(expected <= 1);

    await expectProblem(
      await request.get("/api/v1/orders?fulfillmentStatus=LOST", { headers: auth() }),
      422,
      "validation_failed",
    );
  });

  test("GET /orders/{id} and PATCH /orders/{id} change the order on the platform", async ({ request }) => {
    const order = (await sandboxOrders())[0]!;
    const got = await request.get(`/api/v1/orders/${order.id}`, { headers: auth() });
    expect(got.status()).toBe(200);
    expect(await got.json()).toMatchObject({
      id: order.id,
      paymentStatus: order.paymentStatus,
      fulfillmentStatus: order.fulfillmentStatus,
    });
    await expectProblem(await request.get("/api/v1/orders/NOPE404", { headers: auth() }), 404, "not_found");

    const next = order.fulfillmentStatus === "SHIPPED" ? "DELIVERED" : "SHIPPED";
    const patched = await request.patch(`/api/v1/orders/${order.id}`, { headers: auth(), data: { fulfillmentStatus: next } });
    expect(patched.status(), await patched.text()).toBe(200);
    expect(await patched.json()).toMatchObject({ id: order.id, fulfillmentStatus: next, paymentStatus: order.paymentStatus });
    expect((await sandboxOrders()).find((o) => o.id === order.id)).toMatchObject({
      fulfillmentStatus: next,
      paymentStatus: order.paymentStatus,
    });

    await expectProblem(
      await request.patch(`/api/v1/orders/${order.id}`, { headers: auth(), data: {} }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await request.patch(`/api/v1/orders/${order.id}`, { headers: auth(), data: { paymentStatus: "FREE" } }),
      422,
      "validation_failed",
    );
  });

  test("raw passthrough reaches this store's Ecwid API, and nothing else @security", async ({ request }) => {
    const profile = await request.get("/api/v1/raw/profile", { headers: auth() });
    expect(profile.status()).toBe(200);
    expect((await profile.json()).generalInfo?.storeId ?? (await profile.json()).storeId).toBe(store.storeId);
    const product = (await sandboxProducts())[1]!;
    const raw = await request.get(`/api/v1/raw/products/${product.id}`, { headers: auth() });
    expect(raw.status()).toBe(200);
    expect((await raw.json()).sku).toBe(product.sku);
    await expectRawRefused(token);
  });

  test("401 problems for a missing, malformed, unknown or foreign-scheme token @security", async ({ request }) => {
    for (const headers of [
      {} as Record<string, string>,
      { authorization: "Bearer" },
      { authorization: "Bearer slk_nope" },
      { authorization: `Basic ${token}` },
      { authorization: `Bearer ${generateUnifiedToken()}` },
      { authorization: `Bearer ${token}x` },
    ]) {
      const response = await request.get("/api/v1/products", { headers });
      await expectProblem(response, 401, "unauthorized");
      expect(response.headers()["www-authenticate"]).toContain("Bearer");
    }
  });

  test("an upstream 429 is passed on with its Retry-After, normalized and raw", async ({ request }) => {
    // Scoped to this store's path: parallel workers share the sandbox.
    await sandbox.addFault({
      host: "ecwid-api",
      method: "GET",
      pathPattern: `/api/v3/${store.storeId}/orders`,
      status: 429,
      retryAfter: 11,
      count: 1,
    });
    const normalized = await request.get("/api/v1/orders", { headers: auth() });
    const body = await expectProblem(normalized, 429, "upstream_rate_limited");
    expect(body.type).toBe(PROBLEM_TYPE("upstream_rate_limited"));
    expect(normalized.headers()["retry-after"]).toBe("11");
    await sandbox.addFault({
      host: "ecwid-api",
      method: "GET",
      pathPattern: `/api/v3/${store.storeId}/profile`,
      status: 429,
      retryAfter: 13,
      count: 1,
    });
    const raw = await request.get("/api/v1/raw/profile", { headers: auth() });
    expect(raw.status()).toBe(429);
    expect(raw.headers()["retry-after"]).toBe("13");
    // The fault was one-shot: the next call goes through.
    expect((await request.get("/api/v1/orders", { headers: auth() })).status()).toBe(200);
  });

  test("a short Retry-After on a read is waited out once; a second 429 is passed on (issue 16.10)", async ({ request }) => {
    await sandbox.addFault({
      host: "ecwid-api",
      method: "GET",
      pathPattern: `/api/v3/${store.storeId}/products`,
      status: 429,
      retryAfter: 1,
      count: 1,
    });
    expect((await request.get("/api/v1/products", { headers: auth() })).status()).toBe(200);
    await sandbox.addFault({
      host: "ecwid-api",
      method: "GET",
      pathPattern: `/api/v3/${store.storeId}/products`,
      status: 429,
      retryAfter: 1,
      count: 2,
    });
    const twice = await request.get("/api/v1/products", { headers: auth() });
    await expectProblem(twice, 429, "upstream_rate_limited");
    expect(twice.headers()["retry-after"]).toBe("1");
  });

  // Last: it leaves the store needing re-authorization.
  test("tokens revoked in Ecwid → the connection needs re-auth → 409 with the re-authorize URL @security", async ({
    request,
    page,
  }) => {
    expect((await sandbox.revokeEcwidTokens(store.storeId)).revoked).toBeGreaterThan(0);
    // The next call meets Ecwid's 403 INVALID_API_TOKEN: the API must mark the connection and say so at once.
    const immediate = await expectProblem(await request.get("/api/v1/store", { headers: auth() }), 409, "needs_reauth");
    expect(immediate.reauthorizeUrl).toContain(`/reauthorize/${connectionId}`);

    // The dashboard agrees, and a health check ("Check now") keeps it there.
    await page.goto(`/stores/${connectionId}`);
    const status = page.getByTestId("connection-status");
    await expect(status).toHaveText("Needs re-auth");
    await page.getByRole("button", { name: "Check now" }).click();
    await expect(status).toHaveText("Needs re-auth");
    const blocked = await request.get("/api/v1/products", { headers: auth() });
    const problem = await expectProblem(blocked, 409, "needs_reauth");
    expect(problem.reauthorizeUrl).toContain(`/reauthorize/${connectionId}`);
  });
});
