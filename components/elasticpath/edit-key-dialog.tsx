"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { updateElasticPathKey } from "@/lib/actions/elasticpath/update-key";
import { Modal } from "@/components/ui/modal";
import type { ApplicationKey } from "@/lib/platforms/elasticpath/reshape";

/** Rename a key or change its reserved rate limit. */
export function EditKeyDialog({ connectionId, row }: { connectionId: string; row: ApplicationKey }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await updateElasticPathKey({
        connectionId,
        keyId: row.id,
        name: String(form.get("name") ?? ""),
        reservedRateLimit: Number(form.get("reservedRateLimit") ?? 0),
      });
      if (!result.ok) return setError(result.error);
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <>
      <Button variant="ghost" onClick={() => (setError(null), setOpen(true))} aria-label={`Edit ${row.name}`}>
        Edit
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={`Edit key “${row.name}”`}>
        <form onSubmit={onSubmit} className="space-y-4">
          {error && <Alert tone="error">{error}</Alert>}
          <Field id={`edit-name-${row.id}`} name="name" label="Name" defaultValue={row.name} required maxLength={255} />
          <Field
            id={`edit-rrl-${row.id}`}
            name="reservedRateLimit"
            type="number"
            min={0}
            step={1}
            label="Reserved rate limit (requests per second)"
            hint="Guaranteed to this key. All reservations together cannot exceed the store's limit."
            defaultValue={row.reservedRateLimit}
            required
          />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
