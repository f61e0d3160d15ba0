import "server-only";
import { env } from "@/lib/env";
import { assertPublicHttpsUrl, isAllowListed, OutboundUrlError } from "@/lib/security/outbound-url";

// An app's return URLs: where the hosted connect page sends a merchant back (with a one-time code). Exact
// matches only (no prefix or pattern: an open redirect is one loose match away), https unless the host is
// one the operator allow-listed (STORELINK_ALLOW_PRIVATE_HOSTS: the sandboxes and the example integrator).

export class ReturnUrlError extends Error {
  override name = "ReturnUrlError";
}

/** The normalised URL, or ReturnUrlError saying what is wrong with it. */
export function normaliseReturnUrl(raw: string): string {
  let url: URL;
  try {
    url = assertPublicHttpsUrl(raw.trim(), { allowPrivateHosts: env.STORELINK_ALLOW_PRIVATE_HOSTS });
  } catch (error) {
    if (error instanceof OutboundUrlError)
      throw new ReturnUrlError(`"${raw.slice(0, 200)}" is not allowed: return URLs must be https on a public host.`);
    throw error;
  }
  if (url.hash) throw new ReturnUrlError("Return URLs may not carry a #fragment.");
  if (url.protocol === "http:" && !isAllowListed(url, env.STORELINK_ALLOW_PRIVATE_HOSTS))
    throw new ReturnUrlError("Return URLs must be https.");
  return url.toString();
}

/** True when `candidate` is exactly one of the app's registered return URLs. */
export function isRegisteredReturnUrl(candidate: string, registered: readonly string[]): boolean {
  if (!URL.canParse(candidate)) return false;
  const normalised = new URL(candidate).toString();
  return registered.includes(normalised);
}
