import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { AuditFilters } from "@/lib/audit/filters";

/**
 * A plain GET form: filters live in the URL (shareable, back-button friendly) and it works from the keyboard
 * and without JavaScript.
 */
export function AuditFiltersForm({ filters, actions }: { filters: AuditFilters; actions: string[] }) {
  const families = [...new Set(actions.map((a) => a.split(".")[0]!))].sort();
  return (
    <form method="get" action="/audit" role="search" aria-label="Filter the audit log" className="mb-4 grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="space-y-1.5">
        <label htmlFor="audit-action" className="block text-sm font-medium">
          Action
        </label>
        <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={inputClass}>
          <option value="">All actions</option>
          <optgroup label="Families">
            {families.map((f) => (
              <option key={`f-${f}`} value={`${f}.`}>
                {f}.* (all)
              </option>
            ))}
          </optgroup>
          <optgroup label="Actions">
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="audit-actor" className="block text-sm font-medium">
          Actor email contains
        </label>
        <input id="audit-actor" name="actor" type="search" defaultValue={filters.actor ?? ""} className={inputClass} autoComplete="off" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="audit-from" className="block text-sm font-medium">
          From (UTC day)
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="audit-to" className="block text-sm font-medium">
          To (UTC day, inclusive)
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply filters</Button>
        <Link href="/audit" className="rounded-md px-2 py-2 text-sm text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300">
          Clear
        </Link>
      </div>
    </form>
  );
}
