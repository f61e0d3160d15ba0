// The Elastic Path sandbox's store identity, currencies, PCM products and catalogs against the documented
// behaviour (platform-facts §0): settings carry no identity, PCM is admin-only, the shopper catalog is the
// published release picked by catalog rules, amounts are minor units of each currency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { form, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function tokens(seed: Parameters<Harness["control"]["createElasticPathStore"]>[0] = {}) {
  const store = await h.control.createElasticPathStore({ productCount: 6, ...seed });
  const mint = async (grant: string) => {
    const body = {
      grant_type: grant,
      client_id: store.key.client_id,
      ...(grant === "client_credentials" && { client_secret: store.key.client_secret }),
    };
    return (
      (await (await fetch(`${h.sandbox.urls.elasticpath}/oauth/access_token`, form(body))).json()) as { access_token: string }
    ).access_token;
  };
  return { store, admin: await mint("client_credentials"), implicit: await mint("implicit") };
}

async function ep(token: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.sandbox.urls.elasticpath}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: res.status, body: (await res.json()) as any };
}

describe("Elastic Path store identity", () => {
  it("GET /v2/settings has the documented shape: no store id, name or currency", async () => {
    const { admin } = await tokens();
    const { status, body } = await ep(admin, "/v2/settings");
    expect(status).toBe(200);
    expect(body.meta).toEqual({ owner: "store" });
    expect(body.data).toMatchObject({
      type: "settings",
      page_length: 25,
      list_child_products: false,
      additional_languages: [],
      calculation_method: "line",
      address_mandatory_fields: [],
    });
    expect(Object.keys(body.data)).not.toEqual(expect.arrayContaining(["currency"]));
    expect(JSON.stringify(body)).not.toMatch(/store_id|store_name|"currency"/);
  });

  it("GET /v2/currencies lists code, decimal_places and default (implicit tokens may read it)", async () => {
    const { implicit } = await tokens();
    const { status, body } = await ep(implicit, "/v2/currencies");
    expect(status).toBe(200);
    expect(body.data.map((c: any) => [c.code, c.decimal_places, c.default])).toEqual([
      ["USD", 2, true],
      ["JPY", 0, false],
      ["KWD", 3, false],
    ]);
  });
});

describe("Elastic Path products and catalogs", () => {
  it("PCM products and price-book prices are admin-only", async () => {
    const { admin, implicit } = await tokens();
    const list = await ep(admin, "/pcm/products?page[limit]=4");
    expect(list.status).toBe(200);
    expect(list.body.meta.results.total).toBe(6);
    expect(list.body.data[0]).toMatchObject({
      type: "product",
      attributes: { name: expect.any(String), sku: expect.any(String), status: "live" },
      meta: { created_at: expect.any(String) },
    });
    expect(list.body.data[0].attributes.price).toBeUndefined();
    const sku = list.body.data[0].attributes.sku;
    const prices = await ep(admin, `/pcm/pricebooks/prices?filter=in(sku,${sku})`);
    expect(prices.body.data).toHaveLength(1);
    expect(prices.body.data[0].attributes).toMatchObject({
      sku,
      currencies: {
        USD: { amount: expect.any(Number) },
        JPY: { amount: expect.any(Number) },
        KWD: { amount: expect.any(Number) },
      },
    });
    expect((await ep(implicit, "/pcm/products")).status).toBe(403);
    expect((await ep(implicit, "/pcm/pricebooks/prices")).status).toBe(403);
    expect((await ep(implicit, "/catalogs")).status).toBe(403);
  });

  it("the shopper catalog follows the catalog rules: EP-Channel picks the mobile release", async () => {
    const { admin, implicit } = await tokens();
    const all = await ep(implicit, "/catalog/products");
    expect(all.body.meta.results.total).toBe(6);
    const mobile = await ep(implicit, "/catalog/products", { "EP-Channel": "mobile" });
    expect(mobile.body.meta.results.total).toBe(2);
    expect(mobile.body.data[0].meta.catalog_id).not.toBe(all.body.data[0].meta.catalog_id);
    // An unknown channel falls back to the rule without criteria.
    expect((await ep(implicit, "/catalog/products", { "EP-Channel": "kiosk" })).body.meta.results.total).toBe(6);
    const rules = await ep(admin, "/catalogs/rules");
    expect(rules.body.data.map((r: any) => r.attributes.channels)).toEqual([[], ["mobile"]]);
  });

  it("display prices use each currency's decimal places (USD 2, JPY 0, KWD 3)", async () => {
    const { implicit } = await tokens();
    const one = (currency: string) =>
      ep(implicit, "/catalog/products?page[limit]=1", { "X-MOLTIN-CURRENCY": currency }).then((r) => r.body.data[0]);
    const usd = await one("USD");
    expect(usd.meta.display_price.without_tax).toEqual({ amount: 1500, currency: "USD", formatted: "$15.00" });
    expect((await one("JPY")).meta.display_price.without_tax).toEqual({ amount: 2250, currency: "JPY", formatted: "¥2,250" });
    expect((await one("KWD")).meta.display_price.without_tax).toEqual({ amount: 4505, currency: "KWD", formatted: "KD 4.505" });
    expect(usd.attributes.price).toEqual({
      USD: { amount: 1500, includes_tax: false },
      JPY: { amount: 2250, includes_tax: false },
      KWD: { amount: 4505, includes_tax: false },
    });
  });

  it("nothing published: the shopper catalog answers 404 until a catalog is published", async () => {
    const { store, admin, implicit } = await tokens({ publish: false });
    expect((await ep(admin, "/pcm/products")).body.meta.results.total).toBe(6);
    const none = await ep(implicit, "/catalog/products");
    expect(none.status).toBe(404);
    expect(none.body.errors[0]).toMatchObject({ status: 404, title: "Not Found" });
    expect((await ep(implicit, "/catalog")).status).toBe(404);
    await h.control.publishElasticPath(store.storeId);
    expect((await ep(implicit, "/catalog/products")).body.meta.results.total).toBe(6);
    expect((await ep(implicit, "/catalog")).body.data).toMatchObject({
      type: "catalog-release",
      meta: { release_status: "PUBLISHED" },
    });
  });
});
