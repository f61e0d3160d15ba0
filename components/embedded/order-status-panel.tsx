"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { FULFILLMENT_STATUSES } from "@/lib/platforms/order-statuses";
import { listEcwidOrders } from "@/lib/actions/embedded/list-orders";
import { updateEcwidOrderStatus } from "@/lib/actions/embedded/update-order-status";
import { openControlPanelPage } from "./ecwid-bridge";
import type { Messages } from "./i18n";
import { useEmbedded } from "./session-context";
import { useLoad } from "./use-load";

type Status = keyof Messages["fulfillment"];
/** Every status has its label in each language (i18n.ts). */
const STATUSES: readonly Status[] = FULFILLMENT_STATUSES;

/** Change an order's fulfillment status (secret-token work, so orders are listed and changed by server actions). */
export function OrderStatusPanel() {
  const hydrated = useHydrated();
  const { boot, config, t, check } = useEmbedded();
  const orders = useLoad(boot.storeId, async () => {
    const result = check(await listEcwidOrders(boot.sessionToken, {}));
    if (!result.ok) throw new Error(result.code);
    return result.data;
  });
  const [orderId, setOrderId] = useState("");
  const [status, setStatus] = useState<Status>("SHIPPED");
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, startTransition] = useTransition();
  // app_state "order:<id>" (a Control Panel deep link) opens that order here.
  const linked = /^order:([\w-]{1,64})$/.exec(boot.appState ?? "")?.[1];
  const selected = orderId || orders.data?.find((o) => o.id === linked)?.id || orders.data?.[0]?.id || "";

  function review(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (selected) setConfirming(true);
  }

  function confirm() {
    startTransition(async () => {
      const result = check(await updateEcwidOrderStatus(boot.sessionToken, { orderId: selected, fulfillmentStatus: status }));
      setConfirming(false);
      if (result.ok) {
        setMessage({ tone: "success", text: t.orderDone(selected, t.fulfillment[status]) });
        orders.refetch();
      } else {
        setMessage({ tone: "error", text: t.errors[result.code] });
      }
    });
  }

  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold">{t.ordersTitle}</h2>
      {orders.isPending ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {t.loading}
        </p>
      ) : orders.isError ? (
        <div className="space-y-3">
          <Alert tone="error">{t.ordersError}</Alert>
          <Button variant="secondary" onClick={() => orders.refetch()}>
            {t.retry}
          </Button>
        </div>
      ) : orders.data.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t.noOrders}</p>
      ) : (
        <form onSubmit={review} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" data-testid="order-status-form">
          <div className="space-y-1.5">
            <label htmlFor="order-id" className="block text-sm font-medium">
              {t.order}
            </label>
            <select
              id="order-id"
              className={inputClass}
              value={selected}
              onChange={(e) => {
                setOrderId(e.target.value);
                setConfirming(false);
              }}
            >
              {orders.data.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.id} · {o.fulfillmentStatus ? t.fulfillment[o.fulfillmentStatus] : "—"}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="order-status" className="block text-sm font-medium">
              {t.newStatus}
            </label>
            <select
              id="order-status"
              className={inputClass}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as Status);
                setConfirming(false);
              }}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t.fulfillment[s]}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" disabled={confirming || !hydrated}>
            {t.changeStatus}
          </Button>
          {selected && (
            <Button
              type="button"
              variant="ghost"
              className="sm:col-span-3 sm:justify-self-start"
              onClick={() => openControlPanelPage(config.appId, config.cpOrigins, `order:id=${selected}&return=orders`)}
            >
              {t.openInEcwid}
            </Button>
          )}
        </form>
      )}
      {confirming && (
        <div
          role="group"
          aria-label={t.changeStatus}
          className="mt-4 space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-700"
        >
          <p className="text-sm">{t.confirmOrder(selected, t.fulfillment[status])}</p>
          <div className="flex gap-2">
            <Button onClick={confirm} disabled={busy}>
              {t.confirm}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={busy}>
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
      {message && (
        <div className="mt-4">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
    </Card>
  );
}
