"use client";

import { useEmbedded } from "./session-context";

export function StoreHeader() {
  const { boot, t } = useEmbedded();
  const ok = boot.health.state === "ok";
  return (
    <header className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 pb-4 dark:border-zinc-800">
      <div>
        <p className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{t.connectedTo}</p>
        <h1 className="text-xl font-semibold" data-testid="store-name">
          {boot.storeName}
        </h1>
      </div>
      <p
        role="status"
        data-testid="connection-health"
        className={`inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm ${ok ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100"}`}
        title={boot.health.detail ?? undefined}
      >
        <span aria-hidden="true" className={`h-2 w-2 rounded-full ${ok ? "bg-emerald-500" : "bg-amber-500"}`} />
        {ok ? t.healthOk : t.healthDegraded}
      </p>
    </header>
  );
}
