"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteApp } from "@/lib/actions/apps/delete-app";
import { updateApp } from "@/lib/actions/apps/update-app";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { ReturnUrlsField, returnUrlsOf } from "./return-urls-field";

/** The app's name and return URLs (editable by admins), and deleting it after a confirmation. */
export function AppSettings({ app, canManage }: { app: { id: string; name: string; returnUrls: string[] }; canManage: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);

  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Settings</h2>
      {message && (
        <div className="mb-3">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <form
        className="space-y-4"
        action={(form) =>
          startTransition(async () => {
            const result = await updateApp({
              appId: app.id,
              name: String(form.get("name") ?? ""),
              returnUrls: returnUrlsOf(form),
            });
            setMessage(result.ok ? { tone: "success", text: "Saved." } : { tone: "error", text: result.error });
            router.refresh();
          })
        }
      >
        <fieldset disabled={!canManage || pending} className="space-y-4">
          <Field id="app-name" name="name" label="App name" defaultValue={app.name} required maxLength={80} />
          <ReturnUrlsField id="app-return-urls" defaultValue={app.returnUrls} />
        </fieldset>
        {canManage && (
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </Button>
            <Button variant="ghost" className="text-red-700 dark:text-red-400" onClick={() => setConfirming(true)}>
              Delete app
            </Button>
          </div>
        )}
      </form>
      <Modal open={confirming} title={`Delete “${app.name}”?`} onClose={() => setConfirming(false)}>
        <p>
          Its keys stop working, its webhook endpoints and undelivered webhooks are deleted. The stores it connected stay
          connected, with their unified tokens.
        </p>
        <div className="flex gap-2">
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await deleteApp({ appId: app.id });
                setConfirming(false);
                if (result.ok) router.push("/apps");
                else setMessage({ tone: "error", text: result.error });
              })
            }
          >
            Delete app
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      </Modal>
    </Card>
  );
}
