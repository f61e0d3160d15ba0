import { randomBytes, randomInt } from "node:crypto";
import { expect, test } from "./support/api-fixtures";
import { generateUnifiedToken } from "../lib/connections/unified-token-format";
import { bearer, expectProblem, expectRawRefused } from "./support/api-platform";
import {
  connectThroughUi,
  elasticPathUrl,
  mintDirect,
  sandbox,
  seedEpStore,
  type SeededEpStore,
} from "./support/elasticpath-fixtures";
import { createTokenInUi } from "./support/stores-oauth2";
import { storageStatePath } from "./support/test-env";

// The unified API against an Elastic Path store connected through the app's form: every endpoint in the
// same shapes as Ecwid, 501 problems where Elastic Path cannot do something, raw passthrough, errors.
test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStatePath("admin") });

type CatalogProduct = { id: string; attributes: { sku?: string; name: string } };
type Price = { attributes: { sku: string; currencies: Record<string, { amount: number }> } };

let store: SeededEpStore;
let token = "";
let connectionId = "";
let catalog: CatalogProduct[] = [];
let prices: Price[] = [];
let baseUrl = "";
const auth = () => bearer(token);

test.beforeAll(async ({ browser }) => {
  store = await seedEpStore({ productCount: 7 });
  const page = await browser.newPage({ storageState: storageStatePath("admin") });
  ({ connectionId, unifiedToken: token } = await connectThroughUi(page, store));
  await page.close();
  expect(token).toMatch(/^slk_/);
  // The unified API lists the admin's products (PCM), priced from the price book.
  const direct = await mintDirect(store.key.client_id, store.key.client_secret);
  baseUrl = await elasticPathUrl();
  const res = await fetch(`${baseUrl}/pcm/products?page[limit]=100`, { headers: bearer(direct) });
  catalog = ((await res.json()) as { data: CatalogProduct[] }).data;
  expect(catalog).toHaveLength(7);
  prices = (
    (await (await fetch(`${baseUrl}/pcm/pricebooks/prices?page[limit]=100`, { headers: bearer(direct) })).json()) as {
      data: Price[];
    }
  ).data;
});

test.describe("unified API on Elastic Path @elasticpath", () => {
  test("GET /store answers the store in the unified shape @smoke", async ({ request }) => {
    // Elastic Path names no store to a key: the id is base URL + client_id, the name the admin's, the
    // currency the default of GET /v2/currencies.
    const response = await request.get("/api/v1/store", { headers: auth() });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      id: `${baseUrl}#${store.key.client_id}`,
      name: store.name,
      platform: "ELASTICPATH",
      url: null,
      email: null,
      currency: "USD",
    });
  });

  test("GET /products pages with limit + cursor through the catalog; q is a 501 problem", async ({ request }) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await request.get(`/api/v1/products?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, {
        headers: auth(),
      });
      expect(page.status()).toBe(200);
      const body = (await page.json()) as { items: { id: string; stock: unknown }[]; total: number; nextCursor: string | null };
      expect(body.total).toBe(7);
      expect(body.items.length).toBeLessThanOrEqual(3);
      expect(body.items.every((p) => p.stock === null)).toBe(true);
      seen.push(...body.items.map((p) => p.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(catalog.map((p) => p.id));
    const q = await expectProblem(
      await request.get(`/api/v1/products?q=${encodeURIComponent(catalog[0]!.attributes.name)}`, { headers: auth() }),
      501,
      "not_supported",
    );
    expect(q.detail).toContain("omit q");
    await expectProblem(await request.get("/api/v1/products?limit=101", { headers: auth() }), 422, "validation_failed");
  });

  test("GET /products/{id} answers one product, priced in the default currency's minor units; an unknown one is 404", async ({
    request,
  }) => {
    const target = catalog[2]!;
    const cents = prices.find((p) => p.attributes.sku === target.attributes.sku)!.attributes.currencies.USD!.amount;
    const response = await request.get(`/api/v1/products/${target.id}`, { headers: auth() });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      id: target.id,
      name: target.attributes.name,
      sku: target.attributes.sku ?? null,
      stock: null,
      price: cents / 100,
      currency: "USD",
    });
    await expectProblem(
      await request.get("/api/v1/products/00000000-0000-4000-8000-000000000000", { headers: auth() }),
      404,
      "not_found",
    );
  });

  test("POST /products/{id}/stock validates, then answers 501 not_supported", async ({ request }) => {
    const id = catalog[0]!.id;
    await expectProblem(
      await request.post(`/api/v1/products/${id}/stock`, { headers: auth(), data: { delta: "1" } }),
      422,
      "validation_failed",
    );
    const body = await expectProblem(
      await request.post(`/api/v1/products/${id}/stock`, { headers: auth(), data: { delta: 1 } }),
      501,
      "not_supported",
    );
    expect(body.detail).toContain("Elastic Path");
  });

  test("GET /customers lists the store's customers (no password), pages, filters by email; /customers/{id} reads one", async ({
    request,
  }) => {
    const made = [];
    for (const who of ["ana", "bea", "cai"]) {
      made.push(
        await sandbox.createElasticPathCustomer(store.storeId, {
          name: `Shopper ${who}`,
          email: `${who}-${store.storeId}@example.com`,
          password: "pw-123456",
        }),
      );
    }
    const first = await (await request.get("/api/v1/customers?limit=2", { headers: auth() })).json();
    expect(first).toMatchObject({ total: 3, nextCursor: expect.any(String) });
    expect(first.items).toHaveLength(2);
    const rest = await (await request.get(`/api/v1/customers?limit=2&cursor=${first.nextCursor}`, { headers: auth() })).json();
    expect([...first.items, ...rest.items].map((c: { email: string }) => c.email).sort()).toEqual(
      made.map((c) => c.email).sort(),
    );
    expect(JSON.stringify(first)).not.toContain("password");
    const byEmail = await (
      await request.get(`/api/v1/customers?email=${encodeURIComponent(made[1]!.email.toUpperCase())}`, { headers: auth() })
    ).json();
    expect(byEmail.items).toEqual([expect.objectContaining({ id: made[1]!.id, name: "Shopper bea", email: made[1]!.email })]);
    expect(await (await request.get(`/api/v1/customers/${made[0]!.id}`, { headers: auth() })).json()).toMatchObject({
      id: made[0]!.id,
      name: "Shopper ana",
    });
    await expectProblem(
      await request.get("/api/v1/customers/00000000-0000-4000-8000-000000000000", { headers: auth() }),
      404,
      "not_found",
    );
    await expectProblem(await request.get("/api/v1/customers?q=ana", { headers: auth() }), 501, "not_supported");
  });

  test("orders: list (with status filters), get and patch are 501 problems", async ({ request }) => {
    await expectProblem(await request.get("/api/v1/orders", { headers: auth() }), 501, "not_supported");
    await expectProblem(
      await request.get("/api/v1/orders?paymentStatus=PAID&fulfillmentStatus=SHIPPED", { headers: auth() }),
      501,
      "not_supported",
    );
    await expectProblem(await request.get("/api/v1/orders?paymentStatus=NOPE", { headers: auth() }), 422, "validation_failed");
    await expectProblem(await request.get("/api/v1/orders/ord-1", { headers: auth() }), 501, "not_supported");
    await expectProblem(
      await request.patch("/api/v1/orders/ord-1", { headers: auth(), data: { paymentStatus: "PAID" } }),
      501,
      "not_supported",
    );
    await expectProblem(
      await request.patch("/api/v1/orders/ord-1", { headers: auth(), data: { colour: "red" } }),
      422,
      "validation_failed",
    );
  });

  test("raw passthrough reaches this store's Elastic Path data resources, and nothing else @security", async ({ request }) => {
    // Settings are not a data resource (e2e/security/raw-passthrough.spec.ts covers keys and tokens).
    await expectProblem(await request.get("/api/v1/raw/v2/settings", { headers: auth() }), 403, "raw_path_refused");
    const product = await request.get(`/api/v1/raw/catalog/products/${catalog[1]!.id}`, { headers: auth() });
    expect(product.status()).toBe(200);
    expect((await product.json()).data.id).toBe(catalog[1]!.id);
    await expectRawRefused(token);
  });

  test("an upstream 429 is passed on with its Retry-After, normalized and raw", async ({ request }) => {
    // Elastic Path paths carry no store id: scope each fault by an offset (or a tag) no other test uses. The
    // transport honours 429 by retrying up to 3 times, so the fault covers all 4 attempts.
    const offset = randomInt(1000, 9999);
    await sandbox.addFault({
      host: "elasticpath",
      method: "GET",
      pathPattern: `offset(%5D|\\])=${offset}(&|$)`,
      status: 429,
      retryAfter: 1,
      count: 4,
    });
    const normalized = await request.get(`/api/v1/products?cursor=${offset}`, { headers: auth() });
    await expectProblem(normalized, 429, "upstream_rate_limited");
    expect(normalized.headers()["retry-after"]).toBe("1");
    const tag = `e2e-${store.storeId}`;
    await sandbox.addFault({ host: "elasticpath", method: "GET", pathPattern: tag, status: 429, retryAfter: 2, count: 4 });
    const raw = await request.get(`/api/v1/raw/catalog/products?tag=${tag}`, { headers: auth() });
    expect(raw.status()).toBe(429);
    expect(raw.headers()["retry-after"]).toBe("2");
  });

  test("401 problems for a missing, malformed, unknown or revoked token @security", async ({ request, page }) => {
    for (const headers of [
      {} as Record<string, string>,
      { authorization: "Bearer " },
      { authorization: "Bearer slk_" },
      { authorization: `bearer ${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}` },
      { authorization: `Bearer ${generateUnifiedToken()}` },
    ]) {
      const response = await request.get("/api/v1/store", { headers });
      await expectProblem(response, 401, "unauthorized");
    }
    await page.goto(`/stores/${connectionId}`);
    const name = `ep-to-revoke-${randomBytes(3).toString("hex")}`; // unique on a long-lived target too
    const extra = await createTokenInUi(page, name);
    expect((await request.get("/api/v1/store", { headers: bearer(extra) })).status()).toBe(200);
    const row = page.getByRole("row").filter({ hasText: name });
    await row.getByRole("button", { name: /^Revoke/ }).click();
    await page.getByRole("button", { name: "Revoke token" }).click();
    await expect(row).toContainText("Revoked");
    await expectProblem(await request.get("/api/v1/products", { headers: bearer(extra) }), 401, "unauthorized");
    expect((await request.get("/api/v1/store", { headers: auth() })).status()).toBe(200);
  });
});
