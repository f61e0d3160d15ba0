"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { checkConnection } from "@/lib/actions/stores/check-connection";
import { disconnectConnection } from "@/lib/actions/stores/disconnect-connection";
import { refreshConnection } from "@/lib/actions/stores/refresh-connection";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Modal } from "@/components/ui/modal";
import type { ConnectionStatus } from "./types";

type Outcome = { tone: "success" | "error" | "warning"; text: string } | null;

export function ConnectionActions({
  connectionId,
  status,
  reauthorizeUrl,
  platform,
}: {
  connectionId: string;
  status: ConnectionStatus;
  reauthorizeUrl: string | null;
  platform: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirming, setConfirming] = useState(false);
  const [uninstall, setUninstall] = useState(true);
  const revoked = status === "REVOKED";
  const ecwid = platform === "ECWID";

  function run(action: typeof checkConnection, label: string) {
    startTransition(async () => {
      const result = await action({ connectionId });
      if (!result.ok) setOutcome({ tone: "error", text: result.error });
      else
        setOutcome({ tone: result.data.status === "ACTIVE" ? "success" : "warning", text: `${label}: ${result.data.message}` });
      router.refresh();
    });
  }

  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Actions</h2>
      <div className="space-y-4">
        {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" disabled={pending || revoked} onClick={() => run(checkConnection, "Check")}>
            Check now
          </Button>
          <Button variant="secondary" disabled={pending || revoked} onClick={() => run(refreshConnection, "Refresh")}>
            Refresh now
          </Button>
          {reauthorizeUrl && <CopyButton value={reauthorizeUrl} label="Copy re-authorize link" />}
          {!revoked && (
            <Button variant="danger" disabled={pending} onClick={() => setConfirming(true)}>
              Disconnect…
            </Button>
          )}
        </div>
        {reauthorizeUrl && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            The re-authorize link works for 7 days without a dashboard account; the store keeps its id and unified tokens.{" "}
            <a href={reauthorizeUrl} className="underline" data-testid="reauthorize-link">
              Open it here
            </a>
            .
          </p>
        )}
      </div>
      <Modal open={confirming} title="Disconnect this store?" onClose={() => setConfirming(false)}>
        <p>
          Storelink destroys the store&apos;s platform credentials and revokes every unified token. Integrations using them stop
          working at once.
        </p>
        {ecwid && (
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-1" checked={uninstall} onChange={(e) => setUninstall(e.target.checked)} />
            <span>Also uninstall Storelink from the Ecwid store (Ecwid cancels the app and revokes its tokens)</span>
          </label>
        )}
        <div className="flex gap-2">
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await disconnectConnection({ connectionId, uninstallFromStore: ecwid && uninstall });
                setConfirming(false);
                setOutcome(disconnectOutcome(result));
                router.refresh();
              })
            }
          >
            Disconnect
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      </Modal>
    </Card>
  );
}

function disconnectOutcome(result: Awaited<ReturnType<typeof disconnectConnection>>): Outcome {
  if (!result.ok) return { tone: "error", text: result.error };
  if (result.data.uninstalled === true) return { tone: "success", text: "Disconnected, and uninstalled from the Ecwid store." };
  if (result.data.uninstalled === false)
    return {
      tone: "warning",
      text: `Disconnected, but Ecwid did not uninstall the app: ${result.data.uninstallError ?? "unknown reason"}`,
    };
  return { tone: "success", text: "Disconnected." };
}
