// Fault injection: tests register "the next N requests matching X get Y" rules
// to exercise retries, timeouts and dropped connections in the app's clients.
import type { Reply } from "./http";
import { json } from "./http";
import type { Fault, FaultHost, SandboxState } from "./state";

export interface FaultInput {
  host: FaultHost;
  method?: string;
  pathPattern: string;
  bodyPattern?: string;
  status?: number;
  body?: unknown;
  count?: number;
  delayMs?: number;
  drop?: boolean;
  retryAfter?: number;
}

export function addFault(state: SandboxState, input: FaultInput): Fault {
  const fault: Fault = {
    id: state.nextFaultId++,
    host: input.host,
    ...(input.method ? { method: input.method.toUpperCase() } : {}),
    pathPattern: input.pathPattern,
    ...(input.bodyPattern ? { bodyPattern: input.bodyPattern } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    remaining: input.count ?? 1,
    ...(input.delayMs !== undefined ? { delayMs: input.delayMs } : {}),
    ...(input.drop !== undefined ? { drop: input.drop } : {}),
    ...(input.retryAfter !== undefined ? { retryAfter: input.retryAfter } : {}),
    hits: 0,
  };
  state.faults.push(fault);
  return fault;
}

/** Substring match first (the common case), else the pattern as a regular expression. */
function pathMatches(pattern: string, pathAndQuery: string): boolean {
  if (pathAndQuery.includes(pattern)) return true;
  try {
    return new RegExp(pattern).test(pathAndQuery);
  } catch {
    return false;
  }
}

/** Finds the first live fault for this request and consumes one of its hits. */
export function takeFault(
  state: SandboxState,
  host: FaultHost,
  method: string,
  pathAndQuery: string,
  rawBody = "",
): Fault | undefined {
  const f = state.faults.find(
    (x) =>
      x.host === host &&
      x.remaining > 0 &&
      (!x.method || x.method === method) &&
      pathMatches(x.pathPattern, pathAndQuery) &&
      (!x.bodyPattern || rawBody.includes(x.bodyPattern)),
  );
  if (!f) return undefined;
  f.remaining--;
  f.hits++;
  return f;
}

/** Default error body in the shape of the faulted platform, so clients parse it like a real error. */
export function faultReply(f: Fault): Reply {
  const status = f.status ?? 500;
  const headers: Record<string, string> = {};
  if (f.retryAfter !== undefined) headers["retry-after"] = String(f.retryAfter);
  if (f.body !== undefined) {
    return typeof f.body === "string"
      ? { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers }, body: f.body }
      : json(status, f.body, headers);
  }
  const title = status === 429 ? "Too Many Requests" : status === 503 ? "Service Unavailable" : "Injected fault";
  switch (f.host) {
    case "ecwid-api":
      return json(
        status,
        { errorMessage: `${title} (sandbox fault)`, errorCode: status === 429 ? "RATE_LIMITED" : "INTERNAL_ERROR" },
        headers,
      );
    case "elasticpath":
      return json(status, { errors: [{ title, status: String(status), detail: "sandbox fault" }] }, headers);
    default:
      return json(
        status,
        { error: status === 429 ? "slow_down" : "temporarily_unavailable", error_description: `${title} (sandbox fault)` },
        headers,
      );
  }
}
