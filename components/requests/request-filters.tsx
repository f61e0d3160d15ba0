import { FilterForm, SelectField } from "@/components/ui/filter-form";
import { METHODS, STATUS_CLASSES, type RequestFilters } from "@/lib/requests/filters";

type Choice = { id: string; displayName: string };

const PERIODS = [
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
];

/** GET form: the filters are the URL, so a per-connection view can be linked from anywhere. */
export function RequestFiltersForm({ filters, connections }: { filters: RequestFilters; connections: Choice[] }) {
  return (
    <FilterForm action="/requests" label="Filter API requests">
      <SelectField
        id="req-connection"
        label="Connection"
        name="connection"
        value={filters.connection}
        any="All connections"
        options={connections.map((c) => ({ value: c.id, label: c.displayName }))}
      />
      <SelectField
        id="req-method"
        label="Method"
        name="method"
        value={filters.method}
        any="Any method"
        options={METHODS.map((m) => ({ value: m, label: m }))}
      />
      <SelectField
        id="req-status"
        label="Status"
        name="status"
        value={filters.status}
        any="Any status"
        options={STATUS_CLASSES.map((c) => ({ value: c, label: c }))}
      />
      <SelectField id="req-range" label="Period" name="range" value={filters.range} options={PERIODS} />
    </FilterForm>
  );
}
