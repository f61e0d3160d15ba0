"use client";

import { useLoad } from "./use-load";

// Products straight from Ecwid's REST API in the browser, with the store's PUBLIC token: the secret
// token never leaves the server. Ecwid answers enabled products only to a public token.

export type PreviewProduct = { id: number; name: string; sku: string | null; price: number | null; stock: number | null };
export type ProductPage = { items: PreviewProduct[]; total: number; offset: number; count: number };

type Args = { apiBaseUrl: string; storeId: string; publicToken: string | null; keyword: string; offset: number; limit: number };

export function useEcwidProducts({ apiBaseUrl, storeId, publicToken, keyword, offset, limit }: Args) {
  return useLoad(
    JSON.stringify([storeId, keyword, offset, limit]),
    async (signal): Promise<ProductPage> => {
      const url = new URL(`${apiBaseUrl}/api/v3/${encodeURIComponent(storeId)}/products`);
      if (keyword) url.searchParams.set("keyword", keyword);
      url.searchParams.set("offset", String(offset));
      url.searchParams.set("limit", String(limit));
      const res = await fetch(url, { headers: { Authorization: `Bearer ${publicToken}` }, signal, cache: "no-store" });
      if (!res.ok) throw new Error(`Ecwid answered ${res.status}`);
      const body = (await res.json()) as { total: number; count: number; offset: number; items: Record<string, unknown>[] };
      return {
        total: body.total,
        count: body.count,
        offset: body.offset,
        items: body.items.map((p) => ({
          id: Number(p.id),
          name: String(p.name ?? ""),
          sku: typeof p.sku === "string" && p.sku ? p.sku : null,
          price: typeof p.price === "number" ? p.price : null,
          stock: p.unlimited ? null : typeof p.quantity === "number" ? p.quantity : null,
        })),
      };
    },
    { enabled: !!publicToken },
  );
}
