// GET /connect/{session}?t=…: the URL an integrator sends its merchant to. Opens the session once (a second
// open is refused), binds this browser to it with a signed cookie, and continues on the platform choice.
import { NextResponse, type NextRequest } from "next/server";
import { connectCookieOptions, connectCookieValue, CONNECT_COOKIE, sessionFromCookie } from "@/lib/apps/connect-cookie";
import { ConnectSessionError, continueConnectSession, openConnectSession } from "@/lib/apps/connect-sessions";
import { connectRefusalPage } from "@/lib/apps/connect-pages";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ session: string }> }) {
  const { session: id } = await params;
  // APP_URL, not request.url: behind `next start` or a proxy the request's own URL may name another host
  // (localhost for 127.0.0.1), and the session cookie set here would not travel to it.
  const next = new URL(`/connect/${encodeURIComponent(id)}/platform`, env.APP_URL);
  // The same browser coming back (a reload, the back button): carry on.
  if (sessionFromCookie(request.cookies.get(CONNECT_COOKIE)?.value) === id) {
    try {
      await continueConnectSession(id);
      return NextResponse.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof ConnectSessionError)) throw error;
      return connectRefusalPage(error.code);
    }
  }
  try {
    const session = await openConnectSession(id, request.nextUrl.searchParams.get("t") ?? "");
    const response = NextResponse.redirect(next, 303);
    response.cookies.set(
      CONNECT_COOKIE,
      connectCookieValue(session.id, session.expiresAt),
      connectCookieOptions(session.expiresAt),
    );
    response.headers.set("cache-control", "no-store");
    return response;
  } catch (error) {
    if (!(error instanceof ConnectSessionError)) throw error;
    return connectRefusalPage(error.code);
  }
}
