import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CreateKeyDialog } from "@/components/elasticpath/create-key-dialog";
import { KeysTable } from "@/components/elasticpath/keys-table";
import { RotateCredentials } from "@/components/elasticpath/rotate-credentials";
import { Pagination } from "@/components/ui/pagination";
import { Alert } from "@/components/ui/alert";
import { ReadOnlyNotice } from "@/components/ui/read-only-notice";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { findElasticPathConnection } from "@/lib/connections/elasticpath/connection";
import { KEYS_PER_PAGE, loadKeyPage } from "@/lib/connections/elasticpath/keys";

export const metadata: Metadata = { title: "Application keys" };

const pageParam = z.coerce.number().int().min(1).max(400).catch(1);

function keysSummary(page: number, total: number): string {
  const pages = Math.max(1, Math.ceil(total / KEYS_PER_PAGE));
  const from = total === 0 ? 0 : (page - 1) * KEYS_PER_PAGE + 1;
  return `Showing ${from}–${Math.min(total, page * KEYS_PER_PAGE)} of ${total} keys (page ${page} of ${pages})`;
}

export default async function KeysPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const connection = await findElasticPathConnection(id);
  if (!connection) notFound();
  const page = pageParam.parse((await searchParams).page ?? 1);
  const result = await loadKeyPage(connection.id, page);
  const canEdit = hasRole(user.role, "ADMIN");
  const keys = result.ok ? result.page.keys : [];

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
          <ReadOnlyNotice role={user.role}>
            You can see the keys, but creating, changing, deleting or rotating them needs the Admin role; Storelink&apos;s server
            refuses those changes.
          </ReadOnlyNotice>
        )}
        {!result.ok ? (
          <Alert tone="error" title="The keys could not be loaded">
            {result.error}
          </Alert>
        ) : keys.length === 0 ? (
          <EmptyState title="No application keys on this page">
            {page > 1 ? <Link href={`/stores/${connection.id}/keys`}>Back to the first page</Link> : "Create one to get started."}
          </EmptyState>
        ) : (
          <>
            <p className="text-sm" data-testid="total-reserved">
              Total reserved rate limit: <strong>{result.page.totalReserved} rps</strong> across {result.page.total} keys.
            </p>
            <KeysTable connectionId={connection.id} keys={keys} usedKeyId={connection.keyId} />
            <Pagination
              page={page}
              pages={Math.max(1, Math.ceil(result.page.total / KEYS_PER_PAGE))}
              hrefFor={(p) => `/stores/${connection.id}/keys?page=${p}`}
              summary={keysSummary(page, result.page.total)}
            />
          </>
        )}
        <section aria-labelledby="rotate-heading" className="space-y-2">
          <h2 id="rotate-heading" className="text-lg font-semibold">
            Connection credentials
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Move Storelink to a fresh key, for example after the current secret may have leaked.
          </p>
          <RotateCredentials connectionId={connection.id} />
        </section>
      </div>
    </>
  );
}
