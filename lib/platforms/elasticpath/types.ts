// Elastic Path Commerce Cloud wire types (platform-facts §5). Nothing outside this folder uses them:
// the rest of Storelink sees UnifiedProduct / ApplicationKey from reshape.ts.

/** What Storelink keeps in the vault for an Elastic Path connection. */
export type EpCredentials = { clientId: string; clientSecret: string; accessToken: string };

/** Non-secret details kept on the connection row (metadata). */
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
  meta?: { display_price?: { without_tax?: { amount: number; currency: string; formatted?: string } } };
};

export type EpCatalogList = { data: EpCatalogProduct[]; meta?: EpPageMeta };

export type EpSettings = { data?: Record<string, unknown>; meta?: { store_id?: string; store_name?: string } };

/** JSON:API error body; `status` is an integer in the general guide and a string in the keys spec. */
export type EpErrorBody = { errors?: { status?: number | string; title?: string; detail?: string }[] };
