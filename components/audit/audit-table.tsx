import type { AuditRow } from "@/lib/audit/query";
import { DataTable } from "@/components/ui/data-table";

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 19);

/** Details of an event, compact: the `data` JSON is never a secret (see lib/audit/record.ts). */
function details(data: unknown): string {
  if (data === null || data === undefined) return "";
  const text = JSON.stringify(data);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <DataTable
      label="Audit events"
      caption="Audit events, newest first"
      columns={["When (UTC)", "Action", "Actor", "Target", "Address", "Details"]}
      className="relative"
    >
      {rows.map((e) => (
        <tr key={e.id}>
          <td className="px-3 py-2 whitespace-nowrap tabular-nums">{when(e.createdAt)}</td>
          <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
          <td className="px-3 py-2">{e.actorEmail ?? "—"}</td>
          <td className="px-3 py-2 text-xs">{e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "—"}</td>
          <td className="px-3 py-2 text-xs">{e.ip ?? "—"}</td>
          <td className="max-w-xs px-3 py-2 font-mono text-xs break-all text-zinc-700 dark:text-zinc-300">
            {details(e.data) || "—"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
