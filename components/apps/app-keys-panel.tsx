"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createAppKey } from "@/lib/actions/apps/create-app-key";
import { revokeAppKey } from "@/lib/actions/apps/revoke-app-key";
import { rotateAppKey } from "@/lib/actions/apps/rotate-app-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { credentialState, RevokeCredentialDialog, RotateCredentialDialog } from "@/components/ui/credential-dialogs";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/ui/secret-reveal";

export type AppKeyRow = {
  id: string;
  name: string;
  prefix: string;
  last4: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

/** The app's secret keys: shown once when created or rotated; admins rotate with a grace period or revoke. */
export function AppKeysPanel({ appId, keys, canManage }: { appId: string; keys: AppKeyRow[]; canManage: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<{ key: string; note?: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState<AppKeyRow | null>(null);
  const [revoking, setRevoking] = useState<AppKeyRow | null>(null);
  const done = (result: { ok: boolean; error?: string }) => {
    setError(result.ok ? null : (result.error ?? "Something went wrong."));
    router.refresh();
  };

  return (
    <Card>
      <div className="mb-3 flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">Secret keys</h2>
        {canManage && (
          <Button variant="secondary" onClick={() => setCreating(true)}>
            Create key
          </Button>
        )}
      </div>
      {error && (
        <div className="mb-3">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
      {keys.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No keys: create one for the app&apos;s backend.</p>
      ) : (
        <DataTable label="Secret keys" columns={["Name", "Key", "State", "Created", "Last used", "Actions"]}>
          {keys.map((k) => {
            const s = credentialState(k);
            const live = s === "Active" || s === "Rotated (grace period)";
            return (
              <tr key={k.id} data-testid="app-key-row">
                <td className="px-3 py-2">{k.name}</td>
                <td className="px-3 py-2 font-mono text-xs">
                  {k.prefix}…{k.last4}
                </td>
                <td className="px-3 py-2">{s === "Rotated (grace period)" ? `${s} until ${formatTimestamp(k.expiresAt)}` : s}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatTimestamp(k.createdAt)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatTimestamp(k.lastUsedAt)}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {canManage && live && (
                    <span className="flex gap-1">
                      <Button
                        variant="ghost"
                        className="px-2 py-1"
                        onClick={() => setRotating(k)}
                        aria-label={`Rotate key ${k.prefix}…${k.last4}`}
                      >
                        Rotate
                      </Button>
                      <Button
                        variant="ghost"
                        className="px-2 py-1 text-red-700 dark:text-red-400"
                        onClick={() => setRevoking(k)}
                        aria-label={`Revoke key ${k.prefix}…${k.last4}`}
                      >
                        Revoke
                      </Button>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}

      <Modal open={creating} title="Create a secret key" onClose={() => setCreating(false)}>
        <form
          className="space-y-4"
          action={(form) =>
            startTransition(async () => {
              const result = await createAppKey({ appId, name: String(form.get("name") ?? "") });
              setCreating(false);
              if (result.ok) setRevealed({ key: result.data.key });
              done(result);
            })
          }
        >
          <Field
            id="app-key-name"
            name="name"
            label="Name"
            hint="Where it will live, e.g. “production backend”."
            required
            maxLength={60}
            defaultValue="default"
          />
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              Create
            </Button>
            <Button variant="ghost" onClick={() => setCreating(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </Modal>

      <RotateCredentialDialog
        credential={rotating}
        noun="key"
        title="Rotate this key"
        defaultGraceHours={24}
        pending={pending}
        onCancel={() => setRotating(null)}
        onRotate={(graceHours) =>
          startTransition(async () => {
            const result = await rotateAppKey({ keyId: rotating!.id, graceHours });
            setRotating(null);
            if (result.ok)
              setRevealed({
                key: result.data.key,
                note: result.data.graceUntil
                  ? `The old key works until ${formatTimestamp(result.data.graceUntil)}.`
                  : "The old key has stopped working.",
              });
            done(result);
          })
        }
      />

      <RevokeCredentialDialog
        credential={revoking}
        title="Revoke this key?"
        consequence="stops working at once: the app's backend can no longer start connect sessions or exchange codes with it."
        confirmLabel="Revoke key"
        pending={pending}
        onCancel={() => setRevoking(null)}
        onRevoke={() =>
          startTransition(async () => {
            const result = await revokeAppKey({ keyId: revoking!.id });
            setRevoking(null);
            done(result);
          })
        }
      />

      <SecretReveal
        secret={revealed?.key ?? null}
        title="The app's new secret key"
        lead="Copy this key now: Storelink keeps only a hash of it and cannot show it again."
        note={revealed?.note}
        testId="new-app-key"
        copyLabel="Copy key"
        onClose={() => setRevealed(null)}
      />
    </Card>
  );
}
