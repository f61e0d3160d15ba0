import type { Metadata } from "next";
import { StoresTable } from "@/components/stores/stores-table";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listConnections, listFiltersSchema } from "@/lib/connections/list";

export const metadata: Metadata = { title: "Stores" };

export default async function StoresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireUser();
  const filters = listFiltersSchema.parse(await searchParams);
  const { rows, total } = await listConnections(filters);
  return (
    <>
      <PageHeader title="Connected stores" description="Every store Storelink holds credentials for, and the health of its tokens." />
      {total === 0 ? (
        <EmptyState title="No stores connected yet">
          <p>
            Install Storelink from the Ecwid Control Panel (or use “Connect an Ecwid store”), connect an Elastic Path store with an
            application key, or connect an OAuth2 store. Each connected store gets one unified access token for Storelink&apos;s API.
          </p>
        </EmptyState>
      ) : (
        <StoresTable rows={rows} />
      )}
    </>
  );
}
