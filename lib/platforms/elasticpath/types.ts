// Elastic Path Commerce Cloud wire types (platform-facts §5). Nothing outside this folder uses them:
// the rest of Storelink sees UnifiedProduct / ApplicationKey from reshape.ts.

/** What Storelink keeps in the vault for an Elastic Path connection. */
export type EpCredentials = { clientId: string; clientSecret: string; accessToken: string };

/**
 * Non-secret details kept on the connection row (metadata). `storeName` is the name the admin gave the store
 * when connecting: Elastic Path's API has no store name (or id) readable with an application key.
 */
export type EpMetadata = { keyId?: string | null; region?: string | null; storeName?: string | null };

export type EpTokenResponse = {
  access_token: string;
  token_type: string;
  /** Unix seconds. */
  expires: number;
  expires_in: number;
  identifier: "client_credentials" | "implicit";
};

export type EpApplicationKey = {
  id: string;
  type: "application_key";
  name: string;
  client_id: string;
  /** Present only in the create response. */
  client_secret?: string;
  reserved_rate_limit: number;
  meta?: { timestamps?: { created_at?: string; updated_at?: string; last_used_at?: string | null } };
};

export type EpPageMeta = {
  page?: { limit: number; offset: number; current: number; total: number };
  results?: { total: number };
};

export type EpKeyList = { data: EpApplicationKey[]; meta?: EpPageMeta & { total_reserved_rate_limit?: number } };

export type EpCatalogProduct = {
  id: string;
  type: string;
  attributes: {
    name: string;
    sku?: string | null;
    slug?: string | null;
    description?: string | null;
    status?: string;
    price?: Record<string, { amount: number; includes_tax?: boolean }>;
  };
  meta?: {
    display_price?: { without_tax?: { amount: number; currency: string; formatted?: string } };
    timestamps?: { updated_at?: string };
  };
};

export type EpCatalogList = { data: EpCatalogProduct[]; meta?: EpPageMeta };

/** GET /v2/settings: project settings and limits, `meta.owner`; no store id, name or currency. */
export type EpSettings = { data?: { type?: "settings" } & Record<string, unknown>; meta?: { owner?: string } };

/** GET /v2/currencies entry; amounts in this currency are integers of 10^-decimal_places. */
export type EpCurrency = {
  id?: string;
  code: string;
  decimal_places: number;
  default?: boolean;
  enabled?: boolean;
  format?: string;
};
export type EpCurrencyList = { data: EpCurrency[]; meta?: EpPageMeta };

/** GET /pcm/products entry: the admin's product, without prices (those live in price books). */
export type EpPcmProduct = {
  id: string;
  type: string;
  attributes: { name: string; sku?: string | null; slug?: string | null; description?: string | null; status?: string };
  meta?: { created_at?: string; updated_at?: string };
};
export type EpPcmProductList = { data: EpPcmProduct[]; meta?: EpPageMeta };

/** GET /pcm/pricebooks/prices entry: one SKU's amounts per currency code (minor units). */
export type EpPrice = {
  id: string;
  type: string;
  attributes: { sku: string; currencies: Record<string, { amount: number; includes_tax?: boolean }> };
};
export type EpPriceList = { data: EpPrice[] };

/** JSON:API error body; `status` is an integer in the general guide and a string in the keys spec. */
export type EpErrorBody = { errors?: { status?: number | string; title?: string; detail?: string }[] };

/** GET /v2/customers entry (admin); `password: true` says one is set, never the password. */
export type EpCustomer = {
  id: string;
  type: "customer";
  name: string;
  email: string;
  password?: boolean;
  meta?: { timestamps?: { created_at?: string; updated_at?: string } };
};
export type EpCustomerList = { data: EpCustomer[]; meta?: EpPageMeta };
export type EpAccount = {
  id: string;
  type: "account";
  name: string;
  legal_name?: string;
  meta?: { timestamps?: { created_at?: string } };
};
export type EpAccountList = { data: EpAccount[]; meta?: EpPageMeta };
export type EpAccountMember = { id: string; type: "account_member"; name: string; email: string };
export type EpAccountMemberList = { data: EpAccountMember[]; meta?: EpPageMeta };
/** GET /v2/settings/account-authentication: the realm that holds the account members' password profiles. */
export type EpAccountAuthSettings = {
  data: { id: string; relationships?: { authentication_realm?: { data?: { id: string } } } };
};
export type EpPasswordProfile = { id: string; type: "password_profile"; name: string; username_format?: string };
export type EpPasswordProfileList = { data: EpPasswordProfile[]; meta?: EpPageMeta };
/** GET /v2/accounts/{id}/account-memberships entry: links one member to the account. */
export type EpAccountMembership = {
  id: string;
  type: "account_membership";
  relationships?: { account_member?: { data?: { id: string } } };
};
export type EpAccountMembershipList = { data: EpAccountMembership[]; meta?: EpPageMeta };
