import { randomBytes, randomInt } from "node:crypto";
import { request as httpRequest } from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { apiBaseUrl, expect, test } from "./support/api-fixtures";
import { generateUnifiedToken } from "../lib/connections/unified-token-format";
import { generatedClient } from "./support/api-client";
import { validateOpenApiDocument } from "./support/api-openapi";
import { connectOAuth2Store, createTokenInUi, sandbox } from "./support/stores-oauth2";
import { storageStatePath } from "./support/test-env";

// The unified API against a store on the generic OAuth2 platform (sandbox provider).
test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStatePath("admin") });

let token = "";
let connectionId = "";
const auth = () => ({ authorization: `Bearer ${token}` });

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: storageStatePath("admin") });
  ({ token, connectionId } = await connectOAuth2Store(page, "lisbon"));
  await page.close();
});

async function expectProblem(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = (await response.json()) as { detail: string; errors: { path: string }[] } & Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `https://storelink.dev/problems/${code.replaceAll("_", "-")}` });
  expect(typeof body.title).toBe("string");
  return body;
}

test("GET /store answers the store in the unified shape with RateLimit headers @smoke", async ({ request }) => {
  const response = await request.get("/api/v1/store", { headers: auth() });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    id: "shop-lisbon-vintage",
    name: "Lisbon Vintage Market",
    platform: "OAUTH2",
    url: null,
    email: null,
    currency: null,
  });
  expect(response.headers()["ratelimit-policy"]).toMatch(/q=\d+;w=\d+/);
  expect(response.headers()["ratelimit"]).toMatch(/r=\d+;t=\d+/);
});

test("401 for a missing, malformed, unknown or revoked token @security", async ({ request, page }) => {
  await expectProblem(await request.get("/api/v1/store"), 401, "unauthorized");
  await expectProblem(await request.get("/api/v1/store", { headers: { authorization: "Bearer slk_nope" } }), 401, "unauthorized");
  await expectProblem(
    await request.get("/api/v1/store", { headers: { authorization: `Bearer ${generateUnifiedToken()}` } }),
    401,
    "unauthorized",
  );
  await page.goto(`/stores/${connectionId}`);
  // A name of its own: against a long-lived target, earlier runs' tokens are still listed on this store.
  const name = `to-revoke-${randomBytes(3).toString("hex")}`;
  const extra = await createTokenInUi(page, name);
  expect((await request.get("/api/v1/store", { headers: { authorization: `Bearer ${extra}` } })).status()).toBe(200);
  const row = page.getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: /^Revoke/ }).click();
  await page.getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  const revoked = await request.get("/api/v1/store", { headers: { authorization: `Bearer ${extra}` } });
  await expectProblem(revoked, 401, "unauthorized");
  expect(revoked.headers()["www-authenticate"]).toContain("Bearer");
});

test("GET /products filters with q and pages with limit + cursor", async ({ request }) => {
  const first = await (await request.get("/api/v1/products?limit=2", { headers: auth() })).json();
  expect(first.total).toBe(3);
  expect(first.items).toHaveLength(2);
  expect(first.nextCursor).toEqual(expect.any(String));
  const second = await (await request.get(`/api/v1/products?limit=2&cursor=${first.nextCursor}`, { headers: auth() })).json();
  expect(second.items.map((p: { id: string }) => p.id)).toEqual(["LV-3"]);
  expect(second.nextCursor).toBeNull();
  const q = await (await request.get("/api/v1/products?q=cork", { headers: auth() })).json();
  expect(q.items).toEqual([
    {
      id: "LV-2",
      sku: "LV-2",
      name: "Cork Tote",
      price: 29.5,
      currency: null,
      stock: 0,
      enabled: true,
      url: null,
      updatedAt: "2025-01-09T09:30:00Z",
    },
  ]);
  const bad = await expectProblem(await request.get("/api/v1/products?limit=500", { headers: auth() }), 422, "validation_failed");
  expect(bad.errors[0]?.path).toBe("limit");
});

test("GET /products/{id}, and 404 for an unknown one", async ({ request }) => {
  expect(await (await request.get("/api/v1/products/LV-1", { headers: auth() })).json()).toMatchObject({
    id: "LV-1",
    name: "Azulejo Tile Set",
    price: 42,
    stock: 12,
  });
  await expectProblem(await request.get("/api/v1/products/NOPE", { headers: auth() }), 404, "not_found");
});

test("POST /products/{id}/stock validates its body, then answers 501 where the platform cannot", async ({ request }) => {
  await expectProblem(
    await request.post("/api/v1/products/LV-1/stock", { headers: auth(), data: { delta: "many" } }),
    422,
    "validation_failed",
  );
  await expectProblem(
    await request.post("/api/v1/products/LV-1/stock", {
      headers: { ...auth(), "content-type": "application/json" },
      data: Buffer.from("{not json"),
    }),
    400,
    "invalid_request",
  );
  const body = await expectProblem(
    await request.post("/api/v1/products/LV-1/stock", { headers: auth(), data: { delta: 2 } }),
    501,
    "not_supported",
  );
  expect(body.detail).toContain("cannot change stock");
});

test("GET /orders filters by payment and fulfillment status", async ({ request }) => {
  const all = await (await request.get("/api/v1/orders", { headers: auth() })).json();
  expect(all.items.map((o: { id: string }) => o.id)).toEqual(["LV-O-1", "LV-O-2"]);
  const shipped = await (await request.get("/api/v1/orders?fulfillmentStatus=SHIPPED", { headers: auth() })).json();
  expect(shipped.items).toHaveLength(1);
  expect(shipped.items[0]).toMatchObject({ id: "LV-O-2", paymentStatus: "PAID", fulfillmentStatus: "SHIPPED", total: 36 });
  const paid = await (await request.get("/api/v1/orders?paymentStatus=PAID&limit=1", { headers: auth() })).json();
  expect(paid).toMatchObject({ total: 2, nextCursor: expect.any(String) });
  await expectProblem(await request.get("/api/v1/orders?paymentStatus=MAYBE", { headers: auth() }), 422, "validation_failed");
});

test("GET /orders/{id} and PATCH /orders/{id} (501 on this platform)", async ({ request }) => {
  expect(await (await request.get("/api/v1/orders/LV-O-1", { headers: auth() })).json()).toMatchObject({
    id: "LV-O-1",
    paymentStatus: "PAID",
  });
  await expectProblem(await request.get("/api/v1/orders/LV-O-9", { headers: auth() }), 404, "not_found");
  await expectProblem(await request.patch("/api/v1/orders/LV-O-1", { headers: auth(), data: {} }), 422, "validation_failed");
  await expectProblem(
    await request.patch("/api/v1/orders/LV-O-1", { headers: auth(), data: { fulfillmentStatus: "SHIPPED" } }),
    501,
    "not_supported",
  );
});

/** Sends a path byte-for-byte (fetch clients normalise dot segments and backslashes away). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const url = new URL(apiBaseUrl());
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method: "GET", headers: { authorization: `Bearer ${token}` } },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

test("raw passthrough reaches the platform API with credentials, and nothing else @security", async ({ request }) => {
  const shop = await request.get("/api/v1/raw/api/shop", { headers: auth() });
  expect(shop.status()).toBe(200);
  expect(await shop.json()).toEqual({ id: "shop-lisbon-vintage", name: "Lisbon Vintage Market" });
  // Counted before and after (never reset: other workers' tests count too). Only this test sends a GET to the
  // token endpoint; the app's own token calls are POSTs.
  const tokenGets = async () =>
    Object.entries((await sandbox().counters()).requests)
      .filter(([key]) => key.startsWith("oauth2 GET /oauth/token"))
      .reduce((sum, [, count]) => sum + count, 0);
  const before = await tokenGets();
  for (const path of [
    "/api/v1/raw/api/%2e%2e/oauth/token",
    "/api/v1/raw/api/%2E%2E%2Foauth%2Ftoken",
    "/api/v1/raw/api\\..\\oauth\\token",
    "/api/v1/raw//evil.example/x",
    "/api/v1/raw/http://evil.example/",
    "/api/v1/raw/https:%2F%2Fevil.example",
    "/api/v1/raw/api/%252e%252e/oauth/token",
    "/api/v1/raw/oauth/token",
  ]) {
    const { status } = await rawGet(path);
    // Refused (4xx) or redirected away by Next's own path normalisation (3xx): never passed through, never a 5xx.
    expect(status, path).toBeGreaterThanOrEqual(300);
    expect(status, path).toBeLessThan(500);
  }
  expect(await tokenGets()).toBe(before);
});

test("an upstream 429 is passed on with its Retry-After (normalized and raw)", async ({ request }) => {
  // The provider's paths name no shop, and this file runs in two projects at once (and beside other OAuth2
  // specs): each fault matches a query only this call sends (an instant of its own, a probe tag).
  const since = new Date(Date.UTC(2001, 0, 1) + randomInt(1e9)).toISOString();
  await sandbox().addFault({
    host: "oauth2",
    method: "GET",
    pathPattern: `updated_since=${encodeURIComponent(since)}`,
    status: 429,
    retryAfter: 7,
    count: 1,
  });
  const normalized = await request.get(`/api/v1/products?updatedSince=${since}`, { headers: auth() });
  await expectProblem(normalized, 429, "upstream_rate_limited");
  expect(normalized.headers()["retry-after"]).toBe("7");
  const probe = randomBytes(4).toString("hex");
  await sandbox().addFault({
    host: "oauth2",
    method: "GET",
    pathPattern: `probe=${probe}`,
    status: 429,
    retryAfter: 9,
    count: 1,
  });
  const raw = await request.get(`/api/v1/raw/api/orders?probe=${probe}`, { headers: auth() });
  expect(raw.status()).toBe(429);
  expect(raw.headers()["retry-after"]).toBe("9");
});

test("the per-token rate limit answers 429 with Retry-After and RateLimit headers", async ({ request, page }) => {
  await page.goto(`/stores/${connectionId}`);
  const burst = await createTokenInUi(page, "burst");
  // All at once, so the bucket's refill (a few per second) cannot keep up on a slow machine.
  const responses = await Promise.all(
    Array.from({ length: 160 }, () => request.get("/api/v1/store", { headers: { authorization: `Bearer ${burst}` } })),
  );
  const statuses = responses.map((r) => r.status());
  const limited = responses.find((r) => r.status() === 429);
  expect(limited, `statuses: ${[...new Set(statuses)].join(",")}`).toBeDefined();
  const body = await expectProblem(limited!, 429, "rate_limited");
  expect(body.detail).toContain("requests");
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(limited!.headers()["ratelimit-remaining"]).toBe("0");
  // Another token of the same store is not affected.
  expect((await request.get("/api/v1/store", { headers: auth() })).status()).toBe(200);
});

test("the OpenAPI 3.1 document is valid and a client generated from it works", async ({ request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(await validateOpenApiDocument(doc)).toEqual([]);
  expect(doc.openapi).toBe("3.1.0");
  const client = await generatedClient(request, token);
  expect(client.operations).toEqual(
    expect.arrayContaining(["getStore", "listProducts", "getProduct", "adjustStock", "listOrders", "getOrder", "updateOrder"]),
  );
  expect((await (await client.call("getStore")).json()).name).toBe("Lisbon Vintage Market");
  expect((await (await client.call("listProducts", { q: "sardine", limit: 5 })).json()).items[0].id).toBe("LV-3");
  expect((await (await client.call("getOrder", { id: "LV-O-2" })).json()).fulfillmentStatus).toBe("SHIPPED");
  expect((await client.call("updateOrder", { id: "LV-O-2" }, { paymentStatus: "PAID" })).status()).toBe(501);
});

test("the API docs page lists every endpoint and problem type @a11y", async ({ page }) => {
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "Unified API" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Endpoints" })).toContainText("/api/v1/products/{id}/stock");
  await expect(page.locator("#problem-needs-reauth")).toContainText("409");
});
