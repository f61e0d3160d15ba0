"use client";

import { useState, useTransition } from "react";
import { updateRetention } from "@/lib/actions/requests/update-retention";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function RetentionForm({ days, canChange }: { days: number; canChange: boolean }) {
  const [result, setResult] = useState<ActionResult<{ days: number; pruned: number }> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(form: FormData) {
    const value = String(form.get("days") ?? "");
    const next = Number(value);
    // Shortening the window deletes rows at once: say so before doing it.
    if (
      Number.isInteger(next) &&
      next < days &&
      !window.confirm(`Delete request-log rows older than ${next} days now? This can't be undone.`)
    )
      return;
    startTransition(async () => setResult(await updateRetention({ days: value })));
  }

  return (
    <form action={onSubmit} className="space-y-3" aria-label="Request log retention">
      <Field
        id="retention-days"
        name="days"
        type="number"
        min={1}
        max={365}
        required
        defaultValue={days}
        label="Keep requests for (days)"
        hint="Older rows are deleted by the scheduler, and at once when you shorten it."
        disabled={!canChange}
        error={result && !result.ok ? (result.fieldErrors?.days?.[0] ?? undefined) : undefined}
      />
      {result && !result.ok && !result.fieldErrors && <Alert tone="error">{result.error}</Alert>}
      {result?.ok && (
        <Alert tone="success">
          Keeping {result.data.days} days; {result.data.pruned} older {result.data.pruned === 1 ? "request was" : "requests were"}{" "}
          deleted.
        </Alert>
      )}
      <Button type="submit" variant="secondary" disabled={pending || !canChange}>
        {pending ? "Saving…" : "Save retention"}
      </Button>
      {!canChange && <p className="text-xs text-zinc-600 dark:text-zinc-400">Viewers can see the retention; admins change it.</p>}
    </form>
  );
}
