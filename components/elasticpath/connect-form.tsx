"use client";

import { useState, useTransition, type FormEvent } from "react";
import { SecretOnce } from "@/components/keys/secret-once";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Field, inputClass } from "@/components/ui/field";
import { connectElasticPathStore } from "@/lib/actions/elasticpath-connect-store";
import type { ActionResult } from "@/lib/actions/safe-action";

type Connected = { connectionId: string; displayName: string; unifiedToken: string };
export type Region = { name: string; url: string };

export function ConnectElasticPathForm({ regions, canEdit }: { regions: Region[]; canEdit: boolean }) {
  const [region, setRegion] = useState(regions[0]?.name ?? "custom");
  const [result, setResult] = useState<ActionResult<Connected> | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldError = (name: string) => (result && !result.ok ? result.fieldErrors?.[name]?.[0] : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    startTransition(async () => {
      const answer = await connectElasticPathStore({
        name: text("name"),
        region,
        customBaseUrl: region === "custom" ? text("customBaseUrl") : undefined,
        clientId: text("clientId"),
        clientSecret: text("clientSecret"),
      });
      setResult(answer);
    });
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
      <Field id="ep-name" name="name" label="Store name" required maxLength={100} placeholder="EU storefront" error={fieldError("name")} />
      <div className="space-y-1.5">
        <label htmlFor="ep-region" className="block text-sm font-medium">
          Region
        </label>
        <select id="ep-region" name="region" value={region} onChange={(e) => setRegion(e.target.value)} className={inputClass}>
          {regions.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name} ({r.url})
            </option>
          ))}
          <option value="custom">Custom base URL…</option>
        </select>
      </div>
      {region === "custom" && (
        <Field id="ep-base-url" name="customBaseUrl" type="url" label="API base URL" required placeholder="https://useast.api.elasticpath.com" hint="Shown in Commerce Manager under Application Keys → API base URL." error={fieldError("customBaseUrl")} />
      )}
      <Field id="ep-client-id" name="clientId" label="Client ID" required autoComplete="off" spellCheck={false} error={fieldError("clientId")} />
      <Field
        id="ep-client-secret"
        name="clientSecret"
        type="password"
        label="Client secret"
        required
        autoComplete="new-password"
        spellCheck={false}
        hint="Sent once to verify the key, then kept only in Storelink's encrypted vault; it is never shown again."
        error={fieldError("clientSecret")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Verifying with Elastic Path…" : "Connect store"}
      </Button>
    </form>
  );
}
