"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Implicit } from "./shopper-requests";
import { useShopperQuery } from "./use-shopper-query";

/** One record the shopper may read (their customer, their account), as label/value rows. */
export function ShopperRecord<T>({
  connectionId,
  label,
  queryKey,
  read,
  rows,
  onExpired,
}: {
  connectionId: string;
  label: string;
  queryKey: unknown[];
  read: (implicit: Implicit) => Promise<T>;
  rows: (record: T) => [string, string][];
  onExpired: (message: string) => void;
}) {
  const record = useShopperQuery(connectionId, queryKey, read, onExpired);
  return (
    <section aria-label={label} className="space-y-2">
      {record.isPending && <p role="status">Loading…</p>}
      {record.isError && !record.expired && <Alert tone="error">{record.error.message}</Alert>}
      {record.data && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {rows(record.data).map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium">{k}</dt>
              <dd className="break-all">{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <Button variant="ghost" onClick={() => record.refetch()} disabled={record.isFetching}>
        {record.isFetching ? "Reloading…" : "Reload shopper details"}
      </Button>
    </section>
  );
}
