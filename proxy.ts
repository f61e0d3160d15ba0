import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { SIGN_IN_PATH } from "@/lib/auth/config";
import { env } from "@/lib/env";
import { securityHeaders } from "@/lib/security/headers";

// Runs before every request: sets the security headers (with a fresh CSP nonce) and keeps signed-out
// visitors off the admin dashboard. Pages re-check the session and role on the server; this is the gate.

const DASHBOARD_PREFIXES = ["/stores", "/platforms", "/audit", "/settings", "/users", "/requests", "/api-docs"];

function isDashboard(pathname: string): boolean {
  return pathname === "/" || DASHBOARD_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

async function signedIn(request: NextRequest): Promise<boolean> {
  // next-auth's session cookie is an encrypted JWT; its name (and salt) depend on https.
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: request.nextUrl.protocol === "https:" });
  return !!token?.uid;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders(env, pathname, nonce);

  if (isDashboard(pathname) && !(await signedIn(request))) {
    const url = new URL(SIGN_IN_PATH, request.nextUrl);
    url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return applyHeaders(NextResponse.redirect(url), headers);
  }
  // Next reads the nonce for its own scripts from the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  return applyHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

function applyHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // The unified API's machine routes skip the proxy: they need no session gate and no nonce, and running
  // it costs every API call a second pass through the router. unifiedRoute sets their security headers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/(?:store|products|orders|raw)(?:/|$)).*)"],
};
