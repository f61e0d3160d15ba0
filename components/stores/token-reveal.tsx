"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "./copy-button";
import { Modal } from "@/components/ui/modal";

/** Shows a unified token's plaintext, once: after this dialog closes it cannot be shown again. */
export function TokenReveal({ token, title, note, onClose }: { token: string | null; title: string; note?: string; onClose: () => void }) {
  return (
    <Modal open={!!token} title={title} onClose={onClose}>
      <p>Copy this token now: Storelink keeps only a hash of it and cannot show it again.</p>
      {note && <p className="text-zinc-600 dark:text-zinc-400">{note}</p>}
      <code data-testid="new-unified-token" className="block rounded bg-zinc-100 p-3 font-mono text-xs break-all dark:bg-zinc-800">
        {token}
      </code>
      <div className="flex gap-2">
        <CopyButton value={token ?? ""} label="Copy token" />
        <Button variant="ghost" onClick={onClose}>
          Done
        </Button>
      </div>
    </Modal>
  );
}
