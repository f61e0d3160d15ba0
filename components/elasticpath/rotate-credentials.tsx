"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { rotateElasticPathCredentials } from "@/lib/actions/elasticpath/rotate-credentials";
import { Modal } from "@/components/ui/modal";

type Step = { step: string; ok: boolean; message: string };
type Outcome = { outcome: "rotated" | "failed" | "rotated_with_warnings"; steps: Step[] };

const headline: Record<Outcome["outcome"], { tone: "success" | "error" | "warning"; title: string }> = {
  rotated: { tone: "success", title: "Credentials rotated: the connection uses a new key and the old one is deleted." },
  failed: { tone: "error", title: "Rotation failed: the connection keeps working on its current key." },
  rotated_with_warnings: { tone: "warning", title: "The connection uses a new key, but something is left to do." },
};

/** "Rotate connection credentials": confirm, run, then show what happened step by step. */
export function RotateCredentials({ connectionId }: { connectionId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();

  function rotate() {
    startTransition(async () => {
      const result = await rotateElasticPathCredentials({ connectionId });
      setOpen(false);
      if (!result.ok) return setError(result.error);
      setOutcome(result.data);
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      <Button variant="secondary" onClick={() => (setError(null), setOutcome(null), setOpen(true))}>
        Rotate connection credentials
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
      {outcome && (
        <div data-testid="rotation-result">
          <Alert tone={headline[outcome.outcome].tone} title={headline[outcome.outcome].title}>
            <ol className="list-decimal space-y-1 pl-5">
              {outcome.steps.map((s) => (
                <li key={s.step}>
                  <span className="font-medium">{s.ok ? "Done" : "Failed"}:</span> {s.message}
                </li>
              ))}
            </ol>
          </Alert>
        </div>
      )}
      <Modal open={open} onClose={() => setOpen(false)} title="Rotate connection credentials?">
        <p className="text-sm">
          Storelink creates a new application key, verifies it by minting a token, switches this connection to it and then deletes
          the key it uses now. Anything else that uses the current key (a storefront, another integration) stops working when it
          is deleted.
        </p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button variant="danger" onClick={rotate} disabled={pending}>
            {pending ? "Rotating…" : "Rotate now"}
          </Button>
        </div>
      </Modal>
    </div>
  );
}
