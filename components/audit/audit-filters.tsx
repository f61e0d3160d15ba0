import { FilterForm, FilterInput, SelectField } from "@/components/ui/filter-form";
import type { AuditFilters } from "@/lib/audit/filters";

/**
 * A plain GET form: filters live in the URL (shareable, back-button friendly) and it works from the keyboard
 * and without JavaScript.
 */
export function AuditFiltersForm({ filters, actions }: { filters: AuditFilters; actions: string[] }) {
  const families = [...new Set(actions.map((a) => a.split(".")[0]!))].sort();
  return (
    <FilterForm action="/audit" label="Filter the audit log">
      <SelectField
        id="audit-action"
        label="Action"
        name="action"
        value={filters.action}
        any="All actions"
        groups={[
          { label: "Families", options: families.map((f) => ({ value: `${f}.`, label: `${f}.* (all)` })) },
          { label: "Actions", options: actions.map((a) => ({ value: a, label: a })) },
        ]}
      />
      <FilterInput
        id="audit-actor"
        label="Actor email contains"
        name="actor"
        type="search"
        defaultValue={filters.actor ?? ""}
        autoComplete="off"
      />
      <FilterInput id="audit-from" label="From (UTC day)" name="from" type="date" defaultValue={filters.from ?? ""} />
      <FilterInput id="audit-to" label="To (UTC day, inclusive)" name="to" type="date" defaultValue={filters.to ?? ""} />
    </FilterForm>
  );
}
