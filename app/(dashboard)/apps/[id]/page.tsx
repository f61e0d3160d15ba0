import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppKeysPanel } from "@/components/apps/app-keys-panel";
import { AppSettings } from "@/components/apps/app-settings";
import { EndpointsPanel } from "@/components/apps/endpoints-panel";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { appDetail } from "@/lib/apps/apps";
import { EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/apps/events";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "App" };

const iso = (d: Date | null) => d?.toISOString() ?? null;

export default async function AppPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const app = await appDetail((await params).id);
  if (!app) notFound();
  const canManage = hasRole(user.role, "ADMIN");
  const returnUrl = app.returnUrls[0] ?? "https://your-app.example/storelink/return";
  return (
    <>
      <PageHeader
        title={app.name}
        description="An integrator app: its keys, return URLs, webhook endpoints and the stores it connected."
      />
      <div className="grid gap-6">
        <AppSettings app={{ id: app.id, name: app.name, returnUrls: app.returnUrls }} canManage={canManage} />
        <AppKeysPanel
          appId={app.id}
          canManage={canManage}
          keys={app.keys.map((k) => ({
            ...k,
            createdAt: k.createdAt.toISOString(),
            lastUsedAt: iso(k.lastUsedAt),
            expiresAt: iso(k.expiresAt),
            revokedAt: iso(k.revokedAt),
          }))}
        />
        <EndpointsPanel
          appId={app.id}
          canManage={canManage}
          eventTypes={WEBHOOK_EVENT_TYPES.map((type) => ({ type, description: EVENT_DESCRIPTIONS[type] }))}
          endpoints={app.endpoints.map((e) => ({
            id: e.id,
            url: e.url,
            events: e.events,
            disabledAt: iso(e.disabledAt),
            disabledReason: e.disabledReason,
            failingSince: iso(e.failingSince),
            previousUntil: e.previousUntil && e.previousUntil > new Date() ? e.previousUntil.toISOString() : null,
          }))}
        />
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Stores connected through this app</h2>
          {app.connections.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">None yet.</p>
          ) : (
            <DataTable label="Connected stores" columns={["Store", "Platform", "Status", "End user", "Connected"]}>
              {app.connections.map((c) => (
                <tr key={c.connection.id}>
                  <td className="px-3 py-2">
                    <Link href={`/stores/${c.connection.id}`} className="text-indigo-700 underline dark:text-indigo-400">
                      {c.connection.displayName}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{c.connection.platform}</td>
                  <td className="px-3 py-2">{c.connection.status}</td>
                  <td className="px-3 py-2 font-mono text-xs">{c.endUserRef}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{c.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Integrate</h2>
          <p className="text-sm">From your backend, with a secret key:</p>
          <pre
            tabIndex={0}
            className="mt-2 overflow-x-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-800"
          >{`# 1. Start a session and send your merchant to "url"
curl -X POST ${env.APP_URL}/api/v1/connect/sessions \\
  -H "Authorization: Bearer $STORELINK_APP_KEY" -H "content-type: application/json" \\
  -d '{"endUserRef":"merchant-42","returnUrl":"${returnUrl}"}'

# 2. The merchant comes back to ${returnUrl}?code=…&session=…
curl -X POST ${env.APP_URL}/api/v1/connect/exchange \\
  -H "Authorization: Bearer $STORELINK_APP_KEY" -H "content-type: application/json" \\
  -d '{"session":"cs_…","code":"…"}'
# → {"connectionId":…,"unifiedToken":"slk_…"}: call /api/v1/* with it`}</pre>
        </Card>
      </div>
    </>
  );
}
