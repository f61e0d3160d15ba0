import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CreateKeyDialog } from "@/components/keys/create-key-dialog";
import { KeysTable } from "@/components/keys/keys-table";
import { Pagination } from "@/components/keys/pagination";
import { RotateCredentials } from "@/components/keys/rotate-credentials";
import type { KeyRow } from "@/components/keys/types";
import { Alert } from "@/components/ui/alert";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { hasRole, roleLabel } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { findElasticPathConnection } from "@/lib/platforms/elasticpath/connection";
import { KEYS_PER_PAGE, loadKeyPage } from "@/lib/platforms/elasticpath/key-page";

export const metadata: Metadata = { title: "Application keys" };

const pageParam = z.coerce.number().int().min(1).max(400).catch(1);

export default async function KeysPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { id } = await params;
  const connection = await findElasticPathConnection(id);
  if (!connection) notFound();
  const page = pageParam.parse((await searchParams).page ?? 1);
  const result = await loadKeyPage(connection.id, page);
  const canEdit = hasRole(user.role, "ADMIN");
  const rows: KeyRow[] = result.ok
    ? result.page.keys.map((key) => ({ ...key, inUse: key.id === connection.keyId }))
    : [];

  return (
    <>
      <PageHeader
        title={`Application keys · ${connection.displayName}`}
        description={`Elastic Path keys of this store (${new URL(connection.baseUrl).host}). Storelink uses one of them; the others serve your storefronts and integrations.`}
        actions={<CreateKeyDialog connectionId={connection.id} />}
      />
      <div className="space-y-6">
        <p className="text-sm">
          <Link href={`/stores/${connection.id}/preview`} className="text-indigo-700 underline dark:text-indigo-400">
            Open the storefront preview
          </Link>
        </p>
        {!canEdit && (
          <Alert tone="info" title={`Read-only for your role (${roleLabel[user.role]})`}>
            You can see the keys, but creating, changing, deleting or rotating them needs the Admin role; Storelink&apos;s server refuses those changes.
          </Alert>
        )}
        {!result.ok ? (
          <Alert tone="error" title="The keys could not be loaded">
            {result.error}
          </Alert>
        ) : rows.length === 0 ? (
          <EmptyState title="No application keys on this page">{page > 1 ? <Link href={`/stores/${connection.id}/keys`}>Back to the first page</Link> : "Create one to get started."}</EmptyState>
        ) : (
          <>
            <p className="text-sm" data-testid="total-reserved">
              Total reserved rate limit: <strong>{result.page.totalReserved} rps</strong> across {result.page.total} keys.
            </p>
            <KeysTable connectionId={connection.id} rows={rows} />
            <Pagination basePath={`/stores/${connection.id}/keys`} page={page} total={result.page.total} perPage={KEYS_PER_PAGE} />
          </>
        )}
        <section aria-labelledby="rotate-heading" className="space-y-2">
          <h2 id="rotate-heading" className="text-lg font-semibold">
            Connection credentials
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Move Storelink to a fresh key, for example after the current secret may have leaked.</p>
          <RotateCredentials connectionId={connection.id} />
        </section>
      </div>
    </>
  );
}
