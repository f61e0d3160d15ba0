"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { useImplicitToken } from "./implicit-token-query";
import { useCatalogProducts } from "./use-catalog-products";

const PAGE_SIZE = 12;

/** The store's shopper catalog as a storefront sees it, fetched in the browser with an implicit token. */
export function CatalogPreview({ connectionId }: { connectionId: string }) {
  const [offset, setOffset] = useState(0);
  const token = useImplicitToken(connectionId);
  const catalog = useCatalogProducts(connectionId, offset, PAGE_SIZE);
  const total = catalog.data?.total ?? 0;

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="token-status">
        {token.data
          ? `Shopper (implicit) token, renewed automatically; this one expires at ${new Date(token.data.expiresAt).toISOString().slice(11, 19)} UTC.`
          : token.isError
            ? ""
            : "Getting a shopper token…"}
      </p>
      {token.isError && <Alert tone="error" title="No preview token">{token.error.message}</Alert>}
      {catalog.isError && <Alert tone="error" title="The catalog could not be read from Elastic Path">{catalog.error.message}</Alert>}
      {catalog.isPending && !token.isError && (
        <div role="status" className="animate-pulse text-sm">
          Loading products…
        </div>
      )}
      {catalog.data && catalog.data.products.length === 0 && <EmptyState title="This catalog has no products yet" />}
      {catalog.data && catalog.data.products.length > 0 && (
        <ul aria-label="Products" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {catalog.data.products.map((p) => (
            <li key={p.id}>
              <Card>
                <h2 className="font-medium">{p.name}</h2>
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{p.sku ? `SKU ${p.sku}` : "No SKU"}</p>
                <p className="mt-2 text-lg font-semibold tabular-nums">{p.price ?? "No price"}</p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Catalog pages" className="flex flex-wrap items-center gap-2 text-sm">
        <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          Previous
        </Button>
        <Button variant="secondary" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
          Next
        </Button>
        <Button variant="ghost" onClick={() => catalog.refetch()} disabled={catalog.isFetching}>
          {catalog.isFetching ? "Reloading…" : "Reload products"}
        </Button>
        {total > 0 && <span>{`Products ${offset + 1}–${Math.min(total, offset + PAGE_SIZE)} of ${total}`}</span>}
      </nav>
    </div>
  );
}
