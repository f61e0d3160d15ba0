"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { AdjustStockForm } from "./adjust-stock-form";
import { useEmbedded } from "./session-context";
import { useEcwidProducts } from "./use-ecwid-products";

const PAGE_SIZE = 10;

export function ProductList() {
  const hydrated = useHydrated();
  const { boot, config, t, locale } = useEmbedded();
  const [draft, setDraft] = useState("");
  const [keyword, setKeyword] = useState("");
  const [offset, setOffset] = useState(0);
  const query = useEcwidProducts({
    apiBaseUrl: config.apiBaseUrl,
    storeId: boot.storeId,
    publicToken: boot.publicToken,
    keyword,
    offset,
    limit: PAGE_SIZE,
  });
  const price = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function search(event: FormEvent) {
    event.preventDefault();
    setKeyword(draft.trim());
    setOffset(0);
  }

  return (
    <Card>
      <h2 className="text-lg font-semibold">{t.productsTitle}</h2>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t.productsHint}</p>
      {!boot.publicToken ? (
        <Alert tone="info">{t.noPublicToken}</Alert>
      ) : (
        <>
          <form role="search" onSubmit={search} className="mb-4 flex gap-2">
            <label htmlFor="product-search" className="sr-only">
              {t.search}
            </label>
            <input
              id="product-search"
              type="search"
              className={inputClass}
              placeholder={t.search}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <Button type="submit" variant="secondary" disabled={!hydrated}>
              {t.searchButton}
            </Button>
          </form>
          {query.isPending ? (
            <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
              {t.loading}
            </p>
          ) : query.isError ? (
            <div className="space-y-3">
              <Alert tone="error">{t.productsError}</Alert>
              <Button variant="secondary" onClick={() => query.refetch()}>
                {t.retry}
              </Button>
            </div>
          ) : query.data.items.length === 0 ? (
            <EmptyState title={t.noProducts} />
          ) : (
            <>
              <div role="region" aria-label={t.productsTitle} tabIndex={0} className="overflow-x-auto">
                <table className="w-full text-left text-sm" aria-busy={query.isFetching} data-testid="product-table">
                  <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
                    <tr>
                      <th scope="col" className="py-2 pr-3">
                        {t.name}
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        {t.sku}
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right">
                        {t.price}
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right">
                        {t.stock}
                      </th>
                      <th scope="col" className="py-2">
                        <span className="sr-only">{t.adjustStock}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {query.data.items.map((p) => (
                      <tr
                        key={p.id}
                        className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800"
                        data-testid="product-row"
                      >
                        <th scope="row" className="py-2 pr-3 font-medium">
                          {p.name}
                        </th>
                        <td className="py-2 pr-3 font-mono text-xs">{p.sku ?? "—"}</td>
                        <td className="py-2 pr-3 text-right">{p.price === null ? "—" : price.format(p.price)}</td>
                        <td className="py-2 pr-3 text-right" data-testid="product-stock">
                          {p.stock === null ? t.unlimited : p.stock}
                        </td>
                        <td className="py-2 text-right">
                          <AdjustStockForm productId={p.id} productName={p.name} onAdjusted={query.refetch} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav aria-label={t.productsTitle} className="mt-4 flex items-center justify-between gap-2 text-sm">
                <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                  {t.previous}
                </Button>
                <span aria-live="polite">
                  {t.pageOf(query.data.offset + 1, query.data.offset + query.data.count, query.data.total)}
                </span>
                <Button
                  variant="secondary"
                  disabled={offset + query.data.count >= query.data.total}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  {t.next}
                </Button>
              </nav>
            </>
          )}
        </>
      )}
    </Card>
  );
}
