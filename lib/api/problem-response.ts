import type { Env } from "@/lib/env";
import { apiSecurityHeaders } from "@/lib/security/headers";
import { ApiError, problemResponse } from "./errors";

/** A problem+json answer with the API's security headers, for refusals made before the Hono app runs (the proxy). */
export function unifiedApiProblem(error: ApiError, instance: string, env: Env): Response {
  const response = problemResponse(error, instance);
  for (const [name, value] of Object.entries(apiSecurityHeaders(env))) response.headers.set(name, value);
  return response;
}

/** The 413 answer of an endpoint that read its body with a cap (lib/http/read-capped-body.ts). */
export function bodyTooLargeResponse(error: { maxBytes: number }, headers: Record<string, string> = {}): Response {
  return problemResponse(
    new ApiError("payload_too_large", `The request body must be at most ${error.maxBytes} bytes.`),
    undefined,
    headers,
  );
}
