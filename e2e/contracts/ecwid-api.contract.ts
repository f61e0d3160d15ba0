// Ecwid OAuth and REST API v3 rows of e2e/simulators/CONFORMANCE.md. Each row is written from the real platform's
// documents (platform-facts.md, section 0 first), not from what the sandbox does.
import { z } from "zod";
import { call, conform, expectStatus, type Answer } from "./support/check";
import { contractName, expect, need, needWrites, test, type EcwidTarget } from "./support/fixtures";
import { ecwidApi as api, expectEcwidError, NO_ECWID } from "./support/platforms";

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i, "token_type is bearer (compare case-insensitively)"),
  scope: z.string().min(1),
  store_id: z.number().int().positive(),
  email: z.string(),
  public_token: z.string().min(1).optional(),
});

// The first exchange of the run's authorization code, shared by OAUTH-01 and OAUTH-03 (a code is single-use,
// and a real store hands the suite one code per run).
let firstExchange: Promise<{ code: string; redirectUri: string; answer: Answer }> | undefined;
function exchangeOnce(e: EcwidTarget) {
  firstExchange ??= (async () => {
    const { code, redirectUri } = await e.authorizationCode!();
    const answer = await call(`${e.oauthUrl}/api/oauth/token`, {
      form: {
        client_id: e.clientId!,
        client_secret: e.clientSecret!,
        code,
        redirect_uri: redirectUri,
        grant_type: "authorization_code",
      },
    });
    return { code, redirectUri, answer };
  })();
  return firstExchange;
}

test.describe("Ecwid OAuth @ecwid", () => {
  test("ECWID-OAUTH-01 token exchange answers access_token, bearer token_type, scope, store_id, email; no expiry, no refresh token", async ({
    ecwid,
  }) => {
    const e = need(ecwid, NO_ECWID);
    need(e.clientSecret, "needs the app's CONTRACT_ECWID_CLIENT_ID and CONTRACT_ECWID_CLIENT_SECRET");
    need(
      e.authorizationCode,
      "needs an OAuth consent: set CONTRACT_ECWID_OAUTH_CODE and CONTRACT_ECWID_REDIRECT_URI from a fresh install",
    );
    const { answer } = await exchangeOnce(e);
    expectStatus(answer, 200, "POST /api/oauth/token with a fresh code");
    const body = conform(TokenResponse, answer.json, "The token response");
    expect(body.store_id, "store_id is the store that consented").toBe(e.storeId);
    expect(body.scope.split(/\s+/), "read_store_profile is always granted").toContain("read_store_profile");
    if (body.scope.split(/\s+/).includes("public_storefront"))
      expect(body.public_token, "public_storefront grants a public_token").toBeTruthy();
    expect(answer.json, "Ecwid tokens do not expire: no expires_in").not.toHaveProperty("expires_in");
    expect(answer.json, "Ecwid issues no refresh token").not.toHaveProperty("refresh_token");
  });

  test("ECWID-OAUTH-02 token exchange with a wrong client secret or an unknown code is refused without a token", async ({
    ecwid,
  }) => {
    const e = need(ecwid, NO_ECWID);
    need(e.clientSecret, "needs the app's CONTRACT_ECWID_CLIENT_ID and CONTRACT_ECWID_CLIENT_SECRET");
    const redirectUri = "https://storelink-contract.invalid/callback";
    for (const [what, form] of [
      [
        "an unknown code",
        {
          client_id: e.clientId!,
          client_secret: e.clientSecret!,
          code: contractName("code"),
          redirect_uri: redirectUri,
          grant_type: "authorization_code",
        },
      ],
      [
        "a wrong client_secret",
        {
          client_id: e.clientId!,
          client_secret: `${e.clientSecret!}-wrong`,
          code: contractName("code"),
          redirect_uri: redirectUri,
          grant_type: "authorization_code",
        },
      ],
    ] as const) {
      const a = await call(`${e.oauthUrl}/api/oauth/token`, { form });
      expect(a.status, `token exchange with ${what} is refused (a 4xx)`).toBeGreaterThanOrEqual(400);
      expect(a.status, `token exchange with ${what} is refused (a 4xx)`).toBeLessThan(500);
      expect(a.json?.access_token, `no access_token for ${what}`).toBeUndefined();
    }
  });

  test("ECWID-OAUTH-03 a code exchanged a second time is refused and disables the token issued the first time", async ({
    ecwid,
  }) => {
    const e = need(ecwid, NO_ECWID);
    need(e.clientSecret, "needs the app's CONTRACT_ECWID_CLIENT_ID and CONTRACT_ECWID_CLIENT_SECRET");
    need(
      e.authorizationCode,
      "needs an OAuth consent: set CONTRACT_ECWID_OAUTH_CODE and CONTRACT_ECWID_REDIRECT_URI from a fresh install",
    );
    const first = await exchangeOnce(e);
    expectStatus(first.answer, 200, "the first exchange of the code");
    const token = String(first.answer.json.access_token);
    expectStatus(await call(api(e, "/profile"), { token }), 200, "GET /profile with the token of the first exchange");
    const again = await call(`${e.oauthUrl}/api/oauth/token`, {
      form: {
        client_id: e.clientId!,
        client_secret: e.clientSecret!,
        code: first.code,
        redirect_uri: first.redirectUri,
        grant_type: "authorization_code",
      },
    });
    expect(again.status, "the second exchange of a code is refused").toBeGreaterThanOrEqual(400);
    expect(again.json?.access_token, "the second exchange gives no token").toBeUndefined();
    expectEcwidError(
      await call(api(e, "/profile"), { token }),
      403,
      "INVALID_API_TOKEN",
      "the first token after the code was reused",
    );
  });
  test("ECWID-OAUTH-04 the authorize dialog accepts a redirect_uri under the registered URL (a sub-path with its own query) and refuses another origin", async ({
    ecwid,
    control,
  }) => {
    need(control, "the consent dialog needs a merchant's login on the real my.ecwid.com");
    const e = need(ecwid, NO_ECWID);
    const registered = String(((await control!.state()).ecwid as { app: { redirectUrl: string } }).app.redirectUrl).replace(
      /\/+$/,
      "",
    );
    const authorize = (redirectUri: string) =>
      call(
        `${e.oauthUrl}/api/oauth/authorize?${new URLSearchParams({ client_id: e.clientId!, redirect_uri: redirectUri, response_type: "code", scope: "read_store_profile read_catalog" })}`,
        {
          headers: { accept: "text/html" },
        },
      );
    expectStatus(
      await authorize(`${registered}/api/ecwid/oauth/callback/flow-nonce?n=storelink-contract`),
      200,
      "the consent dialog for a sub-path redirect_uri with a query",
    );
    const other = await authorize("https://storelink-contract.invalid/callback");
    expect(other.status, "a redirect_uri on another origin is refused").toBeGreaterThanOrEqual(400);
    expect(other.text, "no consent form for another origin").not.toContain("request_id");
  });
});

test.describe("Ecwid REST API @ecwid", () => {
  test("ECWID-PROFILE-01 GET /profile answers generalInfo.storeId, settings.storeName, account.accountEmail and formatsAndUnits.currency", async ({
    ecwid,
  }) => {
    const e = need(ecwid, NO_ECWID);
    const a = await call(api(e, "/profile"), { token: e.secretToken });
    expectStatus(a, 200, "GET /profile with the secret token");
    const profile = conform(
      z.object({
        generalInfo: z.object({ storeId: z.number().int(), storeUrl: z.string() }),
        account: z.object({ accountName: z.string(), accountEmail: z.string() }),
        settings: z.object({ storeName: z.string() }),
        formatsAndUnits: z.object({ currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code") }),
      }),
      a.json,
      "GET /profile",
    );
    expect(profile.generalInfo.storeId).toBe(e.storeId);
  });

  test("ECWID-PROFILE-02 GET /profile also answers a public token, so it proves nothing about a secret token", async ({
    ecwid,
  }) => {
    const e = need(ecwid, NO_ECWID);
    const publicToken = need(e.publicToken, "needs the store's public token: set CONTRACT_ECWID_PUBLIC_TOKEN");
    const a = await call(api(e, "/profile"), { token: publicToken });
    expectStatus(a, 200, "GET /profile with the public token");
    conform(z.object({ generalInfo: z.object({ storeId: z.literal(e.storeId) }) }), a.json, "GET /profile with a public token");
  });

  test("ECWID-AUTH-01 a public token is refused for orders (403), which is how a secret token is told apart", async ({
    ecwid,
  }) => {
    const e = need(ecwid, NO_ECWID);
    const publicToken = need(e.publicToken, "needs the store's public token: set CONTRACT_ECWID_PUBLIC_TOKEN");
    const a = await call(api(e, "/orders?limit=1"), { token: publicToken });
    expectStatus(a, 403, "GET /orders with the public token");
  });

  test("ECWID-AUTH-02 an unknown token is 403 INVALID_API_TOKEN, not 401", async ({ ecwid }) => {
    const e = need(ecwid, NO_ECWID);
    expectEcwidError(
      await call(api(e, "/profile"), { token: `secret_${contractName("bogus")}` }),
      403,
      "INVALID_API_TOKEN",
      "GET /profile with an unknown token",
    );
  });

  test("ECWID-AUTH-03 a token in the ?token= query parameter is refused (403 since 2025-03-20)", async ({ ecwid }) => {
    const e = need(ecwid, NO_ECWID);
    // The public token, which /profile answers in the header (ECWID-PROFILE-02): public by design, so no secret goes into a URL.
    const publicToken = need(e.publicToken, "needs the store's public token: set CONTRACT_ECWID_PUBLIC_TOKEN");
    const a = await call(`${api(e, "/profile")}?token=${encodeURIComponent(publicToken)}`);
    expectStatus(a, 403, "GET /profile?token=<public token> without an Authorization header");
  });

  test("ECWID-PAGE-01 GET /products pages with offset and limit and answers total, count, offset, limit, items", async ({
    ecwid,
  }) => {
    const e = need(ecwid, NO_ECWID);
    const Page = z.object({
      total: z.number().int().min(0),
      count: z.number().int().min(0),
      offset: z.number().int(),
      limit: z.number().int(),
      items: z.array(
        z.object({
          id: z.number().int(),
          sku: z.string(),
          name: z.string(),
          price: z.number(),
          enabled: z.boolean(),
          inStock: z.boolean(),
        }),
      ),
    });
    const a = await call(api(e, "/products?offset=1&limit=2"), { token: e.secretToken });
    expectStatus(a, 200, "GET /products?offset=1&limit=2");
    const page = conform(Page, a.json, "GET /products");
    expect({ offset: page.offset, limit: page.limit }, "the page echoes offset and limit").toEqual({ offset: 1, limit: 2 });
    expect(page.count, "count is the number of items on this page").toBe(page.items.length);
    expect(page.items.length).toBe(Math.min(2, Math.max(0, page.total - 1)));
    const past = conform(
      Page,
      (await call(api(e, `/products?offset=${page.total}&limit=2`), { token: e.secretToken })).json,
      "GET /products past the end",
    );
    expect({ count: past.count, items: past.items }, "a page past the end is empty").toEqual({ count: 0, items: [] });
    const big = await call(api(e, "/products?limit=250"), { token: e.secretToken });
    if (big.status === 200)
      expect(conform(Page, big.json, "GET /products?limit=250").items.length, "limit is at most 100").toBeLessThanOrEqual(100);
    else expectStatus(big, 400, "GET /products?limit=250 (over the documented maximum of 100)");
  });

  test("ECWID-PAGE-02 GET /orders pages like products and orders carry a string id, total and the documented statuses", async ({
    ecwid,
  }) => {
    const e = need(ecwid, NO_ECWID);
    const PAYMENT = ["AWAITING_PAYMENT", "PAID", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED", "INCOMPLETE"] as const;
    const FULFILLMENT = [
      "AWAITING_PROCESSING",
      "PROCESSING",
      "SHIPPED",
      "DELIVERED",
      "WILL_NOT_DELIVER",
      "RETURNED",
      "READY_FOR_PICKUP",
      "OUT_FOR_DELIVERY",
    ] as const;
    const a = await call(api(e, "/orders?offset=0&limit=2"), { token: e.secretToken });
    expectStatus(a, 200, "GET /orders?offset=0&limit=2");
    const page = conform(
      z.object({
        total: z.number().int().min(0),
        count: z.number().int().min(0),
        offset: z.literal(0),
        limit: z.literal(2),
        items: z.array(
          z.object({
            id: z.string().min(1),
            total: z.number(),
            email: z.string(),
            paymentStatus: z.enum(PAYMENT),
            fulfillmentStatus: z.enum(FULFILLMENT),
            items: z.array(z.unknown()),
          }),
        ),
      }),
      a.json,
      "GET /orders",
    );
    expect(page.count).toBe(page.items.length);
  });

  test("ECWID-ORDER-01 PUT /orders/{id} with a fulfillmentStatus answers {updateCount:1} and the order shows it", async ({
    ecwid,
    target,
  }) => {
    const e = need(ecwid, NO_ECWID);
    needWrites(target);
    const orderId = need(e.testOrderId, "needs an order you created for the run: set CONTRACT_ECWID_TEST_ORDER_ID");
    const before = await call(api(e, `/orders/${orderId}`), { token: e.secretToken });
    expectStatus(before, 200, `GET /orders/${orderId}`);
    const original = String(before.json.fulfillmentStatus);
    const next = original === "PROCESSING" ? "AWAITING_PROCESSING" : "PROCESSING";
    try {
      const put = await call(api(e, `/orders/${orderId}`), {
        method: "PUT",
        token: e.secretToken,
        json: { fulfillmentStatus: next },
      });
      expectStatus(put, 200, "PUT /orders/{id}");
      conform(z.object({ updateCount: z.literal(1) }), put.json, "PUT /orders/{id}");
      expect(
        (await call(api(e, `/orders/${orderId}`), { token: e.secretToken })).json.fulfillmentStatus,
        "the order after the update",
      ).toBe(next);
    } finally {
      await call(api(e, `/orders/${orderId}`), { method: "PUT", token: e.secretToken, json: { fulfillmentStatus: original } });
    }
  });

  test("ECWID-STOCK-01 PUT /products/{id}/inventory {quantityDelta} answers {updateCount:1} and moves the quantity by the delta", async ({
    ecwid,
    target,
  }) => {
    const e = need(ecwid, NO_ECWID);
    needWrites(target);
    const productId = need(
      e.testProductId,
      "needs a product with tracked stock you created for the run: set CONTRACT_ECWID_TEST_PRODUCT_ID",
    );
    const quantity = async () => Number((await call(api(e, `/products/${productId}`), { token: e.secretToken })).json.quantity);
    const before = await quantity();
    expect(Number.isInteger(before), "the test product tracks its stock (quantity is a number)").toBe(true);
    const adjust = (quantityDelta: number) =>
      call(api(e, `/products/${productId}/inventory`), { method: "PUT", token: e.secretToken, json: { quantityDelta } });
    const up = await adjust(1);
    try {
      expectStatus(up, 200, "PUT /products/{id}/inventory");
      conform(z.object({ updateCount: z.literal(1), warning: z.string().optional() }), up.json, "PUT /products/{id}/inventory");
      expect(await quantity(), "quantity after +1").toBe(before + 1);
    } finally {
      if (up.status === 200) await adjust(-1);
    }
    expect(await quantity(), "quantity after +1 then -1").toBe(before);
  });

  test("ECWID-ERR-01 errors answer {errorMessage, errorCode}: an unknown product is 404 PRODUCT_NOT_FOUND, an unknown order 404 ORDER_NOT_FOUND", async ({
    ecwid,
  }) => {
    const e = need(ecwid, NO_ECWID);
    expectEcwidError(
      await call(api(e, "/products/987654321"), { token: e.secretToken }),
      404,
      "PRODUCT_NOT_FOUND",
      "GET /products/{unknown id}",
    );
    expectEcwidError(
      await call(api(e, "/orders/STORELINKCONTRACT0"), { token: e.secretToken }),
      404,
      "ORDER_NOT_FOUND",
      "GET /orders/{unknown id}",
    );
  });
});

test.describe("Ecwid app storage and application @ecwid", () => {
  const storageKey = (e: EcwidTarget, key: string) => api(e, `/storage/${encodeURIComponent(key)}`);

  test('ECWID-STORAGE-01 writing a key with Content-Type application/json answers {"success": true}', async ({
    ecwid,
    target,
  }) => {
    const e = need(ecwid, NO_ECWID);
    needWrites(target);
    const key = contractName("key");
    try {
      const a = await call(storageKey(e, key), {
        method: "POST",
        token: e.secretToken,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ contract: true }),
      });
      expectStatus(a, 200, "POST /storage/{key}");
      conform(z.object({ success: z.literal(true) }), a.json, "POST /storage/{key}");
    } finally {
      await call(storageKey(e, key), { method: "DELETE", token: e.secretToken });
    }
  });

  test("ECWID-STORAGE-02 a stored key reads back as {key, value}, is listed as [{key, value}] and can be deleted", async ({
    ecwid,
    target,
  }) => {
    const e = need(ecwid, NO_ECWID);
    needWrites(target);
    const key = contractName("key");
    const value = JSON.stringify({ contract: key });
    try {
      const write = await call(storageKey(e, key), {
        method: "POST",
        token: e.secretToken,
        headers: { "content-type": "application/json" },
        body: value,
      });
      expectStatus(write, 200, "POST /storage/{key}");
      const read = await call(storageKey(e, key), { token: e.secretToken });
      expectStatus(read, 200, "GET /storage/{key}");
      expect(conform(z.object({ key: z.string(), value: z.string() }), read.json, "GET /storage/{key}")).toEqual({ key, value });
      const list = conform(
        z.array(z.object({ key: z.string(), value: z.string().nullable() })),
        (await call(api(e, "/storage"), { token: e.secretToken })).json,
        "GET /storage",
      );
      expect(list.find((x) => x.key === key)?.value, "the key in GET /storage").toBe(value);
    } finally {
      expectStatus(await call(storageKey(e, key), { method: "DELETE", token: e.secretToken }), 200, "DELETE /storage/{key}");
    }
    expectStatus(await call(storageKey(e, key), { token: e.secretToken }), 404, "GET /storage/{key} after DELETE");
  });

  test('ECWID-STORAGE-03 a missing key is 404 with errorMessage "Key not found"', async ({ ecwid }) => {
    const e = need(ecwid, NO_ECWID);
    const a = await call(storageKey(e, contractName("missing")), { token: e.secretToken });
    expectStatus(a, 404, "GET /storage/{missing key}");
    expect(conform(z.object({ errorMessage: z.string() }), a.json, "GET /storage/{missing key}").errorMessage).toBe(
      "Key not found",
    );
  });

  test("ECWID-STORAGE-04 a write whose body is not sent as application/json is refused with 415", async ({ ecwid, target }) => {
    const e = need(ecwid, NO_ECWID);
    needWrites(target);
    const key = contractName("key");
    try {
      const a = await call(storageKey(e, key), {
        method: "POST",
        token: e.secretToken,
        headers: { "content-type": "text/plain" },
        body: "plain",
      });
      expectStatus(a, 415, "POST /storage/{key} with Content-Type text/plain");
    } finally {
      await call(storageKey(e, key), { method: "DELETE", token: e.secretToken });
    }
  });

  test("ECWID-STORAGE-05 writing app storage needs the update_store_profile scope (403 without it)", async ({
    ecwid,
    control,
  }) => {
    const e = need(ecwid, NO_ECWID);
    const sb = need(
      control,
      "needs a second token of the app without update_store_profile, which a real store's credentials do not give",
    );
    const store = await sb.createEcwidStore({ name: contractName("scopes"), productCount: 0, orderCount: 0 });
    const token = (await sb.installEcwid(store.storeId, ["read_store_profile", "read_catalog"])).access_token;
    const url = `${e.apiUrl}/api/v3/${store.storeId}/storage/${contractName("key")}`;
    const a = await call(url, { method: "POST", token, headers: { "content-type": "application/json" }, body: "{}" });
    expectStatus(a, 403, "POST /storage/{key} with a token lacking update_store_profile");
  });

  test("ECWID-APP-01 GET /application/token answers the token's permissions, created and expires", async ({ ecwid }) => {
    const e = need(ecwid, NO_ECWID);
    const a = await call(api(e, "/application/token"), { token: e.secretToken });
    expectStatus(a, 200, "GET /application/token");
    const info = conform(
      z.object({ permissions: z.array(z.string()), created: z.unknown(), expires: z.unknown() }),
      a.json,
      "GET /application/token",
    );
    expect(info.permissions, "permissions include the always-granted read_store_profile").toContain("read_store_profile");
  });
});
