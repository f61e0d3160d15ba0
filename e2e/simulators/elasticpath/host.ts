// Elastic Path Commerce Cloud subset (platform-facts §0 and §5): token endpoint, application keys (admin,
// client_credentials only), settings; products, catalogs and currencies live in catalog.ts.
// Errors use the JSON:API `{errors:[{title,status,detail}]}` shape with string statuses.
import type { SandboxContext } from "../context";
import { bodyForm, bodyJson, empty, json, type Reply, type Req, type Router } from "../http";
import { randomToken, nowSeconds } from "../ids";
import { newEpKey } from "../seed";
import type { EpKey, EpStore, EpToken } from "../state";
import { registerElasticPathCatalogRoutes } from "./catalog";
import { registerElasticPathAccountAdminRoutes } from "./account-admin";
import { registerElasticPathShopperRecordRoutes } from "./shopper-records";
import { registerElasticPathShopperRoutes } from "./shoppers";
import { authenticate, epError, isReply, listPage, pageOf, rateLimited } from "./common";

export { epError } from "./common";

function findKeyByClientId(ctx: SandboxContext, clientId: string): EpKey | undefined {
  for (const s of ctx.state.elasticpath.stores.values()) {
    const k = s.keys.find((x) => x.clientId === clientId);
    if (k) return k;
  }
  return undefined;
}

function accessToken(ctx: SandboxContext, req: Req): Reply {
  const ep = ctx.state.elasticpath;
  const form = bodyForm(req);
  const grant = form.get("grant_type");
  if (grant !== "client_credentials" && grant !== "implicit")
    return epError(400, "Bad Request", "grant_type must be client_credentials or implicit");
  const clientId = form.get("client_id") ?? "";
  const key = findKeyByClientId(ctx, clientId);
  if (!key || (grant === "client_credentials" && form.get("client_secret") !== key.clientSecret))
    return epError(401, "Unauthorized", "Invalid client credentials");
  const store = ep.stores.get(key.storeId)!;
  const limited = rateLimited(ctx, store);
  if (limited) return limited;
  const lifetime = store.tokenLifetimeSeconds ?? ep.tokenLifetimeSeconds;
  const expires = nowSeconds() + lifetime;
  const token: EpToken = {
    token: randomToken(30),
    storeId: store.id,
    keyId: key.id,
    clientId,
    grant,
    expiresAt: expires * 1000,
  };
  ep.tokens.set(token.token, token);
  key.lastUsedAt = new Date().toISOString();
  return json(200, {
    expires,
    identifier: grant,
    expires_in: lifetime,
    access_token: token.token,
    token_type: "Bearer",
  });
}

function keyResource(ctx: SandboxContext, k: EpKey, withSecret = false) {
  return {
    id: k.id,
    type: "application_key",
    name: k.name,
    client_id: k.clientId,
    ...(withSecret ? { client_secret: k.clientSecret } : {}),
    reserved_rate_limit: k.reservedRateLimit,
    meta: { timestamps: { created_at: k.createdAt, updated_at: k.updatedAt, last_used_at: k.lastUsedAt } },
    links: { self: `${ctx.urls.elasticpath}/v2/application-keys/${k.id}` },
  };
}

function reserved(store: EpStore, excludeId?: string): number {
  return store.keys.filter((k) => k.id !== excludeId).reduce((n, k) => n + k.reservedRateLimit, 0);
}

function listKeys(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, true);
  if (isReply(a)) return a;
  const page = pageOf(req);
  if (isReply(page)) return page;
  const keys = a.store.keys.map((k) => keyResource(ctx, k));
  return json(
    200,
    listPage(`${ctx.urls.elasticpath}/v2/application-keys`, keys, page, { total_reserved_rate_limit: reserved(a.store) }),
  );
}

interface KeyInput {
  name?: string;
  reservedRateLimit?: number;
}

function parseKeyBody(req: Req, creating: boolean): KeyInput | Reply {
  const body = bodyJson(req) as { data?: Record<string, unknown> } | undefined;
  const data = body && typeof body === "object" ? body.data : undefined;
  if (!data || typeof data !== "object") return epError(400, "Bad Request", "The field 'data' is required.");
  if (data.type !== "application_key") return epError(400, "Bad Request", "The field 'type' must be 'application_key'.");
  const out: KeyInput = {};
  if (data.name !== undefined || creating) {
    if (data.name === undefined) return epError(400, "Bad Request", "The field 'name' is required.");
    if (typeof data.name !== "string" || data.name.length < 1 || data.name.length > 255)
      return epError(400, "Bad Request", "The field 'name' must be between 1 and 255 characters.");
    out.name = data.name;
  }
  if (data.reserved_rate_limit !== undefined) {
    if (!Number.isInteger(data.reserved_rate_limit) || (data.reserved_rate_limit as number) < 0)
      return epError(400, "Bad Request", "The field 'reserved_rate_limit' must be an integer greater than or equal to 0.");
    out.reservedRateLimit = data.reserved_rate_limit as number;
  }
  return out;
}

const conflict = () => epError(409, "Conflict", "requested reserved rate limit will exceed the maximum");

function createKey(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, true);
  if (isReply(a)) return a;
  const input = parseKeyBody(req, true);
  if ("status" in input) return input as Reply;
  const rrl = input.reservedRateLimit ?? 0;
  if (reserved(a.store) + rrl > a.store.maxReservedRateLimit) return conflict();
  const key = newEpKey(a.store.id, input.name!, rrl);
  a.store.keys.push(key);
  // The only response that ever carries client_secret.
  return json(201, {
    data: keyResource(ctx, key, true),
    links: { self: `${ctx.urls.elasticpath}/v2/application-keys/${key.id}` },
  });
}

function keyNotFound(): Reply {
  return epError(404, "Not Found", "application key not found");
}

function getKey(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, true);
  if (isReply(a)) return a;
  const key = a.store.keys.find((k) => k.id === req.params.id);
  return key ? json(200, { data: keyResource(ctx, key) }) : keyNotFound();
}

function updateKey(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, true);
  if (isReply(a)) return a;
  const key = a.store.keys.find((k) => k.id === req.params.id);
  if (!key) return keyNotFound();
  const input = parseKeyBody(req, false);
  if ("status" in input) return input as Reply;
  if (input.reservedRateLimit !== undefined && reserved(a.store, key.id) + input.reservedRateLimit > a.store.maxReservedRateLimit)
    return conflict();
  if (input.name !== undefined) key.name = input.name;
  if (input.reservedRateLimit !== undefined) key.reservedRateLimit = input.reservedRateLimit;
  key.updatedAt = new Date().toISOString();
  return json(200, { data: keyResource(ctx, key) });
}

export function deleteEpKey(ctx: SandboxContext, keyId: string): boolean {
  for (const s of ctx.state.elasticpath.stores.values()) {
    const i = s.keys.findIndex((k) => k.id === keyId);
    if (i < 0) continue;
    s.keys.splice(i, 1);
    // Tokens minted from a deleted key stop working immediately.
    for (const [t, tok] of ctx.state.elasticpath.tokens) if (tok.keyId === keyId) ctx.state.elasticpath.tokens.delete(t);
    return true;
  }
  return false;
}

function deleteKey(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, true);
  if (isReply(a)) return a;
  if (!a.store.keys.some((k) => k.id === req.params.id)) return keyNotFound();
  deleteEpKey(ctx, req.params.id!);
  return empty(204);
}

/**
 * GET /v2/settings exactly as documented (EPDEV openapispecs/settings/OpenAPISpec.yaml, SettingsResponse):
 * project settings and limits, `meta: {owner: "store"}`; no store id, store name or currency.
 */
function settings(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, true);
  if (isReply(a)) return a;
  return json(200, { data: { type: "settings", ...a.store.settings }, meta: { owner: "store" } });
}

export function registerElasticPathRoutes(router: Router, ctx: SandboxContext): void {
  router.add("POST", "/oauth/access_token", (r) => accessToken(ctx, r));
  router.add("GET", "/v2/application-keys", (r) => listKeys(ctx, r));
  router.add("POST", "/v2/application-keys", (r) => createKey(ctx, r));
  router.add("GET", "/v2/application-keys/:id", (r) => getKey(ctx, r));
  router.add("PUT", "/v2/application-keys/:id", (r) => updateKey(ctx, r));
  router.add("DELETE", "/v2/application-keys/:id", (r) => deleteKey(ctx, r));
  router.add("GET", "/v2/settings", (r) => settings(ctx, r));
  registerElasticPathCatalogRoutes(router, ctx);
  registerElasticPathShopperRoutes(router, ctx);
  registerElasticPathAccountAdminRoutes(router, ctx);
  registerElasticPathShopperRecordRoutes(router, ctx);
}
