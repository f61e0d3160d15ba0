// What Storelink stores (encrypted) for a generic-OAuth2 connection, and the provider's resource shapes.

export type OAuth2Credentials = { accessToken: string; refreshToken: string | null; tokenType?: string };

export type ProviderShop = { id: string; name: string; email?: string; currency?: string; url?: string };
export type ProviderProduct = {
  id: string;
  title: string;
  price?: number;
  stock?: number | null;
  sku?: string;
  currency?: string;
  updatedAt?: string;
};
export type ProviderOrder = {
  id: string;
  status?: string;
  total?: number;
  createdAt?: string;
  updatedAt?: string;
  email?: string;
  currency?: string;
  customerId?: string | null;
};
export type ProviderCustomer = { id: string; name?: string; email?: string; createdAt?: string; updatedAt?: string };
/** A list page: ordered by (updatedAt, id), `next_offset` null on the last page. */
export type ProviderList<T> = { data: T[]; total?: number; next_offset?: number | null };
