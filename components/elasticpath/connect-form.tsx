"use client";

import { useState, useTransition, type FormEvent } from "react";
import { SecretOnce } from "@/components/elasticpath/secret-once";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ElasticPathKeyFields, readKeyInput, type Region } from "@/components/elasticpath/key-fields";
import { connectElasticPathStore } from "@/lib/actions/elasticpath/connect-store";
import type { ActionResult } from "@/lib/actions/safe-action";

type Connected = { connectionId: string; displayName: string; unifiedToken: string };

export function ConnectElasticPathForm({ regions, canEdit }: { regions: Region[]; canEdit: boolean }) {
  const hydrated = useHydrated();
  const [region, setRegion] = useState(regions[0]?.name ?? "custom");
  const [result, setResult] = useState<ActionResult<Connected> | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldError = (name: string) => (result && !result.ok ? result.fieldErrors?.[name]?.[0] : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = readKeyInput(new FormData(event.currentTarget), region);
    startTransition(async () => setResult(await connectElasticPathStore(input)));
  }

  if (result?.ok) {
    const id = result.data.connectionId;
    return (
      <div className="space-y-4">
        <Alert tone="success" title={`Connected ${result.data.displayName}`}>
          Storelink verified the key by minting a token and now keeps the credentials encrypted.
        </Alert>
        <SecretOnce
          label="Unified access token for this store"
          value={result.data.unifiedToken}
          testId="unified-token"
          warning="Copy it now: it will not be shown again. Storelink keeps only a hash."
        />
        <div className="flex flex-wrap gap-2">
          <ButtonLink href={`/stores/${id}/keys`}>Manage application keys</ButtonLink>
          <ButtonLink href={`/stores/${id}/preview`} variant="secondary">
            Storefront preview
          </ButtonLink>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="max-w-xl space-y-4" aria-describedby={canEdit ? undefined : "connect-readonly"}>
      {!canEdit && (
        <p id="connect-readonly" className="text-sm text-zinc-600 dark:text-zinc-400">
          Your role can view this form but connecting a store needs the Admin role; the server will refuse it.
        </p>
      )}
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <ElasticPathKeyFields regions={regions} region={region} onRegion={setRegion} fieldError={fieldError} />
      <Button type="submit" disabled={pending || !hydrated}>
        {pending ? "Verifying with Elastic Path…" : "Connect store"}
      </Button>
    </form>
  );
}
