import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { freshCredentials, type FreshCredentialsResult } from "@/lib/connections/fresh-credentials";
import type { CredentialRow } from "@/lib/connections/fresh-credentials";
import { reauthorizeLink } from "@/lib/connections/reauthorize";
import { markNeedsReauth } from "@/lib/connections/status";
import { noteTokenUse } from "@/lib/connections/unified-tokens";
import { env } from "@/lib/env";
import { adapterFor } from "@/lib/platforms/registry";
import { PlatformError, type ConnectionContext, type PlatformAdapter } from "@/lib/platforms/types";
import { apiSecurityHeaders } from "@/lib/security/headers";
import { authenticate, type ApiCaller } from "./authenticate";
import { ApiError, problemResponse } from "./errors";
import { maskPath } from "./mask";
import { toApiError } from "./platform-errors";
import { rateLimitHeaders, takeToken } from "./rate-limit";
import { logApiRequest } from "./request-log";

// The pipeline every /api/v1 route runs through: bearer auth → per-token rate limit → fresh platform
// credentials → the adapter call (one forced renewal if the platform rejects the access token) → output
// schema → response; errors become problem+json; every call is logged to ApiRequest with secrets masked.

export type UnifiedCall<P> = {
  request: NextRequest;
  params: P;
  adapter: PlatformAdapter;
  ctx: ConnectionContext;
  caller: ApiCaller;
};

export type UnifiedResult = Response | { body: unknown; status?: number; headers?: Record<string, string> };

function freshFailure(result: Exclude<FreshCredentialsResult, { ok: true }>, connectionId: string): ApiError {
  switch (result.reason) {
    case "needs_reauth":
      return new ApiError("needs_reauth", result.message, { fields: { reauthorizeUrl: reauthorizeLink(connectionId) } });
    case "revoked":
      return new ApiError("connection_revoked", result.message);
    case "not_found":
      return new ApiError("unauthorized", "The token's store no longer exists.");
    case "unavailable":
      return new ApiError("upstream_unavailable", result.message, { retryAfterSeconds: result.retryAfterSeconds });
  }
}

async function withCredentials<T>(row: CredentialRow, fn: (adapter: PlatformAdapter, ctx: ConnectionContext) => Promise<T>): Promise<T> {
  const connectionId = row.id;
  const fresh = await freshCredentials(connectionId, { row });
  if (!fresh.ok) throw freshFailure(fresh, connectionId);
  const adapter = adapterFor(fresh.context.connection.platform);
  try {
    return await fn(adapter, fresh.context);
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== "unauthorized") throw error;
    if (adapter.renew) {
      // The token may have been revoked or expired early upstream: renew once (shared with concurrent callers).
      // Credentials issued after the ones just rejected count as that renewal (another call or instance).
      const renewedSince = new Date((fresh.renewedAt?.getTime() ?? -1) + 1);
      const again = await freshCredentials(connectionId, { force: true, renewedSince });
      if (!again.ok) throw freshFailure(again, connectionId);
      try {
        return await fn(adapter, again.context);
      } catch (retryError) {
        if (!(retryError instanceof PlatformError) || retryError.kind !== "unauthorized") throw retryError;
      }
    }
    await markNeedsReauth(connectionId, `the platform rejected the credentials (${error.message})`);
    throw new ApiError("needs_reauth", "The platform rejected Storelink's credentials: the store must re-authorize.", {
      fields: { reauthorizeUrl: reauthorizeLink(connectionId) },
    });
  }
}

/** Parses input with a zod schema; failures are 422 problems listing each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError("validation_failed", "The request does not match the schema.", {
    fields: { errors: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  });
}

// A body can be read once; the handler may run twice (after a forced renewal), so keep what was read.
const bodies = new WeakMap<Request, Promise<string>>();

export async function readJson(request: Request): Promise<unknown> {
  if (!bodies.has(request)) bodies.set(request, request.text());
  const text = await bodies.get(request)!;
  if (text.length > 100_000) throw new ApiError("payload_too_large", "The JSON body must be under 100 kB.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_request", "The body must be JSON.");
  }
}

/** Output through its schema: only declared fields leave. */
export const output = <S extends z.ZodType>(schema: S, value: unknown) => ({ body: schema.parse(value) });

let securityHeaders: Record<string, string> | undefined;

export function unifiedRoute<P = Record<string, never>>(handler: (call: UnifiedCall<P>) => Promise<UnifiedResult>) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const started = Date.now();
    const instance = request.nextUrl.pathname;
    let caller: ApiCaller | undefined;
    let headers: Record<string, string> = {};
    let upstreamStatus: number | undefined;
    let response: Response;
    try {
      caller = await authenticate(request);
      const decision = takeToken(caller.tokenId);
      headers = rateLimitHeaders(decision);
      if (!decision.allowed) {
        throw new ApiError("rate_limited", `This token may make ${decision.limit} requests in a burst; slow down.`, { retryAfterSeconds: decision.retryAfterSeconds });
      }
      void noteTokenUse({ id: caller.tokenId, connectionId: caller.connectionId, lastUsedAt: caller.lastUsedAt }).catch(() => undefined);
      const params = await context.params;
      const who = caller;
      const result = await withCredentials(caller.connection, (adapter, ctx) => handler({ request, params, adapter, ctx, caller: who }));
      if (result instanceof Response) {
        for (const [k, v] of Object.entries(headers)) result.headers.set(k, v);
        response = result;
      } else {
        response = Response.json(result.body, { status: result.status ?? 200, headers: { "cache-control": "no-store", ...headers, ...result.headers } });
      }
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === "internal") console.error(`[api ${request.method} ${instance}]`, error instanceof Error ? error.message : error);
      upstreamStatus = apiError.extra.upstreamStatus;
      response = problemResponse(apiError, instance, headers);
    }
    for (const [k, v] of Object.entries((securityHeaders ??= apiSecurityHeaders(env)))) response.headers.set(k, v);
    if (caller) {
      const log = { connectionId: caller.connectionId, tokenId: caller.tokenId, method: request.method, path: maskPath(instance, request.nextUrl.searchParams) };
      logApiRequest({ ...log, status: response.status, upstreamStatus: upstreamStatus ?? (Number(response.headers.get("x-upstream-status")) || null), latencyMs: Date.now() - started });
    }
    return response;
  };
}
