// GET /api/oauth2/connect[?reauthorize=id&expires&sig | ?connect=session]: starts the generic OAuth2 authorization
// (admins, a signed re-authorize link, or the browser of an integrator's connect session).
import { env } from "@/lib/env";
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { ConnectError, OAUTH2_STATE_COOKIE, OAUTH2_STATE_TTL_MS, startOAuth2Connect } from "@/lib/connections/oauth2/connect";
import { verifyReauthorize } from "@/lib/connections/reauthorize";
import { CONNECT_COOKIE, sessionFromCookie } from "@/lib/apps/connect-cookie";

export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  const reauthorizeId = q.get("reauthorize") ?? undefined;
  const user = await currentUser();
  const signedLink = !!reauthorizeId && verifyReauthorize(reauthorizeId, q.get("expires"), q.get("sig"));
  const connectSessionId = q.get("connect") ?? undefined;
  const connecting = !!connectSessionId && sessionFromCookie(request.cookies.get(CONNECT_COOKIE)?.value) === connectSessionId;
  if (connectSessionId && !connecting)
    return NextResponse.redirect(new URL(`/connect/${encodeURIComponent(connectSessionId)}/platform`, env.APP_URL));
  if (!connecting && !signedLink && !(user && hasRole(user.role, "ADMIN"))) {
    return NextResponse.redirect(
      new URL(user ? "/stores?error=role" : `/sign-in?callbackUrl=${encodeURIComponent("/stores")}`, env.APP_URL),
    );
  }
  try {
    const { authorizeUrl, cookie } = startOAuth2Connect(
      connecting ? { connectSessionId } : { reauthorizeId, actorId: user?.id ?? null },
    );
    const response = NextResponse.redirect(authorizeUrl);
    response.cookies.set(OAUTH2_STATE_COOKIE, cookie, {
      httpOnly: true,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:",
      path: "/api/oauth2",
      maxAge: OAUTH2_STATE_TTL_MS / 1000,
    });
    return response;
  } catch (error) {
    const code = error instanceof ConnectError ? error.code : "failed";
    return NextResponse.redirect(new URL(`/stores?error=${code}`, env.APP_URL));
  }
}
