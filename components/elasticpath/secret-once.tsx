import { CopyButton } from "@/components/ui/copy-button";

/** A secret displayed exactly once, with a copy button and the warning that it will not come back. */
export function SecretOnce({ label, value, testId, warning }: { label: string; value: string; testId: string; warning: string }) {
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">{label}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid={testId} className="break-all rounded bg-zinc-100 px-2 py-1 font-mono text-sm dark:bg-zinc-800">
          {value}
        </code>
        <CopyButton value={value} />
      </div>
      <p className="text-sm font-medium text-amber-800 dark:text-amber-300">{warning}</p>
    </div>
  );
}
