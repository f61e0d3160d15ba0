// Starts the Ecwid OAuth install: nonce in a signed HttpOnly cookie and in `state`, then off to Ecwid's consent page.
// With ?connect=<session> it runs for an integrator's connect session, only in the browser that session opened in.
import { NextResponse, type NextRequest } from "next/server";
import { CONNECT_COOKIE, sessionFromCookie } from "@/lib/apps/connect-cookie";
import { env } from "@/lib/env";
import { htmlPage } from "@/lib/http/html-page";
import { authorizeUrl, ecwidAppConfig } from "@/lib/platforms/ecwid/oauth";
import { newOAuthState, STATE_COOKIE, stateCookieOptions } from "@/lib/connections/ecwid/oauth-state";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  const app = ecwidAppConfig();
  if (!app) {
    return htmlPage({
      status: 503,
      tone: "error",
      title: "Ecwid is not configured",
      lead: "Storelink cannot install into Ecwid stores until the Ecwid app's credentials are set.",
      blocks: [
        {
          kind: "p",
          text: "Set ECWID_CLIENT_ID and ECWID_CLIENT_SECRET (from your app's page in the Ecwid developer portal) in Storelink's environment and restart it.",
        },
        { kind: "link", href: "/stores", text: "Back to stores" },
      ],
    });
  }
  const connectSessionId = request.nextUrl.searchParams.get("connect") ?? undefined;
  if (connectSessionId && sessionFromCookie(request.cookies.get(CONNECT_COOKIE)?.value) !== connectSessionId) {
    return NextResponse.redirect(new URL(`/connect/${encodeURIComponent(connectSessionId)}/platform`, env.APP_URL), 303);
  }
  const { nonce, cookieValue } = newOAuthState(Date.now(), { connectSessionId });
  const response = NextResponse.redirect(authorizeUrl(app.clientId, nonce), 302);
  response.cookies.set(STATE_COOKIE, cookieValue, stateCookieOptions());
  response.headers.set("cache-control", "no-store");
  return response;
}
