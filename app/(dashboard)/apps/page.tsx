import type { Metadata } from "next";
import Link from "next/link";
import { RegisterApp } from "@/components/apps/register-app";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { listApps } from "@/lib/apps/apps";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Apps" };

export default async function AppsPage() {
  const user = await requireUser();
  const canManage = hasRole(user.role, "ADMIN");
  const apps = await listApps();
  return (
    <>
      <PageHeader
        title="Apps"
        description="Integrators' apps: they send their merchants through Storelink's hosted connect page, exchange a one-time code for the store's unified token, and receive signed webhooks."
        actions={canManage ? <RegisterApp /> : undefined}
      />
      {apps.length === 0 ? (
        <EmptyState title="No apps yet">
          {canManage
            ? "Register an app to give an integrator a secret key and a connect page for their merchants."
            : "An admin can register one."}
        </EmptyState>
      ) : (
        <DataTable label="Apps" caption="Registered apps" columns={["App", "Return URLs", "Stores", "Endpoints", "Live keys"]}>
          {apps.map((a) => (
            <tr key={a.id} data-testid="app-row">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/apps/${a.id}`} className="text-indigo-700 underline dark:text-indigo-400">
                  {a.name}
                </Link>
              </th>
              <td className="px-3 py-2 font-mono text-xs">{a.returnUrls.join(", ") || "none yet"}</td>
              <td className="px-3 py-2 tabular-nums">{a._count.connections}</td>
              <td className="px-3 py-2 tabular-nums">{a._count.endpoints}</td>
              <td className="px-3 py-2 tabular-nums">{a._count.keys}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
