import { DeleteKeyDialog } from "./delete-key-dialog";
import { EditKeyDialog } from "./edit-key-dialog";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import type { ApplicationKey } from "@/lib/platforms/elasticpath/reshape";

/** `usedKeyId`: the key Storelink itself uses for this store (marked, and not deletable here). */
export function KeysTable({
  connectionId,
  keys,
  usedKeyId,
}: {
  connectionId: string;
  keys: ApplicationKey[];
  usedKeyId: string | null;
}) {
  return (
    <div
      role="region"
      aria-label="Application keys"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">Application keys</caption>
        <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
          <tr>
            {["Name", "Client ID", "Reserved (rps)", "Created", "Last used", "Actions"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {keys.map((row) => (
            <tr key={row.id} data-testid="key-row" data-key-id={row.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {row.name}
                {row.id === usedKeyId && (
                  <span className="ml-2 rounded bg-indigo-100 px-1.5 py-0.5 text-xs text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
                    Used by Storelink
                  </span>
                )}
              </th>
              <td className="px-3 py-2">
                <code className="break-all font-mono text-xs">{row.clientId}</code>
              </td>
              <td className="px-3 py-2 tabular-nums">{row.reservedRateLimit}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatTimestamp(row.createdAt, "—")}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatTimestamp(row.lastUsedAt)}</td>
              <td className="px-3 py-2">
                <div className="flex gap-1">
                  <EditKeyDialog connectionId={connectionId} row={row} />
                  <DeleteKeyDialog connectionId={connectionId} row={row} inUse={row.id === usedKeyId} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
