"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { adjustEcwidStock } from "@/lib/actions/embedded/adjust-stock";
import { useEmbedded } from "./session-context";

/** Stock change by a delta, with a confirmation step; runs as a server action with the secret token. */
export function AdjustStockForm({
  productId,
  productName,
  onAdjusted,
}: {
  productId: number;
  productName: string;
  onAdjusted: () => void;
}) {
  const hydrated = useHydrated();
  const { boot, t, check } = useEmbedded();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  const [pending, setPending] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [busy, startTransition] = useTransition();

  function review(event: FormEvent) {
    event.preventDefault();
    const delta = Number(value);
    if (!Number.isInteger(delta) || delta === 0) {
      setMessage({ tone: "error", text: t.errors.invalid });
      return;
    }
    setMessage(null);
    setPending(delta);
  }

  function confirm() {
    if (pending === null) return;
    startTransition(async () => {
      const result = check(await adjustEcwidStock(boot.sessionToken, { productId: String(productId), delta: pending }));
      setPending(null);
      if (result.ok) {
        setMessage({
          tone: "ok",
          text: t.stockDone(productName, result.data.stock === null ? t.unlimited : String(result.data.stock)),
        });
        setValue("");
        onAdjusted();
      } else {
        setMessage({ tone: "error", text: t.errors[result.code] });
      }
    });
  }

  if (!open) {
    return (
      <div className="space-y-1">
        <Button
          variant="ghost"
          className="px-2 py-1"
          onClick={() => setOpen(true)}
          aria-label={`${t.adjustStock}: ${productName}`}
        >
          {t.adjustStock}
        </Button>
        {message && (
          <p role={message.tone === "error" ? "alert" : "status"} className="text-xs">
            {message.text}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="min-w-56 space-y-2 text-left" data-testid="adjust-stock">
      {pending === null ? (
        <form onSubmit={review} className="flex items-end gap-2">
          <div className="flex-1">
            <label htmlFor={`${id}-delta`} className="block text-xs font-medium">
              {t.stockDelta}
            </label>
            <input
              id={`${id}-delta`}
              inputMode="numeric"
              className={inputClass}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoFocus
            />
          </div>
          <Button type="submit" className="px-2 py-2" disabled={!hydrated}>
            {t.apply}
          </Button>
          <Button
            variant="ghost"
            className="px-2 py-2"
            onClick={() => {
              setOpen(false);
              setMessage(null);
            }}
          >
            {t.cancel}
          </Button>
        </form>
      ) : (
        <div role="group" aria-label={t.adjustStock} className="space-y-2">
          <p className="text-sm">{t.confirmStock(pending, productName)}</p>
          <div className="flex gap-2">
            <Button onClick={confirm} disabled={busy}>
              {t.confirm}
            </Button>
            <Button variant="secondary" onClick={() => setPending(null)} disabled={busy}>
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className="text-xs">
          {message.text}
        </p>
      )}
    </div>
  );
}
