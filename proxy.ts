import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { SIGN_IN_PATH } from "@/lib/auth/config";
import { NEW_TOKEN_COOKIE, NEW_TOKEN_COOKIE_OPTIONS, NEW_TOKEN_HEADER, noticeForPage } from "@/lib/connections/new-token-cookie";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/api/errors";
import { unifiedApiProblem } from "@/lib/api/problem-response";
import { securityHeaders } from "@/lib/security/headers";

// Runs before every request: sets the security headers (with a fresh CSP nonce), refuses writes to pages
// (server actions) from other origins, keeps signed-out visitors off the admin dashboard, and hands a
// one-time token notice to its page once. Pages re-check the session and role on the server; this is the gate.

const DASHBOARD_PREFIXES = ["/stores", "/apps", "/platforms", "/audit", "/settings", "/users", "/requests", "/api-docs"];

const isUnifiedApi = (pathname: string) => pathname === "/api/v1" || pathname.startsWith("/api/v1/");

function isDashboard(pathname: string): boolean {
  return pathname === "/" || DASHBOARD_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

async function signedIn(request: NextRequest): Promise<boolean> {
  // next-auth's session cookie is an encrypted JWT; its name (and salt) depend on https.
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: request.nextUrl.protocol === "https:" });
  return !!token?.uid;
}

/** A path with a percent-escape that does not decode: Next's router would answer it with a bare 500. */
function malformedPath(request: NextRequest): boolean {
  try {
    decodeURIComponent(new URL(request.url).pathname);
    return false;
  } catch {
    return true;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write to a page (a server action, with or without JavaScript) must come from Storelink's own pages: its
 * Origin is APP_URL's, or the origin the browser addressed (Host / X-Forwarded-Host, as Next's own check
 * compares). A foreign origin, the opaque "null" and a missing Origin are refused here, before the action
 * runs; Next would refuse the first two too, but as a 500. Route handlers under /api check their own
 * callers (Auth.js CSRF tokens, webhook signatures, bearer tokens).
 */
function crossOriginWrite(request: NextRequest): boolean {
  if (SAFE_METHODS.has(request.method) || request.nextUrl.pathname.startsWith("/api/")) return false;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null" || !URL.canParse(origin)) return true;
  if (origin === new URL(env.APP_URL).origin) return false;
  const addressed = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  return !addressed || new URL(origin).host !== addressed;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (malformedPath(request)) {
    // The API answers in its own terms (problem+json); pages get the not-found page, never a stack trace.
    if (isUnifiedApi(pathname))
      return unifiedApiProblem(
        new ApiError("invalid_request", "The request path contains a malformed percent-escape."),
        pathname,
        env,
      );
    return NextResponse.rewrite(new URL("/not-found", request.url), { status: 404 });
  }
  // Well-formed API paths that reach the proxy (those with a percent sign) go straight to the API's own app.
  if (isUnifiedApi(pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders(env, pathname, nonce);

  if (crossOriginWrite(request)) {
    const refused = new NextResponse("Refused: this request did not come from Storelink's own pages.\n", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
    return applyHeaders(refused, headers);
  }

  if (isDashboard(pathname) && !(await signedIn(request))) {
    const url = new URL(SIGN_IN_PATH, request.nextUrl);
    url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return applyHeaders(NextResponse.redirect(url), headers);
  }
  // Next reads the nonce for its own scripts from the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  // A one-time token notice goes to the store page in a header, and its cookie is cleared on this response.
  requestHeaders.delete(NEW_TOKEN_HEADER);
  const notice = noticeForPage(pathname, request.headers, request.cookies.get(NEW_TOKEN_COOKIE)?.value);
  if (notice) requestHeaders.set(NEW_TOKEN_HEADER, notice);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (notice)
    response.cookies.set(NEW_TOKEN_COOKIE, "", {
      ...NEW_TOKEN_COOKIE_OPTIONS,
      maxAge: 0,
      secure: request.nextUrl.protocol === "https:",
    });
  return applyHeaders(response, headers);
}

function applyHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // The unified API (everything under /api/v1) skips the proxy: it needs no session gate and no nonce, and
  // running it costs every API call a second pass through the router. Its Hono app sets its own headers;
  // only API paths with a percent sign come through, to catch malformed escapes before Next's router does.
  // So do the two unauthenticated Ecwid endpoints that read a body: Next reads a proxied request's whole
  // body (up to 10 MB, silently cut there) before the route runs, which would defeat their 64 KB cap
  // (lib/http/read-capped-body.ts); they set their own security headers.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|api/v1(?:/|$)|api/ecwid/(?:webhooks|embedded-session)$).*)",
    "/api/v1/(.*%.*)",
  ],
};
