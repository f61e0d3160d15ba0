import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateCustomerDialog } from "@/components/elasticpath/create-customer-dialog";
import { CreateMemberDialog } from "@/components/elasticpath/create-member-dialog";
import { ShopperTables } from "@/components/elasticpath/shopper-tables";
import { Alert } from "@/components/ui/alert";
import { ReadOnlyNotice } from "@/components/ui/read-only-notice";
import { PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { findElasticPathConnection } from "@/lib/connections/elasticpath/connection";
import { loadShopperDirectory } from "@/lib/connections/elasticpath/shoppers";

export const metadata: Metadata = { title: "Shoppers" };

export default async function ShoppersPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const connection = await findElasticPathConnection(id);
  if (!connection) notFound();
  const result = await loadShopperDirectory(connection.id);
  const canEdit = hasRole(user.role, "ADMIN");

  return (
    <>
      <PageHeader
        title={`Shoppers · ${connection.displayName}`}
        description="Customers, accounts and account members of this Elastic Path store, read by Storelink's server. Sign in as one of them in the storefront preview."
        actions={
          canEdit ? (
            <>
              <CreateCustomerDialog connectionId={connection.id} />
              {result.ok && (
                <CreateMemberDialog
                  connectionId={connection.id}
                  accounts={result.value.accounts.map((a) => ({ id: a.id, name: a.name }))}
                  passwordProfiles={result.value.passwordProfiles}
                />
              )}
            </>
          ) : undefined
        }
      />
      <div className="space-y-6">
        <p className="text-sm">
          <Link href={`/stores/${connection.id}/preview`} className="text-indigo-700 underline dark:text-indigo-400">
            Open the storefront preview
          </Link>
        </p>
        {!canEdit && (
          <ReadOnlyNotice role={user.role}>
            You can see the shoppers, but creating a test customer or member needs the Admin role.
          </ReadOnlyNotice>
        )}
        {result.ok ? (
          <ShopperTables directory={result.value} />
        ) : (
          <Alert tone="error" title="The shoppers could not be loaded">
            {result.error}
          </Alert>
        )}
      </div>
    </>
  );
}
