import { z } from "zod";

// The request log's URL filters (?connection=&method=&status=&range=&page=). Importable from client code.

export const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx"] as const;
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const RANGES = {
  "24h": { hours: 24, unit: "hour" },
  "7d": { hours: 168, unit: "hour" },
  "30d": { hours: 720, unit: "day" },
} as const;
export type RangeKey = keyof typeof RANGES;

export const requestFiltersSchema = z.object({
  connection: z.string().trim().max(64).optional().catch(undefined),
  method: z.enum(METHODS).optional().catch(undefined),
  status: z.enum(STATUS_CLASSES).optional().catch(undefined),
  range: z.enum(["24h", "7d", "30d"]).catch("24h").default("24h"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type RequestFilters = z.output<typeof requestFiltersSchema>;

export function parseRequestFilters(params: Record<string, string | string[] | undefined>): RequestFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return requestFiltersSchema.parse({
    connection: first(params.connection),
    method: first(params.method),
    status: first(params.status),
    range: first(params.range),
    page: first(params.page),
  });
}

export function requestQueryString(filters: Partial<RequestFilters>, page?: number): string {
  const qs = new URLSearchParams();
  for (const key of ["connection", "method", "status"] as const) {
    const value = filters[key];
    if (value) qs.set(key, value);
  }
  if (filters.range && filters.range !== "24h") qs.set("range", filters.range);
  if (page && page > 1) qs.set("page", String(page));
  const s = qs.toString();
  return s ? `?${s}` : "";
}
