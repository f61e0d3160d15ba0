import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { bearer, expectProblem } from "../support/api-platform";
import {
  connectThroughUi,
  elasticPathUrl,
  mintDirect,
  sandbox,
  seedEpStore,
  type SeededEpStore,
} from "../support/elasticpath-fixtures";
import { installThroughOAuth } from "../support/ecwid-install";
import { freshEcwidStore, sandbox as ecwidSandbox } from "../support/ecwid-sandbox";
import { createTokenInUi } from "../support/stores-oauth2";
import { storageStatePath } from "../support/test-env";

// F2: a store's unified token must not manage the platform's credentials through the raw passthrough (an
// Elastic Path key's client_secret outlives the unified token and the connection). The passthrough reaches
// only each platform's data resources; read-only tokens reach no mutating endpoint. F8: the platform's
// status passes through as it is, 204 and 304 included.
test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStatePath("admin") });

let store: SeededEpStore;
let token = "";
let connectionId = "";
const auth = () => bearer(token);
const keyCount = async () => (await sandbox.elasticPathKeys(store.storeId)).length;

test.beforeAll(async ({ browser }) => {
  store = await seedEpStore({ productCount: 3 });
  const page = await browser.newPage({ storageState: storageStatePath("admin") });
  ({ connectionId, unifiedToken: token } = await connectThroughUi(page, store));
  await page.close();
});

test.describe("raw passthrough confinement @security", () => {
  test("Elastic Path application keys, tokens and settings are refused: nothing is created or deleted", async ({ request }) => {
    const before = await keyCount();
    const create = await request.post("/api/v1/raw/v2/application-keys", {
      headers: auth(),
      data: { data: { type: "application_key", name: "stolen" } },
    });
    const body = await expectProblem(create, 403, "raw_path_refused");
    expect(body.detail).toContain("/pcm/products");
    expect(await create.text()).not.toContain("client_secret");
    expect(await keyCount()).toBe(before);
    await expectProblem(await request.get("/api/v1/raw/v2/application-keys", { headers: auth() }), 403, "raw_path_refused");
    await expectProblem(
      await request.delete(`/api/v1/raw/v2/application-keys/${store.key.id}`, { headers: auth() }),
      403,
      "raw_path_refused",
    );
    expect((await sandbox.elasticPathKeys(store.storeId)).some((k) => k.id === store.key.id)).toBe(true);
    for (const path of [
      "/api/v1/raw/oauth/access_token",
      "/api/v1/raw/v2/settings",
      "/api/v1/raw/v2/authentication-realms",
      "/api/v1/raw/v2/gateways",
    ]) {
      await expectProblem(await request.post(path, { headers: auth(), data: {} }), 403, "raw_path_refused");
    }
    // Data resources still pass through.
    expect((await request.get("/api/v1/raw/catalog/products", { headers: auth() })).status()).toBeLessThan(500);
  });

  test("Ecwid app storage, the app subscription (uninstall) and profile updates are refused", async ({ request, browser }) => {
    const ecwid = await freshEcwidStore();
    const page = await browser.newPage({ storageState: storageStatePath("admin") });
    const installed = await installThroughOAuth(page, ecwid.name);
    await page.close();
    const h = bearer(installed.token);
    await expectProblem(await request.delete("/api/v1/raw/application", { headers: h }), 403, "raw_path_refused");
    await expectProblem(await request.get("/api/v1/raw/storage", { headers: h }), 403, "raw_path_refused");
    await expectProblem(
      await request.put("/api/v1/raw/profile", { headers: h, data: { settings: { storeName: "pwned" } } }),
      403,
      "raw_path_refused",
    );
    expect((await request.get("/api/v1/raw/profile", { headers: h })).status()).toBe(200);
    expect(((await ecwidSandbox.ecwidStore(ecwid.storeId)) as { installation: unknown }).installation).toBeTruthy();
  });

  test("a read-only token is refused every mutating endpoint and every non-GET raw call, and may read", async ({
    request,
    browser,
  }) => {
    const page = await browser.newPage({ storageState: storageStatePath("admin") });
    await page.goto(`/stores/${connectionId}`);
    const readOnly = await createTokenInUi(page, `read-only-${randomBytes(3).toString("hex")}`, "READ");
    await page.close();
    const h = bearer(readOnly);
    expect((await request.get("/api/v1/products", { headers: h })).status()).toBe(200);
    const refused = await request.post("/api/v1/products/x/stock", { headers: h, data: { delta: 1 } });
    await expectProblem(refused, 403, "insufficient_scope");
    expect(refused.headers()["www-authenticate"]).toContain("insufficient_scope");
    await expectProblem(
      await request.patch("/api/v1/orders/x", { headers: h, data: { paymentStatus: "PAID" } }),
      403,
      "insufficient_scope",
    );
    await expectProblem(await request.post("/api/v1/raw/v2/carts", { headers: h, data: {} }), 403, "insufficient_scope");
    expect((await request.get("/api/v1/raw/catalog/products", { headers: h })).status()).toBeLessThan(500);
  });

  test("the OpenAPI document lists the reachable resources and each operation's scope", async ({ request }) => {
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    const raw = doc.paths["/raw/{path}"].get;
    expect(raw.description).toContain("/v2/orders");
    expect(raw.description).not.toContain("/v2/application-keys`");
    expect(doc.paths["/products/{id}/stock"].post["x-required-scope"]).toBe("read_write");
    expect(doc.paths["/products"].get["x-required-scope"]).toBe("read");
  });
});

test.describe("raw passthrough status codes @security", () => {
  // Each status class the platform may answer, injected on a data resource with a tag no other test uses.
  for (const status of [200, 201, 204, 301, 304, 400, 404, 409, 422, 429, 500, 503]) {
    test(`a platform ${status} reaches the client as ${status}`, async ({ request }) => {
      const tag = randomBytes(4).toString("hex");
      await sandbox.addFault({
        host: "elasticpath",
        method: "GET",
        pathPattern: `passthrough=${tag}`,
        status,
        body: status === 204 || status === 304 ? undefined : { from: "platform", status },
        count: 4,
      });
      const response = await request.get(`/api/v1/raw/catalog/products?passthrough=${tag}`, { headers: auth(), maxRedirects: 0 });
      expect(response.status()).toBe(status);
      expect(response.headers()["x-upstream-status"]).toBe(String(status));
      if (status === 204 || status === 304) expect(await response.body()).toHaveLength(0);
      else expect(await response.json()).toMatchObject({ from: "platform", status });
    });
  }

  test("a DELETE the platform answers 204 is a 204 (the change happened: no 500 that invites a retry)", async ({ request }) => {
    const tag = randomBytes(4).toString("hex");
    await sandbox.addFault({ host: "elasticpath", method: "DELETE", pathPattern: `carts/cart-${tag}`, status: 204, count: 1 });
    const response = await request.delete(`/api/v1/raw/v2/carts/cart-${tag}`, { headers: auth() });
    expect(response.status()).toBe(204);
  });
});

test("direct tokens still work at Elastic Path (the test's own view of the store)", async () => {
  const direct = await mintDirect(store.key.client_id, store.key.client_secret);
  expect((await fetch(`${await elasticPathUrl()}/v2/application-keys`, { headers: bearer(direct) })).status).toBe(200);
});
