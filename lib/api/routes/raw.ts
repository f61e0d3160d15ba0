import type { OpenAPIHono } from "@hono/zod-openapi";
import { ecwidRawResources } from "@/lib/platforms/ecwid/raw-resources";
import { elasticPathRawResources } from "@/lib/platforms/elasticpath/raw-resources";
import { oauth2RawResources } from "@/lib/platforms/oauth2/raw-resources";
import type { RawResource } from "@/lib/platforms/types";
import { requireWriteScope } from "../authenticate";
import type { ApiEnv } from "../context";
import { ApiError } from "../errors";
import { onPlatform } from "../platform-call";
import { confineRawPath } from "../raw-path";
import { rawParamsSchema } from "../schemas";
import { common, problem } from "./responses";

// ANY /raw/{path}: the platform's own API with Storelink's credentials injected, confined to that host
// (raw-path.ts) and to the platform's data resources (each adapter's rawResources). Credential, key,
// token and settings endpoints are refused with 403 on every platform; a read-only token may only GET.

export const RAW_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const MAX_BODY = 1_000_000;
const RAW_PREFIX = "/api/v1/raw";

/** Whether `path` (relative, already confined) is one of the resources, with this method. */
export function rawResourceAllows(resources: readonly RawResource[], method: string, path: string): boolean {
  return resources.some(
    (r) => (path === r.path || path.startsWith(`${r.path}/`)) && (r.methods as readonly string[]).includes(method),
  );
}

function describe(resources: readonly RawResource[]): string {
  return resources.map((r) => `\`${r.path}\` (${r.methods.join(", ")}${r.note ? `; ${r.note}` : ""})`).join(", ");
}

export function rawRoutes(app: OpenAPIHono<ApiEnv>) {
  app.on([...RAW_METHODS], "/raw/*", async (c) => {
    const method = c.req.method;
    if (method !== "GET") requireWriteScope(c.get("caller"));
    // The path as the client encoded it (a decoded one would hide %2e%2e), then checked before any call.
    const path = confineRawPath(new URL(c.req.url).pathname.slice(RAW_PREFIX.length));
    const body = method === "GET" || method === "DELETE" ? null : await c.req.text();
    if (body && body.length > MAX_BODY) throw new ApiError("payload_too_large", "The raw body must be under 1 MB.");
    const upstream = await onPlatform(c, (adapter, ctx) => {
      if (!rawResourceAllows(adapter.rawResources, method, path)) {
        throw new ApiError(
          "raw_path_refused",
          `The raw passthrough reaches only this platform's data resources: ${describe(adapter.rawResources)}.`,
        );
      }
      return adapter.raw(ctx, {
        method,
        path,
        query: new URL(c.req.url).searchParams,
        body,
        contentType: c.req.header("content-type") ?? null,
      });
    });
    c.set("upstreamStatus", upstream.status);
    const headers = new Headers({ "cache-control": "no-store", "x-upstream-status": String(upstream.status) });
    // An upstream 429 is passed on as is, with its Retry-After, so clients back off the platform's limit.
    if (upstream.retryAfter) headers.set("retry-after", upstream.retryAfter);
    // 204 and 304 carry no body (a Response with one would throw); every other status passes through as sent.
    if (upstream.status === 204 || upstream.status === 304) return new Response(null, { status: upstream.status, headers });
    if (upstream.contentType) headers.set("content-type", upstream.contentType);
    return new Response(upstream.body, { status: upstream.status, headers });
  });

  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/raw/{path}",
    operationId: "rawGet",
    tags: ["raw"],
    summary: "Passthrough to the platform's data resources",
    description:
      "The platform's own API with Storelink's credentials injected: relative paths on the platform's host only, and only its data " +
      "resources (never credentials, keys, tokens or settings: those answer 403 `raw-path-refused`). POST, PUT, PATCH and DELETE are " +
      "accepted too and need a read-write token. Reachable paths: " +
      `Ecwid (below /api/v3/{storeId}): ${describe(ecwidRawResources)}. Elastic Path: ${describe(elasticPathRawResources)}. ` +
      `OAuth2 provider: ${describe(oauth2RawResources)}.`,
    "x-required-scope": "read (GET), read_write (other methods)",
    request: { params: rawParamsSchema },
    responses: {
      200: { description: "The platform's answer, status and body as it sent them" },
      400: problem("Path outside the platform API"),
      403: problem("A data resource this passthrough does not reach, or a read-only token on a non-GET call"),
      ...common,
    },
  });
}
