import type { Env } from "@/lib/env";

// Security headers for every response. The Ecwid Control Panel page is the one route another origin
// may frame; everything else denies framing. Scripts run only with this request's nonce.

export const EMBEDDED_PATH = "/ecwid";

export function isEmbeddedPath(pathname: string): boolean {
  return pathname === EMBEDDED_PATH || pathname.startsWith(`${EMBEDDED_PATH}/`);
}

export function contentSecurityPolicy(opts: {
  nonce: string;
  frameAncestors: string[];
  connectSources: string[];
  dev: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce-bearing bootstrap load its chunks; dev needs eval for HMR.
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src 'self' ${opts.connectSources.join(" ")}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${opts.frameAncestors.length ? opts.frameAncestors.join(" ") : "'none'"}`,
  ];
  return directives.join("; ");
}

/** Origins the browser may call directly: Ecwid's API with a public token, Elastic Path with implicit tokens. */
export function browserApiOrigins(env: Env): string[] {
  const urls = [env.ECWID_API_BASE_URL, ...env.ELASTICPATH_BASE_URLS.map((r) => r.url)];
  return [...new Set(urls.map((u) => new URL(u).origin))];
}

/** What pages and API responses share: no sniffing, a referrer policy, and HSTS once served over https. */
function baseHeaders(env: Env): Record<string, string> {
  const headers: Record<string, string> = {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
  };
  if (env.APP_URL.startsWith("https://")) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

export function securityHeaders(env: Env, pathname: string, nonce: string): Record<string, string> {
  const embedded = isEmbeddedPath(pathname);
  const headers: Record<string, string> = {
    ...baseHeaders(env),
    "Content-Security-Policy": contentSecurityPolicy({
      nonce,
      frameAncestors: embedded ? env.ECWID_CP_ORIGINS : [],
      connectSources: browserApiOrigins(env),
      dev: env.NODE_ENV === "development",
    }),
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
  // X-Frame-Options has no allow-list; frame-ancestors governs the embedded page alone.
  if (!embedded) headers["X-Frame-Options"] = "DENY";
  return headers;
}

/**
 * Headers for the unified API's JSON responses, set by unifiedRoute: those routes skip the proxy (no page,
 * so no nonce and no session gate), but a browser that opens one must still not frame, sniff or run it.
 */
export function apiSecurityHeaders(env: Env): Record<string, string> {
  return {
    ...baseHeaders(env),
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
  };
}

/** Sets these headers on a response (routes that skip the proxy set their own). */
export function withHeaders<R extends Response>(response: R, headers: Record<string, string>): R {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
