import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { CATALOG, CONNECTABLE, lifecycleRule, lifecycleRuleLabel } from "@/lib/platforms/catalog";

export const metadata: Metadata = { title: "Platforms" };

export default async function PlatformsPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Platforms"
        description="How each commerce platform issues credentials, and what Storelink does to keep them alive (the EcartAPI token table plus Elastic Path)."
      />
      <div role="region" aria-label="Platforms" tabIndex={0} className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
          <thead className="bg-zinc-100 text-left dark:bg-zinc-900">
            <tr>
              {["#", "Platform", "Auth type", "Access token", "Refresh token", "Storelink keeps it alive by", "Connectable"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
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
          </tbody>
        </table>
      </div>
    </>
  );
}
