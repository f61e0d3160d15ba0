"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { implicitTokenQuery } from "./implicit-token-query";
import { readAddresses, readCarts, readOrder, readOrders, type Order } from "./shopper-record-requests";
import { ShopperError, type ShopperAuth } from "./shopper-requests";
import { useShopperQuery } from "./use-shopper-query";

const cell = "px-3 py-2";
type Props = { connectionId: string; auth: ShopperAuth; onExpired: (message: string) => void };

/** A titled part of the shopper's view with its loading, error and empty states. */
function Part<T>({
  title,
  query,
  empty,
  children,
}: {
  title: string;
  query: ReturnType<typeof useShopperQuery<T[]>>;
  empty: string;
  children: (rows: T[]) => ReactNode;
}) {
  const id = `shopper-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="font-semibold">
        {title}
        {query.data ? ` (${query.data.length})` : ""}
      </h3>
      {query.isPending && <p role="status">Loading {title.toLowerCase()}…</p>}
      {query.isError && !query.expired && <Alert tone="error">{query.error.message}</Alert>}
      {query.data &&
        (query.data.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p> : children(query.data))}
    </section>
  );
}

function OrderRow({ order }: { order: Order }) {
  return (
    <tr>
      <th scope="row" className={`${cell} text-left font-mono text-xs font-normal`}>
        {order.id}
      </th>
      <td className={`${cell} whitespace-nowrap`}>{formatTimestamp(order.createdAt, "—")}</td>
      <td className={cell}>{order.status}</td>
      <td className={cell}>{order.payment}</td>
      <td className={`${cell} text-right`}>{order.total}</td>
    </tr>
  );
}

/** Look up one order by id, as a shopper would follow a link: someone else's order is "not found". */
function OrderLookup({ connectionId, auth, onExpired }: Props) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<{ order: Order } | { error: string } | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const orderId = String(new FormData(event.currentTarget).get("orderId") ?? "").trim();
    startTransition(async () => {
      try {
        const implicit = await queryClient.fetchQuery(implicitTokenQuery(connectionId));
        setResult({ order: await readOrder(implicit, auth, orderId) });
      } catch (e) {
        if (e instanceof ShopperError && e.kind === "expired") return onExpired(e.message);
        setResult({ error: e instanceof ShopperError ? e.message : `Could not reach Elastic Path (${(e as Error).message}).` });
      }
    });
  }
  return (
    <form onSubmit={onSubmit} aria-label="Look up an order" className="space-y-2">
      <div className="flex max-w-xl items-end gap-2">
        <div className="flex-1">
          <Field id="shopper-order-id" name="orderId" label="Order id" required autoComplete="off" />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Looking up…" : "Look up order"}
        </Button>
      </div>
      <div aria-live="polite">
        {result && "error" in result && <Alert tone="info">{result.error}</Alert>}
        {result && "order" in result && (
          <DataTable label="Order found" columns={["Order", "Placed", "Status", "Payment", "Total"]}>
            <OrderRow order={result.order} />
          </DataTable>
        )}
      </div>
    </form>
  );
}

/** The shopper's orders, addresses and carts, each read by the browser from Elastic Path. */
export function ShopperActivity({ connectionId, auth, onExpired }: Props) {
  const key = [auth.kind, auth.token];
  const orders = useShopperQuery(connectionId, [...key, "orders"], (i) => readOrders(i, auth), onExpired);
  const addresses = useShopperQuery(connectionId, [...key, "addresses"], (i) => readAddresses(i, auth), onExpired);
  const carts = useShopperQuery(connectionId, [...key, "carts"], (i) => readCarts(i, auth), onExpired);
  return (
    <div className="space-y-6">
      <Part title="Orders" query={orders} empty="No orders yet.">
        {(rows) => (
          <DataTable label="Shopper orders" columns={["Order", "Placed", "Status", "Payment", "Total"]}>
            {rows.map((o) => (
              <OrderRow key={o.id} order={o} />
            ))}
          </DataTable>
        )}
      </Part>
      <OrderLookup connectionId={connectionId} auth={auth} onExpired={onExpired} />
      <Part title="Addresses" query={addresses} empty="No saved addresses.">
        {(rows) => (
          <DataTable label="Shopper addresses" columns={["Name", "Recipient", "Address"]}>
            {rows.map((a) => (
              <tr key={a.id}>
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {a.name}
                </th>
                <td className={cell}>{a.recipient}</td>
                <td className={cell}>{a.lines}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Part>
      <Part title="Carts" query={carts} empty="No carts.">
        {(rows) => (
          <DataTable label="Shopper carts" columns={["Cart", "Items", "Updated", "Total"]}>
            {rows.map((c) => (
              <tr key={c.id}>
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {c.name}
                </th>
                <td className={cell}>
                  {c.items.length === 0 ? "Empty" : c.items.map((i) => `${i.quantity} × ${i.name} (${i.sku})`).join(", ")}
                </td>
                <td className={`${cell} whitespace-nowrap`}>{formatTimestamp(c.updatedAt, "—")}</td>
                <td className={`${cell} text-right`}>{c.total}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Part>
    </div>
  );
}
