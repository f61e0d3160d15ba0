// The unified API's one error type and its code enum, mapped to HTTP and RFC 9457 problem+json in one
// place. `type` URIs are stable: clients may switch on them; the docs page has an anchor for each.

export const PROBLEM_BASE = "https://storelink.dev/problems/";

export const PROBLEMS = {
  unauthorized: { status: 401, title: "Missing, malformed or revoked token" },
  connection_revoked: { status: 401, title: "The store was disconnected" },
  forbidden: { status: 403, title: "The platform refused this operation" },
  insufficient_scope: { status: 403, title: "The token's scope does not allow this" },
  raw_path_refused: { status: 403, title: "The raw passthrough does not reach this platform endpoint" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  needs_reauth: { status: 409, title: "The store must re-authorize Storelink" },
  conflict: { status: 409, title: "Conflict" },
  idempotency_in_progress: { status: 409, title: "A request with this Idempotency-Key is running" },
  idempotency_outcome_unknown: { status: 409, title: "The first request with this Idempotency-Key has no known outcome" },
  invalid_request: { status: 400, title: "Invalid request" },
  path_not_allowed: { status: 400, title: "Path outside the platform API" },
  payload_too_large: { status: 413, title: "Request body too large" },
  validation_failed: { status: 422, title: "Validation failed" },
  idempotency_key_reused: { status: 422, title: "Idempotency-Key reused with a different request" },
  rate_limited: { status: 429, title: "Too many requests for this token" },
  upstream_rate_limited: { status: 429, title: "The platform is rate limiting this store" },
  upstream_error: { status: 502, title: "The platform answered with an error" },
  upstream_unavailable: { status: 503, title: "The platform is unavailable" },
  not_supported: { status: 501, title: "Not supported on this platform" },
  service_unavailable: { status: 503, title: "Storelink is briefly unavailable" },
  internal: { status: 500, title: "Internal error" },
  connect_session_not_found: { status: 404, title: "No such connect session for this app" },
  connect_session_expired: { status: 410, title: "The connect session has expired" },
  connect_session_used: { status: 409, title: "The connect session was already used" },
  connect_not_completed: { status: 409, title: "The merchant has not finished connecting a store" },
  connect_code_invalid: { status: 400, title: "The code does not belong to this connect session" },
  connect_code_used: { status: 409, title: "The code was already exchanged" },
  connect_code_expired: { status: 410, title: "The code has expired" },
  return_url_not_allowed: { status: 422, title: "The return URL is not one of the app's registered return URLs" },
  platform_not_offered: { status: 422, title: "A requested platform is not offered by this Storelink" },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: {
      retryAfterSeconds?: number;
      upstreamStatus?: number;
      fields?: Record<string, unknown>;
      allow?: string[];
    } = {},
  ) {
    super(detail);
  }
  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  instance?: string;
} & Record<string, unknown>;

export function problemBody(error: ApiError, instance?: string): Problem {
  return {
    type: `${PROBLEM_BASE}${error.code.replaceAll("_", "-")}`,
    title: PROBLEMS[error.code].title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    ...(instance && { instance }),
    ...error.extra.fields,
  };
}

export function problemResponse(error: ApiError, instance?: string, headers: Record<string, string> = {}): Response {
  const h = new Headers({ "content-type": "application/problem+json", "cache-control": "no-store", ...headers });
  if (error.extra.allow) h.set("allow", error.extra.allow.join(", "));
  if (error.extra.retryAfterSeconds !== undefined)
    h.set("retry-after", String(Math.max(1, Math.ceil(error.extra.retryAfterSeconds))));
  if (error.code === "unauthorized" || error.code === "connection_revoked")
    h.set("www-authenticate", 'Bearer realm="storelink", error="invalid_token"');
  if (error.code === "insufficient_scope")
    h.set("www-authenticate", 'Bearer realm="storelink", error="insufficient_scope", scope="read_write"');
  return new Response(JSON.stringify(problemBody(error, instance)), { status: error.status, headers: h });
}
