import { inputClass } from "@/components/ui/field";

/** Return URLs, one per line: exact matches, https except the operator's allow-listed sandbox hosts. */
export function ReturnUrlsField({ id, defaultValue = [] }: { id: string; defaultValue?: string[] }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        Return URLs
      </label>
      <textarea
        id={id}
        name="returnUrls"
        rows={3}
        defaultValue={defaultValue.join("\n")}
        className={inputClass}
        aria-describedby={`${id}-hint`}
        spellCheck={false}
      />
      <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
        One per line. The connect page sends merchants back only to an exact match, with <code>?code=…&amp;session=…</code>.
      </p>
    </div>
  );
}

export const returnUrlsOf = (form: FormData) =>
  String(form.get("returnUrls") ?? "")
    .split(/\s+/)
    .map((u) => u.trim())
    .filter(Boolean);
