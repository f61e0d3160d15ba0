// Elastic Path shopper rows of e2e/simulators/CONFORMANCE.md (EP-SHOPPER-*): customer tokens and account
// management authentication tokens with the implicit token, what each lets the browser read, and the documented
// way an admin adds an account member. Written from EPDEV (customer-token.mdx, permissions.mdx, the accounts,
// cartsorders and address specs, the user-authentication-info pages). Every row creates the shoppers it signs in
// as (recognisable `storelink-contract-…` names) and deletes them afterwards, so on a real store they are writes.
import { z } from "zod";
import { call, conform, expectStatus, type Answer } from "./support/check";
import { contractName, expect, need, needWrites, test, type ElasticPathTarget, type TargetKind } from "./support/fixtures";
import { epBearer as bearer, expectEpError, NO_EP } from "./support/platforms";

const CUSTOMER_TOKEN = "X-Moltin-Customer-Token";
const ACCOUNT_TOKEN = "EP-Account-Management-Authentication-Token";
const PASSWORD = "storelink-Contract-1";

const CustomerToken = z.object({
  data: z.object({
    type: z.literal("token"),
    id: z.string().min(1),
    customer_id: z.string().min(1),
    token: z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, "a JWT"),
    expires: z.number().int(),
  }),
});
const AccountTokens = z.object({
  data: z
    .array(
      z.object({
        type: z.literal("account_management_authentication_token"),
        account_id: z.string().min(1),
        account_name: z.string(),
        token: z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, "a JWT"),
        expires: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1),
});
const Order = z.object({
  type: z.literal("order"),
  id: z.string().min(1),
  status: z.string(),
  payment: z.string(),
  shipping: z.string(),
  relationships: z.record(z.string(), z.unknown()).optional(),
});
const Orders = z.object({ data: z.array(Order), meta: z.object({ results: z.object({ total: z.number().int() }) }).loose() });

type Made = { cleanup: (() => Promise<unknown>)[] };
const ep = (e: ElasticPathTarget, path: string, init: Parameters<typeof call>[1] = {}) => call(`${e.baseUrl}${path}`, init);

async function newCustomer(e: ElasticPathTarget, admin: string, made: Made, tag: string) {
  const email = `${contractName(tag)}@example.com`;
  const a = await ep(e, "/v2/customers", {
    method: "POST",
    token: admin,
    json: { data: { type: "customer", name: contractName(tag), email, password: PASSWORD } },
  });
  expectStatus(a, [200, 201], "POST /v2/customers");
  const id = String(a.json.data.id);
  made.cleanup.push(() => ep(e, `/v2/customers/${id}`, { method: "DELETE", token: admin }));
  return { id, email };
}

async function customerToken(e: ElasticPathTarget, implicit: string, email: string, password: string): Promise<Answer> {
  return ep(e, "/v2/customers/tokens", {
    method: "POST",
    token: implicit,
    json: { data: { type: "token", email, password, authentication_mechanism: "password" } },
  });
}

/** What every row starts with: the target (skipped without one), writes allowed, an admin and a shopper token. */
async function shopperRow(elasticpath: ElasticPathTarget | null, target: TargetKind) {
  const e = need(elasticpath, NO_EP);
  needWrites(target);
  return { e, admin: await bearer(e, "client_credentials"), implicit: await bearer(e, "implicit") };
}

const made: Made = { cleanup: [] };
test.afterEach(async () => {
  for (const undo of made.cleanup.reverse()) await undo().catch(() => undefined);
  made.cleanup = [];
});

test.describe("Elastic Path customer tokens @elasticpath", () => {
  test("EP-SHOPPER-01 POST /v2/customers/tokens (implicit) answers {type token, id, customer_id, token (JWT), expires (unix s, +24 h)}; a wrong password or an unknown email is 401", async ({
    elasticpath,
    target,
  }) => {
    const { e, admin, implicit } = await shopperRow(elasticpath, target);
    const customer = await newCustomer(e, admin, made, "customer");
    const a = await customerToken(e, implicit, customer.email, PASSWORD);
    expectStatus(a, 200, "POST /v2/customers/tokens");
    const t = conform(CustomerToken, a.json, "a customer token");
    expect(t.data.customer_id).toBe(customer.id);
    expect(Math.abs(t.data.expires - (Date.now() / 1000 + 24 * 3600)), "expires ≈ now + 24 h, unix seconds").toBeLessThan(600);
    expectEpError(await customerToken(e, implicit, customer.email, "wrong-password"), 401, "a wrong password");
    expectEpError(await customerToken(e, implicit, `nobody-${customer.email}`, PASSWORD), 401, "an unknown email");
  });

  test("EP-SHOPPER-02 implicit + customer token reads that customer, its orders and addresses; implicit alone may not read /v2/orders or /v2/customers/{id}", async ({
    elasticpath,
    target,
  }) => {
    const { e, admin, implicit } = await shopperRow(elasticpath, target);
    const customer = await newCustomer(e, admin, made, "customer");
    const token = String((await customerToken(e, implicit, customer.email, PASSWORD)).json.data.token);
    const headers = { [CUSTOMER_TOKEN]: token };

    const me = await ep(e, `/v2/customers/${customer.id}`, { token: implicit, headers });
    expectStatus(me, 200, "GET /v2/customers/{own id} with the customer token");
    expect(me.json.data.email).toBe(customer.email);
    const orders = await ep(e, "/v2/orders", { token: implicit, headers });
    expectStatus(orders, 200, "GET /v2/orders with the customer token");
    for (const o of conform(Orders, orders.json, "the customer's orders").data)
      expect(o.relationships?.customer, `order ${o.id} names the customer`).toMatchObject({ data: { id: customer.id } });
    const addresses = await ep(e, `/v2/customers/${customer.id}/addresses`, { token: implicit, headers });
    expectStatus(addresses, 200, "GET /v2/customers/{own id}/addresses");
    expect(Array.isArray(addresses.json.data)).toBe(true);

    expectEpError(await ep(e, "/v2/orders", { token: implicit }), 403, "GET /v2/orders with the implicit token alone");
    expectEpError(
      await ep(e, `/v2/customers/${customer.id}`, { token: implicit }),
      403,
      "GET /v2/customers/{id} with the implicit token alone",
    );
  });

  test("EP-SHOPPER-03 a customer token does not open another customer or their orders (404 or 403: Elastic Path does not document which); an ended token is 403", async ({
    elasticpath,
    control,
    target,
  }) => {
    const { e, admin, implicit } = await shopperRow(elasticpath, target);
    const [ada, bob] = [await newCustomer(e, admin, made, "ada"), await newCustomer(e, admin, made, "bob")];
    const token = String((await customerToken(e, implicit, ada.email, PASSWORD)).json.data.token);
    const headers = { [CUSTOMER_TOKEN]: token };
    const other = await ep(e, `/v2/customers/${bob.id}`, { token: implicit, headers });
    expectStatus(other, [403, 404], "GET /v2/customers/{someone else} with a customer token");
    expect(other.json?.data, "no record of the other customer").toBeUndefined();

    // An order of Bob's exists only where the sandbox can place one; a real store's new customers have none.
    if (control && e.sandboxStoreId) {
      const storeId = e.sandboxStoreId;
      const order = await control.addElasticPathShopperRecord(storeId, "orders", {
        customerId: bob.id,
        amount: 100,
      });
      const lookup = await ep(e, `/v2/orders/${order.id}`, { token: implicit, headers });
      expectStatus(lookup, [403, 404], "GET /v2/orders/{someone else's} with a customer token");
      expect(lookup.json?.data).toBeUndefined();
      await control.expireElasticPathShopperTokens(storeId);
      expectEpError(await ep(e, "/v2/orders", { token: implicit, headers }), 403, "GET /v2/orders with an ended customer token");
    }
  });
});

test.describe("Elastic Path account members @elasticpath", () => {
  test("EP-SHOPPER-04 an admin adds a member the documented way (user authentication info → password profile info → membership); POST /v2/account-members/tokens answers one token per account; the token reads its account only", async ({
    elasticpath,
    target,
  }) => {
    const { e, admin, implicit } = await shopperRow(elasticpath, target);
    const settings = await ep(e, "/v2/settings/account-authentication", { token: admin });
    expectStatus(settings, 200, "GET /v2/settings/account-authentication");
    const realmId = String(
      need(settings.json.data?.relationships?.authentication_realm?.data?.id, "the store has an account authentication realm"),
    );
    const profiles = await ep(e, `/v2/authentication-realms/${realmId}/password-profiles`, { token: implicit });
    expectStatus(profiles, 200, "GET …/password-profiles with an implicit token (authentication realms are readable)");
    const profileId = String(need(profiles.json.data?.[0]?.id, "the realm has a password profile"));

    const accounts: string[] = [];
    for (const tag of ["retail", "wholesale"]) {
      const a = await ep(e, "/v2/accounts", {
        method: "POST",
        token: admin,
        json: { data: { type: "account", name: contractName(tag), legal_name: contractName(tag) } },
      });
      expectStatus(a, [200, 201], "POST /v2/accounts");
      const id = String(a.json.data.id);
      accounts.push(id);
      made.cleanup.push(() => ep(e, `/v2/accounts/${id}`, { method: "DELETE", token: admin }));
    }
    const info = await ep(e, `/v2/authentication-realms/${realmId}/user-authentication-info`, {
      method: "POST",
      token: admin,
      json: {
        data: { type: "user_authentication_info", name: contractName("member"), email: `${contractName("member")}@example.com` },
      },
    });
    expectStatus(info, 201, "POST …/user-authentication-info");
    const memberId = String(info.json.data.id);
    made.cleanup.push(() =>
      ep(e, `/v2/authentication-realms/${realmId}/user-authentication-info/${memberId}`, { method: "DELETE", token: admin }),
    );
    const username = contractName("user");
    const setPassword = (password: string) =>
      ep(
        e,
        `/v2/authentication-realms/${realmId}/user-authentication-info/${memberId}/user-authentication-password-profile-info`,
        {
          method: "POST",
          token: admin,
          json: {
            data: { type: "user_authentication_password_profile_info", password_profile_id: profileId, username, password },
          },
        },
      );
    expectStatus(await setPassword("short"), 400, "a password under 8 characters");
    const pw = await setPassword(PASSWORD);
    expectStatus(pw, 201, "POST …/user-authentication-password-profile-info");
    const join = (account: string) =>
      ep(e, `/v2/accounts/${account}/account-memberships`, {
        method: "POST",
        token: admin,
        json: { data: { type: "account_membership", account_member_id: memberId } },
      });
    for (const account of accounts) expectStatus(await join(account), 201, "POST /v2/accounts/{id}/account-memberships");
    expectStatus(await join(accounts[0]!), 409, "the same membership twice");

    const body = (password: string) => ({
      data: {
        type: "account_management_authentication_token",
        authentication_mechanism: "password",
        password_profile_id: profileId,
        username,
        password,
      },
    });
    const tokens = await ep(e, "/v2/account-members/tokens", { method: "POST", token: implicit, json: body(PASSWORD) });
    expectStatus(tokens, [200, 201], "POST /v2/account-members/tokens");
    const list = conform(AccountTokens, tokens.json, "account member tokens").data;
    expect(list.map((t) => t.account_id).sort()).toEqual([...accounts].sort());
    expect(Date.parse(list[0]!.expires) - Date.now(), "expires ≈ 24 h").toBeGreaterThan(23 * 3600 * 1000);
    expectEpError(
      await ep(e, "/v2/account-members/tokens", { method: "POST", token: implicit, json: body("wrong-password") }),
      401,
      "a wrong password",
    );

    const [first, second] = list;
    const headers = { [ACCOUNT_TOKEN]: first!.token };
    const mine = await ep(e, `/v2/accounts/${first!.account_id}`, { token: implicit, headers });
    expectStatus(mine, 200, "GET /v2/accounts/{own} with the account token");
    expectStatus(
      await ep(e, `/v2/accounts/${second!.account_id}`, { token: implicit, headers }),
      [403, 404],
      "the member's other account with this account's token",
    );
    const orders = await ep(e, "/v2/orders", { token: implicit, headers });
    expectStatus(orders, 200, "GET /v2/orders with the account token");
    for (const o of conform(Orders, orders.json, "the account's orders").data)
      expect(o.relationships?.account, `order ${o.id} names the account`).toMatchObject({ data: { id: first!.account_id } });
    expectStatus(
      await ep(e, `/v2/accounts/${first!.account_id}/addresses`, { token: implicit, headers }),
      200,
      "GET /v2/accounts/{own}/addresses",
    );
    const carts = await ep(e, "/v2/carts", { token: implicit, headers });
    expectStatus(carts, 200, "GET /v2/carts (Get Shopper Carts) with the account token");
    expect(Array.isArray(carts.json.data)).toBe(true);
  });
});
