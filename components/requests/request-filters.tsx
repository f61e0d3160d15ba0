import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { METHODS, STATUS_CLASSES, type RequestFilters } from "@/lib/requests/filters";

type Choice = { id: string; displayName: string };

/** GET form: the filters are the URL, so a per-connection view can be linked from anywhere. */
export function RequestFiltersForm({ filters, connections }: { filters: RequestFilters; connections: Choice[] }) {
  return (
    <form method="get" action="/requests" role="search" aria-label="Filter API requests" className="mb-4 grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="space-y-1.5">
        <label htmlFor="req-connection" className="block text-sm font-medium">
          Connection
        </label>
        <select id="req-connection" name="connection" defaultValue={filters.connection ?? ""} className={inputClass}>
          <option value="">All connections</option>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="req-method" className="block text-sm font-medium">
          Method
        </label>
        <select id="req-method" name="method" defaultValue={filters.method ?? ""} className={inputClass}>
          <option value="">Any method</option>
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="req-status" className="block text-sm font-medium">
          Status
        </label>
        <select id="req-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
          <option value="">Any status</option>
          {STATUS_CLASSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="req-range" className="block text-sm font-medium">
          Period
        </label>
        <select id="req-range" name="range" defaultValue={filters.range} className={inputClass}>
          <option value="24h">Last 24 hours</option>
          <option value="7d">Last 7 days</option>
          <option value="30d">Last 30 days</option>
        </select>
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply filters</Button>
        <Link href="/requests" className="rounded-md px-2 py-2 text-sm text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300">
          Clear
        </Link>
      </div>
    </form>
  );
}
