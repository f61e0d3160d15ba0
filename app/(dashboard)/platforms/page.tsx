import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { CATALOG, CONNECTABLE, lifecycleRule, lifecycleRuleLabel } from "@/lib/platforms/catalog";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Platforms" };

export default async function PlatformsPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Platforms"
        description="How each commerce platform issues credentials, and what Storelink does to keep them alive (the EcartAPI token table plus Elastic Path)."
      />
      <DataTable
        label="Platforms"
        columns={["#", "Platform", "Auth type", "Access token", "Refresh token", "Storelink keeps it alive by", "Connectable"]}
      >
        {CATALOG.map((entry) => (
          <tr key={entry.n}>
            <td className="px-3 py-2 text-zinc-600 dark:text-zinc-400">{entry.n}</td>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              {entry.name}
            </th>
            <td className="px-3 py-2">{entry.authType}</td>
            <td className="px-3 py-2">{entry.accessTokenLifetime ?? "—"}</td>
            <td className="px-3 py-2">{entry.refreshToken ? `Yes (${entry.refreshTokenLifetime ?? "?"})` : "No"}</td>
            <td className="px-3 py-2">{lifecycleRuleLabel[lifecycleRule(entry)]}</td>
            <td className="px-3 py-2">{CONNECTABLE[entry.name] ? "Yes" : "Not yet"}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
