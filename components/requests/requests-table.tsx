import Link from "next/link";
import type { ApiRequestRow } from "@/lib/requests/query";

const statusTone = (s: number) =>
  s >= 500 ? "text-red-800 dark:text-red-300" : s >= 400 ? "text-amber-800 dark:text-amber-300" : "text-emerald-800 dark:text-emerald-300";

/** The masked log: paths were masked when written (lib/api/mask.ts); no token or header is stored. */
export function RequestsTable({ rows }: { rows: ApiRequestRow[] }) {
  return (
    <div role="region" aria-label="API requests" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">Unified API requests, newest first</caption>
        <thead className="bg-zinc-100 text-left dark:bg-zinc-900">
          <tr>
            {["When (UTC)", "Connection", "Method", "Path", "Status", "Upstream", "Latency"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{r.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td className="px-3 py-2">
                <Link href={`/requests?connection=${r.connection.id}`} className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
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
        </tbody>
      </table>
    </div>
  );
}
