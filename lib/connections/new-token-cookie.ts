// What the proxy needs to hand a connect flow's one-time token notice to the store's page exactly once
// (no secrets, no database: the value stays sealed, and only the page opens it).
//
// A server component cannot set cookies while it renders, so the page cannot clear the cookie itself. The
// proxy can: on the first real request for /stores/<id> that carries the cookie, it moves the sealed value
// into a request header for the page and clears the cookie on that same response. A reload finds nothing.

export const NEW_TOKEN_COOKIE = "storelink_new_token";
export const NEW_TOKEN_COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax" as const, path: "/stores", maxAge: 300 };
/** The request header the proxy sets for the page (and strips from whatever the browser sent). */
export const NEW_TOKEN_HEADER = "x-storelink-new-token";

const STORE_PAGE = /^\/stores\/[^/]+$/;

/** The sealed notice to pass to this request's page, or null (not a store page, or only a prefetch). */
export function noticeForPage(pathname: string, headers: Headers, cookie: string | undefined): string | null {
  if (!cookie || !STORE_PAGE.test(pathname) || pathname === "/stores/connect") return null;
  const prefetch =
    headers.get("next-router-prefetch") || /prefetch/i.test(headers.get("sec-purpose") ?? headers.get("purpose") ?? "");
  return prefetch ? null : cookie;
}
