import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.reset());

describe("fault injection", () => {
  it("answers a status for `count` matching requests in the platform's error shape", async () => {
    const t = await h.control.installEcwid(1003);
    await h.control.addFault({ host: "ecwid-api", method: "GET", pathPattern: "/products", status: 503, count: 2 });
    const get = () =>
      fetch(`${h.sandbox.urls["ecwid-api"]}/api/v3/1003/products`, { headers: { authorization: `Bearer ${t.access_token}` } });
    const a = await get();
    expect(a.status).toBe(503);
    expect(((await a.json()) as any).errorCode).toBe("INTERNAL_ERROR");
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(200);
  });

  it("429 with Retry-After and a custom body", async () => {
    await h.control.addFault({ host: "elasticpath", pathPattern: "^/oauth/access_token$", status: 429, retryAfter: 7 });
    const res = await fetch(`${h.sandbox.urls.elasticpath}/oauth/access_token`, {
      method: "POST",
      body: "grant_type=implicit&client_id=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(((await res.json()) as any).errors[0].status).toBe("429");
    await h.control.addFault({ host: "oauth2", pathPattern: "/api/shop", status: 500, body: { custom: true } });
    const c = await fetch(`${h.sandbox.urls.oauth2}/api/shop`);
    expect(await c.json()).toEqual({ custom: true });
  });

  it("delays a request and then lets it through", async () => {
    await h.control.addFault({ host: "oauth2", pathPattern: "/api/shop", delayMs: 300 });
    const started = Date.now();
    const res = await fetch(`${h.sandbox.urls.oauth2}/api/shop`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(401); // the real handler answered (no token)
  });

  it("drops the connection", async () => {
    await h.control.addFault({ host: "ecwid-my", pathPattern: "/api/oauth/token", drop: true });
    await expect(fetch(`${h.sandbox.urls["ecwid-my"]}/api/oauth/token`, { method: "POST", body: "" })).rejects.toThrow();
    // Only once: the next call reaches the handler.
    expect((await fetch(`${h.sandbox.urls["ecwid-my"]}/api/oauth/token`, { method: "POST", body: "" })).status).toBe(400);
  });

  it("respects method filters and can be cleared", async () => {
    await h.control.addFault({ host: "oauth2", method: "POST", pathPattern: "/oauth/token", status: 502, count: 5 });
    expect((await fetch(`${h.sandbox.urls.oauth2}/api/shop`)).status).toBe(401);
    expect((await fetch(`${h.sandbox.urls.oauth2}/oauth/token`, { method: "POST" })).status).toBe(502);
    await h.control.clearFaults();
    expect((await fetch(`${h.sandbox.urls.oauth2}/oauth/token`, { method: "POST" })).status).toBe(401);
  });

  it("rejects invalid fault specs", async () => {
    await expect(h.control.addFault({ host: "nowhere" as never, pathPattern: "/" })).rejects.toThrow(/400/);
  });
});

describe("counters", () => {
  it("counts requests per host/method/route and token calls per client, including faulted ones", async () => {
    const keys = await h.control.elasticPathKeys("ep-demo-store");
    const k = keys[0]!;
    await h.control.addFault({ host: "elasticpath", pathPattern: "/oauth/access_token", status: 500 });
    const call = () =>
      fetch(`${h.sandbox.urls.elasticpath}/oauth/access_token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: k.clientId, client_secret: k.clientSecret }),
      });
    expect((await call()).status).toBe(500);
    expect((await call()).status).toBe(200);
    await fetch(`${h.sandbox.urls.oauth2}/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("oauth2-sandbox:wrong").toString("base64")}` },
    });
    await fetch(`${h.sandbox.urls["ecwid-api"]}/api/v3/1003/products/5`);
    await fetch(`${h.sandbox.urls["ecwid-api"]}/nope`);
    await fetch(`${h.sandbox.urls.oauth2}/oauth/token`);
    const c = await h.control.counters();
    expect(c.tokenRequests[k.clientId]).toBe(2);
    expect(c.tokenRequests["oauth2-sandbox"]).toBe(1);
    expect(c.requests["elasticpath POST /oauth/access_token"]).toBe(2);
    expect(c.requests["ecwid-api GET /api/v3/:storeId/products/:productId"]).toBe(1);
    expect(c.requests["ecwid-api GET (unmatched)"]).toBe(1);
    expect(c.requests["oauth2 GET /oauth/token (method not allowed)"]).toBe(1);
    // Per Ecwid store, so a test sharing the sandbox can count its own store's calls.
    expect(c.ecwidStoreRequests).toEqual({ "1003": 1 });
    await h.control.resetCounters();
    expect(await h.control.counters()).toEqual({ tokenRequests: {}, requests: {}, ecwidStoreRequests: {} });
  });
});

describe("control API", () => {
  it("seeds extra Ecwid stores and reports state; reset restores the default seed", async () => {
    const s = await h.control.createEcwidStore({ name: "QA Store", productCount: 3, orderCount: 1, products: undefined });
    expect(s.productIds).toHaveLength(3);
    const custom = await h.control.createEcwidStore({
      id: 7777,
      products: [{ name: "Only one", sku: "ONE", price: 5, quantity: 2 }],
      orderCount: 0,
    });
    expect(custom.storeId).toBe(7777);
    const snap = await h.control.ecwidStore(7777);
    expect(snap.products[0]).toMatchObject({ name: "Only one", sku: "ONE", quantity: 2, unlimited: false, inStock: true });
    const state = (await h.control.state()) as any;
    expect(state.ecwid.stores.map((x: any) => x.id)).toEqual([1003, 2048, s.storeId, 7777]);
    await h.control.reset();
    expect(((await h.control.state()) as any).ecwid.stores).toHaveLength(2);
  });

  it("seeds Elastic Path stores and OAuth2 clients", async () => {
    const ep = await h.control.createElasticPathStore({ id: "ep-qa", productCount: 2 });
    expect(ep.key.client_secret).toBeTruthy();
    const state = (await h.control.state()) as any;
    expect(state.elasticpath.stores.find((x: any) => x.id === "ep-qa").products).toBe(2);
  });
});
