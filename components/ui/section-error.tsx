"use client";

import { Alert } from "./alert";
import { Button } from "./button";

/** The body of a route segment's error.tsx: what failed, a reference for the server log, and a retry. */
export function SectionError({ title, error, reset }: { title: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-xl space-y-4">
      <Alert tone="error" title={title}>
        Something failed on the server; nothing was changed.{" "}
        {error.digest && (
          <>
            Reference: <code>{error.digest}</code>
          </>
        )}
      </Alert>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
