import "server-only";
import { epJson } from "./transport";
import type {
  EpAccount,
  EpAccountAuthSettings,
  EpAccountList,
  EpAccountMemberList,
  EpAccountMembershipList,
  EpApplicationKey,
  EpCatalogList,
  EpCatalogProduct,
  EpCurrencyList,
  EpCustomer,
  EpCustomerList,
  EpKeyList,
  EpPasswordProfileList,
  EpPcmProduct,
  EpPcmProductList,
  EpPriceList,
  EpSettings,
} from "./types";

// Elastic Path endpoints Storelink uses, each a typed call on (baseUrl, token).

export type EpAuth = { baseUrl: string; token: string };

export const listKeys = ({ baseUrl, token }: EpAuth, offset: number, limit: number) =>
  epJson<EpKeyList>(baseUrl, { path: "/v2/application-keys", token, query: { "page[offset]": offset, "page[limit]": limit } });

export const getKey = ({ baseUrl, token }: EpAuth, id: string) =>
  epJson<{ data: EpApplicationKey }>(baseUrl, { path: `/v2/application-keys/${encodeURIComponent(id)}`, token });

/** The only response that ever carries the new key's client_secret. */
export const createKey = ({ baseUrl, token }: EpAuth, input: { name: string; reservedRateLimit?: number }) =>
  epJson<{ data: EpApplicationKey }>(baseUrl, {
    method: "POST",
    path: "/v2/application-keys",
    token,
    json: {
      data: {
        type: "application_key",
        name: input.name,
        ...(input.reservedRateLimit !== undefined && { reserved_rate_limit: input.reservedRateLimit }),
      },
    },
  });

export const updateKey = ({ baseUrl, token }: EpAuth, id: string, input: { name?: string; reservedRateLimit?: number }) =>
  epJson<{ data: EpApplicationKey }>(baseUrl, {
    method: "PUT",
    path: `/v2/application-keys/${encodeURIComponent(id)}`,
    token,
    json: {
      data: {
        type: "application_key",
        ...(input.name !== undefined && { name: input.name }),
        ...(input.reservedRateLimit !== undefined && { reserved_rate_limit: input.reservedRateLimit }),
      },
    },
  });

export const deleteKey = ({ baseUrl, token }: EpAuth, id: string) =>
  epJson<null>(baseUrl, { method: "DELETE", path: `/v2/application-keys/${encodeURIComponent(id)}`, token });

export const getSettings = ({ baseUrl, token }: EpAuth) => epJson<EpSettings>(baseUrl, { path: "/v2/settings", token });

export const listCatalogProducts = ({ baseUrl, token }: EpAuth, offset: number, limit: number) =>
  epJson<EpCatalogList>(baseUrl, { path: "/catalog/products", token, query: { "page[offset]": offset, "page[limit]": limit } });

export const getCatalogProduct = ({ baseUrl, token }: EpAuth, id: string) =>
  epJson<{ data: EpCatalogProduct }>(baseUrl, { path: `/catalog/products/${encodeURIComponent(id)}`, token });

/** The store's currencies (code, decimal_places, default): where a store's currency is read from. */
export const listCurrencies = ({ baseUrl, token }: EpAuth) =>
  epJson<EpCurrencyList>(baseUrl, { path: "/v2/currencies", token, query: { "page[limit]": 100 } });

/** The admin product list (PCM): every product, published or not; client_credentials only. */
export const listPcmProducts = ({ baseUrl, token }: EpAuth, offset: number, limit: number) =>
  epJson<EpPcmProductList>(baseUrl, { path: "/pcm/products", token, query: { "page[offset]": offset, "page[limit]": limit } });
export const getPcmProduct = ({ baseUrl, token }: EpAuth, id: string) =>
  epJson<{ data: EpPcmProduct }>(baseUrl, { path: `/pcm/products/${encodeURIComponent(id)}`, token });

/** Price-book prices of these SKUs (all price books); at most 100 SKUs a call. */
export const listPricesOfSkus = ({ baseUrl, token }: EpAuth, skus: string[]) =>
  epJson<EpPriceList>(baseUrl, {
    path: "/pcm/pricebooks/prices",
    token,
    query: { filter: `in(sku,${skus.join(",")})`, "page[limit]": 100 },
  });

// Shopper administration (client_credentials): customers, accounts, members, the realm's password profiles.

const page = (limit: number) => ({ "page[offset]": 0, "page[limit]": limit });

export const listCustomers = ({ baseUrl, token }: EpAuth, limit = 100) =>
  epJson<EpCustomerList>(baseUrl, { path: "/v2/customers", token, query: page(limit) });

/** One page of the store's customers (GET /v2/customers, page[offset]/page[limit]). */
export const listCustomersPage = ({ baseUrl, token }: EpAuth, offset: number, limit: number) =>
  epJson<EpCustomerList>(baseUrl, { path: "/v2/customers", token, query: { "page[offset]": offset, "page[limit]": limit } });
export const getCustomerById = ({ baseUrl, token }: EpAuth, id: string) =>
  epJson<{ data: EpCustomer }>(baseUrl, { path: `/v2/customers/${encodeURIComponent(id)}`, token });

/** A customer who can sign in with email + password (POST /v2/customers/tokens). */
export const createCustomer = ({ baseUrl, token }: EpAuth, input: { name: string; email: string; password: string }) =>
  epJson<{ data: EpCustomer }>(baseUrl, {
    method: "POST",
    path: "/v2/customers",
    token,
    json: { data: { type: "customer", ...input } },
  });

export const listAccounts = ({ baseUrl, token }: EpAuth, limit = 100) =>
  epJson<EpAccountList>(baseUrl, { path: "/v2/accounts", token, query: page(limit) });

export const listAccountMembers = ({ baseUrl, token }: EpAuth, limit = 100) =>
  epJson<EpAccountMemberList>(baseUrl, { path: "/v2/account-members", token, query: page(limit) });

export const listAccountMemberships = ({ baseUrl, token }: EpAuth, accountId: string, limit = 100) =>
  epJson<EpAccountMembershipList>(baseUrl, {
    path: `/v2/accounts/${encodeURIComponent(accountId)}/account-memberships`,
    token,
    query: page(limit),
  });

export const getAccountAuthSettings = ({ baseUrl, token }: EpAuth) =>
  epJson<EpAccountAuthSettings>(baseUrl, { path: "/v2/settings/account-authentication", token });

export const listPasswordProfiles = ({ baseUrl, token }: EpAuth, realmId: string) =>
  epJson<EpPasswordProfileList>(baseUrl, {
    path: `/v2/authentication-realms/${encodeURIComponent(realmId)}/password-profiles`,
    token,
    query: page(100),
  });

// Adding an account member with a password (EPDEV accounts spec: "the account members API is read only …
// there is a 1 to 1 correspondence between User Authentication Info and an Account Member, … the same id").

export const createAccount = ({ baseUrl, token }: EpAuth, name: string) =>
  epJson<{ data: EpAccount }>(baseUrl, {
    method: "POST",
    path: "/v2/accounts",
    token,
    json: { data: { type: "account", name, legal_name: name } },
  });

const realmPath = (realmId: string) => `/v2/authentication-realms/${encodeURIComponent(realmId)}/user-authentication-info`;

/** The member itself (name, email); its id is the account member's id. */
export const createUserAuthenticationInfo = (
  { baseUrl, token }: EpAuth,
  realmId: string,
  input: { name: string; email: string },
) =>
  epJson<{ data: { id: string; name: string; email: string } }>(baseUrl, {
    method: "POST",
    path: realmPath(realmId),
    token,
    json: { data: { type: "user_authentication_info", ...input } },
  });

export const deleteUserAuthenticationInfo = ({ baseUrl, token }: EpAuth, realmId: string, id: string) =>
  epJson<null>(baseUrl, { method: "DELETE", path: `${realmPath(realmId)}/${encodeURIComponent(id)}`, token });

/** The member's username and password in a password profile (the password must be at least 8 characters). */
export const createPasswordProfileInfo = (
  { baseUrl, token }: EpAuth,
  realmId: string,
  memberId: string,
  input: { passwordProfileId: string; username: string; password: string },
) =>
  epJson<{ data: { id: string; username: string } }>(baseUrl, {
    method: "POST",
    path: `${realmPath(realmId)}/${encodeURIComponent(memberId)}/user-authentication-password-profile-info`,
    token,
    json: {
      data: {
        type: "user_authentication_password_profile_info",
        password_profile_id: input.passwordProfileId,
        username: input.username,
        password: input.password,
      },
    },
  });

export const createAccountMembership = ({ baseUrl, token }: EpAuth, accountId: string, memberId: string) =>
  epJson<{ data: { id: string } }>(baseUrl, {
    method: "POST",
    path: `/v2/accounts/${encodeURIComponent(accountId)}/account-memberships`,
    token,
    json: { data: { type: "account_membership", account_member_id: memberId } },
  });
