// Elastic Path Commerce Cloud rows of e2e/simulators/CONFORMANCE.md: tokens, application keys, settings and
// currencies, PCM and the shopper catalog, pagination, errors, rate limits. Written from EPDEV (the elasticpath-dev
// OpenAPI specs and guides) and elasticpath.dev, per platform-facts.md section 0 first.
import { z } from "zod";
import { call, conform, expectStatus, sleep } from "./support/check";
import { contractName, expect, need, needWrites, test } from "./support/fixtures";
import { epBearer as bearer, EpErrors, epToken as token, expectEpError, NO_EP } from "./support/platforms";

const Token = (grant: string) =>
  z.object({
    access_token: z.string().min(1),
    token_type: z.string().regex(/^bearer$/i),
    expires_in: z.literal(3600),
    expires: z.number().int(),
    identifier: z.literal(grant),
  });

const Key = z.object({
  id: z.uuid(),
  type: z.literal("application_key"),
  name: z.string(),
  client_id: z.string().min(1),
  reserved_rate_limit: z.number().int().min(0),
  meta: z.object({
    timestamps: z.object({ created_at: z.string(), updated_at: z.string(), last_used_at: z.string().nullable() }),
  }),
});
const PageMeta = z.object({
  limit: z.number().int(),
  offset: z.number().int(),
  current: z.number().int(),
  total: z.number().int(),
});

test.describe("Elastic Path tokens @elasticpath", () => {
  for (const grant of ["client_credentials", "implicit"] as const) {
    test(`EP-TOKEN-${grant === "client_credentials" ? "01" : "02"} ${grant === "implicit" ? "an" : "a"} ${grant} token answers {access_token, token_type Bearer, expires_in 3600, expires (unix s), identifier "${grant}"}`, async ({
      elasticpath,
    }) => {
      const ep = need(elasticpath, NO_EP);
      const a = await token(ep, grant);
      expectStatus(a, 200, `POST /oauth/access_token (${grant})`);
      const t = conform(Token(grant), a.json, `a ${grant} token`);
      expect(Math.abs(t.expires - (Date.now() / 1000 + 3600)), "expires is about now + expires_in, in unix seconds").toBeLessThan(
        120,
      );
      expect(a.json, "no refresh token: a new token is requested instead").not.toHaveProperty("refresh_token");
    });
  }

  test("EP-TOKEN-03 wrong client credentials are 401 with the JSON:API error body", async ({ elasticpath }) => {
    const ep = need(elasticpath, NO_EP);
    expectEpError(
      await token({ ...ep, clientSecret: `${ep.clientSecret}-wrong` }, "client_credentials"),
      401,
      "POST /oauth/access_token with a wrong client_secret",
    );
  });

  test("EP-TOKEN-04 an expired token is 401 (tokens live an hour and are not refreshed)", async ({ elasticpath, control }) => {
    const ep = need(elasticpath, NO_EP);
    const sb = need(control, "a real token lives an hour: this row needs the sandbox's token-lifetime control");
    await sb.configureElasticPath({ tokenLifetimeSeconds: 1 });
    let t: string;
    try {
      t = await bearer(ep, "client_credentials");
    } finally {
      await sb.configureElasticPath({ tokenLifetimeSeconds: 3600 });
    }
    await sleep(1_200);
    expectEpError(
      await call(`${ep.baseUrl}/v2/application-keys`, { token: t }),
      401,
      "GET /v2/application-keys with an expired token",
    );
  });
});

test.describe("Elastic Path application keys @elasticpath", () => {
  test("EP-KEYS-01 an implicit token has no access to /v2/application-keys", async ({ elasticpath }) => {
    const ep = need(elasticpath, NO_EP);
    const a = await call(`${ep.baseUrl}/v2/application-keys`, { token: await bearer(ep, "implicit") });
    expectStatus(a, [401, 403], "GET /v2/application-keys with an implicit token");
    conform(EpErrors, a.json, "the refusal");
  });

  test("EP-KEYS-02 the key list pages with page[offset]/page[limit] and answers links and meta.page / meta.results, without client_secret", async ({
    elasticpath,
  }) => {
    const ep = need(elasticpath, NO_EP);
    const t = await bearer(ep, "client_credentials");
    const a = await call(`${ep.baseUrl}/v2/application-keys?page[offset]=0&page[limit]=1`, { token: t });
    expectStatus(a, 200, "GET /v2/application-keys?page[limit]=1");
    const list = conform(
      z.object({
        data: z.array(Key),
        links: z.object({
          current: z.string(),
          first: z.string(),
          last: z.string(),
          next: z.string().nullable().optional(),
          prev: z.string().nullable().optional(),
        }),
        meta: z.object({
          page: PageMeta,
          results: z.object({ total: z.number().int().min(1) }),
          total_reserved_rate_limit: z.number().int(),
        }),
      }),
      a.json,
      "GET /v2/application-keys",
    );
    expect({ limit: list.meta.page.limit, offset: list.meta.page.offset }).toEqual({ limit: 1, offset: 0 });
    expect(list.data.length, "one key per page").toBe(1);
    for (const k of a.json.data as object[])
      expect(k, "a listed key never carries its client_secret").not.toHaveProperty("client_secret");
    expectStatus(
      await call(`${ep.baseUrl}/v2/application-keys?page[limit]=101`, { token: t }),
      400,
      "GET /v2/application-keys?page[limit]=101 (the spec's maximum is 100)",
    );
  });

  test("EP-KEYS-03 create answers 201 with client_secret once; get, rename (PUT) and delete (204) work; a deleted key is 404", async ({
    elasticpath,
    target,
  }) => {
    const ep = need(elasticpath, NO_EP);
    needWrites(target);
    const t = await bearer(ep, "client_credentials");
    const name = contractName("key");
    const created = await call(`${ep.baseUrl}/v2/application-keys`, {
      token: t,
      json: { data: { type: "application_key", name, reserved_rate_limit: 0 } },
    });
    expectStatus(created, 201, "POST /v2/application-keys");
    const key = conform(
      z.object({ data: Key.extend({ client_secret: z.string().min(1) }) }),
      created.json,
      "the created key",
    ).data;
    const url = `${ep.baseUrl}/v2/application-keys/${key.id}`;
    try {
      expect(key.name).toBe(name);
      const got = await call(url, { token: t });
      expectStatus(got, 200, "GET /v2/application-keys/{id}");
      conform(z.object({ data: Key }), got.json, "GET /v2/application-keys/{id}");
      expect(got.json.data, "the secret is shown only on create").not.toHaveProperty("client_secret");
      const renamed = await call(url, {
        method: "PUT",
        token: t,
        json: { data: { type: "application_key", name: `${name}-renamed` } },
      });
      expectStatus(renamed, 200, "PUT /v2/application-keys/{id}");
      expect(conform(z.object({ data: Key }), renamed.json, "PUT /v2/application-keys/{id}").data.name).toBe(`${name}-renamed`);
    } finally {
      expectStatus(await call(url, { method: "DELETE", token: t }), 204, "DELETE /v2/application-keys/{id}");
    }
    const gone = expectEpError(await call(url, { token: t }), 404, "GET of the deleted key");
    expect(gone.errors[0]!.detail).toBe("application key not found");
  });

  test("EP-KEYS-04 creating a key without a name is 400 with the field named in detail", async ({ elasticpath, target }) => {
    const ep = need(elasticpath, NO_EP);
    needWrites(target);
    const t = await bearer(ep, "client_credentials");
    const a = await call(`${ep.baseUrl}/v2/application-keys`, { token: t, json: { data: { type: "application_key" } } });
    if (a.status === 201)
      await call(`${ep.baseUrl}/v2/application-keys/${String(a.json.data.id)}`, { method: "DELETE", token: t });
    const body = expectEpError(a, 400, "POST /v2/application-keys without name");
    expect(body.errors[0]!.detail ?? "", "detail names the field").toContain("name");
  });

  test("EP-KEYS-05 tokens minted with a key stop working once the key is deleted", async ({ elasticpath, target }) => {
    const ep = need(elasticpath, NO_EP);
    needWrites(target);
    const admin = await bearer(ep, "client_credentials");
    const created = await call(`${ep.baseUrl}/v2/application-keys`, {
      token: admin,
      json: { data: { type: "application_key", name: contractName("key") } },
    });
    expectStatus(created, 201, "POST /v2/application-keys");
    const { id, client_id, client_secret } = created.json.data as { id: string; client_id: string; client_secret: string };
    const child = await bearer({ ...ep, clientId: client_id, clientSecret: client_secret }, "client_credentials");
    expectStatus(
      await call(`${ep.baseUrl}/v2/application-keys?page[limit]=1`, { token: child }),
      200,
      "a call with the new key's token",
    );
    expectStatus(
      await call(`${ep.baseUrl}/v2/application-keys/${id}`, { method: "DELETE", token: admin }),
      204,
      "DELETE /v2/application-keys/{id}",
    );
    expectEpError(
      await call(`${ep.baseUrl}/v2/application-keys?page[limit]=1`, { token: child }),
      401,
      "a call with the deleted key's token",
    );
  });
});

test.describe("Elastic Path store settings, currencies and catalogs @elasticpath", () => {
  test("EP-SETTINGS-01 GET /v2/settings answers data {type settings, page_length, list_child_products, additional_languages, calculation_method, address_mandatory_fields} and meta {owner: store}, with no store id, name or currency", async ({
    elasticpath,
  }) => {
    const ep = need(elasticpath, NO_EP);
    const a = await call(`${ep.baseUrl}/v2/settings`, { token: await bearer(ep, "client_credentials") });
    expectStatus(a, 200, "GET /v2/settings");
    const s = conform(
      z.object({
        data: z.object({
          type: z.literal("settings"),
          page_length: z.number().int(),
          list_child_products: z.boolean(),
          additional_languages: z.array(z.string()),
          calculation_method: z.string(),
          address_mandatory_fields: z.array(z.string()),
        }),
        meta: z.object({ owner: z.literal("store") }),
      }),
      a.json,
      "GET /v2/settings",
    );
    const invented = [
      ...Object.keys(a.json.data as object).map((k) => `data.${k}`),
      ...Object.keys(a.json.meta as object).map((k) => `meta.${k}`),
    ].filter((k) => /^(data|meta)\.(store_?id|store_?name|currency|currencies)$/i.test(k)); // `currency_limit` is a real limit
    expect(invented, "fields the real /v2/settings does not have (store identity and currency come from elsewhere)").toEqual([]);
    expect(s.data.type).toBe("settings");
  });

  test("EP-CURRENCIES-01 GET /v2/currencies lists currencies with code, decimal_places and exactly one default", async ({
    elasticpath,
  }) => {
    const ep = need(elasticpath, NO_EP);
    const a = await call(`${ep.baseUrl}/v2/currencies`, { token: await bearer(ep, "client_credentials") });
    expectStatus(a, 200, "GET /v2/currencies");
    const list = conform(
      z.object({
        data: z
          .array(
            z.object({
              type: z.literal("currency"),
              id: z.string(),
              code: z.string().regex(/^[A-Z]{3}$/),
              decimal_places: z.number().int().min(0).max(4),
              default: z.boolean(),
            }),
          )
          .min(1),
      }),
      a.json,
      "GET /v2/currencies",
    );
    expect(list.data.filter((c) => c.default).length, "currencies marked default").toBe(1);
  });

  test("EP-PCM-01 GET /pcm/products (client_credentials) is the admin product list: data of type product with attributes.name and sku, meta.results.total", async ({
    elasticpath,
  }) => {
    const ep = need(elasticpath, NO_EP);
    const a = await call(`${ep.baseUrl}/pcm/products?page[limit]=5`, { token: await bearer(ep, "client_credentials") });
    expectStatus(a, 200, "GET /pcm/products");
    conform(
      z.object({
        data: z.array(
          z.object({
            type: z.literal("product"),
            id: z.string(),
            attributes: z.object({ name: z.string(), sku: z.string().optional() }),
          }),
        ),
        meta: z.object({ results: z.object({ total: z.number().int() }) }),
      }),
      a.json,
      "GET /pcm/products",
    );
  });

  test("EP-CATALOG-01 GET /catalog/products (implicit token, EP-Channel / EP-Context-Tag) is the published release: products with integer minor-unit prices, or 404 when nothing is published", async ({
    elasticpath,
  }) => {
    const ep = need(elasticpath, NO_EP);
    const headers: Record<string, string> = {};
    if (ep.channel) headers["EP-Channel"] = ep.channel;
    if (ep.contextTag) headers["EP-Context-Tag"] = ep.contextTag;
    const a = await call(`${ep.baseUrl}/catalog/products?page[limit]=5`, { token: await bearer(ep, "implicit"), headers });
    if (a.status === 404) {
      conform(EpErrors, a.json, "the catalog's answer when no release is published");
      return;
    }
    expectStatus(a, [200, 404], "GET /catalog/products");
    const Amount = z.object({ amount: z.number().int("prices are integers in the currency's minor unit") });
    conform(
      z.object({
        data: z.array(
          z.object({
            type: z.literal("product"),
            id: z.string(),
            attributes: z.object({ name: z.string(), price: z.record(z.string().regex(/^[A-Z]{3}$/), Amount).optional() }),
            meta: z
              .object({ display_price: z.object({ without_tax: Amount.optional(), with_tax: Amount.optional() }).optional() })
              .optional(),
          }),
        ),
        meta: z.object({ page: PageMeta, results: z.object({ total: z.number().int() }) }),
        links: z.object({ first: z.string(), last: z.string() }),
      }),
      a.json,
      "GET /catalog/products",
    );
  });

  test("EP-CATALOG-02 a product created in PCM and not published is not in the shopper catalog (404 by id)", async ({
    elasticpath,
    target,
  }) => {
    const ep = need(elasticpath, NO_EP);
    needWrites(target);
    const admin = await bearer(ep, "client_credentials");
    const name = contractName("product");
    const created = await call(`${ep.baseUrl}/pcm/products`, {
      token: admin,
      json: { data: { type: "product", attributes: { name, sku: name, commodity_type: "physical", status: "live" } } },
    });
    expectStatus(created, 201, "POST /pcm/products");
    const id = String(created.json.data.id);
    try {
      expectEpError(
        await call(`${ep.baseUrl}/catalog/products/${id}`, { token: await bearer(ep, "implicit") }),
        404,
        "GET /catalog/products/{unpublished product}",
      );
    } finally {
      expectStatus(
        await call(`${ep.baseUrl}/pcm/products/${id}`, { method: "DELETE", token: admin }),
        204,
        "DELETE /pcm/products/{id}",
      );
    }
  });

  test("EP-ERRORS-01 errors answer {errors: [{status, title, detail}]}: no token is 401, an unknown key 404", async ({
    elasticpath,
  }) => {
    const ep = need(elasticpath, NO_EP);
    expectEpError(await call(`${ep.baseUrl}/v2/application-keys`), 401, "GET /v2/application-keys without a token");
    const t = await bearer(ep, "client_credentials");
    expectEpError(
      await call(`${ep.baseUrl}/v2/application-keys/00000000-0000-4000-a000-000000000000`, { token: t }),
      404,
      "GET /v2/application-keys/{unknown id}",
    );
  });
});
