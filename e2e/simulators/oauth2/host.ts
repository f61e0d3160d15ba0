// Generic OAuth2 provider standing in for the refresh-token platforms (eBay,
// Mercado Libre, TikTok Shop…): authorization_code + refresh_token grants with
// rotation, RFC 6749 error bodies, short configurable lifetimes, and a paginated
// resource API (shop, products, orders, customers) like the ones those platforms page.
import type { SandboxContext } from "../context";
import { bearerToken, bodyForm, escapeHtml, html, json, redirect, type Reply, type Req, type Router } from "../http";
import { randomAlnum, randomToken } from "../ids";
import type { OAuth2AccessToken } from "../state";

const oauthError = (status: number, error: string, description: string, headers: Record<string, string> = {}): Reply =>
  json(status, { error, error_description: description }, headers);

function redirectAllowed(prefix: string, uri: string): boolean {
  try {
    const p = new URL(prefix);
    const u = new URL(uri);
    const base = p.pathname.replace(/\/+$/, "");
    return p.origin === u.origin && (base === "" || u.pathname === base || u.pathname.startsWith(`${base}/`));
  } catch {
    return false;
  }
}

function errorPage(message: string): Reply {
  return html(
    400,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorization error</title></head><body><main><h1>Authorization error</h1><p role="alert" data-testid="oauth-error">${escapeHtml(message)}</p></main></body></html>`,
  );
}

function authorizePage(ctx: SandboxContext, req: Req): Reply {
  const o = ctx.state.oauth2;
  const q = req.query;
  const client = o.clients.get(q.get("client_id") ?? "");
  if (!client) return errorPage(`Unknown client_id "${q.get("client_id") ?? ""}"`);
  const redirectUri = q.get("redirect_uri") ?? "";
  if (!redirectAllowed(client.redirectUriPrefix, redirectUri))
    return errorPage(`redirect_uri "${redirectUri}" is not registered for this client`);
  if (q.get("response_type") !== "code") {
    const u = new URL(redirectUri);
    u.searchParams.set("error", "unsupported_response_type");
    const st = q.get("state");
    if (st !== null) u.searchParams.set("state", st);
    return redirect(u.toString());
  }
  const hidden = (n: string, v: string | null) =>
    v === null ? "" : `<input type="hidden" name="${n}" value="${escapeHtml(v)}">`;
  const shops = [...o.shops.values()]
    .map(
      (s, i) =>
        `<div><input type="radio" id="shop-${escapeHtml(s.id)}" name="shop_id" value="${escapeHtml(s.id)}"${i === 0 ? " checked" : ""}><label for="shop-${escapeHtml(s.id)}">${escapeHtml(s.name)}</label></div>`,
    )
    .join("\n");
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Authorize ${escapeHtml(client.name)} – Marketplace (sandbox)</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}</style></head>
<body><main><h1>Authorize ${escapeHtml(client.name)}</h1>
<p>Requested scope: <code>${escapeHtml(q.get("scope") ?? "(default)")}</code></p>
<form method="post" action="/oauth/authorize" data-testid="consent-form">
${hidden("client_id", client.clientId)}${hidden("redirect_uri", redirectUri)}${hidden("scope", q.get("scope"))}${hidden("state", q.get("state"))}
<fieldset><legend>Choose a shop</legend>
${shops}
</fieldset>
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form></main></body></html>`,
  );
}

function authorizeSubmit(ctx: SandboxContext, req: Req): Reply {
  const o = ctx.state.oauth2;
  const f = bodyForm(req);
  const client = o.clients.get(f.get("client_id") ?? "");
  const redirectUri = f.get("redirect_uri") ?? "";
  if (!client || !redirectAllowed(client.redirectUriPrefix, redirectUri)) return errorPage("Invalid authorization request");
  const u = new URL(redirectUri);
  const state = f.get("state");
  if (f.get("decision") !== "approve") {
    u.searchParams.set("error", "access_denied");
  } else {
    const shopId = f.get("shop_id") ?? "";
    if (!o.shops.has(shopId)) return errorPage(`Unknown shop "${shopId}"`);
    const code = randomAlnum(32);
    o.codes.set(code, {
      code,
      clientId: client.clientId,
      shopId,
      redirectUri,
      scope: f.get("scope") ?? "read write",
      expiresAt: Date.now() + o.config.codeLifetimeSeconds * 1000,
      used: false,
    });
    u.searchParams.set("code", code);
  }
  if (state !== null) u.searchParams.set("state", state);
  return redirect(u.toString());
}

/** Issues an access + refresh token pair; also used by the control API to create grants directly. */
export function issueTokens(
  ctx: SandboxContext,
  clientId: string,
  shopId: string,
  scope: string,
  forRefresh = false,
): Record<string, unknown> {
  const o = ctx.state.oauth2;
  const now = Date.now();
  const access: OAuth2AccessToken = {
    token: `at_${randomToken(24)}`,
    clientId,
    shopId,
    scope,
    expiresAt: now + o.config.accessTokenLifetimeSeconds * 1000,
  };
  o.accessTokens.set(access.token, access);
  const refresh = {
    token: `rt_${randomToken(24)}`,
    clientId,
    shopId,
    scope,
    expiresAt: now + o.config.refreshTokenLifetimeSeconds * 1000,
    rotatedAt: null,
  };
  const body: Record<string, unknown> = { access_token: access.token, token_type: "Bearer" };
  // The omit switches only affect refresh responses: they exercise clients that must keep the old refresh token / guess expiry.
  if (!(forRefresh && o.config.omitExpiresIn)) body.expires_in = o.config.accessTokenLifetimeSeconds;
  if (!(forRefresh && o.config.omitRefreshToken)) {
    o.refreshTokens.set(refresh.token, refresh);
    body.refresh_token = refresh.token;
    body.refresh_token_expires_in = o.config.refreshTokenLifetimeSeconds;
  }
  body.scope = scope;
  return body;
}

function clientAuth(req: Req, form: URLSearchParams): { id: string; secret: string } | null {
  const h = req.headers.authorization;
  const m = h ? /^Basic\s+(.+)$/i.exec(h) : null;
  if (m) {
    const dec = Buffer.from(m[1]!, "base64").toString("utf8");
    const i = dec.indexOf(":");
    if (i < 0) return null;
    return { id: decodeURIComponent(dec.slice(0, i)), secret: decodeURIComponent(dec.slice(i + 1)) };
  }
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  return id && secret ? { id, secret } : null;
}

function token(ctx: SandboxContext, req: Req): Reply {
  const o = ctx.state.oauth2;
  const form = bodyForm(req);
  const creds = clientAuth(req, form);
  const client = creds ? o.clients.get(creds.id) : undefined;
  if (!creds || !client || client.clientSecret !== creds.secret)
    return oauthError(401, "invalid_client", "Client authentication failed", {
      "www-authenticate": 'Basic realm="oauth2-sandbox"',
    });
  const grant = form.get("grant_type");
  if (grant === "authorization_code") {
    const code = o.codes.get(form.get("code") ?? "");
    if (!code || code.clientId !== client.clientId) return oauthError(400, "invalid_grant", "Invalid authorization code");
    if (code.used) return oauthError(400, "invalid_grant", "Authorization code has already been used");
    if (Date.now() > code.expiresAt) return oauthError(400, "invalid_grant", "Authorization code has expired");
    if (form.get("redirect_uri") !== code.redirectUri)
      return oauthError(400, "invalid_grant", "redirect_uri does not match the authorization request");
    code.used = true;
    return json(200, issueTokens(ctx, client.clientId, code.shopId, code.scope), { "cache-control": "no-store" });
  }
  if (grant === "refresh_token") {
    const rt = o.refreshTokens.get(form.get("refresh_token") ?? "");
    if (!rt || rt.clientId !== client.clientId) return oauthError(400, "invalid_grant", "Invalid refresh token");
    if (rt.rotatedAt !== null) return oauthError(400, "invalid_grant", "Refresh token has already been used (rotated)");
    if (Date.now() >= rt.expiresAt) return oauthError(400, "invalid_grant", "Refresh token has expired");
    const body = issueTokens(ctx, client.clientId, rt.shopId, rt.scope, true);
    // Rotation: the presented refresh token dies unless the provider is configured to not return a new one.
    if (body.refresh_token !== undefined) rt.rotatedAt = Date.now();
    return json(200, body, { "cache-control": "no-store" });
  }
  return oauthError(400, "unsupported_grant_type", `Unsupported grant_type "${grant ?? ""}"`);
}

type Kind = "products" | "orders" | "customers";

/** The shop an access token reaches, or the provider's RFC 6750 challenge. */
function authorizedShop(ctx: SandboxContext, req: Req) {
  const o = ctx.state.oauth2;
  const raw = bearerToken(req);
  const at = raw ? o.accessTokens.get(raw) : undefined;
  const challenge = (desc: string) =>
    oauthError(401, "invalid_token", desc, { "www-authenticate": `Bearer error="invalid_token", error_description="${desc}"` });
  if (!at) return { reply: challenge("The access token is invalid") };
  if (Date.now() >= at.expiresAt) return { reply: challenge("The access token expired") };
  return { shop: o.shops.get(at.shopId)! };
}

const integer = (value: string | null, fallback: number) =>
  value !== null && /^\d{1,6}$/.test(value) ? Number(value) : fallback;

/**
 * A list page in the provider's order (updatedAt, then id), so a client paging with `updated_since` never skips a
 * record changed between two pages' reads; `limit` 1–100 (default 50), `offset`, `next_offset` null on the last page.
 */
function list(ctx: SandboxContext, req: Req, kind: Kind): Reply {
  const { shop, reply } = authorizedShop(ctx, req);
  if (!shop) return reply;
  const since = req.query.get("updated_since");
  if (since !== null && Number.isNaN(Date.parse(since)))
    return oauthError(400, "invalid_request", "updated_since must be an RFC 3339 date-time");
  const limit = Math.min(100, Math.max(1, integer(req.query.get("limit"), 50)));
  const offset = integer(req.query.get("offset"), 0);
  const records = [...shop[kind]]
    .filter((r) => since === null || Date.parse(r.updatedAt) >= Date.parse(since))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
  const data = records.slice(offset, offset + limit);
  return json(200, { data, total: records.length, next_offset: offset + limit < records.length ? offset + limit : null });
}

function one(ctx: SandboxContext, req: Req, kind: Kind): Reply {
  const { shop, reply } = authorizedShop(ctx, req);
  if (!shop) return reply;
  const record = shop[kind].find((r) => r.id === req.params.id);
  return record
    ? json(200, record)
    : json(404, { error: "not_found", error_description: `No ${kind.slice(0, -1)} ${req.params.id}` });
}

function shopInfo(ctx: SandboxContext, req: Req): Reply {
  const { shop, reply } = authorizedShop(ctx, req);
  return shop ? json(200, { id: shop.id, name: shop.name }) : reply;
}

export function registerOAuth2Routes(router: Router, ctx: SandboxContext): void {
  router.add("GET", "/oauth/authorize", (r) => authorizePage(ctx, r));
  router.add("POST", "/oauth/authorize", (r) => authorizeSubmit(ctx, r));
  router.add("POST", "/oauth/token", (r) => token(ctx, r));
  router.add("GET", "/api/shop", (r) => shopInfo(ctx, r));
  for (const kind of ["products", "orders", "customers"] as const) {
    router.add("GET", `/api/${kind}`, (r) => list(ctx, r, kind));
    router.add("GET", `/api/${kind}/:id`, (r) => one(ctx, r, kind));
  }
}
