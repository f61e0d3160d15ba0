import "server-only";
import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { env } from "@/lib/env";
import { logApiRequest } from "@/lib/requests/log";
import { maskPath } from "@/lib/requests/mask";
import { apiSecurityHeaders } from "@/lib/security/headers";
import { authenticate } from "./authenticate";
import type { ApiEnv } from "./context";
import { ApiError, problemResponse } from "./errors";
import { validationProblem } from "./input";
import { documentFor } from "./openapi";
import { toApiError } from "./platform-errors";
import { rateLimitHeaders, takeToken } from "./rate-limit";
import { connectRoutes, type ConnectEnv } from "./routes/connect";
import { customerRoutes } from "./routes/customers";
import { orderRoutes } from "./routes/orders";
import { productRoutes } from "./routes/products";
import { rawRoutes } from "./routes/raw";
import { storeRoutes } from "./routes/store";

// The unified API: one Hono app, mounted by Next at /api/v1 (app/api/v1/[...route]) and served standalone
// by `npm run start:api` (scripts/api-server.ts). Every call goes through the same pipeline:
//   security headers + request log (outermost, so every answer has both)
//   → a known route and method (404 / 405 problem+json, before anything is read)
//   → bearer auth (401) → the token's rate limit (429) → the route (zod-validated input, 422)
//   → the platform through the lifecycle (fresh credentials, one renewal on 401) → output schema.
// Errors anywhere become RFC 9457 problem+json (errors.ts, platform-errors.ts).

export const API_BASE = "/api/v1";

type Route = { method: string; pattern: RegExp };

function routeTable(api: Hono<ApiEnv>): Route[] {
  return api.routes
    .filter((r) => r.method !== "ALL")
    .map((r) => ({ method: r.method, pattern: new RegExp(`^${r.path.replace(/\/\*$/, "/.+").replace(/:[^/]+/g, "[^/]+")}$`) }));
}

/** 404 for a path no route serves, 405 (with Allow) for a known path and another method. */
function knownRoutes(table: () => Route[]): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const path = c.req.path.startsWith(`${API_BASE}/`) ? c.req.path.slice(API_BASE.length) : null;
    const allowed =
      path === null
        ? []
        : [
            ...new Set(
              table()
                .filter((r) => r.pattern.test(path))
                .map((r) => r.method),
            ),
          ];
    if (allowed.length === 0)
      throw new ApiError("not_found", "There is no such endpoint in the unified API; see /api/v1/openapi.json.");
    const method = c.req.method === "HEAD" ? "GET" : c.req.method;
    if (!allowed.includes(method))
      throw new ApiError("method_not_allowed", `${c.req.method} is not allowed here.`, { allow: allowed });
    await next();
  };
}

/** A percent-escape that does not decode (`/products/%zz`) is a client error, never a 500. */
const wellFormedPath: MiddlewareHandler<ApiEnv> = async (c, next) => {
  try {
    decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    throw new ApiError("invalid_request", "The request path contains a malformed percent-escape.");
  }
  await next();
};

/** Store routes authenticate with a unified token; /connect routes with an app key (routes/connect.ts). */
const authenticated: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (c.req.path.startsWith(`${API_BASE}/connect/`)) return next();
  c.set("caller", await authenticate(c.req.header("authorization")));
  const decision = await takeToken(c.get("caller").tokenId);
  c.set("rateHeaders", rateLimitHeaders(decision));
  if (!decision.allowed) {
    throw new ApiError("rate_limited", `This token may make ${decision.limit} requests a minute; slow down.`, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
  await next();
};

/** Outermost: every answer gets the API's security headers, and every authenticated call a log line. */
const headersAndLog: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  for (const [name, value] of Object.entries({ ...c.get("rateHeaders"), ...securityHeaders() })) c.res.headers.set(name, value);
  const caller = c.get("caller");
  if (caller) {
    const url = new URL(c.req.url);
    logApiRequest({
      connectionId: caller.connectionId,
      tokenId: caller.tokenId,
      method: c.req.method,
      path: maskPath(url.pathname, url.searchParams),
      status: c.res.status,
      upstreamStatus: c.get("upstreamStatus") ?? null,
      latencyMs: Math.round(performance.now() - started),
    });
  }
};

let cachedHeaders: Record<string, string> | undefined;
const securityHeaders = () => (cachedHeaders ??= apiSecurityHeaders(env));

function onError(error: Error, c: Context<ApiEnv>): Response {
  const apiError = toApiError(error);
  if (apiError.code === "internal")
    console.error(`[api ${c.req.method} ${c.req.path}]`, error instanceof Error ? error.message : error);
  if (apiError.extra.upstreamStatus !== undefined) c.set("upstreamStatus", apiError.extra.upstreamStatus);
  return problemResponse(apiError, new URL(c.req.url).pathname);
}

/** The routes alone (paths below /api/v1): what the OpenAPI document is generated from. */
const defaultHook = (result: { success: boolean; error?: { issues: Parameters<typeof validationProblem>[0] } }) => {
  if (!result.success) throw validationProblem(result.error!.issues);
};

export function createApiRoutes(): OpenAPIHono<ApiEnv> {
  const api = new OpenAPIHono<ApiEnv>({ defaultHook });
  storeRoutes(api);
  productRoutes(api);
  orderRoutes(api);
  customerRoutes(api);
  rawRoutes(api);
  const connect = new OpenAPIHono<ConnectEnv>({ defaultHook });
  connectRoutes(connect);
  api.route("/connect", connect);
  return api;
}

/** The OpenAPI document (the docs page and tests; nothing is served). */
export const openApiDocument = () => documentFor(createApiRoutes());

/** The whole unified API, ready to serve `/api/v1/*`. */
export function createUnifiedApi(): Hono<ApiEnv> {
  const routes = createApiRoutes();
  const document = documentFor(routes);
  let table: Route[] | undefined;
  const app = new Hono<ApiEnv>();
  app.use("*", headersAndLog);
  app.use("*", wellFormedPath);
  app.get(`${API_BASE}/openapi.json`, (c) => c.json(document, 200, { "cache-control": "public, max-age=300" }));
  app.use(
    "*",
    knownRoutes(() => (table ??= routeTable(routes))),
  );
  app.use("*", authenticated);
  app.route(API_BASE, routes);
  app.onError(onError);
  app.notFound((c) =>
    problemResponse(
      new ApiError("not_found", "There is no such endpoint in the unified API; see /api/v1/openapi.json."),
      new URL(c.req.url).pathname,
    ),
  );
  return app;
}

const holder = globalThis as unknown as { storelinkUnifiedApi?: Hono<ApiEnv> };

/** One app per process (Next may load this module once per route bundle). */
export const unifiedApi = (): Hono<ApiEnv> => (holder.storelinkUnifiedApi ??= createUnifiedApi());
