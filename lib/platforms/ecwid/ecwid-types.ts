// Ecwid REST API v3 shapes, only the fields Storelink reads (platform-facts §3). Kept inside the adapter
// folder: nothing outside lib/platforms/ecwid knows these names.

export type EcwidProfile = {
  generalInfo?: { storeId?: number; storeUrl?: string };
  account?: { accountName?: string; accountEmail?: string };
  settings?: { storeName?: string; closed?: boolean };
  formatsAndUnits?: { currency?: string };
};

export type EcwidProduct = {
  id: number;
  sku?: string;
  name?: string;
  price?: number;
  quantity?: number;
  unlimited?: boolean;
  enabled?: boolean;
  url?: string;
  updateTimestamp?: number;
};

export type EcwidOrderItem = { sku?: string; name?: string; quantity?: number; price?: number };

export type EcwidOrder = {
  id?: string;
  orderNumber?: number;
  email?: string;
  total?: number;
  paymentStatus?: string;
  fulfillmentStatus?: string;
  createDate?: string;
  updateDate?: string;
  items?: EcwidOrderItem[];
};

export type EcwidSearchResult<T> = { total: number; count: number; offset: number; limit: number; items: T[] };

/** The OAuth token endpoint's answer (no refresh token, no expiry: Ecwid tokens live until uninstall). */
export type EcwidTokenResponse = {
  access_token: string;
  token_type: string;
  scope: string;
  store_id: number;
  email?: string;
  public_token?: string;
};

/** What the vault holds for an Ecwid connection. */
export type EcwidCredentials = { accessToken: string };
