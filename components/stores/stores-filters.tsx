import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ListFilters } from "@/lib/connections/list";
import { platformName } from "./platform-name";

const STATUS_LABELS = { ACTIVE: "Active", DEGRADED: "Degraded", NEEDS_REAUTH: "Needs re-auth", REVOKED: "Revoked" } as const;

/** Search and filters as a plain GET form: works without JavaScript and keeps the URL shareable. */
export function StoresFilters({ filters }: { filters: ListFilters }) {
  return (
    <form method="get" action="/stores" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1 space-y-1">
        <label htmlFor="stores-q" className="block text-sm font-medium">
          Search
        </label>
        <input id="stores-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Store name or exact store id" className={inputClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor="stores-platform" className="block text-sm font-medium">
          Platform
        </label>
        <select id="stores-platform" name="platform" defaultValue={filters.platform ?? ""} className={inputClass}>
          <option value="">All platforms</option>
          {Object.entries(platformName).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="stores-status" className="block text-sm font-medium">
          Status
        </label>
        <select id="stores-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
          <option value="">All statuses</option>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <input type="hidden" name="sort" value={filters.sort} />
      <input type="hidden" name="dir" value={filters.dir} />
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
    </form>
  );
}
