"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { replayWebhook } from "@/lib/actions/apps/replay-webhook";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { formatTimestamp } from "@/components/ui/format-timestamp";

export type DeliveryRow = {
  id: string;
  eventType: string;
  sequence: number;
  status: string;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  lastBody: string | null;
  attemptLog: { at: string; status: number | null; latencyMs: number; error: string | null }[];
};

/** An endpoint's recent deliveries: status, attempts, latency, response code and body excerpt; replay one. */
export function DeliveriesTable({ deliveries, canManage }: { deliveries: DeliveryRow[]; canManage: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error && <Alert tone="error">{error}</Alert>}
      <DataTable
        label="Deliveries"
        columns={["Event", "#", "Status", "Attempts", "Last answer", "Latency", "Created", ...(canManage ? ["Replay"] : [])]}
      >
        {deliveries.map((d) => (
          <tr key={d.id} data-testid="delivery-row" data-message-id={d.id}>
            <td className="px-3 py-2">
              <code>{d.eventType}</code>
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer">Attempts</summary>
                <ol className="mt-1 list-decimal pl-4">
                  {d.attemptLog.map((a, i) => (
                    <li key={i}>
                      {formatTimestamp(a.at)}: {a.status ?? "no answer"} in {a.latencyMs} ms{a.error ? ` (${a.error})` : ""}
                    </li>
                  ))}
                </ol>
              </details>
            </td>
            <td className="px-3 py-2 tabular-nums">{d.sequence}</td>
            <td className="px-3 py-2">
              {d.status === "PENDING" && d.attempts > 0 ? `Retrying ${formatTimestamp(d.nextAttemptAt)}` : d.status.toLowerCase()}
            </td>
            <td className="px-3 py-2 tabular-nums">{d.attempts}</td>
            <td className="max-w-xs px-3 py-2">
              {d.lastStatus ?? (d.lastError ? "—" : "")}
              {d.lastError && <span className="block text-xs text-red-700 dark:text-red-400">{d.lastError}</span>}
              {d.lastBody && (
                <span className="block truncate font-mono text-xs text-zinc-600 dark:text-zinc-400">{d.lastBody}</span>
              )}
            </td>
            <td className="px-3 py-2 tabular-nums whitespace-nowrap">
              {d.lastLatencyMs === null ? "" : `${d.lastLatencyMs} ms`}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{formatTimestamp(d.createdAt)}</td>
            {canManage && (
              <td className="px-3 py-2">
                <Button
                  variant="ghost"
                  className="px-2 py-1"
                  disabled={pending}
                  aria-label={`Replay ${d.eventType} #${d.sequence}`}
                  onClick={() =>
                    startTransition(async () => {
                      const result = await replayWebhook({ messageId: d.id });
                      setError(result.ok ? null : result.error);
                      router.refresh();
                    })
                  }
                >
                  Replay
                </Button>
              </td>
            )}
          </tr>
        ))}
      </DataTable>
    </>
  );
}
