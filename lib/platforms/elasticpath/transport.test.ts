// The Elastic Path transport against the in-process sandbox: error mapping, 429 Retry-After, network failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxControl } from "@/e2e/simulators/control-client";
import { startSandbox, type RunningSandbox } from "@/e2e/simulators/server";
import { epJson, kindOf, mintToken, rateLimitWaitMs, retryAfterSeconds } from "./transport";
import { listKeys, createKey, updateKey } from "./api";

let sandbox: RunningSandbox;
let control: SandboxControl;
let store: Awaited<ReturnType<SandboxControl["createElasticPathStore"]>>;
let base: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  control = new SandboxControl(sandbox.urls.control);
  base = sandbox.urls.elasticpath;
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await control.clearFaults();
  store = await control.createElasticPathStore({ rateLimitPerSecond: 1000, maxReservedRateLimit: 50 });
});

const adminToken = async () =>
  (await mintToken(base, { type: "client_credentials", clientId: store.key.client_id, clientSecret: store.key.client_secret }))
    .access_token;

describe("Elastic Path transport", () => {
  it("maps statuses onto PlatformError kinds", () => {
    expect([400, 401, 403, 404, 409, 422, 429, 500, 503].map(kindOf)).toEqual([
      "invalid",
      "unauthorized",
      "forbidden",
      "not_found",
      "conflict",
      "invalid",
      "rate_limited",
      "unavailable",
      "unavailable",
    ]);
    expect(retryAfterSeconds("3")).toBe(3);
    expect(retryAfterSeconds(null)).toBeUndefined();
  });

  it("mints client_credentials and implicit tokens; bad secrets are unauthorized", async () => {
    const cc = await mintToken(base, {
      type: "client_credentials",
      clientId: store.key.client_id,
      clientSecret: store.key.client_secret,
    });
    expect(cc.identifier).toBe("client_credentials");
    const implicit = await mintToken(base, { type: "implicit", clientId: store.key.client_id });
    expect(implicit.identifier).toBe("implicit");
    await expect(
      mintToken(base, { type: "client_credentials", clientId: store.key.client_id, clientSecret: "nope" }),
    ).rejects.toMatchObject({ kind: "unauthorized", upstreamStatus: 401 });
  });

  it("JSON:API errors keep their detail: 404 key, 409 reservation, 400 invalid", async () => {
    const auth = { baseUrl: base, token: await adminToken() };
    await expect(updateKey(auth, "00000000-0000-0000-0000-000000000000", { name: "x" })).rejects.toMatchObject({
      kind: "not_found",
      message: "Elastic Path: application key not found",
    });
    await expect(createKey(auth, { name: "big", reservedRateLimit: 51 })).rejects.toMatchObject({
      kind: "conflict",
      upstreamStatus: 409,
    });
    await expect(listKeys(auth, 0, 500)).rejects.toMatchObject({ kind: "invalid", upstreamStatus: 400 });
    const implicit = (await mintToken(base, { type: "implicit", clientId: store.key.client_id })).access_token;
    await expect(listKeys({ baseUrl: base, token: implicit }, 0, 10)).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("429 honours Retry-After with bounded retries", async () => {
    const auth = { baseUrl: base, token: await adminToken() };
    await control.addFault({ host: "elasticpath", pathPattern: "/v2/application-keys", status: 429, retryAfter: 1, count: 2 });
    const started = Date.now();
    const list = await listKeys(auth, 0, 10);
    expect(list.data).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);

    await control.addFault({ host: "elasticpath", pathPattern: "/v2/application-keys", status: 429, retryAfter: 0, count: 10 });
    await expect(listKeys(auth, 0, 10)).rejects.toMatchObject({ kind: "rate_limited", retryAfterSeconds: 0 });
    const counted = (await control.counters()).requests;
    expect(Object.entries(counted).find(([k]) => k.includes("GET /v2/application-keys"))?.[1]).toBeGreaterThanOrEqual(4);
  }, 20_000);

  it("429 without Retry-After (what Elastic Path sends): exponential backoff with jitter, capped", () => {
    const low = [0, 1, 2].map((attempt) => rateLimitWaitMs(attempt, undefined, () => 0));
    const high = [0, 1, 2].map((attempt) => rateLimitWaitMs(attempt, undefined, () => 0.999));
    expect(low).toEqual([250, 500, 1000]);
    expect(high).toEqual([499, 749, 1249]);
    expect(rateLimitWaitMs(10, undefined, () => 0)).toBe(5000);
    expect(rateLimitWaitMs(0, 2)).toBe(2000);
  });

  it("the sandbox's own per-second limit answers 429 without Retry-After, and concurrent callers get through by backing off", async () => {
    const limited = await control.createElasticPathStore({ rateLimitPerSecond: 3 });
    const token = (
      await mintToken(base, {
        type: "client_credentials",
        clientId: limited.key.client_id,
        clientSecret: limited.key.client_secret,
      })
    ).access_token;
    const raw = await Promise.all(
      Array.from({ length: 6 }, () => fetch(`${base}/v2/application-keys`, { headers: { authorization: `Bearer ${token}` } })),
    );
    const refused = raw.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.headers.get("retry-after")).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const lists = await Promise.all(Array.from({ length: 6 }, () => listKeys({ baseUrl: base, token }, 0, 10)));
    expect(lists.every((l) => l.data.length === 1)).toBe(true);
  }, 20_000);

  it("5xx and dropped connections are unavailable", async () => {
    await control.addFault({ host: "elasticpath", pathPattern: "/catalog/products", status: 502, count: 1 });
    const token = await adminToken();
    await expect(epJson(base, { path: "/catalog/products", token })).rejects.toMatchObject({
      kind: "unavailable",
      upstreamStatus: 502,
    });
    await control.addFault({ host: "elasticpath", pathPattern: "/catalog/products", drop: true, count: 1 });
    await expect(epJson(base, { path: "/catalog/products", token })).rejects.toMatchObject({ kind: "unavailable" });
    await expect(epJson("http://127.0.0.1:9", { path: "/catalog/products", token })).rejects.toMatchObject({
      kind: "unavailable",
    });
  });
});
