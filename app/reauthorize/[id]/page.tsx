import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { reauthorizeTarget } from "@/lib/connections/reauthorize-target";
import { verifyReauthorize } from "@/lib/connections/reauthorize";

export const metadata: Metadata = { title: "Reconnect your store", robots: { index: false } };

export default async function ReauthorizePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const q = await searchParams;
  const valid = verifyReauthorize(id, q.expires ?? null, q.sig ?? null);
  const target = valid ? await reauthorizeTarget(id) : null;
  return (
    <Card>
      <h1 className="text-xl font-semibold">Reconnect your store to Storelink</h1>
      {!target ? (
        <div className="mt-4">
          <Alert tone="error" title="This link is not valid">
            It may have expired (links last 7 days) or been copied incompletely. Ask the Storelink team for a new one.
          </Alert>
        </div>
      ) : (
        <>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Storelink can no longer reach <strong>{target.storeName}</strong>. Approving again restores the connection;
            integrations keep working with the same Storelink token.
          </p>
          <div className="mt-6">
            <ButtonLink href={target.href}>Reconnect {target.storeName}</ButtonLink>
          </div>
        </>
      )}
    </Card>
  );
}
