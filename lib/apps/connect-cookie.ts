import "server-only";
import { env } from "@/lib/env";
import { signValue, verifyValue } from "@/lib/security/signed-values";

// The browser that opened a connect URL continues with this signed, HttpOnly cookie naming its session (the
// URL itself opens once). Each platform flow (Ecwid's OAuth, the Elastic Path form, the OAuth2 provider)
// reads it to know which app and end user the store it connects belongs to.

export const CONNECT_COOKIE = "storelink_connect";
const PURPOSE = "connect-session";

export const connectCookieValue = (sessionId: string, expiresAt: Date) =>
  signValue(PURPOSE, { sessionId }, Math.max(1, expiresAt.getTime() - Date.now()));

export const connectCookieOptions = (expiresAt: Date) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: env.APP_URL.startsWith("https://"),
  path: "/",
  maxAge: Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
});

/** The session id the cookie names, or null (missing, forged or expired). */
export const sessionFromCookie = (value: string | undefined) =>
  verifyValue<{ sessionId: string }>(PURPOSE, value)?.sessionId ?? null;
