import "server-only";
import { randomBytes } from "node:crypto";

// "Check the Ecwid app configuration": asks Ecwid (or the sandbox) the questions an admin would otherwise
// debug by hand, and explains each answer. Read-only on Ecwid's side: the authorize request is never
// completed, and the token exchange uses a code that doesn't exist, which distinguishes a wrong client
// secret (invalid_client) from good credentials (invalid_grant) without issuing anything.

export type CheckStatus = "ok" | "warning" | "error" | "unknown";
export type CheckFinding = { id: string; title: string; status: CheckStatus; detail: string };

export type EcwidCheckConfig = {
  clientId?: string;
  clientSecret?: string;
  oauthBaseUrl: string;
  appUrl: string;
  scopes: string[];
};

const KNOWN_SCOPES = new Set([
  "read_store_profile",
  "update_store_profile",
  "read_store_limits",
  "read_catalog",
  "update_catalog",
  "create_catalog",
  "read_orders",
  "update_orders",
  "create_orders",
  "read_customers",
  "update_customers",
  "create_customers",
  "read_discount_coupons",
  "update_discount_coupons",
  "create_discount_coupons",
  "customize_storefront",
  "add_to_cp",
  "add_shipping_method",
  "add_payment_method",
  "public_storefront",
  "customize_cart_calculation",
  "allow_sso",
  "manage_instant_site",
]);

export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "::1" || host === "[::1]" || host.startsWith("127.");
  } catch {
    return false;
  }
}

/** The visible text of an HTML error page, short, with the secret scrubbed in case a host echoes it. */
function pageText(html: string, secret?: string): string {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  return scrub(text, secret).slice(0, 300);
}

const scrub = (text: string, secret?: string) => (secret ? text.replaceAll(secret, "[client secret]") : text);

export const redirectUrlFor = (appUrl: string) => `${appUrl}/api/ecwid/oauth/callback`;

type Fetch = typeof fetch;

async function ask(fetchImpl: Fetch, url: string, init: RequestInit = {}): Promise<Response | Error> {
  try {
    return await fetchImpl(url, { redirect: "manual", cache: "no-store", signal: AbortSignal.timeout(8_000), ...init });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function scopeFindings(scopes: string[]): CheckFinding {
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
  const missing = ["add_to_cp", "public_storefront"].filter((s) => !scopes.includes(s));
  if (unknown.length)
    return {
      id: "scopes",
      title: "Scopes",
      status: "error",
      detail: `ECWID_SCOPES names scopes Ecwid doesn't have: ${unknown.join(", ")}. Remove them.`,
    };
  if (missing.length) {
    return {
      id: "scopes",
      title: "Scopes",
      status: "warning",
      detail: `ECWID_SCOPES lacks ${missing.join(" and ")}: add_to_cp is needed for the Control Panel page, public_storefront for the public token the page's browser code uses.`,
    };
  }
  return { id: "scopes", title: "Scopes", status: "ok", detail: `Requesting ${scopes.join(" ")}.` };
}

async function authorizeFinding(
  fetchImpl: Fetch,
  c: Required<Pick<EcwidCheckConfig, "clientId">> & EcwidCheckConfig,
): Promise<CheckFinding> {
  const title = "Redirect URL and scopes registered for the app";
  const url = new URL(`${c.oauthBaseUrl}/api/oauth/authorize`);
  url.search = new URLSearchParams({
    client_id: c.clientId,
    redirect_uri: redirectUrlFor(c.appUrl),
    response_type: "code",
    scope: c.scopes.join(" "),
    state: "config-check",
  }).toString();
  const answer = await ask(fetchImpl, url.toString());
  if (answer instanceof Error)
    return {
      id: "authorize",
      title,
      status: "error",
      detail: `Could not reach ${c.oauthBaseUrl} (${answer.message}). Check ECWID_OAUTH_BASE_URL and this server's outbound network.`,
    };
  const body = answer.status === 200 || answer.status >= 400 ? await answer.text().catch(() => "") : "";
  if (answer.status === 200) {
    return {
      id: "authorize",
      title,
      status: "ok",
      detail: `Ecwid accepted client_id ${c.clientId} with redirect URL ${redirectUrlFor(c.appUrl)} and every requested scope (it showed its consent page).`,
    };
  }
  if (answer.status >= 300 && answer.status < 400) {
    const location = answer.headers.get("location") ?? "";
    if (/[?&]error=/.test(location))
      return {
        id: "authorize",
        title,
        status: "error",
        detail: `Ecwid redirected back with an error: ${location.slice(0, 200)}`,
      };
    return {
      id: "authorize",
      title,
      status: "unknown",
      detail: `Ecwid answered with a redirect (to ${location.slice(0, 120) || "a sign-in page"}), so it only validates after a merchant signs in. Open the install link yourself to see its verdict.`,
    };
  }
  const text = pageText(body, c.clientSecret);
  const lower = text.toLowerCase();
  let hint = "Ecwid refused the authorization request.";
  if (lower.includes("client_id") || lower.includes("unknown application"))
    hint = `Ecwid doesn't know client_id ${c.clientId}: check ECWID_CLIENT_ID against the app's settings.`;
  else if (lower.includes("redirect"))
    hint = `The redirect URL ${redirectUrlFor(c.appUrl)} isn't registered for the app: set APP_URL to the registered address, or ask Ecwid to register this one.`;
  else if (lower.includes("scope"))
    hint = "A requested scope isn't enabled for the app: remove it from ECWID_SCOPES or ask Ecwid to enable it.";
  return {
    id: "authorize",
    title,
    status: "error",
    detail: `${hint} Ecwid said (HTTP ${answer.status}): “${text || "no message"}”`,
  };
}

async function credentialsFinding(
  fetchImpl: Fetch,
  c: EcwidCheckConfig & { clientId: string; clientSecret: string },
): Promise<CheckFinding> {
  const title = "Client credentials";
  const body = new URLSearchParams({
    client_id: c.clientId,
    client_secret: c.clientSecret,
    code: `storelink-config-check-${randomBytes(8).toString("hex")}`,
    redirect_uri: redirectUrlFor(c.appUrl),
    grant_type: "authorization_code",
  });
  const answer = await ask(fetchImpl, `${c.oauthBaseUrl}/api/oauth/token`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  if (answer instanceof Error)
    return { id: "credentials", title, status: "error", detail: `Could not reach the token endpoint (${answer.message}).` };
  const raw = await answer.text().catch(() => "");
  let error = "";
  try {
    error = String((JSON.parse(raw) as { error?: unknown }).error ?? "");
  } catch {
    error = "";
  }
  if (error === "invalid_client" || answer.status === 401) {
    return {
      id: "credentials",
      title,
      status: "error",
      detail:
        "Ecwid rejected the client credentials (invalid_client): ECWID_CLIENT_SECRET (or ECWID_CLIENT_ID) is wrong. Copy both from the app's settings again.",
    };
  }
  if (error === "invalid_grant") {
    return {
      id: "credentials",
      title,
      status: "ok",
      detail: "Ecwid accepted the client id and secret (a made-up code was refused with invalid_grant, as it should be).",
    };
  }
  return {
    id: "credentials",
    title,
    status: "unknown",
    detail: `Unexpected answer from the token endpoint (HTTP ${answer.status}): ${scrub(raw, c.clientSecret).slice(0, 200) || "empty body"}`,
  };
}

async function reachabilityFinding(fetchImpl: Fetch, c: EcwidCheckConfig): Promise<CheckFinding> {
  const title = "Redirect URL reachable";
  const url = redirectUrlFor(c.appUrl);
  const answer = await ask(fetchImpl, url);
  if (answer instanceof Error)
    return {
      id: "reachable",
      title,
      status: "error",
      detail: `${url} did not answer from this server (${answer.message}). Check APP_URL, DNS and the load balancer.`,
    };
  if (answer.status >= 500)
    return { id: "reachable", title, status: "error", detail: `${url} answered HTTP ${answer.status}: see the server log.` };
  const realEcwid = !isLoopbackUrl(c.oauthBaseUrl);
  if (realEcwid && (isLoopbackUrl(c.appUrl) || !c.appUrl.startsWith("https://"))) {
    return {
      id: "reachable",
      title,
      status: "warning",
      detail: `${url} answers, but Ecwid needs a public HTTPS address for the iframe and webhooks; APP_URL is ${c.appUrl}.`,
    };
  }
  return {
    id: "reachable",
    title,
    status: "ok",
    detail: `${url} answers (HTTP ${answer.status} without an install code, as expected).`,
  };
}

export async function checkEcwidConfig(config: EcwidCheckConfig, fetchImpl: Fetch = fetch): Promise<CheckFinding[]> {
  const findings: CheckFinding[] = [];
  const { clientId, clientSecret } = config;
  if (!clientId || !clientSecret) {
    findings.push({
      id: "configured",
      title: "App credentials",
      status: "error",
      detail: "Set ECWID_CLIENT_ID and ECWID_CLIENT_SECRET to the values from the Ecwid app's settings.",
    });
  }
  findings.push(scopeFindings(config.scopes));
  findings.push(await reachabilityFinding(fetchImpl, config));
  if (clientId) findings.push(await authorizeFinding(fetchImpl, { ...config, clientId }));
  if (clientId && clientSecret) findings.push(await credentialsFinding(fetchImpl, { ...config, clientId, clientSecret }));
  return findings;
}
