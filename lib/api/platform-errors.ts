import "server-only";
import { ConnectSessionError } from "@/lib/apps/connect-sessions";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { PlatformError } from "@/lib/platforms/types";
import { ApiError, type ProblemCode } from "./errors";

const CONNECT_PROBLEMS = {
  not_found: "connect_session_not_found",
  expired: "connect_session_expired",
  used: "connect_session_used",
  not_completed: "connect_not_completed",
  code_invalid: "connect_code_invalid",
  code_used: "connect_code_used",
  code_expired: "connect_code_expired",
  return_url_not_allowed: "return_url_not_allowed",
  platform_not_offered: "platform_not_offered",
} as const satisfies Record<ConnectSessionError["code"], ProblemCode>;

/**
 * PlatformError kinds → unified API problems; a database that is not answering → 503 with a Retry-After
 * (the call can be repeated once PostgreSQL is back); anything else unknown → a 500 that leaks nothing.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ConnectSessionError) return new ApiError(CONNECT_PROBLEMS[error.code], error.message);
  if (isDatabaseUnavailable(error)) {
    return new ApiError("service_unavailable", "Storelink's database is not answering; retry in a moment.", {
      retryAfterSeconds: 2,
    });
  }
  if (!(error instanceof PlatformError)) return new ApiError("internal", "Something went wrong on our side.");
  const upstream = { upstreamStatus: error.upstreamStatus, retryAfterSeconds: error.retryAfterSeconds };
  switch (error.kind) {
    case "not_supported":
      return new ApiError("not_supported", error.message);
    case "not_found":
      return new ApiError("not_found", error.message, { upstreamStatus: error.upstreamStatus });
    case "invalid":
      return new ApiError("validation_failed", error.message, { upstreamStatus: error.upstreamStatus });
    case "conflict":
      return new ApiError("conflict", error.message, { upstreamStatus: error.upstreamStatus });
    case "forbidden":
      return new ApiError("forbidden", error.message, { upstreamStatus: error.upstreamStatus });
    case "rate_limited":
      return new ApiError("upstream_rate_limited", "The platform is rate limiting this store; retry after the given delay.", {
        ...upstream,
        retryAfterSeconds: error.retryAfterSeconds ?? 1,
      });
    case "unauthorized":
      return new ApiError("needs_reauth", "The platform rejected Storelink's credentials: the store must re-authorize.");
    case "unavailable":
      return new ApiError("upstream_unavailable", "The platform did not answer; try again shortly.", upstream);
  }
}
