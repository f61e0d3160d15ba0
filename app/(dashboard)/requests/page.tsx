import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import { LatencyChart, RefreshChart, RequestsChart } from "@/components/charts/traffic-charts";
import { RequestFiltersForm } from "@/components/requests/request-filters";
import { RequestsTable } from "@/components/requests/requests-table";
import { RetentionForm } from "@/components/requests/retention-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { refreshSeries, trafficSeries } from "@/lib/requests/charts";
import { parseRequestFilters, RANGES, requestQueryString } from "@/lib/requests/filters";
import { connectionChoices, listApiRequests } from "@/lib/requests/query";
import { retentionDays } from "@/lib/requests/retention";

export const metadata: Metadata = { title: "API requests" };

const PERIOD = { "24h": "last 24 hours", "7d": "last 7 days", "30d": "last 30 days" } as const;

export default async function RequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requireUser();
  const filters = parseRequestFilters(await searchParams);
  const scope = { connectionId: filters.connection };
  const [log, connections, traffic, refreshes, days] = await Promise.all([
    listApiRequests(filters),
    connectionChoices(),
    trafficSeries(filters.range, scope),
    refreshSeries(filters.range, scope),
    retentionDays(),
  ]);
  const unit = RANGES[filters.range].unit;
  const period = PERIOD[filters.range];
  const selected = connections.find((c) => c.id === filters.connection);
  return (
    <>
      <PageHeader
        title="API requests"
        description={`Calls to the unified API${selected ? ` for ${selected.displayName}` : ""}, masked (no tokens, no query secrets). Times are UTC.`}
      />
      <RequestFiltersForm filters={filters} connections={connections} />
      <div className="mb-6 grid gap-4 lg:grid-cols-3">
        <RequestsChart data={traffic} unit={unit} period={period} />
        <LatencyChart data={traffic} unit={unit} period={period} />
        <RefreshChart data={refreshes} unit={unit} period={period} />
      </div>
      <div className="grid gap-6 xl:grid-cols-4">
        <div className="min-w-0 xl:col-span-3">
          <h2 className="mb-2 text-lg font-semibold">Request log</h2>
          {log.rows.length === 0 ? (
            <EmptyState title="No requests in this view">
              Calls made with a store&apos;s unified token appear here. Widen the period or clear the filters.
            </EmptyState>
          ) : (
            <>
              <RequestsTable rows={log.rows} />
              <Pagination
                page={log.page}
                pages={log.pages}
                total={log.total}
                noun={log.total === 1 ? "request" : "requests"}
                hrefFor={(p) => `/requests${requestQueryString(filters, p)}`}
              />
            </>
          )}
        </div>
        <Card className="self-start">
          <h2 className="mb-3 text-lg font-semibold">Retention</h2>
          <RetentionForm days={days} canChange={hasRole(me.role, "ADMIN")} />
        </Card>
      </div>
    </>
  );
}
