"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { useImplicitToken } from "./implicit-token-query";
import { NothingPublished, useCatalogProducts, type ShopperContext } from "./use-catalog-products";
import { inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";

const PAGE_SIZE = 12;

/** Channel and context tag as a storefront would send them; the catalog rules choose the catalog from them. */
function ContextForm({ value, onChange }: { value: ShopperContext; onChange: (next: ShopperContext) => void }) {
  const hydrated = useHydrated();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onChange({ channel: String(form.get("channel") ?? "").trim(), tag: String(form.get("tag") ?? "").trim() });
  }
  return (
    <form onSubmit={onSubmit} aria-label="Shopper context" className="flex flex-wrap items-end gap-3">
      <div className="space-y-1.5">
        <label htmlFor="ep-channel" className="block text-sm font-medium">
          Channel (EP-Channel)
        </label>
        <input id="ep-channel" name="channel" defaultValue={value.channel} placeholder="web, mobile…" className={inputClass} />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="ep-context-tag" className="block text-sm font-medium">
          Context tag (EP-Context-Tag)
        </label>
        <input id="ep-context-tag" name="tag" defaultValue={value.tag} placeholder="clearance…" className={inputClass} />
      </div>
      <Button type="submit" variant="secondary" disabled={!hydrated}>
        Show this catalog
      </Button>
    </form>
  );
}

/**
 * The store's shopper catalog as a storefront sees it, fetched in the browser with an implicit token: the
 * published release that the catalog rules pick for the channel and context tag (none: the default rule).
 */
export function CatalogPreview({ connectionId }: { connectionId: string }) {
  const [offset, setOffset] = useState(0);
  const [context, setContext] = useState<ShopperContext>({ channel: "", tag: "" });
  const token = useImplicitToken(connectionId);
  const catalog = useCatalogProducts(connectionId, offset, PAGE_SIZE, context);
  const total = catalog.data?.total ?? 0;
  const nothingPublished = catalog.error instanceof NothingPublished;
  const described = [context.channel && `channel “${context.channel}”`, context.tag && `context tag “${context.tag}”`]
    .filter(Boolean)
    .join(" and ");

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="token-status">
        {token.data
          ? `Shopper (implicit) token, renewed automatically; this one expires at ${new Date(token.data.expiresAt).toISOString().slice(11, 19)} UTC.`
          : token.isError
            ? ""
            : "Getting a shopper token…"}
      </p>
      <ContextForm
        value={context}
        onChange={(next) => {
          setContext(next);
          setOffset(0);
        }}
      />
      {token.isError && (
        <Alert tone="error" title="No preview token">
          {token.error.message}
        </Alert>
      )}
      {nothingPublished && (
        <EmptyState title="Nothing is published for shoppers here">
          {`Elastic Path has no published catalog release for ${described || "shoppers without a channel or context tag"}. Shoppers see a catalog only after it is published (Commerce Manager → Catalogs → Publish) and a catalog rule matches their channel and context tag.`}
        </EmptyState>
      )}
      {catalog.isError && !nothingPublished && (
        <Alert tone="error" title="The catalog could not be read from Elastic Path">
          {catalog.error.message}
        </Alert>
      )}
      {catalog.isPending && !token.isError && (
        <div role="status" className="animate-pulse text-sm">
          Loading products…
        </div>
      )}
      {catalog.data && !catalog.isError && catalog.data.products.length === 0 && (
        <EmptyState title="This catalog has no products yet" />
      )}
      {catalog.data && !catalog.isError && catalog.data.products.length > 0 && (
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
