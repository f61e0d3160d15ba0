import Link from "next/link";
import type { ApiRequestRow } from "@/lib/requests/query";
import { DataTable } from "@/components/ui/data-table";

const statusTone = (s: number) =>
  s >= 500
    ? "text-red-800 dark:text-red-300"
    : s >= 400
      ? "text-amber-800 dark:text-amber-300"
      : "text-emerald-800 dark:text-emerald-300";

/** The masked log: paths were masked when written (lib/api/mask.ts); no token or header is stored. */
export function RequestsTable({ rows }: { rows: ApiRequestRow[] }) {
  return (
    <DataTable
      label="API requests"
      caption="Unified API requests, newest first"
      columns={["When (UTC)", "Connection", "Method", "Path", "Status", "Upstream", "Latency"]}
      className="relative"
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <td className="px-3 py-2 whitespace-nowrap tabular-nums">{r.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
          <td className="px-3 py-2">
            <Link
              href={`/requests?connection=${r.connection.id}`}
              className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
            >
              {r.connection.displayName}
            </Link>
          </td>
          <td className="px-3 py-2 font-mono text-xs">{r.method}</td>
          <td className="max-w-sm px-3 py-2 font-mono text-xs break-all">{r.path}</td>
          <td className={`px-3 py-2 font-semibold tabular-nums ${statusTone(r.status)}`}>{r.status}</td>
          <td className="px-3 py-2 tabular-nums">{r.upstreamStatus ?? "—"}</td>
          <td className="px-3 py-2 whitespace-nowrap tabular-nums">{r.latencyMs} ms</td>
        </tr>
      ))}
    </DataTable>
  );
}
