// Liveness and database reachability for load balancers and the test harness.
import { databaseReachable } from "@/lib/instance";

export const dynamic = "force-dynamic";

export async function GET() {
  if (await databaseReachable()) return Response.json({ ok: true });
  return Response.json({ ok: false, error: "database unreachable" }, { status: 503 });
}
