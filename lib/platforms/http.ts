import "server-only";
import { Agent, request, type Dispatcher } from "undici";
import { PlatformError } from "./types";

// The one HTTP client every platform transport uses: an undici Agent keeps a pool of keep-alive
// connections per upstream origin, so a busy store costs no TCP/TLS handshake per call, and nothing goes
// through Next's patched fetch. Bounds: 3 s to connect, 10 s for the headers and between body chunks,
// and a cap on the body size (a platform that streams without end cannot exhaust memory). Redirects are
// never followed: a platform API that redirects is answered as it is.

export const CONNECT_TIMEOUT_MS = 3_000;
export const RESPONSE_TIMEOUT_MS = 10_000;
export const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

export type UpstreamInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Overrides the 10 s headers/body timeout for this call. */
  timeoutMs?: number;
  maxBytes?: number;
};

/** What a transport reads of an answer: the status, headers by name, and the body once. */
export type UpstreamResponse = {
  status: number;
  header(name: string): string | null;
  text(): Promise<string>;
  /** Throws the body away unread, so the connection goes back to the pool (a transport must read or discard). */
  discard(): Promise<void>;
};

export type UpstreamSend = (url: string | URL, init?: UpstreamInit) => Promise<UpstreamResponse>;

const agent: Dispatcher = new Agent({
  connect: { timeout: CONNECT_TIMEOUT_MS },
  headersTimeout: RESPONSE_TIMEOUT_MS,
  bodyTimeout: RESPONSE_TIMEOUT_MS,
  keepAliveTimeout: 30_000,
  keepAliveMaxTimeout: 120_000,
  connections: 128,
  maxResponseSize: MAX_RESPONSE_BYTES,
});

const TIMEOUTS = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** Why a call failed before an answer arrived, in words safe to show (the host, never the path or query). */
function failure(error: unknown, url: URL): PlatformError {
  const code = (error as { code?: string })?.code ?? "";
  if (TIMEOUTS.has(code)) return new PlatformError("unavailable", `${url.host} did not answer in time.`);
  if (code === "UND_ERR_RES_EXCEEDED_MAX_SIZE")
    return new PlatformError("unavailable", `${url.host} sent a response larger than Storelink accepts.`);
  return new PlatformError("unavailable", `${url.host} could not be reached.`);
}

export const upstream: UpstreamSend = async (target, init = {}) => {
  const url = typeof target === "string" ? new URL(target) : target;
  let answer: Dispatcher.ResponseData;
  try {
    answer = await request(url, {
      dispatcher: agent,
      method: (init.method ?? "GET") as Dispatcher.HttpMethod,
      headers: init.headers,
      body: init.body,
      ...(init.timeoutMs !== undefined && { headersTimeout: init.timeoutMs, bodyTimeout: init.timeoutMs }),
    });
  } catch (error) {
    throw failure(error, url);
  }
  const { statusCode, headers, body } = answer;
  const maxBytes = init.maxBytes ?? MAX_RESPONSE_BYTES;
  let consumed = false;
  return {
    status: statusCode,
    header(name) {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    async text() {
      if (consumed) throw new Error("The upstream body was already read.");
      consumed = true;
      try {
        const declared = Number(headers["content-length"]);
        if (Number.isFinite(declared) && declared > maxBytes) {
          body.destroy();
          throw Object.assign(new Error("too large"), { code: "UND_ERR_RES_EXCEEDED_MAX_SIZE" });
        }
        return await body.text();
      } catch (error) {
        throw failure(error, url);
      }
    },
    async discard() {
      if (consumed) return;
      consumed = true;
      await body.dump().catch(() => undefined);
    },
  };
};
