import "server-only";
import { env } from "@/lib/env";
import { upstream, type UpstreamSend } from "@/lib/platforms/http";
import { PlatformError, type PlatformErrorKind } from "@/lib/platforms/types";

// The one call every Ecwid REST request goes through (on the pooled upstream client): injects the Bearer
// token (the query-string token is disabled since 2025-03-20) and maps Ecwid's errors onto PlatformError.
// Nothing here logs a token.

export type EcwidRequest = {
  storeId: string | number;
  token: string;
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Path below /api/v3/{storeId}, e.g. "/profile". */
  path: string;
  query?: URLSearchParams | Record<string, string | number | undefined>;
  /** JSON-encoded unless a string (app storage takes raw text). */
  body?: unknown;
  /** Overrides the content type chosen from the body (raw passthrough). */
  contentType?: string | null;
  timeoutMs?: number;
  baseUrl?: string;
  /** Tests pass a fake; everything else uses the pooled client. */
  send?: UpstreamSend;
};

export type EcwidResponse = { status: number; contentType: string | null; text: string; retryAfter: string | null };

export const DEFAULT_TIMEOUT_MS = 10_000;

export function ecwidUrl(baseUrl: string, storeId: string | number, path: string, query?: EcwidRequest["query"]): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}/api/v3/${encodeURIComponent(String(storeId))}${path}`);
  if (query instanceof URLSearchParams) query.forEach((v, k) => url.searchParams.append(k, v));
  else if (query) for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") url.searchParams.set(k, String(v));
  return url;
}

/** Sends the request and returns the raw answer whatever its status; throws only for network failures. */
export async function ecwidSend(req: EcwidRequest): Promise<EcwidResponse> {
  const url = ecwidUrl(req.baseUrl ?? env.ECWID_API_BASE_URL, req.storeId, req.path, req.query);
  const headers: Record<string, string> = { authorization: `Bearer ${req.token}`, accept: "application/json" };
  let body: string | undefined;
  if (req.body !== undefined) {
    body = typeof req.body === "string" ? req.body : JSON.stringify(req.body);
    headers["content-type"] =
      req.contentType || (typeof req.body === "string" ? "text/plain;charset=utf-8" : "application/json;charset=utf-8");
  }
  let res;
  try {
    res = await (req.send ?? upstream)(url, {
      method: req.method ?? "GET",
      headers,
      body,
      timeoutMs: req.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    return {
      status: res.status,
      contentType: res.header("content-type"),
      text: await res.text(),
      retryAfter: res.header("retry-after"),
    };
  } catch (error) {
    if (error instanceof PlatformError)
      throw new PlatformError(
        "unavailable",
        error.message.includes("in time") ? "Ecwid did not answer in time." : "Could not reach Ecwid.",
      );
    throw new PlatformError("unavailable", "Could not reach Ecwid.");
  }
}

/** The longest Retry-After a read waits out itself; a longer cooldown is the caller's to schedule. */
export const MAX_HONOURED_RETRY_AFTER_SECONDS = 5;

/**
 * Ecwid answers 429 with Retry-After: N past 600 requests a minute per token (docs.ecwid.com/api-reference).
 * An idempotent read waits that out once when it is short, then any 429 is passed on (with its Retry-After).
 */
async function sendHonouringRetryAfter(req: EcwidRequest, sleep: (ms: number) => Promise<void>): Promise<EcwidResponse> {
  const res = await ecwidSend(req);
  if (res.status !== 429 || (req.method ?? "GET") !== "GET" || res.retryAfter === null || !/^\d+$/.test(res.retryAfter.trim()))
    return res;
  const seconds = Number(res.retryAfter);
  if (seconds > MAX_HONOURED_RETRY_AFTER_SECONDS) return res;
  await sleep(seconds * 1000);
  return ecwidSend(req);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends the request and returns the parsed JSON body, or throws PlatformError. */
export async function ecwidFetch<T = unknown>(req: EcwidRequest, sleep: (ms: number) => Promise<void> = wait): Promise<T> {
  const res = await sendHonouringRetryAfter(req, sleep);
  if (res.status >= 200 && res.status < 300) {
    if (!res.text) return undefined as T;
    try {
      return JSON.parse(res.text) as T;
    } catch {
      throw new PlatformError("unavailable", "Ecwid answered with something that is not JSON.", res.status);
    }
  }
  throw toPlatformError(res);
}

function errorBody(text: string): { code: string | null; message: string | null } {
  try {
    const json = JSON.parse(text) as { errorCode?: unknown; errorMessage?: unknown };
    return {
      code: typeof json.errorCode === "string" ? json.errorCode : null,
      message: typeof json.errorMessage === "string" ? json.errorMessage.slice(0, 300) : null,
    };
  } catch {
    return { code: null, message: null };
  }
}

/** Ecwid says "invalid token" with 403 INVALID_API_TOKEN (not 401), and "missing scope" with 403 too. */
export function toPlatformError(res: Pick<EcwidResponse, "status" | "text" | "retryAfter">): PlatformError {
  const { code, message } = errorBody(res.text);
  const kind = classify(res.status, code);
  const retryAfter = res.retryAfter !== null && /^\d+$/.test(res.retryAfter.trim()) ? Number(res.retryAfter) : undefined;
  const text = message ? `Ecwid: ${message}` : `Ecwid answered ${res.status}${code ? ` ${code}` : ""}.`;
  return new PlatformError(kind, text, res.status, kind === "rate_limited" ? (retryAfter ?? 60) : undefined);
}

function classify(status: number, code: string | null): PlatformErrorKind {
  if (status === 401 || code === "INVALID_API_TOKEN") return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status === 408 || status >= 500) return "unavailable";
  if (status === 402) return "forbidden";
  return "invalid";
}
