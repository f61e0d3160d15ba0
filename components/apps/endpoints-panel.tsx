"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createWebhookEndpoint } from "@/lib/actions/apps/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/actions/apps/delete-webhook-endpoint";
import { rotateEndpointSecret } from "@/lib/actions/apps/rotate-endpoint-secret";
import { sendTestWebhook } from "@/lib/actions/apps/send-test-webhook";
import { updateWebhookEndpoint } from "@/lib/actions/apps/update-webhook-endpoint";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/ui/secret-reveal";

export type EndpointRow = {
  id: string;
  url: string;
  events: string[];
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null; /** Set while the previous secret still signs (the page passes it only until then). */
  previousUntil: string | null;
};

/** Webhook endpoints of an app: add one (its signing secret shown once), test, rotate the secret, pause, delete. */
export function EndpointsPanel({
  appId,
  endpoints,
  eventTypes,
  canManage,
}: {
  appId: string;
  endpoints: EndpointRow[];
  eventTypes: { type: string; description: string }[];
  canManage: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<EndpointRow | null>(null);
  const [secret, setSecret] = useState<{ value: string; note?: string } | null>(null);
  const run = (work: () => Promise<{ ok: boolean; error?: string }>, success?: string) =>
    startTransition(async () => {
      const result = await work();
      setNotice(
        result.ok
          ? success
            ? { tone: "success", text: success }
            : null
          : { tone: "error", text: result.error ?? "Something went wrong." },
      );
      router.refresh();
    });

  return (
    <Card>
      <div className="mb-3 flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">Webhook endpoints</h2>
        {canManage && (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Add endpoint
          </Button>
        )}
      </div>
      {notice && (
        <div className="mb-3">
          <Alert tone={notice.tone}>{notice.text}</Alert>
        </div>
      )}
      {endpoints.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No endpoints: add one to receive signed events about this app&apos;s stores.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {endpoints.map((e) => (
            <li key={e.id} className="space-y-2 py-3" data-testid="webhook-endpoint">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <code className="break-all font-mono text-sm">{e.url}</code>
                <span
                  className={`rounded px-2 py-0.5 text-xs ${e.disabledAt ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"}`}
                >
                  {e.disabledAt ? "Disabled" : e.failingSince ? `Failing since ${formatTimestamp(e.failingSince)}` : "Enabled"}
                </span>
              </div>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">Events: {e.events.length ? e.events.join(", ") : "all"}</p>
              {e.disabledReason && <p className="text-xs text-red-700 dark:text-red-400">{e.disabledReason}</p>}
              {e.previousUntil && (
                <p className="text-xs">The previous secret also signs until {formatTimestamp(e.previousUntil)}.</p>
              )}
              <div className="flex flex-wrap gap-1">
                <Link
                  href={`/apps/${appId}/endpoints/${e.id}`}
                  className="rounded-md px-2 py-1 text-sm text-indigo-700 underline dark:text-indigo-400"
                >
                  Deliveries
                </Link>
                {canManage && (
                  <>
                    <Button
                      variant="ghost"
                      className="px-2 py-1"
                      disabled={pending}
                      onClick={() => run(() => sendTestWebhook({ endpointId: e.id }), "A test event is on its way.")}
                    >
                      Send test event
                    </Button>
                    <Button
                      variant="ghost"
                      className="px-2 py-1"
                      disabled={pending}
                      onClick={() =>
                        startTransition(async () => {
                          const result = await rotateEndpointSecret({ endpointId: e.id });
                          if (result.ok)
                            setSecret({
                              value: result.data.secret,
                              note: `The old secret keeps signing until ${formatTimestamp(result.data.previousUntil)}.`,
                            });
                          else setNotice({ tone: "error", text: result.error });
                          router.refresh();
                        })
                      }
                    >
                      Rotate secret
                    </Button>
                    <Button
                      variant="ghost"
                      className="px-2 py-1"
                      disabled={pending}
                      onClick={() => run(() => updateWebhookEndpoint({ endpointId: e.id, enabled: !!e.disabledAt }))}
                    >
                      {e.disabledAt ? "Enable" : "Disable"}
                    </Button>
                    <Button variant="ghost" className="px-2 py-1 text-red-700 dark:text-red-400" onClick={() => setDeleting(e)}>
                      Delete
                    </Button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}

      <Modal open={adding} title="Add a webhook endpoint" onClose={() => setAdding(false)}>
        <form
          className="space-y-4"
          action={(form) =>
            startTransition(async () => {
              const result = await createWebhookEndpoint({
                appId,
                url: String(form.get("url") ?? ""),
                events: form.getAll("events").map(String),
              });
              if (!result.ok) return setNotice({ tone: "error", text: result.error });
              setAdding(false);
              setSecret({ value: result.data.secret });
              router.refresh();
            })
          }
        >
          <Field
            id="endpoint-url"
            name="url"
            type="url"
            label="URL"
            hint="https on a public host. Storelink POSTs Standard Webhooks to it and follows no redirects."
            required
          />
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Events (none checked: all)</legend>
            {eventTypes.map((t) => (
              <label key={t.type} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="events" value={t.type} className="mt-1" />
                <span>
                  <code>{t.type}</code> <span className="text-zinc-600 dark:text-zinc-400">{t.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              Add
            </Button>
            <Button variant="ghost" onClick={() => setAdding(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </Modal>

      <Modal open={!!deleting} title="Delete this endpoint?" onClose={() => setDeleting(null)}>
        <p>{deleting?.url} stops receiving events, and its undelivered messages are deleted.</p>
        <div className="flex gap-2">
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => {
              const id = deleting!.id;
              setDeleting(null);
              run(() => deleteWebhookEndpoint({ endpointId: id }));
            }}
          >
            Delete endpoint
          </Button>
          <Button variant="ghost" onClick={() => setDeleting(null)}>
            Cancel
          </Button>
        </div>
      </Modal>

      <SecretReveal
        secret={secret?.value ?? null}
        title="The endpoint's signing secret"
        lead="Copy this secret into your webhook receiver now: Storelink will not show it again. Verify each delivery with any Standard Webhooks library."
        note={secret?.note}
        testId="new-endpoint-secret"
        copyLabel="Copy secret"
        onClose={() => setSecret(null)}
      />
    </Card>
  );
}
