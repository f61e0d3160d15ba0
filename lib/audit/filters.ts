import { z } from "zod";

// The audit log's filters as they appear in the URL (?action=&actor=&from=&to=&page=), shared by the page and
// the CSV export so both show exactly the same rows. Importable from client code (no server imports).

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const auditFiltersSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(320).optional().catch(undefined),
  /** Inclusive UTC days, YYYY-MM-DD. */
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type AuditFilters = z.output<typeof auditFiltersSchema>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return auditFiltersSchema.parse({
    action: first(params.action),
    actor: first(params.actor),
    from: first(params.from),
    to: first(params.to),
    page: first(params.page),
  });
}

/** The query string for these filters (page left out unless asked), for links and the export URL. */
export function auditQueryString(filters: Partial<AuditFilters>, page?: number): string {
  const qs = new URLSearchParams();
  for (const key of ["action", "actor", "from", "to"] as const) {
    const value = filters[key];
    if (value) qs.set(key, value);
  }
  if (page && page > 1) qs.set("page", String(page));
  const s = qs.toString();
  return s ? `?${s}` : "";
}
