import "server-only";
import { ApiError } from "./errors";
import type { UnifiedCall } from "./handler";
import { confineRawPath } from "./raw-path";

const RAW_PREFIX = "/api/v1/raw";
const MAX_BODY = 1_000_000;

/** The raw passthrough: the still-encoded path after /api/v1/raw, checked, then the adapter's raw(). */
export async function rawPassthrough({ request, adapter, ctx }: UnifiedCall<{ path: string[] }>): Promise<Response> {
  // Use the encoded path as the client sent it (Next decodes params, which would hide %2e%2e).
  const encoded = request.nextUrl.pathname.slice(RAW_PREFIX.length);
  const path = confineRawPath(encoded);
  const body = ["GET", "HEAD", "DELETE"].includes(request.method) ? null : await request.text();
  if (body && body.length > MAX_BODY) throw new ApiError("payload_too_large", "The raw body must be under 1 MB.");
  const upstream = await adapter.raw(ctx, { method: request.method, path, query: request.nextUrl.searchParams, body, contentType: request.headers.get("content-type") });
  const headers = new Headers({ "cache-control": "no-store", "x-upstream-status": String(upstream.status) });
  if (upstream.contentType) headers.set("content-type", upstream.contentType);
  // An upstream 429 is passed on as is, with its Retry-After, so clients back off the platform's limit.
  if (upstream.retryAfter) headers.set("retry-after", upstream.retryAfter);
  return new Response(upstream.body, { status: upstream.status, headers });
}
