// GET /connect/{session}/cancel: the merchant declined; back to the app with error=access_denied.
import { NextResponse, type NextRequest } from "next/server";
import { CONNECT_COOKIE, sessionFromCookie } from "@/lib/apps/connect-cookie";
import { failConnectSession } from "@/lib/apps/connect-sessions";
import { connectRefusalPage } from "@/lib/apps/connect-pages";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ session: string }> }) {
  const { session: id } = await params;
  if (sessionFromCookie(request.cookies.get(CONNECT_COOKIE)?.value) !== id) return connectRefusalPage("not_found");
  const back = await failConnectSession(id, "denied");
  if (!back) return connectRefusalPage("used");
  const response = NextResponse.redirect(back.redirectUrl, 303);
  response.cookies.delete(CONNECT_COOKIE);
  return response;
}
