import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// CSRF protection of the OAuth install: a random nonce goes to Ecwid as `state` and into a short-lived,
// HttpOnly cookie signed with a key derived from AUTH_SECRET for this purpose only. The callback accepts
// the code only when both match, and consumes the cookie, so a reload cannot exchange a code twice.

export const STATE_COOKIE = "storelink_ecwid_oauth";
export const STATE_COOKIE_PATH = "/api/ecwid/oauth";
export const STATE_TTL_SECONDS = 10 * 60;

const stateKey = () => Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "storelink", "ecwid-oauth-state/v1", 32));

const sign = (payload: string) => createHmac("sha256", stateKey()).update(payload).digest("base64url");

export function newOAuthState(now = Date.now()): { nonce: string; cookieValue: string } {
  const nonce = randomBytes(24).toString("base64url");
  const payload = `${nonce}.${Math.floor(now / 1000) + STATE_TTL_SECONDS}`;
  return { nonce, cookieValue: `${payload}.${sign(payload)}` };
}

/** True when the cookie is ours, unexpired, and carries the nonce Ecwid sent back as `state`. */
export function checkOAuthState(cookieValue: string | undefined, state: string | null, now = Date.now()): boolean {
  if (!cookieValue || !state) return false;
  const parts = cookieValue.split(".");
  if (parts.length !== 3) return false;
  const [nonce, exp, mac] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${nonce}.${exp}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  if (!/^\d+$/.test(exp) || Number(exp) * 1000 < now) return false;
  const a = Buffer.from(nonce);
  const b = Buffer.from(state);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function stateCookieOptions(maxAge = STATE_TTL_SECONDS) {
  return { httpOnly: true, sameSite: "lax" as const, secure: env.APP_URL.startsWith("https://"), path: STATE_COOKIE_PATH, maxAge };
}
