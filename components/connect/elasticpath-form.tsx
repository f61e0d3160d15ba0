"use client";

import { useState, useTransition, type FormEvent } from "react";
import { ElasticPathKeyFields, readKeyInput, type Region } from "@/components/elasticpath/key-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { connectElasticPathForSession } from "@/lib/actions/apps/connect-elasticpath-for-session";

/** The merchant's application key on an integrator's connect page; success goes back to the app. */
export function ConnectSessionElasticPathForm({ session, regions }: { session: string; regions: Region[] }) {
  const hydrated = useHydrated();
  const [region, setRegion] = useState(regions[0]?.name ?? "custom");
  const [failure, setFailure] = useState<{ error: string; fieldErrors?: Record<string, string[]> } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { session, ...readKeyInput(new FormData(event.currentTarget), region) };
    startTransition(async () => {
      const answer = await connectElasticPathForSession(input);
      // On success the action redirects to the app's return URL and this never runs.
      if (!answer.ok) setFailure(answer);
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {failure && <Alert tone="error">{failure.error}</Alert>}
      <ElasticPathKeyFields
        regions={regions}
        region={region}
        onRegion={setRegion}
        fieldError={(name) => failure?.fieldErrors?.[name]?.[0]}
      />
      <Button type="submit" disabled={pending || !hydrated}>
        {pending ? "Verifying with Elastic Path…" : "Connect store"}
      </Button>
    </form>
  );
}
