// What every Elastic Path sandbox route shares: the JSON:API error shape, bearer authentication with the
// grant's permissions, the per-store per-second limit, and page[offset] / page[limit] pagination.
import type { SandboxContext } from "../context";
import { bearerToken, intParam, json, type Reply, type Req } from "../http";
import type { EpStore, EpToken } from "../state";

export const epError = (status: number, title: string, detail?: string, headers: Record<string, string> = {}): Reply =>
  json(status, { errors: [{ title, status: String(status), ...(detail !== undefined ? { detail } : {}) }] }, headers);

/**
 * Per-store, per-second budget shared by all keys (reservations are bookkeeping only here). The 429 carries
 * no Retry-After: Elastic Path documents the limits (EPDEV guides/Getting-Started/rate-limits.md) but no such
 * header, and its own SDK retries 429s on a fixed delay plus jitter instead (EPSDK src/factories/request.js).
 */
export function rateLimited(ctx: SandboxContext, store: EpStore): Reply | null {
  const ep = ctx.state.elasticpath;
  const second = Math.floor(Date.now() / 1000);
  const w = ep.rateWindows.get(store.id);
  if (!w || w.second !== second) {
    ep.rateWindows.set(store.id, { second, count: 1 });
    return null;
  }
  if (++w.count > store.rateLimitPerSecond) return epError(429, "Too Many Requests", "Rate limit exceeded");
  return null;
}

export type Authed = { store: EpStore; token: EpToken };

/** `adminOnly`: the implicit grant is refused (EPDEV docs/authentication/Tokens/permissions.mdx). */
export function authenticate(ctx: SandboxContext, req: Req, adminOnly: boolean): Authed | Reply {
  const ep = ctx.state.elasticpath;
  const raw = bearerToken(req);
  const token = raw ? ep.tokens.get(raw) : undefined;
  if (!token || Date.now() >= token.expiresAt) return epError(401, "Unauthorized", "Unable to validate access token");
  const store = ep.stores.get(token.storeId);
  if (!store || !store.keys.some((k) => k.id === token.keyId))
    return epError(401, "Unauthorized", "Unable to validate access token");
  const limited = rateLimited(ctx, store);
  if (limited) return limited;
  if (adminOnly && token.grant !== "client_credentials")
    return epError(403, "Forbidden", "You do not have permission to access this resource");
  return { store, token };
}

export const isReply = (x: object): x is Reply => "status" in x && typeof (x as Reply).status === "number";

/** page[offset] (0–10000) and page[limit] (1–100, default 25), or the 400 Elastic Path answers. */
export function pageOf(req: Req): { offset: number; limit: number } | Reply {
  const offset = intParam(req.query.get("page[offset]")) ?? 0;
  const limit = intParam(req.query.get("page[limit]")) ?? 25;
  if (Number.isNaN(offset) || offset < 0 || offset > 10000)
    return epError(400, "Bad Request", "page[offset] must be an integer between 0 and 10000");
  if (Number.isNaN(limit) || limit < 1 || limit > 100)
    return epError(400, "Bad Request", "page[limit] must be an integer between 1 and 100");
  return { offset, limit };
}

/** A JSON:API list page: data, links (self/current, first, last, next, prev) and meta.page / meta.results. */
export function listPage<T>(
  base: string,
  all: T[],
  page: { offset: number; limit: number },
  extraMeta: Record<string, unknown> = {},
) {
  const { offset, limit } = page;
  const link = (o: number) => `${base}?page[offset]=${o}&page[limit]=${limit}`;
  const lastOffset = all.length === 0 ? 0 : Math.floor((all.length - 1) / limit) * limit;
  return {
    data: all.slice(offset, offset + limit),
    links: {
      current: link(offset),
      first: link(0),
      last: link(lastOffset),
      next: offset + limit < all.length ? link(offset + limit) : null,
      prev: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    },
    meta: {
      page: { limit, offset, current: Math.floor(offset / limit) + 1, total: Math.max(1, Math.ceil(all.length / limit)) },
      results: { total: all.length },
      ...extraMeta,
    },
  };
}
