import "server-only";
import { randomBytes } from "node:crypto";
import { signValue, verifyValue } from "@/lib/security/signed-values";

// OWASP's device cookie: after a successful sign-in the browser keeps a signed cookie naming the email
// and a random device id. Sign-in attempts that bring a valid one for the email being tried are counted
// per device (throttle.ts), so failures from anywhere else cannot lock that browser out. It proves nothing
// on its own: the password is still checked. HMAC key derived from AUTH_SECRET for this purpose only.

export const DEVICE_COOKIE = "storelink_device";
const PURPOSE = "sign-in-device";
const DEVICE_TTL_MS = 180 * 24 * 60 * 60_000;

type DevicePayload = { email: string; device: string };

export function deviceCookieFor(email: string, secure: boolean) {
  const value = signValue(
    PURPOSE,
    { email: email.toLowerCase(), device: randomBytes(16).toString("base64url") } satisfies DevicePayload,
    DEVICE_TTL_MS,
  );
  return {
    name: DEVICE_COOKIE,
    value,
    options: { httpOnly: true, sameSite: "strict" as const, secure, path: "/", maxAge: DEVICE_TTL_MS / 1000 },
  };
}

/** The device id if the cookie is genuine, unexpired, and was issued for this email; else null. */
export function deviceIdFor(cookie: string | undefined, email: string, now = Date.now()): string | null {
  if (!cookie || cookie.length > 500) return null;
  try {
    const payload = verifyValue<DevicePayload>(PURPOSE, cookie, now);
    return payload && payload.email === email.toLowerCase() && typeof payload.device === "string" ? payload.device : null;
  } catch {
    return null;
  }
}
