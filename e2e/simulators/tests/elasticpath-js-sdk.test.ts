// The Elastic Path sandbox driven by Elastic Path's own client, @elasticpath/js-sdk (a client nobody here
// wrote): both grants, application-key CRUD, PCM, currencies, settings and the shopper catalog with catalog
// rules. Where the SDK and the sandbox disagree on a path, a body or an error, the sandbox is wrong.
import { gateway } from "@elasticpath/js-sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startHarness, type Harness } from "./harness";
import { rejection, sdkFor, sdkHostOptions, type SdkStore } from "./js-sdk-client";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // The SDK logs "Token status: …" with console.info before authenticating; keep the test output readable.
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterAll(() => h.close());

const sdk = (store: SdkStore, grant: "client_credentials" | "implicit", extra?: Parameters<typeof sdkFor>[3]) =>
  sdkFor(h, store, grant, extra);
const hostOptions = () => sdkHostOptions(h);

describe("@elasticpath/js-sdk against the Elastic Path sandbox", () => {
  it("authenticates with both grants", async () => {
    const store = await h.control.createElasticPathStore({ productCount: 6 });
    const admin = await sdk(store, "client_credentials").Authenticate();
    expect(admin).toMatchObject({ identifier: "client_credentials", token_type: "Bearer", expires_in: 3600 });
    expect(admin.access_token).toEqual(expect.any(String));
    const shopper = await sdk(store, "implicit").Authenticate();
    expect(shopper).toMatchObject({ identifier: "implicit", token_type: "Bearer" });
    const wrong = gateway({ client_id: store.key.client_id, client_secret: "wrong", ...hostOptions() });
    expect((await rejection(wrong.Authenticate())).errors[0]).toMatchObject({ status: "401" });
  });

  it("application keys: create (secret once), list, get, rename, delete; implicit tokens are refused", async () => {
    const store = await h.control.createElasticPathStore();
    const admin = sdk(store, "client_credentials");
    const created = await admin.ApplicationKeys.Create({ type: "application_key", name: "SDK key", reserved_rate_limit: 5 });
    expect(created.data).toMatchObject({
      type: "application_key",
      name: "SDK key",
      reserved_rate_limit: 5,
      client_id: expect.any(String),
      client_secret: expect.any(String),
    });
    const list = await admin.ApplicationKeys.All();
    expect(list.data.map((k) => k.name).sort()).toEqual(["Default key", "SDK key"]);
    expect(list.data.every((k) => !("client_secret" in k))).toBe(true);
    expect(list.meta).toMatchObject({ results: { total: 2 }, total_reserved_rate_limit: 5 });
    const one = await admin.ApplicationKeys.Get(created.data.id);
    expect(one.data).toMatchObject({ id: created.data.id, name: "SDK key" });
    expect(one.data).not.toHaveProperty("client_secret");
    const renamed = await admin.ApplicationKeys.Update(created.data.id, { type: "application_key", name: "Renamed" });
    expect(renamed.data.name).toBe("Renamed");
    await admin.ApplicationKeys.Delete(created.data.id);
    expect((await admin.ApplicationKeys.All()).data.map((k) => k.name)).toEqual(["Default key"]);
    expect((await rejection(admin.ApplicationKeys.Get(created.data.id))).errors[0]).toMatchObject({ status: "404" });
    expect((await rejection(sdk(store, "implicit").ApplicationKeys.All())).errors[0]).toMatchObject({ status: "403" });
  });

  it("PCM products, currencies and settings (admin); PCM is refused to implicit tokens", async () => {
    const store = await h.control.createElasticPathStore({ productCount: 6 });
    const admin = sdk(store, "client_credentials");
    const page = await admin.PCM.Limit(4).Offset(4).All();
    expect(page.data).toHaveLength(2);
    expect(page.meta.results.total).toBe(6);
    const product = await admin.PCM.Get(page.data[0]!.id);
    expect(product.data.attributes).toMatchObject({ name: page.data[0]!.attributes.name, status: "live" });
    const currencies = await sdk(store, "implicit").Currencies.All();
    expect(currencies.data.map((c) => [c.code, c.decimal_places, c.default])).toEqual([
      ["USD", 2, true],
      ["JPY", 0, false],
      ["KWD", 3, false],
    ]);
    const settings = (await admin.Settings.All()) as unknown as { data: Record<string, unknown>; meta: unknown };
    expect(settings.meta).toEqual({ owner: "store" });
    expect(settings.data).toMatchObject({ type: "settings", page_length: 25, calculation_method: "line" });
    expect((await rejection(sdk(store, "implicit").PCM.All())).errors[0]).toMatchObject({ status: "403" });
  });

  it("the shopper catalog: the release the rules pick for EP-Channel, display prices in the chosen currency", async () => {
    const store = await h.control.createElasticPathStore({ productCount: 6 });
    const shopper = sdk(store, "implicit");
    const all = await shopper.ShopperCatalog.Products.Limit(2).All();
    expect(all.data).toHaveLength(2);
    expect(all.meta.results.total).toBe(6);
    const mobile = await shopper.ShopperCatalog.Products.All({ additionalHeaders: { "EP-Channel": "mobile" } });
    expect(mobile.meta.results.total).toBe(2);
    const yen = await shopper.ShopperCatalog.Products.Get({
      productId: all.data[0]!.id,
      additionalHeaders: { "X-MOLTIN-CURRENCY": "JPY" },
    });
    expect(yen.data.meta.display_price?.without_tax).toMatchObject({ currency: "JPY", amount: 2250, formatted: "¥2,250" });
    const release = await shopper.ShopperCatalog.Get();
    expect(release.data).toMatchObject({ type: "catalog-release", meta: { release_status: "PUBLISHED" } });
    const rules = await sdk(store, "client_credentials").Catalogs.Rules.All();
    expect(rules.data.map((r) => r.attributes.channels ?? [])).toEqual([[], ["mobile"]]);
  });

  it("nothing published: the SDK gets Elastic Path's 404 error body", async () => {
    const store = await h.control.createElasticPathStore({ productCount: 3, publish: false });
    const shopper = sdk(store, "implicit");
    expect((await rejection(shopper.ShopperCatalog.Products.All())).errors[0]).toMatchObject({ status: 404, title: "Not Found" });
    await h.control.publishElasticPath(store.storeId);
    expect((await shopper.ShopperCatalog.Products.All()).meta.results.total).toBe(3);
  });

  it("the SDK's own 429 retry copes with the sandbox's limit, which sends no Retry-After", async () => {
    const store = await h.control.createElasticPathStore({ rateLimitPerSecond: 2 });
    const shopper = sdk(store, "implicit", { retryDelay: 300 });
    await shopper.Authenticate();
    const currencyCalls = async () =>
      Object.entries((await h.control.counters()).requests).find(([k]) => k.includes("GET /v2/currencies"))?.[1] ?? 0;
    const before = await currencyCalls();
    const answers = await Promise.all(Array.from({ length: 5 }, () => shopper.Currencies.All()));
    expect(answers.every((a) => a.data.length === 3)).toBe(true);
    // More calls than answers: some were refused with 429 and retried by the SDK.
    expect((await currencyCalls()) - before).toBeGreaterThan(5);
  }, 20_000);
});

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;

describe("@elasticpath/js-sdk shopper tokens against the sandbox", () => {
  it("customers: created with a password, a 24 h customer token that reads only that customer, wrong password 401, expiry", async () => {
    const store = await h.control.createElasticPathStore();
    const admin = sdk(store, "client_credentials");
    const ron = await admin.Customers.Create({
      type: "customer",
      name: "Ron Swanson",
      email: "ron@example.test",
      password: "mysecretpassword",
    });
    expect(ron.data).toMatchObject({ type: "customer", email: "ron@example.test", password: true });
    const other = await admin.Customers.Create({
      type: "customer",
      name: "Leslie Knope",
      email: "leslie@example.test",
      password: "waffles",
    });
    // The SDK treats every 401 as an expired token: it re-authenticates and retries 3 times before it gives
    // up, so wrong-password answers take attempt × retryDelay each; a short delay keeps the test quick.
    const shopper = sdk(store, "implicit", { retryDelay: 50 });

    const token = await shopper.Customers.Token("ron@example.test", "mysecretpassword");
    expect(token.data).toMatchObject({ type: "token", customer_id: ron.data.id });
    expect(Math.abs(token.data.expires - (Date.now() / 1000 + 24 * 3600))).toBeLessThan(10);
    expect(claimsOf(token.data.token)).toMatchObject({ sub: ron.data.id, name: "Ron Swanson" });

    // The SDK sends the token as X-Moltin-Customer-Token next to the implicit Bearer.
    expect((await shopper.Customers.Get(ron.data.id, token.data.token)).data.email).toBe("ron@example.test");
    expect((await rejection(shopper.Customers.Get(other.data.id, token.data.token))).errors[0]).toMatchObject({ status: "404" });
    expect((await rejection(shopper.Customers.Get(ron.data.id))).errors[0]).toMatchObject({ status: "403" });
    expect((await rejection(shopper.Customers.Token("ron@example.test", "wrong"))).errors[0]).toMatchObject({
      status: "401",
      title: "Unauthorized",
    });
    expect((await rejection(shopper.Customers.Token("nobody@example.test", "x"))).errors[0]).toMatchObject({ status: "401" });
    expect((await rejection(shopper.Customers.All())).errors[0]).toMatchObject({ status: "403" });

    await h.control.expireElasticPathShopperTokens(store.storeId);
    expect((await rejection(shopper.Customers.Get(ron.data.id, token.data.token))).errors[0]).toMatchObject({ status: "403" });
  });

  it("account members: password profile from the realm, one token per account, each reading its own account", async () => {
    const store = await h.control.createElasticPathStore();
    const member = await h.control.createElasticPathAccountMember(store.storeId, {
      name: "April",
      email: "april@example.test",
      username: "april",
      password: "ludgate",
      accounts: ["Pawnee Parks", "Animal Control"],
    });
    const admin = sdk(store, "client_credentials");
    const settings = (await admin.AccountAuthenticationSettings.Get()) as unknown as {
      data: { relationships: { authentication_realm: { data: { id: string } } } };
    };
    const realmId = settings.data.relationships.authentication_realm.data.id;
    const profiles = await admin.PasswordProfile.All(realmId);
    expect(profiles.data.map((p) => p.id)).toEqual([member.passwordProfileId]);
    expect((await admin.Accounts.All()).data.map((a) => a.name).sort()).toEqual(["Animal Control", "Pawnee Parks"]);
    expect((await admin.AccountMembers.All()).data.map((m) => m.email)).toEqual(["april@example.test"]);

    const shopper = sdk(store, "implicit", { retryDelay: 50 });
    const body = {
      type: "account_management_authentication_token",
      authentication_mechanism: "password",
      password_profile_id: member.passwordProfileId,
      username: "april",
      password: "ludgate",
    };
    const tokens = await shopper.AccountMembers.GenerateAccountToken(body as never);
    expect(tokens.data.map((t) => t.account_name).sort()).toEqual(["Animal Control", "Pawnee Parks"]);
    for (const t of tokens.data) expect(claimsOf(t.token)).toMatchObject({ sub: member.id, scope: t.account_id });
    expect(Date.parse(tokens.data[0]!.expires) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);

    const [first, second] = tokens.data;
    const asMember = sdk(store, "implicit", { headers: { "EP-Account-Management-Authentication-Token": first!.token } });
    expect((await asMember.Accounts.Get(first!.account_id)).data.name).toBe(first!.account_name);
    expect((await rejection(asMember.Accounts.Get(second!.account_id))).errors[0]).toMatchObject({ status: "404" });
    expect((await rejection(shopper.Accounts.Get(first!.account_id))).errors[0]).toMatchObject({ status: "403" });
    expect(
      (await rejection(shopper.AccountMembers.GenerateAccountToken({ ...body, password: "wrong" } as never))).errors[0],
    ).toMatchObject({ status: "401", title: "Unauthorized" });
  });
});
