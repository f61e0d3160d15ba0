import type { Metadata } from "next";
import { AuditFiltersForm } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Pagination } from "@/components/ui/pagination";
import { ButtonAnchor } from "@/components/ui/button-link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { auditQueryString, parseAuditFilters } from "@/lib/audit/filters";
import { auditActions, listAuditEvents } from "@/lib/audit/query";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requireUser();
  const filters = parseAuditFilters(await searchParams);
  const [{ rows, total, page, pages }, actions] = await Promise.all([listAuditEvents(filters), auditActions()]);
  const filtered = Boolean(filters.action || filters.actor || filters.from || filters.to);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Admin actions and security events (sign-ins, connections, keys, tokens, roles, settings), newest first. Times are UTC."
        actions={
          hasRole(me.role, "ADMIN") ? (
            <ButtonAnchor href={`/api/audit/export${auditQueryString(filters)}`} variant="secondary" download>
              Export CSV
            </ButtonAnchor>
          ) : undefined
        }
      />
      <AuditFiltersForm filters={filters} actions={actions} />
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No events match these filters" : "Nothing recorded yet"}>
          {filtered ? "Widen the date range or clear the filters." : "Sign-ins, connections and key changes will appear here."}
        </EmptyState>
      ) : (
        <>
          <AuditTable rows={rows} />
          <Pagination
            page={page}
            pages={pages}
            total={total}
            noun={total === 1 ? "event" : "events"}
            hrefFor={(p) => `/audit${auditQueryString(filters, p)}`}
          />
        </>
      )}
    </>
  );
}
