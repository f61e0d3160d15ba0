"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { implicitTokenQuery } from "./implicit-token-query";

export type CatalogProduct = { id: string; name: string; sku: string | null; price: string | null };
export type CatalogPage = { products: CatalogProduct[]; total: number };

type EpCatalog = {
  data?: { id: string; attributes?: { name?: string; sku?: string }; meta?: unknown }[];
  meta?: { results?: { total?: number } };
};

class ExpiredToken extends Error {}

function reshape(body: EpCatalog): CatalogPage {
  const products = (body.data ?? []).map((p) => {
    const display = (p.meta as { display_price?: { without_tax?: { formatted?: string } } } | undefined)?.display_price?.without_tax;
    return { id: p.id, name: p.attributes?.name ?? p.id, sku: p.attributes?.sku ?? null, price: display?.formatted ?? null };
  });
  return { products, total: body.meta?.results?.total ?? products.length };
}

/** The shopper catalog, read straight from Elastic Path in the browser with the implicit token. */
export function useCatalogProducts(connectionId: string, offset: number, limit: number) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ["elasticpath", "catalog", connectionId, { offset, limit }],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<CatalogPage> => {
      const read = async (force: boolean) => {
        const tokenQuery = implicitTokenQuery(connectionId);
        const token = await queryClient.fetchQuery(force ? { ...tokenQuery, staleTime: 0 } : tokenQuery);
        const url = `${token.baseUrl}/catalog/products?page[offset]=${offset}&page[limit]=${limit}`;
        const response = await fetch(url, { headers: { authorization: `Bearer ${token.accessToken}`, accept: "application/json" }, signal });
        if (response.status === 401) throw new ExpiredToken("The preview token expired.");
        if (!response.ok) throw new Error(`Elastic Path answered HTTP ${response.status}.`);
        return reshape((await response.json()) as EpCatalog);
      };
      try {
        return await read(false);
      } catch (error) {
        // A token can die before its expiry (key deleted, clock skew): one fresh token, one retry.
        if (!(error instanceof ExpiredToken)) throw error;
        return read(true);
      }
    },
  });
}
