import type { Metadata } from "next";
import Link from "next/link";
import { StoresFilters } from "@/components/stores/stores-filters";
import { hrefWith, StoresTable } from "@/components/stores/stores-table";
import { Alert } from "@/components/ui/alert";
import { ButtonAnchor, ButtonLink } from "@/components/ui/button-link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { connectFailureText, isConnectFailure } from "@/lib/connections/connect-outcome";
import { listConnections, listFiltersSchema, PAGE_SIZE } from "@/lib/connections/list";
import { oauth2Configured } from "@/lib/connections/oauth2/connect";

export const metadata: Metadata = { title: "Stores" };

export default async function StoresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireUser();
  const raw = await searchParams;
  const filters = listFiltersSchema.parse(raw);
  const { rows, total, pages } = await listConnections(filters);
  const filtered = !!(filters.q || filters.platform || filters.status);
  // A code from a connect redirect, never free text: the link's author must not write on this page.
  const error =
    raw.error === "role"
      ? "Your role can view stores but not connect them."
      : isConnectFailure(raw.error)
        ? connectFailureText(raw.error)
        : null;
  const first = (filters.page - 1) * PAGE_SIZE + 1;
  return (
    <>
      <PageHeader
        title="Connected stores"
        description="Every store Storelink holds credentials for, and the health of its tokens."
        actions={
          <>
            <ButtonAnchor href="/api/ecwid/oauth/start">Connect an Ecwid store</ButtonAnchor>
            <ButtonLink href="/stores/connect/elasticpath" variant="secondary">
              Connect Elastic Path
            </ButtonLink>
            {oauth2Configured() && (
              <ButtonAnchor href="/api/oauth2/connect" variant="secondary">
                Connect an OAuth2 store
              </ButtonAnchor>
            )}
          </>
        }
      />
      {error && (
        <div className="mb-4">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
      <StoresFilters filters={filters} />
      {total === 0 && !filtered ? (
        <EmptyState title="No stores connected yet">
          <p>
            Install Storelink from the Ecwid Control Panel (or use “Connect an Ecwid store”), connect an Elastic Path store with
            an application key, or connect an OAuth2 store. Each connected store gets one unified access token for
            Storelink&apos;s API.
          </p>
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState
          title="No stores match these filters"
          action={
            <ButtonLink href="/stores" variant="secondary">
              Clear filters
            </ButtonLink>
          }
        />
      ) : (
        <>
          <StoresTable rows={rows} filters={filters} />
          <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
            <p aria-live="polite">
              {first.toLocaleString("en")}–{(first + rows.length - 1).toLocaleString("en")} of {total.toLocaleString("en")} stores
            </p>
            <div className="flex gap-3">
              {filters.page > 1 ? (
                <Link href={hrefWith(filters, { page: filters.page - 1 })}>← Previous</Link>
              ) : (
                <span aria-disabled="true" className="text-zinc-400">
                  ← Previous
                </span>
              )}
              <span>
                Page {filters.page} of {pages.toLocaleString("en")}
              </span>
              {filters.page < pages ? (
                <Link href={hrefWith(filters, { page: filters.page + 1 })}>Next →</Link>
              ) : (
                <span aria-disabled="true" className="text-zinc-400">
                  Next →
                </span>
              )}
            </div>
          </nav>
        </>
      )}
    </>
  );
}
