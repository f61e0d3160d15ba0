import "server-only";
import { env } from "@/lib/env";
import { signature, verifySignature } from "@/lib/security/signed-values";

// A re-authorize link an admin can send to the store owner: it names the connection, expires, and is
// signed, so the public landing page and the OAuth2 connect route can trust it without a session.
// Re-authorizing keeps the connection id and its unified tokens.

export const REAUTH_LINK_LIFETIME_MS = 7 * 24 * 60 * 60_000;

const sign = (connectionId: string, expires: number) => signature("reauthorize", `${connectionId}:${expires}`);

export function reauthorizeLink(connectionId: string, now = Date.now()): string {
  const expires = now + REAUTH_LINK_LIFETIME_MS;
  const url = new URL(`/reauthorize/${encodeURIComponent(connectionId)}`, env.APP_URL);
  url.searchParams.set("expires", String(expires));
  url.searchParams.set("sig", sign(connectionId, expires));
  return url.toString();
}

/** The query string part that the OAuth2 connect route accepts in place of a session. */
export function reauthorizeParams(connectionId: string, now = Date.now()): URLSearchParams {
  const expires = now + REAUTH_LINK_LIFETIME_MS;
  return new URLSearchParams({ reauthorize: connectionId, expires: String(expires), sig: sign(connectionId, expires) });
}

export function verifyReauthorize(connectionId: string, expires: string | null, sig: string | null, now = Date.now()): boolean {
  const exp = Number(expires);
  if (!Number.isSafeInteger(exp) || exp < now) return false;
  return verifySignature("reauthorize", `${connectionId}:${exp}`, sig);
}
