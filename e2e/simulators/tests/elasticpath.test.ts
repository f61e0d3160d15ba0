import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { form, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.reset());

interface Creds {
  client_id: string;
  client_secret: string;
}

async function defaultCreds(storeId = "ep-demo-store"): Promise<Creds> {
  const keys = await h.control.elasticPathKeys(storeId);
  return { client_id: keys[0]!.clientId, client_secret: keys[0]!.clientSecret };
}

async function token(body: Record<string, string>) {
  const res = await fetch(`${h.sandbox.urls.elasticpath}/oauth/access_token`, form(body));
  return { status: res.status, body: (await res.json()) as any };
}

async function ep(tok: string | null, path: string, init: RequestInit = {}) {
  const res = await fetch(`${h.sandbox.urls.elasticpath}${path}`, {
    ...init,
    headers: { ...(tok ? { authorization: `Bearer ${tok}` } : {}), ...(init.body ? { "content-type": "application/json" } : {}) },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as any) : null, headers: res.headers };
}

async function adminToken(creds?: Creds): Promise<string> {
  const c = creds ?? (await defaultCreds());
  return (await token({ grant_type: "client_credentials", ...c })).body.access_token;
}

const keyBody = (name: unknown, reserved?: number) =>
  JSON.stringify({
    data: { type: "application_key", name, ...(reserved !== undefined ? { reserved_rate_limit: reserved } : {}) },
  });

describe("Elastic Path tokens", () => {
  it("seeds deterministic credentials", async () => {
    const a = await defaultCreds();
    await h.reset();
    expect(await defaultCreds()).toEqual(a);
    expect(a.client_id).toMatch(/^[0-9a-f]{40}$/);
  });

  it("client_credentials and implicit grants return the SDK's top-level fields", async () => {
    const c = await defaultCreds();
    const cc = await token({ grant_type: "client_credentials", ...c });
    expect(cc.status).toBe(200);
    expect(cc.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, identifier: "client_credentials" });
    expect(Math.abs(cc.body.expires - (Date.now() / 1000 + 3600))).toBeLessThan(5);
    const imp = await token({ grant_type: "implicit", client_id: c.client_id });
    expect(imp.body.identifier).toBe("implicit");
    expect(imp.body.access_token).not.toBe(cc.body.access_token);
  });

  it("rejects bad credentials with 401 and bad grants with 400", async () => {
    const c = await defaultCreds();
    const bad = await token({ grant_type: "client_credentials", client_id: c.client_id, client_secret: "nope" });
    expect(bad.status).toBe(401);
    expect(bad.body.errors[0]).toMatchObject({ title: "Unauthorized", status: "401" });
    expect((await token({ grant_type: "implicit", client_id: "unknown" })).status).toBe(401);
    expect((await token({ grant_type: "password", client_id: c.client_id })).status).toBe(400);
  });

  it("honours a configurable lifetime and expires tokens", async () => {
    await h.control.configureElasticPath({ tokenLifetimeSeconds: 1 });
    const t = await token({ grant_type: "client_credentials", ...(await defaultCreds()) });
    expect(t.body.expires_in).toBe(1);
    expect((await ep(t.body.access_token, "/v2/application-keys")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await ep(t.body.access_token, "/v2/application-keys");
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].detail).toBe("Unable to validate access token");
  });

  it("a store's own lifetime applies to that store's keys only", async () => {
    const short = await h.control.createElasticPathStore({ tokenLifetimeSeconds: 2 });
    const own = await token({
      grant_type: "client_credentials",
      client_id: short.key.client_id,
      client_secret: short.key.client_secret,
    });
    expect(own.body.expires_in).toBe(2);
    const other = await token({ grant_type: "client_credentials", ...(await defaultCreds()) });
    expect(other.body.expires_in).toBe(3600);
  });

  it("updates last_used_at when a token is minted from a key", async () => {
    expect((await h.control.elasticPathKeys("ep-demo-store"))[0]!.lastUsedAt).toBeNull();
    await adminToken();
    expect((await h.control.elasticPathKeys("ep-demo-store"))[0]!.lastUsedAt).toMatch(/^\d{4}-/);
  });
});

describe("Elastic Path application keys", () => {
  it("lists with pagination, links and meta", async () => {
    const tok = await adminToken();
    for (let i = 0; i < 4; i++)
      expect((await ep(tok, "/v2/application-keys", { method: "POST", body: keyBody(`Key ${i}`) })).status).toBe(201);
    const p1 = await ep(tok, "/v2/application-keys?page[offset]=0&page[limit]=2");
    expect(p1.body.data).toHaveLength(2);
    expect(p1.body.meta).toMatchObject({
      page: { limit: 2, offset: 0, current: 1, total: 3 },
      results: { total: 5 },
      total_reserved_rate_limit: 0,
    });
    expect(p1.body.links.next).toContain("page[offset]=2");
    expect(p1.body.links.prev).toBeNull();
    expect(p1.body.data[0]).not.toHaveProperty("client_secret");
    expect(p1.body.data[0].meta.timestamps).toHaveProperty("last_used_at");
    const p3 = await ep(tok, "/v2/application-keys?page[offset]=4&page[limit]=2");
    expect(p3.body.data).toHaveLength(1);
    expect(p3.body.links.next).toBeNull();
    expect((await ep(tok, "/v2/application-keys?page[limit]=101")).status).toBe(400);
  });

  it("creates (201, secret only here), gets, renames and deletes keys", async () => {
    const tok = await adminToken();
    const created = await ep(tok, "/v2/application-keys", { method: "POST", body: keyBody("Storefront", 10) });
    expect(created.status).toBe(201);
    const k = created.body.data;
    expect(k).toMatchObject({ type: "application_key", name: "Storefront", reserved_rate_limit: 10 });
    expect(k.client_secret).toMatch(/^[0-9a-f]{40}$/);
    const got = await ep(tok, `/v2/application-keys/${k.id}`);
    expect(got.body.data.client_id).toBe(k.client_id);
    expect(got.body.data).not.toHaveProperty("client_secret");
    const renamed = await ep(tok, `/v2/application-keys/${k.id}`, { method: "PUT", body: keyBody("Renamed") });
    expect(renamed.body.data).toMatchObject({ name: "Renamed", reserved_rate_limit: 10 });
    expect((await ep(tok, `/v2/application-keys/${k.id}`, { method: "DELETE" })).status).toBe(204);
    const gone = await ep(tok, `/v2/application-keys/${k.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.errors[0].detail).toBe("application key not found");
    // The new key's credentials work until deletion.
  });

  it("validates name and reserved_rate_limit", async () => {
    const tok = await adminToken();
    expect((await ep(tok, "/v2/application-keys", { method: "POST", body: keyBody(undefined) })).body.errors[0].detail).toBe(
      "The field 'name' is required.",
    );
    expect((await ep(tok, "/v2/application-keys", { method: "POST", body: keyBody("x".repeat(256)) })).status).toBe(400);
    expect((await ep(tok, "/v2/application-keys", { method: "POST", body: keyBody("ok", -1) })).status).toBe(400);
    expect(
      (await ep(tok, "/v2/application-keys", { method: "POST", body: JSON.stringify({ data: { name: "no type" } }) })).status,
    ).toBe(400);
  });

  it("409s when reservations would exceed the store maximum (create and update)", async () => {
    const tok = await adminToken();
    const a = (await ep(tok, "/v2/application-keys", { method: "POST", body: keyBody("A", 60) })).body.data;
    const over = await ep(tok, "/v2/application-keys", { method: "POST", body: keyBody("B", 41) });
    expect(over.status).toBe(409);
    expect(over.body.errors[0]).toEqual({
      title: "Conflict",
      status: "409",
      detail: "requested reserved rate limit will exceed the maximum",
    });
    const b = (await ep(tok, "/v2/application-keys", { method: "POST", body: keyBody("B", 40) })).body.data;
    expect((await ep(tok, `/v2/application-keys/${b.id}`, { method: "PUT", body: keyBody(undefined, 41) })).status).toBe(409);
    expect((await ep(tok, `/v2/application-keys/${a.id}`, { method: "PUT", body: keyBody(undefined, 50) })).status).toBe(200);
    expect((await ep(tok, "/v2/application-keys")).body.meta.total_reserved_rate_limit).toBe(90);
  });

  it("refuses implicit tokens (403) and missing tokens (401)", async () => {
    const c = await defaultCreds();
    const imp = (await token({ grant_type: "implicit", client_id: c.client_id })).body.access_token;
    const r = await ep(imp, "/v2/application-keys");
    expect(r.status).toBe(403);
    expect(r.body.errors[0]).toMatchObject({ title: "Forbidden", status: "403" });
    expect((await ep(imp, "/v2/settings")).status).toBe(403);
    expect((await ep(null, "/v2/application-keys")).status).toBe(401);
    expect((await ep("garbage", "/v2/application-keys")).status).toBe(401);
  });

  it("deleting a key invalidates tokens minted from it (via API and behind the app's back)", async () => {
    const tok = await adminToken();
    const k = (await ep(tok, "/v2/application-keys", { method: "POST", body: keyBody("Temp") })).body.data;
    const kTok = await adminToken({ client_id: k.client_id, client_secret: k.client_secret });
    expect((await ep(kTok, "/v2/settings")).status).toBe(200);
    await ep(tok, `/v2/application-keys/${k.id}`, { method: "DELETE" });
    expect((await ep(kTok, "/v2/settings")).status).toBe(401);
    expect(
      (await token({ grant_type: "client_credentials", client_id: k.client_id, client_secret: k.client_secret })).status,
    ).toBe(401);

    const seeded = (await h.control.elasticPathKeys("ep-demo-store"))[0]!;
    await h.control.deleteElasticPathKey(seeded.id);
    expect((await ep(tok, "/v2/application-keys")).status).toBe(401);
  });

  it("scopes keys to their store", async () => {
    const demo = await adminToken();
    const staging = await adminToken(await defaultCreds("ep-staging-store"));
    const stagingKey = (await h.control.elasticPathKeys("ep-staging-store"))[0]!;
    expect((await ep(demo, `/v2/application-keys/${stagingKey.id}`)).status).toBe(404);
    expect((await ep(staging, `/v2/application-keys/${stagingKey.id}`)).status).toBe(200);
    const seeded = await h.control.createElasticPathStore({ name: "QA store" });
    const qa = await adminToken({ client_id: seeded.key.client_id, client_secret: seeded.key.client_secret });
    expect((await ep(qa, "/v2/application-keys")).body.meta.results.total).toBe(1);
  });
});

describe("Elastic Path catalog and rate limit", () => {
  it("serves the shopper catalog to implicit tokens with pagination", async () => {
    const imp = (await token({ grant_type: "implicit", client_id: (await defaultCreds()).client_id })).body.access_token;
    const r = await ep(imp, "/catalog/products?page[limit]=10");
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(10);
    expect(r.body.meta.results.total).toBe(15);
    expect(r.body.data[0]).toMatchObject({ type: "product", attributes: { name: expect.any(String), sku: expect.any(String) } });
    expect(r.body.links.next).toContain("page[offset]=10");
    const one = await ep(imp, `/catalog/products/${r.body.data[0].id}`);
    expect(one.body.data.id).toBe(r.body.data[0].id);
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("returns 429 without Retry-After past the per-second store limit (Elastic Path documents none)", async () => {
    await h.control.configureElasticPath({ rateLimitPerSecond: 3 });
    const tok = await adminToken();
    // Align to the start of a second so all requests land in one window.
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof ep>> | undefined;
    for (let i = 0; i < 5; i++) {
      const r = await ep(tok, "/catalog/products");
      statuses.push(r.status);
      if (r.status === 429) limited = r;
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(limited!.body.errors[0]).toMatchObject({ title: "Too Many Requests", status: "429" });
    expect(limited!.headers.get("retry-after")).toBeNull();
  });
});
