const styles = {
  ACTIVE: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  DEGRADED: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  NEEDS_REAUTH: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  REVOKED: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
} as const;

const labels = { ACTIVE: "Active", DEGRADED: "Degraded", NEEDS_REAUTH: "Needs re-auth", REVOKED: "Revoked" } as const;

export type ConnectionStatusValue = keyof typeof styles;

export function StatusBadge({ status }: { status: ConnectionStatusValue }) {
  return (
    <span data-status={status} className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${styles[status]}`}>
      {labels[status]}
    </span>
  );
}
