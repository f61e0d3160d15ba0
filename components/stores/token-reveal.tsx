"use client";

import { SecretReveal } from "@/components/ui/secret-reveal";

/** Shows a unified token's plaintext, once: after this dialog closes it cannot be shown again. */
export function TokenReveal({
  token,
  title,
  note,
  onClose,
}: {
  token: string | null;
  title: string;
  note?: string;
  onClose: () => void;
}) {
  return (
    <SecretReveal
      secret={token}
      title={title}
      lead="Copy this token now: Storelink keeps only a hash of it and cannot show it again."
      note={note}
      testId="new-unified-token"
      copyLabel="Copy token"
      onClose={onClose}
    />
  );
}
