"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { implicitTokenQuery } from "./implicit-token-query";

export type CatalogProduct = { id: string; name: string; sku: string | null; price: string | null };
export type CatalogPage = { products: CatalogProduct[]; total: number };
/** The shopper context catalog rules match on; empty fields send no header (the default rule applies). */
export type ShopperContext = { channel: string; tag: string };

type EpCatalog = {
  data?: { id: string; attributes?: { name?: string; sku?: string }; meta?: unknown }[];
  meta?: { results?: { total?: number } };
};

class ExpiredToken extends Error {}

/** No published catalog release matches this context (Elastic Path answers 404 on /catalog/products). */
export class NothingPublished extends Error {}

function reshape(body: EpCatalog): CatalogPage {
  const products = (body.data ?? []).map((p) => {
    // Elastic Path formats display prices with the currency's own decimal places (JPY 0, KWD 3).
    const display = (p.meta as { display_price?: { without_tax?: { formatted?: string } } } | undefined)?.display_price
      ?.without_tax;
    return { id: p.id, name: p.attributes?.name ?? p.id, sku: p.attributes?.sku ?? null, price: display?.formatted ?? null };
  });
  return { products, total: body.meta?.results?.total ?? products.length };
}

/** EP-Channel / EP-Context-Tag pick the catalog through its rules (Elastic Path's shopper catalog API). */
function contextHeaders(context: ShopperContext): Record<string, string> {
  return { ...(context.channel && { "EP-Channel": context.channel }), ...(context.tag && { "EP-Context-Tag": context.tag }) };
}

/**
 * The shopper catalog, read straight from Elastic Path in the browser with the implicit token: the published
 * release of the catalog whose rule matches the context, as a storefront in that channel would see it.
 */
export function useCatalogProducts(connectionId: string, offset: number, limit: number, context: ShopperContext) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ["elasticpath", "catalog", connectionId, { offset, limit, ...context }],
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof NothingPublished) && count < 2,
    queryFn: async ({ signal }): Promise<CatalogPage> => {
      const read = async (force: boolean) => {
        const tokenQuery = implicitTokenQuery(connectionId);
        const token = await queryClient.fetchQuery(force ? { ...tokenQuery, staleTime: 0 } : tokenQuery);
        const url = `${token.baseUrl}/catalog/products?page[offset]=${offset}&page[limit]=${limit}`;
        const headers = { authorization: `Bearer ${token.accessToken}`, accept: "application/json", ...contextHeaders(context) };
        const response = await fetch(url, { headers, signal });
        if (response.status === 401) throw new ExpiredToken("The preview token expired.");
        if (response.status === 404) throw new NothingPublished("No catalog is published for this shopper context.");
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
