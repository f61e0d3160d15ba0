// Elastic Path shoppers (issue 19's sandbox part), as documented:
// - customers (EPDEV docs/customer-management/customer-management-api/*.mdx): admin CRUD; `password: true`
//   instead of the password; POST /v2/customers/tokens with email + password → `{type: "token", id,
//   customer_id, token (JWT: sub, name, exp, iat, jti), expires (epoch, +24 h)}`; X-Moltin-Customer-Token with
//   an implicit token reads that customer only (docs/authentication/Tokens/customer-token.mdx);
// - accounts, account members, the account authentication realm and its password profiles, and
//   POST /v2/account-members/tokens (EPDEV openapispecs/accounts/OpenAPISpec.yaml): one token per account the
//   member belongs to (`account_name`, `account_id`, `token` (JWT: sub member, scope account), `expires` ISO);
//   EP-Account-Management-Authentication-Token with an implicit token reads the account and its members
//   (permissions.mdx "Implicit + Account Management Authentication Token").
// Implicit tokens alone may not read /customers, /accounts or /account-members (permissions.mdx).
import type { SandboxContext } from "../context";
import { bodyJson, json, type Reply, type Req, type Router } from "../http";
import type { EpAccount, EpAccountMember, EpCustomer, EpStore } from "../state";
import { authenticate, epError, isReply, listPage, pageOf } from "./common";
import { issueShopperToken, shopperScope } from "./shopper-tokens";
import { addEpCustomer } from "./shopper-store";

/** Elastic Path's 401 for wrong shopper credentials (accounts spec UnauthorizedError example). */
const unauthorized = () => json(401, { errors: [{ title: "Unauthorized", status: "401" }] });

const customerResource = (c: EpCustomer) => ({
  type: "customer",
  id: c.id,
  name: c.name,
  email: c.email,
  password: true,
  meta: { timestamps: { created_at: c.createdAt, updated_at: c.createdAt } },
});

const accountResource = (a: EpAccount) => ({
  type: "account",
  id: a.id,
  name: a.name,
  legal_name: a.legalName,
  meta: { timestamps: { created_at: a.createdAt, updated_at: a.createdAt } },
});
const memberResource = (m: EpAccountMember) => ({ type: "account_member", id: m.id, name: m.name, email: m.email });

type Data = Record<string, unknown>;
const dataOf = (req: Req): Data | null => {
  const body = bodyJson(req) as { data?: unknown } | undefined;
  return body && typeof body.data === "object" && body.data !== null ? (body.data as Data) : null;
};

function createCustomer(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, true);
  if (isReply(a)) return a;
  const data = dataOf(req);
  if (!data || data.type !== "customer") return epError(400, "Bad Request", "The field 'type' must be 'customer'.");
  for (const field of ["name", "email"] as const)
    if (typeof data[field] !== "string" || !data[field]) return epError(400, "Bad Request", `The field '${field}' is required.`);
  const created = addEpCustomer(a.store, {
    name: data.name as string,
    email: data.email as string,
    password: typeof data.password === "string" ? data.password : "",
  });
  return created
    ? json(201, { data: customerResource(created) })
    : epError(409, "Duplicate email", "The email address already exists");
}

/** Admin: any customer. Implicit: only the customer its X-Moltin-Customer-Token names. */
function getCustomer(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, false);
  if (isReply(a)) return a;
  const scope = shopperScope(ctx, req, a);
  if (isReply(scope)) return scope;
  if (scope.kind === "account") return epError(403, "Forbidden", "You do not have permission to access this resource");
  const customer = a.store.shoppers.customers.find((c) => c.id === req.params.id);
  if (!customer || (scope.kind === "customer" && scope.customerId !== customer.id))
    return epError(404, "Not Found", "Customer not found");
  return json(200, { data: customerResource(customer) });
}

function customerToken(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, false);
  if (isReply(a)) return a;
  const data = dataOf(req);
  if (!data || data.type !== "token") return epError(400, "Bad Request", "The field 'type' must be 'token'.");
  if (data.authentication_mechanism !== undefined && data.authentication_mechanism !== "password")
    return epError(400, "Bad Request", "Only the password mechanism is supported by the sandbox.");
  const customer = a.store.shoppers.customers.find((c) => c.email.toLowerCase() === String(data.email ?? "").toLowerCase());
  if (!customer || !customer.password || customer.password !== data.password) return unauthorized();
  const { token, jti, expiresAt } = issueShopperToken(ctx, a.store, "customer", { sub: customer.id, name: customer.name });
  return json(200, { data: { type: "token", id: jti, customer_id: customer.id, token, expires: Math.floor(expiresAt / 1000) } });
}

function memberTokens(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, false);
  if (isReply(a)) return a;
  const data = dataOf(req);
  if (!data || data.type !== "account_management_authentication_token")
    return epError(400, "Bad Request", "The field 'type' must be 'account_management_authentication_token'.");
  if (data.authentication_mechanism !== "password")
    return epError(400, "Bad Request", "Only the password mechanism is supported by the sandbox.");
  const member = a.store.shoppers.members.find(
    (m) => m.username === data.username && m.passwordProfileId === data.password_profile_id,
  );
  if (!member || member.password !== data.password) return unauthorized();
  const tokens = member.accountIds.map((accountId) => {
    const account = a.store.shoppers.accounts.find((x) => x.id === accountId)!;
    const { token, expiresAt } = issueShopperToken(ctx, a.store, "account", { sub: member.id, scope: account.id });
    return {
      type: "account_management_authentication_token",
      account_name: account.name,
      account_id: account.id,
      token,
      expires: new Date(expiresAt).toISOString(),
    };
  });
  return json(201, listPage(`${ctx.urls.elasticpath}/v2/account-members/tokens`, tokens, { offset: 0, limit: 25 }));
}

/** Admin: any account. Implicit: the account its EP-Account-Management-Authentication-Token is scoped to. */
function getAccount(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, false);
  if (isReply(a)) return a;
  const scope = shopperScope(ctx, req, a);
  if (isReply(scope)) return scope;
  if (scope.kind === "customer") return epError(403, "Forbidden", "You do not have permission to access this resource");
  const account = a.store.shoppers.accounts.find((x) => x.id === req.params.id);
  if (!account || (scope.kind === "account" && scope.accountId !== account.id))
    return epError(404, "Not Found", "Account not found");
  return json(200, { data: accountResource(account) });
}

export function registerElasticPathShopperRoutes(router: Router, ctx: SandboxContext): void {
  const adminList =
    (base: string, all: (store: EpStore) => unknown[], adminOnly = true) =>
    (req: Req) => {
      const a = authenticate(ctx, req, adminOnly);
      if (isReply(a)) return a;
      const page = pageOf(req);
      return isReply(page) ? page : json(200, listPage(`${ctx.urls.elasticpath}${base}`, all(a.store), page));
    };
  router.add(
    "GET",
    "/v2/customers",
    adminList("/v2/customers", (s) => s.shoppers.customers.map(customerResource)),
  );
  router.add("POST", "/v2/customers", (r) => createCustomer(ctx, r));
  router.add("POST", "/v2/customers/tokens", (r) => customerToken(ctx, r));
  router.add("GET", "/v2/customers/:id", (r) => getCustomer(ctx, r));
  router.add("DELETE", "/v2/customers/:id", (req) => {
    const a = authenticate(ctx, req, true);
    if (isReply(a)) return a;
    const at = a.store.shoppers.customers.findIndex((c) => c.id === req.params.id);
    if (at < 0) return epError(404, "Not Found", "Customer not found");
    a.store.shoppers.customers.splice(at, 1);
    return { status: 204, headers: {}, body: "" };
  });
  router.add(
    "GET",
    "/v2/accounts",
    adminList("/v2/accounts", (s) => s.shoppers.accounts.map(accountResource)),
  );
  router.add("GET", "/v2/accounts/:id", (r) => getAccount(ctx, r));
  // Admin: the memberships of one account (EPDEV accounts spec, GET /v2/accounts/{accountID}/account-memberships).
  router.add("GET", "/v2/accounts/:id/account-memberships", (req) =>
    adminList(`/v2/accounts/${req.params.id}/account-memberships`, (s) =>
      s.shoppers.members
        .filter((m) => m.accountIds.includes(req.params.id ?? ""))
        .map((m) => ({
          type: "account_membership",
          id: `${req.params.id}:${m.id}`,
          relationships: { account_member: { data: { type: "account_member", id: m.id } } },
        })),
    )(req),
  );
  router.add(
    "GET",
    "/v2/account-members",
    adminList("/v2/account-members", (s) => s.shoppers.members.map(memberResource)),
  );
  router.add("POST", "/v2/account-members/tokens", (r) => memberTokens(ctx, r));
  router.add("GET", "/v2/settings/account-authentication", (req) => {
    const a = authenticate(ctx, req, true);
    if (isReply(a)) return a;
    const realm = { data: { id: a.store.shoppers.realmId, type: "authentication-realm" } };
    return json(200, {
      data: {
        id: a.store.id,
        type: "account_authentication_settings",
        relationships: { authentication_realm: realm },
        meta: { client_id: "account-management" },
      },
    });
  });
  router.add("GET", "/v2/authentication-realms/:realm/password-profiles", (req) => {
    const profiles = adminList(
      `/v2/authentication-realms/${req.params.realm}/password-profiles`,
      (s) =>
        s.shoppers.realmId === req.params.realm
          ? s.shoppers.passwordProfiles.map((p) => ({
              id: p.id,
              type: "password_profile",
              name: p.name,
              username_format: "any",
              enable_one_time_password_token: false,
            }))
          : [],
      false, // an implicit token may read authentication realms (permissions.mdx, "Implicit" table)
    );
    return profiles(req);
  });
}
