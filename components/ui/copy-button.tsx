"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a value (a secret shown once, a unified token, a link) and says so, politely, for screen readers too. */
export function CopyButton({ value, label = "Copy", className }: { value: string; label?: string; className?: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
      setTimeout(() => setCopied(null), 2000);
    } catch {
      setCopied("failed");
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" className={className} onClick={copy}>
        {copied === "yes" ? "Copied" : label}
      </Button>
      <span aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
        {copied === "yes" ? (
          <span className="sr-only">Copied</span>
        ) : copied === "failed" ? (
          "Copy failed: select the text and copy it"
        ) : (
          ""
        )}
      </span>
    </span>
  );
}
