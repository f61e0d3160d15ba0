import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CatalogPreview } from "@/components/elasticpath/catalog-preview";
import { ShopperPreview } from "@/components/elasticpath/shopper-preview";
import { QueryProvider } from "@/components/providers/query-provider";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { findElasticPathConnection } from "@/lib/connections/elasticpath/connection";
import { loadPasswordProfiles } from "@/lib/connections/elasticpath/shoppers";

export const metadata: Metadata = { title: "Storefront preview" };

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  const connection = await findElasticPathConnection(id);
  if (!connection) notFound();
  // Password profile ids and names are not secret: the member sign-in form needs one.
  const profiles = await loadPasswordProfiles(connection.id);
  return (
    <>
      <PageHeader
        title={`Storefront preview · ${connection.displayName}`}
        description="Your browser reads this catalog directly from Elastic Path with a short-lived shopper (implicit) token, exactly as a storefront would. No secret leaves Storelink's server."
      />
      <p className="mb-4 text-sm">
        <Link href={`/stores/${connection.id}/keys`} className="text-indigo-700 underline dark:text-indigo-400">
          Application keys
        </Link>
        {" · "}
        <Link href={`/stores/${connection.id}/shoppers`} className="text-indigo-700 underline dark:text-indigo-400">
          Shoppers
        </Link>
      </p>
      <QueryProvider>
        <div className="mb-6">
          <ShopperPreview
            connectionId={connection.id}
            passwordProfiles={profiles.ok ? profiles.value : []}
            profilesError={profiles.ok ? undefined : profiles.error}
          />
        </div>
        <CatalogPreview connectionId={connection.id} />
      </QueryProvider>
    </>
  );
}
