"use client";

import { useState, useTransition } from "react";
import { checkEcwidAppConfig } from "@/lib/actions/stores/check-ecwid-app-config";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Finding = { id: string; title: string; status: "ok" | "warning" | "error" | "unknown"; detail: string };

const badge = {
  ok: { label: "OK", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" },
  warning: { label: "Warning", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  error: { label: "Problem", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" },
  unknown: { label: "Can't tell", className: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200" },
} as const;

export function EcwidCheckPanel({ canRun }: { canRun: boolean }) {
  const [result, setResult] = useState<ActionResult<{ findings: Finding[]; checkedAt: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  const problems = result?.ok ? result.data.findings.filter((f) => f.status === "error").length : 0;

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Asks Ecwid whether it knows this app&apos;s client id, redirect URL and scopes, and whether the client secret is right
        (with a made-up code, so nothing is installed).
      </p>
      <Button onClick={() => startTransition(async () => setResult(await checkEcwidAppConfig({})))} disabled={pending || !canRun}>
        {pending ? "Checking…" : "Check the Ecwid app configuration"}
      </Button>
      {!canRun && <p className="text-xs text-zinc-600 dark:text-zinc-400">Admins and owners can run the check.</p>}
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      {result?.ok && (
        <div aria-live="polite" className="space-y-3">
          <Alert
            tone={problems ? "warning" : "success"}
            title={problems ? `${problems} problem${problems > 1 ? "s" : ""} found` : "No problems found"}
          >
            Checked at {result.data.checkedAt.replace("T", " ").slice(0, 19)} UTC.
          </Alert>
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Ecwid configuration findings">
            {result.data.findings.map((f) => (
              <li key={f.id} className="py-2 text-sm" data-testid={`finding-${f.id}`} data-status={f.status}>
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  <span className={`inline-flex rounded-full px-2 py-0.5 text-xs ${badge[f.status].className}`}>
                    {badge[f.status].label}
                  </span>
                  {f.title}
                </p>
                <p className="mt-1 break-words text-zinc-700 dark:text-zinc-300">{f.detail}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
