import { buttonClass } from "@/components/ui/button";
import { FilterInput, SelectField } from "@/components/ui/filter-form";
import type { ListFilters } from "@/lib/connections/list";
import { platformName } from "./platform-name";

const STATUS_LABELS = { ACTIVE: "Active", DEGRADED: "Degraded", NEEDS_REAUTH: "Needs re-auth", REVOKED: "Revoked" } as const;

const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Search and filters as a plain GET form: works without JavaScript and keeps the URL shareable. */
export function StoresFilters({ filters }: { filters: ListFilters }) {
  return (
    <form method="get" action="/stores" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1">
        <FilterInput
          id="stores-q"
          label="Search"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="Store name or exact store id"
        />
      </div>
      <SelectField
        id="stores-platform"
        label="Platform"
        name="platform"
        value={filters.platform}
        any="All platforms"
        options={choices(platformName)}
      />
      <SelectField
        id="stores-status"
        label="Status"
        name="status"
        value={filters.status}
        any="All statuses"
        options={choices(STATUS_LABELS)}
      />
      <input type="hidden" name="sort" value={filters.sort} />
      <input type="hidden" name="dir" value={filters.dir} />
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
    </form>
  );
}
