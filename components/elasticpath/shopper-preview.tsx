"use client";

import { useCallback, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ShopperSessionView } from "./shopper-session";
import { ShopperSignIn, type PasswordProfileOption } from "./shopper-sign-in";
import type { ShopperSession } from "./shopper-requests";

/**
 * "Sign in as a shopper" beside the catalog. The shopper token lives in this component's state only (never
 * localStorage or cookies) and goes only to Elastic Path, with the implicit token.
 */
export function ShopperPreview({
  connectionId,
  passwordProfiles,
  profilesError,
}: {
  connectionId: string;
  passwordProfiles: PasswordProfileOption[];
  profilesError?: string;
}) {
  const [session, setSession] = useState<ShopperSession | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const end = useCallback((message: string | null) => {
    setSession(null);
    setNotice(message);
  }, []);

  return (
    <Card>
      <section aria-labelledby="shopper-heading" className="space-y-3">
        <h2 id="shopper-heading" className="text-lg font-semibold">
          Sign in as a shopper
        </h2>
        {notice && (
          <Alert tone="info" title="Signed out">
            {notice}
          </Alert>
        )}
        {profilesError && <Alert tone="error">{profilesError}</Alert>}
        {session ? (
          <ShopperSessionView connectionId={connectionId} session={session} onChange={setSession} onEnd={end} />
        ) : (
          <ShopperSignIn
            connectionId={connectionId}
            passwordProfiles={passwordProfiles}
            onSignedIn={(s) => (setNotice(null), setSession(s))}
          />
        )}
      </section>
    </Card>
  );
}
