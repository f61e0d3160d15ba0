import "server-only";
import { epJson } from "./transport";
import type { EpApplicationKey, EpCatalogList, EpCatalogProduct, EpKeyList, EpSettings } from "./types";

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
    json: { data: { type: "application_key", name: input.name, ...(input.reservedRateLimit !== undefined && { reserved_rate_limit: input.reservedRateLimit }) } },
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
