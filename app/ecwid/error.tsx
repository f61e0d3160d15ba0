"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function EcwidError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="space-y-4">
      <Alert tone="error" title="Storelink could not open">
        Something went wrong while loading the app. Try again, or reopen it from the Ecwid Control Panel.
      </Alert>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
