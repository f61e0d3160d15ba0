import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { CONNECT_COOKIE, sessionFromCookie } from "./connect-cookie";
import { completeConnectSession, ConnectSessionError } from "./connect-sessions";
import { connectRefusalPage } from "./connect-pages";

// The end of a platform flow that ran for an integrator's connect session (Ecwid's or the OAuth2
// provider's callback, the Elastic Path form): the browser must still be the one the session opened in;
// then the merchant goes back to the app's return URL with the one-time code.

export async function finishConnectFlow(request: NextRequest, sessionId: string, connectionId: string): Promise<NextResponse> {
  if (sessionFromCookie(request.cookies.get(CONNECT_COOKIE)?.value) !== sessionId)
    return connectRefusalPage("not_found") as NextResponse;
  try {
    const { redirectUrl } = await completeConnectSession(sessionId, connectionId);
    const response = NextResponse.redirect(redirectUrl, 303);
    response.cookies.delete(CONNECT_COOKIE);
    return response;
  } catch (error) {
    if (error instanceof ConnectSessionError) return connectRefusalPage(error.code) as NextResponse;
    throw error;
  }
}

/** A failed or declined platform flow goes back to the connect page, where the merchant can retry or cancel. */
export const backToConnectPage = (sessionId: string, failure: "denied" | "failed") =>
  NextResponse.redirect(new URL(`/connect/${encodeURIComponent(sessionId)}/platform?error=${failure}`, env.APP_URL), 303);
