// Elastic Path tokens through the lifecycle engine, against the in-process sandbox: one token request for
// 50 concurrent callers on an expired token, 401 → one re-mint + retry, rejected keys → NEEDS_REAUTH.
import {
  bindTestDatabase,
  insertConnection as insertAnyConnection,
  readStoredCredentials,
  setTestEnv,
} from "@/testing/lifecycle";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxControl } from "@/e2e/simulators/control-client";
import { startSandbox, type RunningSandbox } from "@/e2e/simulators/server";
import type { TestDatabase } from "@/testing/test-db";

const insertConnection = (
  client: Parameters<typeof insertAnyConnection>[0],
  input: { baseUrl: string; credentials: object; accessExpiresAt: Date; lastRefreshAt: Date },
) => insertAnyConnection(client, { platform: "ELASTICPATH", ...input });

let testDb: TestDatabase;

const sandbox: RunningSandbox = await startSandbox({ port: 0 });
const control = new SandboxControl(sandbox.urls.control);
setTestEnv({ ELASTICPATH_BASE_URLS: `sandbox=${sandbox.urls.elasticpath}` });
const { freshCredentials } = await import("@/lib/connections/fresh-credentials");
const { withElasticPath } = await import("@/lib/connections/elasticpath/session");
const { listCatalogProducts } = await import("@/lib/platforms/elasticpath/api");
const { elasticPathAdapter } = await import("@/lib/platforms/elasticpath/adapter");

type Creds = { clientId: string; clientSecret: string; accessToken: string };

beforeAll(async () => {
  testDb = await bindTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
  await sandbox?.close();
});
beforeEach(async () => {
  await control.clearFaults();
  await control.configureElasticPath({ tokenLifetimeSeconds: 3600 });
});

/** A fresh sandbox store and a connection to it whose stored token has already expired. */
async function expiredConnection(seed: { rateLimitPerSecond?: number } = {}) {
  const store = await control.createElasticPathStore({ rateLimitPerSecond: seed.rateLimitPerSecond ?? 1000 });
  const id = await insertConnection(testDb.db, {
    baseUrl: sandbox.urls.elasticpath,
    credentials: { clientId: store.key.client_id, clientSecret: store.key.client_secret, accessToken: "expired-token" },
    accessExpiresAt: new Date(Date.now() - 60_000),
    lastRefreshAt: new Date(Date.now() - 3_660_000),
  });
  return { id, store };
}

const tokenRequests = async (clientId: string) => (await control.counters()).tokenRequests[clientId] ?? 0;

describe("Elastic Path client_credentials tokens through freshCredentials", () => {
  it("50 concurrent callers on an expired token cause exactly one token request", async () => {
    const { id, store } = await expiredConnection();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? freshCredentials<Creds>(id).then((r) => (r.ok ? r.context.credentials.accessToken : `failed: ${r.reason}`))
          : withElasticPath(id, async (auth) => (await listCatalogProducts(auth, 0, 5), auth.token)),
      ),
    );
    expect(await tokenRequests(store.key.client_id)).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).not.toBe("expired-token");
    // Persisted (encrypted) before use, with the expiry Elastic Path gave.
    const stored = await readStoredCredentials<Creds>(testDb.db, id);
    expect(stored?.accessToken).toBe(results[0]);
    const row = await testDb.db.connection.findUniqueOrThrow({ where: { id } });
    expect(row.accessExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    expect(row.status).toBe("ACTIVE");
  });

  it("a token that keeps working is reused: no token request at all", async () => {
    const { id, store } = await expiredConnection();
    await freshCredentials(id);
    await Promise.all(Array.from({ length: 10 }, () => withElasticPath(id, (auth) => listCatalogProducts(auth, 0, 1))));
    expect(await tokenRequests(store.key.client_id)).toBe(1);
  });

  it("a 401 on a call re-mints once and retries once", async () => {
    const { id, store } = await expiredConnection();
    const first = await freshCredentials<Creds>(id);
    expect(first.ok).toBe(true);
    await control.addFault({ host: "elasticpath", pathPattern: `/catalog/products`, status: 401, count: 1 });
    const list = await withElasticPath(id, (auth) => listCatalogProducts(auth, 0, 3));
    expect(list.data).toHaveLength(3);
    expect(await tokenRequests(store.key.client_id)).toBe(2);
    const stored = await readStoredCredentials<Creds>(testDb.db, id);
    expect(stored?.accessToken).not.toBe(first.ok && first.context.credentials.accessToken);
  });

  it("a 401 that persists after the re-mint surfaces as unauthorized (no loop)", async () => {
    const { id, store } = await expiredConnection();
    await freshCredentials(id);
    await control.addFault({ host: "elasticpath", pathPattern: `/catalog/products`, status: 401, count: 5 });
    await expect(withElasticPath(id, (auth) => listCatalogProducts(auth, 0, 3))).rejects.toMatchObject({ kind: "unauthorized" });
    expect(await tokenRequests(store.key.client_id)).toBe(2);
  });

  it("renew() with rejected credentials marks the connection NEEDS_REAUTH", async () => {
    const store = await control.createElasticPathStore({});
    const id = await insertConnection(testDb.db, {
      baseUrl: sandbox.urls.elasticpath,
      credentials: { clientId: store.key.client_id, clientSecret: "wrong-secret", accessToken: "expired" },
      accessExpiresAt: new Date(Date.now() - 1000),
      lastRefreshAt: new Date(Date.now() - 3_601_000),
    });
    const result = await freshCredentials(id);
    expect(result).toMatchObject({ ok: false, reason: "needs_reauth" });
    expect((await testDb.db.connection.findUniqueOrThrow({ where: { id } })).status).toBe("NEEDS_REAUTH");
  });

  it("a token endpoint that is down leaves the connection DEGRADED with a backoff, not broken", async () => {
    const { id } = await expiredConnection();
    await control.addFault({ host: "elasticpath", pathPattern: "/oauth/access_token", status: 503, count: 1 });
    const result = await freshCredentials(id);
    expect(result).toMatchObject({ ok: false, reason: "unavailable" });
    const row = await testDb.db.connection.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("DEGRADED");
    expect(row.cooldownUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("the adapter maps the catalog to unified products and refuses what EP cannot serve", async () => {
    const { id } = await expiredConnection();
    const fresh = await freshCredentials<Creds>(id);
    if (!fresh.ok) throw new Error(fresh.message);
    const page = await elasticPathAdapter.listProducts(fresh.context, { limit: 10 });
    expect(page.items).toHaveLength(10);
    expect(page.nextCursor).toBe("10");
    expect(page.items[0]).toMatchObject({ enabled: true, stock: null });
    // PCM products priced from the price book in the default currency (USD, 2 decimal places) of the seed.
    expect(page.items[0]).toMatchObject({ price: 15, currency: "USD" });
    const next = await elasticPathAdapter.listProducts(fresh.context, { limit: 10, cursor: page.nextCursor! });
    expect(next.nextCursor).toBeNull();
    await expect(elasticPathAdapter.listOrders(fresh.context, { limit: 5 })).rejects.toMatchObject({ kind: "not_supported" });
    const raw = await elasticPathAdapter.raw(fresh.context, {
      method: "GET",
      path: "/v2/settings",
      query: new URLSearchParams(),
      body: null,
      contentType: null,
    });
    expect(raw.status).toBe(200);
    expect(JSON.parse(raw.body).meta).toEqual({ owner: "store" });
  });

  it("store and prices: the admin's name, the default currency of /v2/currencies, minor units by its decimal places", async () => {
    for (const [defaultCurrency, name, price] of [
      ["KWD", "Kuwait City shop", 4.505],
      ["JPY", "Osaka shop", 2250],
    ] as const) {
      const store = await control.createElasticPathStore({ rateLimitPerSecond: 1000, defaultCurrency });
      const id = await insertConnection(testDb.db, {
        baseUrl: sandbox.urls.elasticpath,
        credentials: { clientId: store.key.client_id, clientSecret: store.key.client_secret, accessToken: "expired-token" },
        accessExpiresAt: new Date(Date.now() - 60_000),
        lastRefreshAt: new Date(Date.now() - 3_660_000),
      });
      // What the connect action stores: Elastic Path's API has no store name for a key to read.
      await testDb.db.connection.update({ where: { id }, data: { metadata: { storeName: name } } });
      const fresh = await freshCredentials<Creds>(id);
      if (!fresh.ok) throw new Error(fresh.message);
      expect(await elasticPathAdapter.getStore(fresh.context)).toMatchObject({
        name,
        currency: defaultCurrency,
        platform: "ELASTICPATH",
      });
      const page = await elasticPathAdapter.listProducts(fresh.context, { limit: 1 });
      expect(page.items[0]).toMatchObject({ price, currency: defaultCurrency });
      expect((await elasticPathAdapter.getProduct(fresh.context, page.items[0]!.id)).price).toBe(price);
    }
  });
});
