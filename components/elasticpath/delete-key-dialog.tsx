"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { deleteElasticPathKey } from "@/lib/actions/elasticpath/delete-key";
import { Modal } from "@/components/ui/modal";
import type { ApplicationKey } from "@/lib/platforms/elasticpath/reshape";

/** Delete with confirmation; the connection's own key is refused up front (and again by the server). */
export function DeleteKeyDialog({ connectionId, row, inUse }: { connectionId: string; row: ApplicationKey; inUse: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      const result = await deleteElasticPathKey({ connectionId, keyId: row.id });
      if (!result.ok) return setError(result.error);
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <>
      <Button
        variant="ghost"
        className="text-red-700 dark:text-red-400"
        onClick={() => (setError(null), setOpen(true))}
        aria-label={`Delete ${row.name}`}
      >
        Delete
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={`Delete key “${row.name}”?`}>
        {inUse ? (
          <Alert tone="warning" title="Storelink uses this key">
            Deleting it would disconnect this store. Use “Rotate connection credentials” to move Storelink to a new key; the
            rotation deletes this one afterwards.
          </Alert>
        ) : (
          <>
            {error && <Alert tone="error">{error}</Alert>}
            <p className="text-sm">
              Anything using this key (storefronts, integrations) stops working at once. This cannot be undone.
            </p>
          </>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {inUse ? "Close" : "Cancel"}
          </Button>
          {!inUse && (
            <Button variant="danger" onClick={confirm} disabled={pending}>
              {pending ? "Deleting…" : "Delete key"}
            </Button>
          )}
        </div>
      </Modal>
    </>
  );
}
