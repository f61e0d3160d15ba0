import Link from "next/link";
import type { ConnectionListRow } from "@/lib/connections/list";
import { platformName } from "./platform-name";
import { StatusBadge } from "./status-badge";

function when(date: Date | null): string {
  return date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—";
}

export function StoresTable({ rows }: { rows: ConnectionListRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <thead className="bg-zinc-100 text-left dark:bg-zinc-900">
          <tr>
            {["Store", "Platform", "Status", "Access expires", "Last refresh", "Last used", "Last error"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="px-3 py-2">
                <Link href={`/stores/${row.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
                  {row.displayName}
                </Link>
                <div className="text-xs text-zinc-600 dark:text-zinc-400">{row.externalId}</div>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{platformName[row.platform]}</td>
              <td className="px-3 py-2">
                <StatusBadge status={row.status} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{row.accessExpiresAt ? when(row.accessExpiresAt) : "Never"}</td>
              <td className="px-3 py-2 whitespace-nowrap">{when(row.lastRefreshAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{when(row.lastUsedAt)}</td>
              <td className="max-w-xs truncate px-3 py-2 text-zinc-600 dark:text-zinc-400" title={row.lastError ?? undefined}>
                {row.lastError ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
