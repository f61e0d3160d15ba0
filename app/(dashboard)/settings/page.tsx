import type { Metadata } from "next";
import { EcwidCheckPanel } from "@/components/settings/ecwid-check-panel";
import { HostBadge } from "@/components/settings/host-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isLoopbackUrl, redirectUrlFor } from "@/lib/connections/ecwid/app-check";
import { retentionDays } from "@/lib/requests/retention";
import { vaultKeyIds } from "@/lib/instance";

export const metadata: Metadata = { title: "Settings" };

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3">
      <dt className="font-medium">{label}</dt>
      <dd className="break-all text-zinc-700 sm:col-span-2 dark:text-zinc-300">{value}</dd>
    </div>
  );
}

const Host = ({ url }: { url: string }) => (
  <>
    {url}
    <HostBadge sandbox={isLoopbackUrl(url)} />
  </>
);

const Configured = ({ ok }: { ok: boolean }) =>
  ok ? <span>Configured</span> : <span className="text-amber-800 dark:text-amber-300">Not configured</span>;

export default async function SettingsPage() {
  const me = await requireUser();
  const ring = vaultKeyIds();
  const days = await retentionDays();
  const ecwidConfigured = Boolean(env.ECWID_CLIENT_ID && env.ECWID_CLIENT_SECRET);
  const oauth2Configured = Boolean(env.OAUTH2_PROVIDER_URL && env.OAUTH2_CLIENT_ID && env.OAUTH2_CLIENT_SECRET);
  return (
    <>
      <PageHeader
        title="Settings"
        description="How this Storelink instance is configured (from its environment). Secrets and keys are never shown, only whether they are set."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Platforms</h2>
          <dl className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            <Row label="Ecwid" value={<Configured ok={ecwidConfigured} />} />
            <Row label="Elastic Path" value={<Configured ok={env.ELASTICPATH_BASE_URLS.length > 0} />} />
            <Row label="OAuth2 (generic)" value={<Configured ok={oauth2Configured} />} />
          </dl>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Vault and data</h2>
          <dl className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            <Row label="Encrypting key id" value={<code>{ring.currentId}</code>} />
            <Row label="Key ids in the ring" value={<code>{ring.ids.join(", ")}</code>} />
            <Row
              label="Database"
              value={env.DATABASE_URL.startsWith("pglite:") ? "Embedded (PGlite): one instance only" : "PostgreSQL"}
            />
            <Row label="Request log retention" value={`${days} days`} />
            <Row label="Scheduler in this process" value={env.STORELINK_SCHEDULER === "on" ? "On" : "Off"} />
          </dl>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Ecwid app</h2>
          <dl className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            <Row label="Client id" value={env.ECWID_CLIENT_ID ?? "Not configured"} />
            <Row label="Client secret" value={<Configured ok={Boolean(env.ECWID_CLIENT_SECRET)} />} />
            <Row label="OAuth host" value={<Host url={env.ECWID_OAUTH_BASE_URL} />} />
            <Row label="API host" value={<Host url={env.ECWID_API_BASE_URL} />} />
            <Row label="Control Panel origins" value={env.ECWID_CP_ORIGINS.join(", ")} />
            <Row label="Scopes" value={env.ECWID_SCOPES.join(" ")} />
            <Row label="Redirect URL" value={<code>{redirectUrlFor(env.APP_URL)}</code>} />
            <Row label="Iframe URL" value={<code>{`${env.APP_URL}/ecwid`}</code>} />
            <Row label="Webhook URL" value={<code>{`${env.APP_URL}/api/ecwid/webhooks`}</code>} />
          </dl>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Check the Ecwid app configuration</h2>
          <EcwidCheckPanel canRun={hasRole(me.role, "ADMIN")} />
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Elastic Path and OAuth2 hosts</h2>
          <dl className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            {env.ELASTICPATH_BASE_URLS.map((r) => (
              <Row key={r.name} label={`Elastic Path region ${r.name}`} value={<Host url={r.url} />} />
            ))}
            <Row
              label="OAuth2 provider"
              value={env.OAUTH2_PROVIDER_URL ? <Host url={env.OAUTH2_PROVIDER_URL} /> : "Not configured"}
            />
            <Row label="OAuth2 client id" value={env.OAUTH2_CLIENT_ID ?? "Not configured"} />
          </dl>
        </Card>
      </div>
    </>
  );
}
