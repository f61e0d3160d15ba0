// Starts the Ecwid OAuth install: nonce in a signed HttpOnly cookie and in `state`, then off to Ecwid's consent page.
import { NextResponse } from "next/server";
import { htmlPage } from "@/components/embedded/html-page";
import { authorizeUrl, ecwidAppConfig } from "@/lib/platforms/ecwid/oauth";
import { newOAuthState, STATE_COOKIE, stateCookieOptions } from "@/lib/platforms/ecwid/oauth-state";

export const dynamic = "force-dynamic";

export function GET() {
  const app = ecwidAppConfig();
  if (!app) {
    return htmlPage({
      status: 503,
      tone: "error",
      title: "Ecwid is not configured",
      lead: "Storelink cannot install into Ecwid stores until the Ecwid app's credentials are set.",
      blocks: [
        { kind: "p", text: "Set ECWID_CLIENT_ID and ECWID_CLIENT_SECRET (from your app's page in the Ecwid developer portal) in Storelink's environment and restart it." },
        { kind: "link", href: "/stores", text: "Back to stores" },
      ],
    });
  }
  const { nonce, cookieValue } = newOAuthState();
  const response = NextResponse.redirect(authorizeUrl(app.clientId, nonce), 302);
  response.cookies.set(STATE_COOKIE, cookieValue, stateCookieOptions());
  response.headers.set("cache-control", "no-store");
  return response;
}
