import type { ReactNode } from "react";

/**
 * The dashboard's plain tables: a keyboard-reachable scroll region (axe: scrollable-region-focusable),
 * a header row of column names, and the caller's body rows.
 */
export function DataTable({
  label,
  caption,
  columns,
  className = "",
  children,
}: {
  label: string;
  caption?: string;
  columns: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800 ${className}`.trim()}
    >
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-zinc-100 text-left dark:bg-zinc-900">
          <tr>
            {columns.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">{children}</tbody>
      </table>
    </div>
  );
}
