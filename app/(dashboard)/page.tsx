import type { Metadata } from "next";
import { RefreshChart, RequestsChart } from "@/components/charts/traffic-charts";
import { AttentionList } from "@/components/home/attention-list";
import { CountTiles } from "@/components/home/count-tiles";
import { RecentFailures } from "@/components/home/recent-failures";
import { platformName } from "@/components/stores/platform-name";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/card";
import { disabledEndpoints } from "@/lib/apps/apps";
import { requireUser } from "@/lib/auth/session";
import { refreshSeries, trafficSeries } from "@/lib/requests/charts";
import { connectionCounts, connectionsNeedingAttention, recentRefreshFailures } from "@/lib/requests/connection-health";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  await requireUser();
  const [counts, attention, failures, traffic, refreshes, stoppedEndpoints] = await Promise.all([
    connectionCounts(),
    connectionsNeedingAttention(),
    recentRefreshFailures(),
    trafficSeries("24h"),
    refreshSeries("7d"),
    disabledEndpoints(),
  ]);
  const s = counts.byStatus;
  return (
    <>
      <PageHeader
        title="Home"
        description="Your connections at a glance: what needs attention first, then traffic and credential renewals."
        actions={<ButtonLink href="/stores">All stores</ButtonLink>}
      />
      <div className="space-y-6">
        {stoppedEndpoints.length > 0 && (
          <Alert tone="warning" title="Webhooks stopped">
            <ul className="list-disc pl-5">
              {stoppedEndpoints.map((e) => (
                <li key={e.id}>
                  <Link href={`/apps/${e.app.id}`} className="underline">
                    {e.app.name}
                  </Link>
                  : <code>{e.url}</code> — {e.disabledReason}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        <CountTiles
          title="Connections by status"
          tiles={[
            { label: "Needs re-auth", value: s.NEEDS_REAUTH, href: "/stores?status=NEEDS_REAUTH", tone: "red" },
            { label: "Degraded", value: s.DEGRADED, href: "/stores?status=DEGRADED", tone: "amber" },
            { label: "Active", value: s.ACTIVE, href: "/stores?status=ACTIVE", tone: "green" },
            { label: "Revoked", value: s.REVOKED, href: "/stores?status=REVOKED", tone: "zinc" },
          ]}
        />
        <CountTiles
          title="Connections by platform"
          tiles={(Object.keys(counts.byPlatform) as (keyof typeof platformName)[]).map((p) => ({
            label: platformName[p],
            value: counts.byPlatform[p],
            href: `/stores?platform=${p}`,
          }))}
        />
        <div className="grid gap-6 xl:grid-cols-2">
          <AttentionList items={attention.map((c) => ({ ...c, refreshExpiresAt: c.refreshExpiresAt?.toISOString() ?? null }))} />
          <RecentFailures items={failures.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }))} />
        </div>
        <div className="grid gap-6 xl:grid-cols-2">
          <RequestsChart data={traffic} unit="hour" period="last 24 hours" />
          <RefreshChart data={refreshes} unit="hour" period="last 7 days" />
        </div>
      </div>
    </>
  );
}
