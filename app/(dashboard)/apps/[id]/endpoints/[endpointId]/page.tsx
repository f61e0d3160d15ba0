import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveriesTable } from "@/components/apps/deliveries-table";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { endpointSummary, listDeliveries } from "@/lib/apps/endpoints";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Webhook deliveries" };
export const dynamic = "force-dynamic";

export default async function EndpointDeliveriesPage({ params }: { params: Promise<{ id: string; endpointId: string }> }) {
  const user = await requireUser();
  const { id, endpointId } = await params;
  const endpoint = await endpointSummary(endpointId);
  if (!endpoint || endpoint.appId !== id) notFound();
  const deliveries = await listDeliveries(endpointId);
  return (
    <>
      <PageHeader
        title="Webhook deliveries"
        description={`${endpoint.url} · ${endpoint.app.name}. The newest 50; each retries with backoff for up to 3 days.`}
      />
      <p className="mb-4 text-sm">
        <Link href={`/apps/${id}`} className="text-indigo-700 underline dark:text-indigo-400">
          Back to {endpoint.app.name}
        </Link>
      </p>
      {deliveries.length === 0 ? (
        <EmptyState title="Nothing sent yet">Events for this app&apos;s stores, and test events, appear here.</EmptyState>
      ) : (
        <DeliveriesTable
          canManage={hasRole(user.role, "ADMIN")}
          deliveries={deliveries.map((d) => ({
            ...d,
            createdAt: d.createdAt.toISOString(),
            nextAttemptAt: d.nextAttemptAt.toISOString(),
            attemptLog: d.attemptLog.map((a) => ({ ...a, at: a.at.toISOString() })),
          }))}
        />
      )}
    </>
  );
}
