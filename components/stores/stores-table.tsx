import Link from "next/link";
import type { ConnectionListRow, ListFilters } from "@/lib/connections/list";
import { platformName } from "./platform-name";
import { RelativeTime } from "./relative-time";
import { StatusBadge } from "./status-badge";

type SortKey = ListFilters["sort"];
const COLUMNS: { label: string; sort?: SortKey }[] = [
  { label: "Store", sort: "displayName" },
  { label: "Platform" },
  { label: "Status", sort: "status" },
  { label: "Access expires", sort: "accessExpiresAt" },
  { label: "Refresh expires" },
  { label: "Last refresh", sort: "lastRefreshAt" },
  { label: "Last used", sort: "lastUsedAt" },
  { label: "Last error" },
];

export function hrefWith(filters: ListFilters, change: Partial<ListFilters>): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(next))
    if (v !== undefined && v !== "" && !(k === "page" && v === 1)) params.set(k, String(v));
  return `/stores?${params.toString()}`;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function StoresTable({ rows, filters }: { rows: ConnectionListRow[]; filters: ListFilters }) {
  return (
    <div
      role="region"
      aria-label="Connected stores"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800" aria-label="Connected stores">
        <thead className="bg-zinc-100 text-left dark:bg-zinc-900">
          <tr>
            {COLUMNS.map(({ label, sort }) => {
              const active = sort && filters.sort === sort;
              return (
                <th
                  key={label}
                  scope="col"
                  className="px-3 py-2 font-semibold whitespace-nowrap"
                  aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {sort ? (
                    <Link
                      href={hrefWith(filters, { sort, dir: active && filters.dir === "asc" ? "desc" : "asc", page: 1 })}
                      className="underline-offset-2 hover:underline"
                    >
                      {label}
                      {active ? (filters.dir === "asc" ? " ▲" : " ▼") : ""}
                    </Link>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
          {rows.map((row) => (
            <tr key={row.id} data-connection-id={row.id}>
              <td className="px-3 py-2">
                <Link
                  href={`/stores/${row.id}`}
                  className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                >
                  {row.displayName}
                </Link>
                <div className="text-xs text-zinc-600 dark:text-zinc-400">{row.externalId}</div>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{platformName[row.platform]}</td>
              <td className="px-3 py-2">
                <StatusBadge status={row.status} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <RelativeTime iso={iso(row.accessExpiresAt)} empty="Never" />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <RelativeTime iso={iso(row.refreshExpiresAt)} empty="—" live={false} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <RelativeTime iso={iso(row.lastRefreshAt)} live={false} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <RelativeTime iso={iso(row.lastUsedAt)} empty="Never" live={false} />
              </td>
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
