import type { ReactNode } from "react";

/**
 * A chart with a caption and its numbers as a table behind a disclosure: screen-reader users and anyone who
 * wants exact values get them without reading an SVG.
 */
export function ChartFigure({
  title,
  summary,
  columns,
  rows,
  children,
}: {
  title: string;
  summary: string;
  columns: string[];
  rows: (string | number | null)[][];
  children: ReactNode;
}) {
  const nonEmpty = rows.filter((r) => r.slice(1).some((v) => v !== 0 && v !== null));
  return (
    <figure className="min-w-0 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <figcaption className="mb-2">
        <span className="block font-semibold">{title}</span>
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">{summary}</span>
      </figcaption>
      <div className="h-56 w-full" aria-hidden="true">
        {children}
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">Show the numbers</summary>
        {nonEmpty.length === 0 ? (
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">No data in this period.</p>
        ) : (
          <div className="relative mt-2 max-h-64 overflow-auto">
            <table className="min-w-full text-xs">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c} scope="col" className="px-2 py-1 text-left font-semibold">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {nonEmpty.map((r) => (
                  <tr key={String(r[0])}>
                    {r.map((v, i) => (
                      <td key={i} className="px-2 py-1 tabular-nums">
                        {v ?? "—"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </figure>
  );
}
