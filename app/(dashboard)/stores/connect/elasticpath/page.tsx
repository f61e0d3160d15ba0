import type { Metadata } from "next";
import { ConnectElasticPathForm } from "@/components/elasticpath/connect-form";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Connect an Elastic Path store" };

export default async function ConnectElasticPathPage() {
  const user = await requireUser();
  const regions = env.ELASTICPATH_BASE_URLS.map(({ name, url }) => ({ name, url }));
  return (
    <>
      <PageHeader
        title="Connect an Elastic Path store"
        description="Use an application key from Commerce Manager. Storelink mints a client_credentials token to check it before saving anything."
      />
      <Card>
        <ConnectElasticPathForm regions={regions} canEdit={hasRole(user.role, "ADMIN")} />
      </Card>
    </>
  );
}
