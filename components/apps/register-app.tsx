"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createApp } from "@/lib/actions/apps/create-app";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { ReturnUrlsField, returnUrlsOf } from "./return-urls-field";

/** "Register an app": a name and its return URLs; the app's first secret key is shown once. */
export function RegisterApp() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ appId: string; key: string } | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <>
      <Button onClick={() => (setError(null), setOpen(true))}>Register an app</Button>
      <Modal open={open} title="Register an app" onClose={() => setOpen(false)}>
        <form
          className="space-y-4"
          action={(form) =>
            startTransition(async () => {
              const result = await createApp({ name: String(form.get("name") ?? ""), returnUrls: returnUrlsOf(form) });
              if (!result.ok) return setError(result.error);
              setOpen(false);
              setCreated(result.data);
            })
          }
        >
          {error && <Alert tone="error">{error}</Alert>}
          <Field
            id="app-name"
            name="name"
            label="App name"
            hint="Merchants see it on the connect page."
            required
            maxLength={80}
          />
          <ReturnUrlsField id="app-return-urls" />
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Registering…" : "Register"}
            </Button>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </Modal>
      <SecretReveal
        secret={created?.key ?? null}
        title="The app's secret key"
        lead="Copy this key into your app's backend now: Storelink keeps only a hash of it and cannot show it again."
        note="Your backend sends it as `Authorization: Bearer sla_…` to create connect sessions and exchange codes."
        testId="new-app-key"
        copyLabel="Copy key"
        onClose={() => {
          const appId = created?.appId;
          setCreated(null);
          if (appId) router.push(`/apps/${appId}`);
        }}
      />
    </>
  );
}
