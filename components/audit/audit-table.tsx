import type { AuditRow } from "@/lib/audit/query";

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 19);

/** Details of an event, compact: the `data` JSON is never a secret (see lib/audit/record.ts). */
function details(data: unknown): string {
  if (data === null || data === undefined) return "";
  const text = JSON.stringify(data);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <div role="region" aria-label="Audit events" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-zinc-100 text-left dark:bg-zinc-900">
          <tr>
            {["When (UTC)", "Action", "Actor", "Target", "Address", "Details"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
          {rows.map((e) => (
            <tr key={e.id}>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{when(e.createdAt)}</td>
              <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-3 py-2">{e.actorEmail ?? "—"}</td>
              <td className="px-3 py-2 text-xs">{e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "—"}</td>
              <td className="px-3 py-2 text-xs">{e.ip ?? "—"}</td>
              <td className="max-w-xs px-3 py-2 font-mono text-xs break-all text-zinc-700 dark:text-zinc-300">{details(e.data) || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
