// GET /api/oauth2/callback?code&state: exchanges the code once, upserts the connection, shows its new unified token once.
import { env } from "@/lib/env";
import { NextResponse, type NextRequest } from "next/server";
import { recordAudit } from "@/lib/audit/record";
import {
  ConnectError,
  OAUTH2_STATE_COOKIE,
  completeOAuth2Connect,
  connectSessionOfState,
} from "@/lib/connections/oauth2/connect";
import { NEW_TOKEN_COOKIE, NEW_TOKEN_COOKIE_OPTIONS, sealNewTokenNotice } from "@/lib/connections/new-token-notice";
import { backToConnectPage, finishConnectFlow } from "@/lib/apps/connect-flow";

export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  try {
    const result = await completeOAuth2Connect({
      code: q.get("code"),
      state: q.get("state"),
      error: q.get("error"),
      cookie: request.cookies.get(OAUTH2_STATE_COOKIE)?.value,
    });
    await recordAudit({
      action: result.created ? "connection.connected" : "connection.reauthorized",
      targetType: "connection",
      targetId: result.connectionId,
      data: { platform: "OAUTH2", ...(result.connectSessionId && { connectSession: result.connectSessionId }) },
    });
    if (result.connectSessionId) {
      const response = await finishConnectFlow(request, result.connectSessionId, result.connectionId);
      response.cookies.delete({ name: OAUTH2_STATE_COOKIE, path: "/api/oauth2" });
      return response;
    }
    // A store owner who followed a re-authorize link has no dashboard session: thank them on the public page.
    const target = result.byAdmin
      ? new URL(`/stores/${result.connectionId}?${result.created ? "connected" : "reauthorized"}=1`, env.APP_URL)
      : new URL("/reauthorize/result?outcome=done", env.APP_URL);
    const response = NextResponse.redirect(target, 303);
    response.cookies.delete({ name: OAUTH2_STATE_COOKIE, path: "/api/oauth2" });
    if (result.token && result.byAdmin)
      response.cookies.set(NEW_TOKEN_COOKIE, sealNewTokenNotice(result.connectionId, result.token), {
        ...NEW_TOKEN_COOKIE_OPTIONS,
        secure: request.nextUrl.protocol === "https:",
      });
    return response;
  } catch (error) {
    // Only a code travels in the URL: the result page shows Storelink's text for it, never text from a link.
    const code = error instanceof ConnectError ? error.code : "failed";
    if (error instanceof ConnectError) {
      if (error.detail) console.info(`[oauth2 callback] ${code}: ${error.detail}`);
    } else {
      console.error("[oauth2 callback]", error instanceof Error ? error.message : error);
    }
    const connectSession = connectSessionOfState(request.cookies.get(OAUTH2_STATE_COOKIE)?.value);
    const response = connectSession
      ? backToConnectPage(connectSession, code === "declined" ? "denied" : "failed")
      : NextResponse.redirect(new URL(`/reauthorize/result?outcome=failed&code=${code}`, env.APP_URL), 303);
    response.cookies.delete({ name: OAUTH2_STATE_COOKIE, path: "/api/oauth2" });
    return response;
  }
}
