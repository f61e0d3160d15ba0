import "server-only";
import { env } from "@/lib/env";
import { safeEqual } from "@/lib/security/compare";
import { randomBytes } from "node:crypto";
import { signValue, verifyValue } from "@/lib/security/signed-values";
import { redirectUri } from "@/lib/platforms/ecwid/oauth";

// CSRF protection of the OAuth install: a random nonce goes to Ecwid as `state` and in the redirect_uri's
// path, and into a short-lived, HttpOnly, signed cookie. The callback accepts the code only when what came
// back (state, path nonce, or both) matches the cookie, and consumes the cookie. A callback carrying
// neither belongs to no flow of ours: an App Market install, which Ecwid starts itself.

export const STATE_COOKIE = "storelink_ecwid_oauth";
export const STATE_COOKIE_PATH = "/api/ecwid/oauth";
export const STATE_TTL_SECONDS = 10 * 60;
const PURPOSE = "ecwid-oauth-state";

/** A new flow's nonce and cookie; `connectSessionId` when it runs for an integrator's connect session. */
export function newOAuthState(
  now = Date.now(),
  options: { connectSessionId?: string } = {},
): { nonce: string; cookieValue: string } {
  const nonce = randomBytes(24).toString("base64url");
  const payload = options.connectSessionId ? { nonce, connectSessionId: options.connectSessionId } : { nonce };
  return { nonce, cookieValue: signValue(PURPOSE, payload, STATE_TTL_SECONDS * 1000, now) };
}

/** True when the cookie is ours, unexpired, and carries the nonce Ecwid sent back as `state`. */
export function checkOAuthState(cookieValue: string | undefined, state: string | null, now = Date.now()): boolean {
  const saved = verifyValue<{ nonce: string }>(PURPOSE, cookieValue, now);
  return !!saved && !!state && typeof saved.nonce === "string" && safeEqual(saved.nonce, state);
}

export function stateCookieOptions(maxAge = STATE_TTL_SECONDS) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env.APP_URL.startsWith("https://"),
    path: STATE_COOKIE_PATH,
    maxAge,
  };
}

/**
 * How a callback relates to a flow: started here (bound by state or path nonce; for an integrator's connect
 * session when the cookie names one), or an App Market install.
 */
export type CallbackBinding = { flow: "started" | "app_market"; redirectUri: string; connectSessionId?: string };

/** null when the callback claims a flow (state or path nonce) that this browser's cookie does not hold. */
export function bindCallback(
  cookieValue: string | undefined,
  state: string | null,
  pathNonce: string | null,
  now = Date.now(),
): CallbackBinding | null {
  if (state === null && pathNonce === null) return { flow: "app_market", redirectUri: redirectUri() };
  const saved = verifyValue<{ nonce: string; connectSessionId?: string }>(PURPOSE, cookieValue, now);
  if (!saved || typeof saved.nonce !== "string") return null;
  if (state !== null && !safeEqual(saved.nonce, state)) return null;
  if (pathNonce !== null && !safeEqual(saved.nonce, pathNonce)) return null;
  // A flow started before nonces rode in the path came back to the plain callback URL.
  const uri = pathNonce !== null ? redirectUri(pathNonce) : redirectUri();
  return {
    flow: "started",
    redirectUri: uri,
    ...(typeof saved.connectSessionId === "string" && { connectSessionId: saved.connectSessionId }),
  };
}
