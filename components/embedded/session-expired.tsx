"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useEmbedded } from "./session-context";

/** The "reopen the app" state: an expired or forged session token is never silently renewed. */
export function SessionExpired() {
  const { t } = useEmbedded();
  return (
    <div className="space-y-4" data-testid="session-expired">
      <Alert tone="warning" title={t.sessionTitle}>
        {t.sessionBody}
      </Alert>
      {/* Reloading the iframe URL asks the Control Panel's payload again (Ecwid issues a fresh one each open). */}
      <Button variant="secondary" onClick={() => window.location.reload()}>
        {t.reopen}
      </Button>
    </div>
  );
}
