// GET /api/audit/export?action=&actor=&from=&to= — the filtered audit log as a streamed CSV (admins only).
import { recordAudit } from "@/lib/audit/record";
import { auditCsv } from "@/lib/audit/query";
import { parseAuditFilters } from "@/lib/audit/filters";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user)
    return new Response("Sign in to export the audit log.\n", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  if (!hasRole(user.role, "ADMIN"))
    return new Response("Exporting the audit log needs the Admin role.\n", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const { page: _page, ...filters } = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  await recordAudit({
    action: "audit.exported",
    actorId: user.id,
    actorEmail: user.email,
    targetType: "audit",
    data: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
  });
  const rows = auditCsv(filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="storelink-audit-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
