"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** A public value (e.g. Ecwid's public_token) shown masked, with reveal and copy. */
export function MaskedValue({ value, label }: { value: string; label: string }) {
  const [shown, setShown] = useState(false);
  const masked = `${value.slice(0, 7)}${"•".repeat(8)}${value.slice(-4)}`;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <code aria-label={label} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
        {shown ? value : masked}
      </code>
      <Button variant="ghost" className="px-2 py-1 text-xs" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
        {shown ? "Hide" : "Show"}
      </Button>
      <CopyButton value={value} className="px-2 py-1 text-xs" />
    </span>
  );
}
