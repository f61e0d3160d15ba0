"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "./chart-figure";
import { bucketLabel } from "./format";

// Public, aggregated numbers only: the server computes the series (lib/requests/charts.ts) and passes them in.

export type TrafficPoint = { bucket: string; requests: number; errors: number; p50: number | null; p95: number | null };
export type RefreshPoint = { bucket: string; refreshed: number; failed: number };
type Unit = "hour" | "day";

const axis = { fontSize: 11, fill: "currentColor" } as const;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function RequestsChart({ data, unit, period }: { data: TrafficPoint[]; unit: Unit; period: string }) {
  const rows = data.map((p) => ({ ...p, label: bucketLabel(p.bucket, unit) }));
  const total = sum(data.map((p) => p.requests));
  const errors = sum(data.map((p) => p.errors));
  return (
    <ChartFigure
      title={`Requests and errors per ${unit}`}
      summary={`${total} requests, ${errors} errors (status 400 or above) in the ${period}.`}
      columns={["Time (UTC)", "Requests", "Errors"]}
      rows={rows.map((r) => [r.label, r.requests, r.errors])}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="label" tick={axis} minTickGap={16} />
          <YAxis allowDecimals={false} tick={axis} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="requests" name="Requests" fill="#4f46e5" isAnimationActive={false} />
          <Bar dataKey="errors" name="Errors" fill="#dc2626" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function LatencyChart({ data, unit, period }: { data: TrafficPoint[]; unit: Unit; period: string }) {
  const rows = data.map((p) => ({ ...p, label: bucketLabel(p.bucket, unit) }));
  const worst = Math.max(0, ...data.map((p) => p.p95 ?? 0));
  return (
    <ChartFigure
      title="Latency p50 / p95 (ms)"
      summary={data.some((p) => p.p50 !== null) ? `Slowest p95 in the ${period}: ${worst} ms.` : `No requests in the ${period}.`}
      columns={["Time (UTC)", "p50 ms", "p95 ms"]}
      rows={rows.map((r) => [r.label, r.p50, r.p95])}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="label" tick={axis} minTickGap={16} />
          <YAxis tick={axis} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="monotone" dataKey="p50" name="p50" stroke="#0891b2" dot={{ r: 2 }} connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="p95" name="p95" stroke="#c026d3" dot={{ r: 2 }} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function RefreshChart({ data, unit, period }: { data: RefreshPoint[]; unit: Unit; period: string }) {
  const rows = data.map((p) => ({ ...p, label: bucketLabel(p.bucket, unit) }));
  return (
    <ChartFigure
      title="Credential refreshes and failures"
      summary={`${sum(data.map((p) => p.refreshed))} refreshes, ${sum(data.map((p) => p.failed))} failures in the ${period}.`}
      columns={["Time (UTC)", "Refreshed", "Failed"]}
      rows={rows.map((r) => [r.label, r.refreshed, r.failed])}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="label" tick={axis} minTickGap={16} />
          <YAxis allowDecimals={false} tick={axis} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="refreshed" name="Refreshed" stackId="r" fill="#059669" isAnimationActive={false} />
          <Bar dataKey="failed" name="Failed" stackId="r" fill="#d97706" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
