"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createElasticPathKey } from "@/lib/actions/elasticpath/create-key";
import { Modal } from "@/components/ui/modal";
import { SecretOnce } from "./secret-once";

type Created = { name: string; clientId: string; clientSecret: string; switched: boolean; switchError: string | null };

/** Create a key; its client_secret is shown once here and nowhere else. */
export function CreateKeyDialog({ connectionId }: { connectionId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [pending, startTransition] = useTransition();

  function close() {
    setOpen(false);
    // Forget the secret as soon as the dialog closes.
    setCreated(null);
    router.refresh();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reserved = String(form.get("reservedRateLimit") ?? "").trim();
    startTransition(async () => {
      const result = await createElasticPathKey({
        connectionId,
        name: String(form.get("name") ?? ""),
        reservedRateLimit: reserved === "" ? undefined : Number(reserved),
        switchConnection: form.get("switchConnection") === "on",
      });
      if (!result.ok) return setError(result.error);
      const { key, clientSecret, switched, switchError } = result.data;
      setCreated({ name: key.name, clientId: key.clientId, clientSecret, switched, switchError });
    });
  }

  return (
    <>
      <Button onClick={() => (setError(null), setCreated(null), setOpen(true))}>Create key</Button>
      <Modal open={open} onClose={close} title={created ? `Key “${created.name}” created` : "Create an application key"}>
        {created ? (
          <div className="space-y-4">
            <p className="text-sm">
              Client ID: <code className="break-all font-mono">{created.clientId}</code>
            </p>
            <SecretOnce
              label="Client secret"
              value={created.clientSecret}
              testId="new-client-secret"
              warning="Copy the client secret now: it will not be shown again, by Storelink or by Elastic Path."
            />
            {created.switched && <Alert tone="success">This connection now uses the new key.</Alert>}
            {created.switchError && <Alert tone="error">{created.switchError}</Alert>}
            <div className="flex justify-end">
              <Button onClick={close}>I have copied it</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="space-y-4">
            {error && <Alert tone="error">{error}</Alert>}
            <Field id="create-key-name" name="name" label="Name" required maxLength={255} placeholder="Storefront" />
            <Field
              id="create-key-rrl"
              name="reservedRateLimit"
              type="number"
              min={0}
              step={1}
              label="Reserved rate limit (optional, requests per second)"
              hint="Leave empty to share the store's unreserved pool."
            />
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="switchConnection" className="mt-1" />
              <span>Switch this connection to the new key (Storelink verifies it first, then keeps its secret encrypted)</span>
            </label>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Creating…" : "Create key"}
              </Button>
            </div>
          </form>
        )}
      </Modal>
    </>
  );
}
