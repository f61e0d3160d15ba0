"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Modal } from "@/components/ui/modal";

/** Shows a secret once (a token, a key, a signing secret): after this dialog closes it cannot be shown again. */
export function SecretReveal({
  secret,
  title,
  lead,
  note,
  testId,
  copyLabel = "Copy",
  onClose,
}: {
  secret: string | null;
  title: string;
  lead: string;
  note?: string;
  testId: string;
  copyLabel?: string;
  onClose: () => void;
}) {
  return (
    <Modal open={!!secret} title={title} onClose={onClose}>
      <p>{lead}</p>
      {note && <p className="text-zinc-600 dark:text-zinc-400">{note}</p>}
      <code data-testid={testId} className="block rounded bg-zinc-100 p-3 font-mono text-xs break-all dark:bg-zinc-800">
        {secret}
      </code>
      <div className="flex gap-2">
        <CopyButton value={secret ?? ""} label={copyLabel} />
        <Button variant="ghost" onClick={onClose}>
          Done
        </Button>
      </div>
    </Modal>
  );
}
