import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { buttonClass } from "./button";
import { inputClass, SelectInput } from "./field";

// The dashboard's GET filter panels (stores, audit log, API requests). Kept apart from field.tsx so the
// Control Panel page's bundle, which uses Field, does not ship next/link.

export type SelectOption = { value: string; label: string };

/** A labelled select for the GET filter forms: the first option is the "no filter" choice. */
export function SelectField({
  id,
  label,
  name,
  value,
  any,
  options,
  groups,
}: {
  id: string;
  label: string;
  name: string;
  value: string | undefined;
  /** Label of the empty-value option ("All platforms"); omitted when the filter always has a value. */
  any?: string;
  options?: SelectOption[];
  groups?: { label: string; options: SelectOption[] }[];
}) {
  const list = (items: SelectOption[]) =>
    items.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <SelectInput id={id} label={label} name={name} defaultValue={value ?? ""}>
      {any !== undefined && <option value="">{any}</option>}
      {options && list(options)}
      {groups?.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {list(g.options)}
        </optgroup>
      ))}
    </SelectInput>
  );
}

/** A labelled input for the GET filter forms (no hint or error: filters accept any text). */
export function FilterInput({ id, label, ...props }: ComponentProps<"input"> & { id: string; label: string }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} className={inputClass} {...props} />
    </div>
  );
}

/**
 * The dashboard's filter panels: a plain GET form (filters live in the URL: shareable, back-button friendly,
 * keyboard and no-JavaScript friendly) with Apply and a Clear link back to the unfiltered page.
 */
export function FilterForm({ action, label, children }: { action: string; label: string; children: ReactNode }) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="mb-4 grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {children}
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        <Link
          href={action}
          className="rounded-md px-2 py-2 text-sm text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300"
        >
          Clear
        </Link>
      </div>
    </form>
  );
}
