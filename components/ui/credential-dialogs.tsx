"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { SelectInput } from "./field";
import { Modal } from "./modal";

// The rotate-with-grace and revoke dialogs every secret Storelink issues shares (unified tokens, app keys):
// a credential is named by its prefix and last four characters, never shown in full again.

export type CredentialRef = { id: string; prefix: string; last4: string };

/** What a credential row says about itself: revoked, in its grace period after a rotation, expired, or active. */
export function credentialState(c: { revokedAt: string | null; expiresAt: string | null }): string {
  if (c.revokedAt) return "Revoked";
  if (c.expiresAt) return Date.parse(c.expiresAt) > Date.now() ? "Rotated (grace period)" : "Expired";
  return "Active";
}

const graceOptions = (noun: string) => [
  { hours: 0, label: `None: the old ${noun} stops working now` },
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "24 hours" },
  { hours: 168, label: "7 days" },
];

/** "A new key replaces sla_…abcd. How long should the old one keep working?" and the grace period to pick. */
export function RotateCredentialDialog({
  credential,
  noun,
  title,
  why = "",
  defaultGraceHours,
  pending,
  onRotate,
  onCancel,
}: {
  credential: CredentialRef | null;
  noun: "key" | "token";
  title: string;
  /** Appended to the question, e.g. ", so integrations can switch". */
  why?: string;
  defaultGraceHours: 0 | 1 | 24 | 168;
  pending: boolean;
  onRotate: (graceHours: number) => void;
  onCancel: () => void;
}) {
  const id = `rotate-${noun}-grace`;
  return (
    <Modal open={!!credential} title={title} onClose={onCancel}>
      <form className="space-y-4" action={(form) => onRotate(Number(form.get("grace")))}>
        <p>
          A new {noun} replaces {credential?.prefix}…{credential?.last4}. How long should the old one keep working{why}?
        </p>
        <SelectInput id={id} name="grace" label={`Grace period for the old ${noun}`} defaultValue={String(defaultGraceHours)}>
          {graceOptions(noun).map((g) => (
            <option key={g.hours} value={g.hours}>
              {g.label}
            </option>
          ))}
        </SelectInput>
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            Rotate
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** Confirmation before a credential stops working for good. */
export function RevokeCredentialDialog({
  credential,
  title,
  consequence,
  confirmLabel,
  pending,
  onRevoke,
  onCancel,
}: {
  credential: CredentialRef | null;
  title: string;
  /** What stops working, after "{prefix}…{last4} stops working at once". */
  consequence: ReactNode;
  confirmLabel: string;
  pending: boolean;
  onRevoke: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal open={!!credential} title={title} onClose={onCancel}>
      <p>
        {credential?.prefix}…{credential?.last4} {consequence}
      </p>
      <div className="mt-4 flex gap-2">
        <Button variant="danger" disabled={pending} onClick={onRevoke}>
          {confirmLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Modal>
  );
}
