import Link from "next/link";
import { platformName } from "@/components/stores/platform-name";
import { StatusBadge } from "@/components/stores/status-badge";
import { Card, EmptyState } from "@/components/ui/card";

export type AttentionItem = {
  id: string;
  displayName: string;
  platform: keyof typeof platformName;
  status: "ACTIVE" | "DEGRADED" | "NEEDS_REAUTH" | "REVOKED";
  reason: "NEEDS_REAUTH" | "DEGRADED" | "EXPIRING";
  lastError: string | null;
  refreshExpiresAt: string | null;
};

const what = {
  NEEDS_REAUTH: "The platform no longer accepts the credentials: the merchant (or an admin) must re-authorize.",
  DEGRADED: "Renewals or health checks are failing; Storelink keeps retrying with back-off.",
  EXPIRING: "The refresh token expires soon: re-authorize before it does.",
} as const;

export function AttentionList({ items }: { items: AttentionItem[] }) {
  return (
    <Card>
      <h2 id="attention-h" className="mb-3 text-lg font-semibold">
        Needs attention
      </h2>
      {items.length === 0 ? (
        <EmptyState title="All connections are healthy">
          Connections that need re-authorization, are degraded or expire soon appear here first.
        </EmptyState>
      ) : (
        <ul aria-labelledby="attention-h" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {items.map((c) => (
            <li key={c.id} className="py-3">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/stores/${c.id}`}
                  className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
                >
                  {c.displayName}
                </Link>
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{platformName[c.platform]}</span>
                {c.reason === "EXPIRING" ? (
                  <span className="inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                    Expires {c.refreshExpiresAt?.slice(0, 10)}
                  </span>
                ) : (
                  <StatusBadge status={c.status} />
                )}
              </div>
              <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{what[c.reason]}</p>
              {c.lastError && (
                <p className="mt-1 break-words text-xs text-zinc-600 dark:text-zinc-400">Last error: {c.lastError}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
