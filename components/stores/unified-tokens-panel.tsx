"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createUnifiedToken } from "@/lib/actions/stores/create-unified-token";
import { revokeUnifiedToken } from "@/lib/actions/stores/revoke-unified-token";
import { rotateUnifiedToken } from "@/lib/actions/stores/rotate-unified-token";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { credentialState, RevokeCredentialDialog, RotateCredentialDialog } from "@/components/ui/credential-dialogs";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { Field, inputClass } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { RelativeTime } from "./relative-time";
import { TokenReveal } from "./token-reveal";
import type { TokenRow } from "./types";

export function UnifiedTokensPanel({
  connectionId,
  tokens,
  canManage,
}: {
  connectionId: string;
  tokens: TokenRow[];
  canManage: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<{ token: string; note?: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState<TokenRow | null>(null);
  const [revoking, setRevoking] = useState<TokenRow | null>(null);

  const finish = (ok: boolean, err?: string) => {
    setError(ok ? null : (err ?? "Something went wrong."));
    router.refresh();
  };

  return (
    <Card>
      <div className="mb-3 flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">Unified tokens</h2>
        {canManage && (
          <Button variant="secondary" onClick={() => setCreating(true)}>
            Create token
          </Button>
        )}
      </div>
      {error && (
        <div className="mb-3">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No unified tokens yet: create one to call Storelink&apos;s API for this store.
        </p>
      ) : (
        <div role="region" aria-label="Unified tokens" tabIndex={0} className="overflow-x-auto">
          <table className="min-w-full text-sm" aria-label="Unified tokens">
            <thead className="text-left">
              <tr>
                {["Name", "Token", "Scope", "State", "Created", "Last used", "Works until", ""].map((h, i) => (
                  <th key={i} scope="col" className="px-2 py-1.5 font-semibold">
                    {h || <span className="sr-only">Actions</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {tokens.map((t) => {
                const state = credentialState(t);
                const live = state === "Active" || state === "Rotated (grace period)";
                return (
                  <tr key={t.id} data-token-prefix={t.prefix} data-token-last4={t.last4}>
                    <td className="px-2 py-1.5">{t.name}</td>
                    <td className="px-2 py-1.5 font-mono text-xs">
                      {t.prefix}…{t.last4}
                    </td>
                    <td className="px-2 py-1.5">{t.scope === "READ" ? "read" : "read & write"}</td>
                    <td className="px-2 py-1.5">{state}</td>
                    <td className="px-2 py-1.5">
                      <RelativeTime iso={t.createdAt} live={false} />
                    </td>
                    <td className="px-2 py-1.5">
                      <RelativeTime iso={t.lastUsedAt} empty="Never" live={false} />
                    </td>
                    <td className="px-2 py-1.5">
                      <RelativeTime iso={t.revokedAt ?? t.expiresAt} empty="Until revoked" />
                    </td>
                    <td className="px-2 py-1.5 whitespace-nowrap">
                      {canManage && live && (
                        <span className="flex gap-1">
                          <Button
                            variant="ghost"
                            className="px-2 py-1"
                            onClick={() => setRotating(t)}
                            aria-label={`Rotate ${t.name} (${t.prefix}…${t.last4})`}
                          >
                            Rotate
                          </Button>
                          <Button
                            variant="ghost"
                            className="px-2 py-1 text-red-700 dark:text-red-400"
                            onClick={() => setRevoking(t)}
                            aria-label={`Revoke ${t.name} (${t.prefix}…${t.last4})`}
                          >
                            Revoke
                          </Button>
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <Modal open={creating} title="Create a unified token" onClose={() => setCreating(false)}>
        <form
          action={(form) =>
            startTransition(async () => {
              const scope = form.get("scope") === "READ" ? "READ" : "READ_WRITE";
              const result = await createUnifiedToken({ connectionId, name: String(form.get("name") ?? ""), scope });
              setCreating(false);
              if (result.ok) setRevealed({ token: result.data.token });
              finish(result.ok, result.ok ? undefined : result.error);
            })
          }
          className="space-y-4"
        >
          <Field
            id="token-name"
            name="name"
            label="Name"
            hint="Who or what will use it, e.g. “ERP sync”."
            required
            maxLength={60}
            defaultValue="default"
          />
          <div className="space-y-1.5">
            <label htmlFor="token-scope" className="block text-sm font-medium">
              Scope
            </label>
            <select
              id="token-scope"
              name="scope"
              defaultValue="READ_WRITE"
              className={inputClass}
              aria-describedby="token-scope-hint"
            >
              <option value="READ_WRITE">Read and write (change stock and orders)</option>
              <option value="READ">Read only (GET endpoints only)</option>
            </select>
            <p id="token-scope-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
              A read-only token is refused every endpoint that changes the store, and every non-GET raw call.
            </p>
          </div>
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create"}
            </Button>
            <Button variant="ghost" onClick={() => setCreating(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </Modal>

      <RotateCredentialDialog
        credential={rotating}
        noun="token"
        title={`Rotate ${rotating?.name ?? ""}`}
        why=", so integrations can switch"
        defaultGraceHours={0}
        pending={pending}
        onCancel={() => setRotating(null)}
        onRotate={(graceHours) =>
          startTransition(async () => {
            const result = await rotateUnifiedToken({ tokenId: rotating!.id, graceHours });
            setRotating(null);
            if (result.ok) {
              setRevealed({
                token: result.data.token,
                note: result.data.graceUntil
                  ? `The old token keeps working until ${formatTimestamp(result.data.graceUntil)}.`
                  : "The old token has stopped working.",
              });
            }
            finish(result.ok, result.ok ? undefined : result.error);
          })
        }
      />

      <RevokeCredentialDialog
        credential={revoking}
        title="Revoke this token?"
        consequence={`(${revoking?.name ?? ""}) stops working at once. This cannot be undone.`}
        confirmLabel="Revoke token"
        pending={pending}
        onCancel={() => setRevoking(null)}
        onRevoke={() =>
          startTransition(async () => {
            const result = await revokeUnifiedToken({ tokenId: revoking!.id });
            setRevoking(null);
            finish(result.ok, result.ok ? undefined : result.error);
          })
        }
      />

      <TokenReveal
        token={revealed?.token ?? null}
        title="Your new unified token"
        note={revealed?.note}
        onClose={() => setRevealed(null)}
      />
    </Card>
  );
}
