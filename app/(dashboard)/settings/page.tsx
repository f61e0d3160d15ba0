import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { keyRing } from "@/lib/vault";

export const metadata: Metadata = { title: "Settings" };

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3">
      <dt className="font-medium">{label}</dt>
      <dd className="break-all text-zinc-700 sm:col-span-2 dark:text-zinc-300">{value}</dd>
    </div>
  );
}

export default async function SettingsPage() {
  await requireUser();
  const ring = keyRing();
  return (
    <>
      <PageHeader title="Settings" description="How this Storelink instance is configured (from its environment). Secrets are never shown." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Ecwid app</h2>
          <dl className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            <Row label="Client id" value={env.ECWID_CLIENT_ID ?? "Not configured"} />
            <Row label="Client secret" value={env.ECWID_CLIENT_SECRET ? "Configured" : "Not configured"} />
            <Row label="OAuth host" value={env.ECWID_OAUTH_BASE_URL} />
            <Row label="API host" value={env.ECWID_API_BASE_URL} />
            <Row label="Control Panel origins" value={env.ECWID_CP_ORIGINS.join(", ")} />
            <Row label="Scopes" value={env.ECWID_SCOPES.join(" ")} />
            <Row label="Redirect URL" value={`${env.APP_URL}/api/ecwid/oauth/callback`} />
            <Row label="Iframe URL" value={`${env.APP_URL}/ecwid`} />
            <Row label="Webhook URL" value={`${env.APP_URL}/api/ecwid/webhooks`} />
          </dl>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Elastic Path and OAuth2</h2>
          <dl className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            {env.ELASTICPATH_BASE_URLS.map((r) => (
              <Row key={r.name} label={`Region ${r.name}`} value={r.url} />
            ))}
            <Row label="OAuth2 provider" value={env.OAUTH2_PROVIDER_URL ?? "Not configured"} />
          </dl>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Vault</h2>
          <dl className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            <Row label="Encrypting key id" value={<code>{ring.current.id}</code>} />
            <Row label="Key ids in the ring" value={ring.ids.join(", ")} />
            <Row label="Database" value={env.DATABASE_URL.startsWith("pglite:") ? "Embedded (PGlite)" : "PostgreSQL"} />
          </dl>
        </Card>
      </div>
    </>
  );
}
