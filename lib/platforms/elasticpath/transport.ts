import "server-only";
import { upstream, type UpstreamResponse } from "@/lib/platforms/http";
import { PlatformError, type PlatformErrorKind } from "@/lib/platforms/types";
import type { EpErrorBody, EpTokenResponse } from "./types";

// The one way Storelink talks to Elastic Path (on the pooled upstream client): injects the Bearer token,
// bounds every call with a timeout, retries a 429 a few times and maps JSON:API errors onto PlatformError
// kinds. Elastic Path documents per-second limits but sends no Retry-After, so without one the wait is
// exponential with jitter (concurrent callers that hit the limit together do not retry in lockstep).

export type EpRequest = {
  method?: string;
  path: string;
  query?: URLSearchParams | Record<string, string | number>;
  token?: string;
  json?: unknown;
  form?: URLSearchParams;
  body?: string | null;
  contentType?: string | null;
};

export const EP_TIMEOUT_MS = 10_000;
/** 429s are retried this many times, waiting Retry-After (capped) in between. */
export const EP_MAX_RETRIES = 3;
const MAX_RETRY_WAIT_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function urlOf(baseUrl: string, req: EpRequest): string {
  const url = new URL(req.path.replace(/^\/+/, ""), `${baseUrl.replace(/\/+$/, "")}/`);
  const query =
    req.query instanceof URLSearchParams
      ? req.query
      : new URLSearchParams(Object.entries(req.query ?? {}).map(([k, v]) => [k, String(v)]));
  for (const [k, v] of query) url.searchParams.append(k, v);
  return url.toString();
}

function initOf(req: EpRequest): { method: string; headers: Record<string, string>; body?: string } {
  const headers: Record<string, string> = { accept: "application/json" };
  if (req.token) headers.authorization = `Bearer ${req.token}`;
  let body: string | undefined;
  if (req.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = req.form.toString();
  } else if (req.body != null) {
    if (req.contentType) headers["content-type"] = req.contentType;
    body = req.body;
  }
  return { method: req.method ?? "GET", headers, body };
}

/** How long to wait before retry `attempt` (0-based) of a 429: Retry-After when sent, else backoff with jitter. */
export function rateLimitWaitMs(attempt: number, retryAfter: number | undefined, random = Math.random): number {
  const wait = retryAfter === undefined ? 250 * 2 ** attempt + Math.floor(random() * 250) : retryAfter * 1000;
  return Math.min(MAX_RETRY_WAIT_MS, wait);
}

/** Sends a request, retrying 429s; network failures and timeouts become PlatformError("unavailable"). */
export async function epSend(baseUrl: string, req: EpRequest): Promise<UpstreamResponse> {
  const url = urlOf(baseUrl, req);
  for (let attempt = 0; ; attempt++) {
    let response: UpstreamResponse;
    try {
      response = await upstream(url, { ...initOf(req), timeoutMs: EP_TIMEOUT_MS });
    } catch (error) {
      const timedOut = error instanceof PlatformError && error.message.includes("in time");
      throw new PlatformError(
        "unavailable",
        timedOut ? "Elastic Path did not answer in time." : `Elastic Path could not be reached (${new URL(url).host}).`,
      );
    }
    if (response.status !== 429 || attempt >= EP_MAX_RETRIES) return response;
    await response.discard();
    await sleep(rateLimitWaitMs(attempt, retryAfterSeconds(response.header("retry-after"))));
  }
}

const kindByStatus: Record<number, PlatformErrorKind> = {
  400: "invalid",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  422: "invalid",
  429: "rate_limited",
};

export function kindOf(status: number): PlatformErrorKind {
  return kindByStatus[status] ?? (status >= 500 ? "unavailable" : "invalid");
}

/** The JSON:API error's detail (or title), else a generic line with the status. */
export async function errorOf(response: UpstreamResponse): Promise<PlatformError> {
  let message = `Elastic Path answered HTTP ${response.status}.`;
  try {
    const body = JSON.parse(await response.text()) as EpErrorBody;
    const first = body.errors?.[0];
    const text = first?.detail ?? first?.title;
    if (text) message = `Elastic Path: ${text}`;
  } catch {
    // Not JSON: keep the generic message.
  }
  return new PlatformError(kindOf(response.status), message, response.status, retryAfterSeconds(response.header("retry-after")));
}

/** JSON in, JSON out; throws PlatformError on anything but 2xx. 204 → null. */
export async function epJson<T>(baseUrl: string, req: EpRequest): Promise<T> {
  const response = await epSend(baseUrl, req);
  if (response.status < 200 || response.status > 299) throw await errorOf(response);
  const text = await response.text();
  if (response.status === 204 || text === "") return null as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new PlatformError("unavailable", "Elastic Path sent a response that is not JSON.", response.status);
  }
}

/** POST /oauth/access_token. client_credentials needs the secret; implicit sends client_id only. */
export async function mintToken(
  baseUrl: string,
  grant: { type: "client_credentials"; clientId: string; clientSecret: string } | { type: "implicit"; clientId: string },
): Promise<EpTokenResponse> {
  const form = new URLSearchParams({ grant_type: grant.type, client_id: grant.clientId });
  if (grant.type === "client_credentials") form.set("client_secret", grant.clientSecret);
  const token = await epJson<EpTokenResponse>(baseUrl, { method: "POST", path: "/oauth/access_token", form });
  if (!token?.access_token || typeof token.expires !== "number") {
    throw new PlatformError("unavailable", "Elastic Path's token response had no access_token or expires.");
  }
  return token;
}
