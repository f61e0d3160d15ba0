// Ecwid OAuth on the "my" host (platform-facts §1): consent dialog and code exchange.
import type { SandboxContext } from "../context";
import { bodyForm, escapeHtml, html, json, redirect, type Reply, type Req, type Router } from "../http";
import { randomAlnum } from "../ids";
import { ECWID_SCOPES } from "../state";
import { installApp, normalizeScopes } from "./installations";

const SCOPE_LABELS: Record<string, string> = {
  read_store_profile: "Read store profile",
  update_store_profile: "Update store profile and manage the app subscription",
  read_catalog: "Read products and categories",
  update_catalog: "Update products and stock",
  create_catalog: "Create products",
  read_orders: "Read orders",
  update_orders: "Update orders",
  create_orders: "Create orders",
  read_customers: "Read customers",
  add_to_cp: "Add a tab to the Control Panel",
  public_storefront: "Access public store data (public token)",
};

/** Registered URL or any sub-path of it on the same origin (platform-facts §1). */
export function redirectAllowed(registered: string, candidate: string): boolean {
  try {
    const r = new URL(registered);
    const c = new URL(candidate);
    if (r.origin !== c.origin) return false;
    const base = r.pathname.replace(/\/+$/, "");
    return base === "" || c.pathname === base || c.pathname.startsWith(`${base}/`);
  } catch {
    return false;
  }
}

function errorPage(status: number, title: string, message: string): Reply {
  return html(
    status,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Ecwid (sandbox)</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p role="alert" data-testid="oauth-error">${escapeHtml(message)}</p></main></body></html>`,
  );
}

function withParams(uri: string, params: Record<string, string | undefined>): string {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return u.toString();
}

export function parseScopes(raw: string): string[] {
  return raw.split(/[\s+,]+/).filter(Boolean);
}

function authorizePage(ctx: SandboxContext, req: Req): Reply {
  const { ecwid } = ctx.state;
  const q = req.query;
  const clientId = q.get("client_id");
  const redirectUri = q.get("redirect_uri");
  const responseType = q.get("response_type");
  const scopeRaw = q.get("scope");
  if (!clientId || clientId !== ecwid.app.clientId)
    return errorPage(400, "Unknown application", `No application with client_id "${clientId ?? ""}" is registered.`);
  if (!redirectUri || !redirectAllowed(ecwid.app.redirectUrl, redirectUri))
    return errorPage(
      400,
      "Invalid redirect_uri",
      `redirect_uri "${redirectUri ?? ""}" does not match the registered redirect URL ${ecwid.app.redirectUrl}.`,
    );
  if (responseType !== "code")
    return errorPage(400, "Invalid response_type", `response_type must be "code", got "${responseType ?? ""}".`);
  if (scopeRaw === null) return errorPage(400, "Missing scope", "The scope parameter is required.");
  const scopes = parseScopes(scopeRaw);
  for (const s of scopes) {
    if (!(ECWID_SCOPES as readonly string[]).includes(s)) return errorPage(400, "Unknown scope", `Unknown scope: ${s}`);
    if (!ecwid.app.scopes.includes(s))
      return errorPage(400, "Scope not allowed", `Scope ${s} is not configured for this application.`);
  }
  const granted = scopes.includes("read_store_profile") ? scopes : ["read_store_profile", ...scopes];
  const id = randomAlnum(24);
  const state = q.get("state");
  ecwid.consents.set(id, {
    id,
    clientId,
    redirectUri,
    scopes: granted,
    ...(state !== null ? { state } : {}),
    createdAt: Date.now(),
  });

  const stores = [...ecwid.stores.values()];
  const storeOptions = stores
    .map(
      (s, i) => `<div><input type="radio" id="store-${s.id}" name="store_id" value="${s.id}"${i === 0 ? " checked" : ""}>
<label for="store-${s.id}">${escapeHtml(s.name)} (store ${s.id}, ${escapeHtml(s.email)})</label></div>`,
    )
    .join("\n");
  const scopeItems = granted
    .map((s) => `<li><code>${escapeHtml(s)}</code> – ${escapeHtml(SCOPE_LABELS[s] ?? s.replace(/_/g, " "))}</li>`)
    .join("\n");
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Install ${escapeHtml(clientId)} – Ecwid (sandbox)</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}fieldset{margin:1rem 0}button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}</style></head>
<body><main>
<h1>Install “${escapeHtml(clientId)}”</h1>
<p>This is the Storelink Ecwid sandbox. The application is asking for access to your store.</p>
<form method="post" action="/api/oauth/authorize" data-testid="consent-form">
<input type="hidden" name="request_id" value="${id}">
<fieldset><legend>Choose a store</legend>
${storeOptions || "<p>No stores are seeded.</p>"}
</fieldset>
<h2 id="scopes-heading">The application will be able to:</h2>
<ul aria-labelledby="scopes-heading" data-testid="scope-list">
${scopeItems}
</ul>
<button type="submit" name="decision" value="install">Install</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</form></main></body></html>`,
  );
}

function consentSubmit(ctx: SandboxContext, req: Req): Reply {
  const { ecwid } = ctx.state;
  const form = bodyForm(req);
  const consent = ecwid.consents.get(form.get("request_id") ?? "");
  if (!consent) return errorPage(400, "Authorization request expired", "Start the installation again from the application.");
  ecwid.consents.delete(consent.id);
  const storeId = Number(form.get("store_id"));
  if (form.get("decision") !== "install") {
    return redirect(withParams(consent.redirectUri, { error: "access_denied", state: echoed(ctx, storeId, consent.state) }));
  }
  if (!ecwid.stores.has(storeId)) return errorPage(400, "Unknown store", `Store ${form.get("store_id") ?? ""} does not exist.`);
  const code = issueCode(ctx, consent.redirectUri, storeId, consent.scopes);
  return redirect(withParams(consent.redirectUri, { code, state: echoed(ctx, storeId, consent.state) }));
}

/** Ecwid does not document whether it echoes `state` (platform-facts §1): the sandbox can do either. */
function echoed(ctx: SandboxContext, storeId: number, state: string | undefined): string | undefined {
  const { stores, config } = ctx.state.ecwid;
  return (stores.get(storeId)?.echoOAuthState ?? config.echoOAuthState) ? state : undefined;
}

export function issueCode(ctx: SandboxContext, redirectUri: string, storeId: number, scopes: string[]): string {
  const { ecwid } = ctx.state;
  const code = randomAlnum(32);
  ecwid.codes.set(code, {
    code,
    clientId: ecwid.app.clientId,
    redirectUri,
    storeId,
    scopes,
    expiresAt: Date.now() + ecwid.config.codeLifetimeSeconds * 1000,
    used: false,
    issuedTokens: [],
  });
  return code;
}

/**
 * An App Market install of an external app (EAD, EDOC get-token-automatically): Ecwid shows its own consent,
 * then sends the merchant to the app's registered redirect URL with `?code=` and no state. Returns that URL.
 */
export function appMarketInstallUrl(ctx: SandboxContext, storeId: number, scopes: string[]): string {
  const registered = new URL(ctx.state.ecwid.app.redirectUrl);
  // A registered origin alone means Storelink's callback path, as the Control Panel page assumes too.
  const redirectUri =
    registered.pathname.replace(/\/+$/, "") === ""
      ? `${registered.origin}/api/ecwid/oauth/callback`
      : ctx.state.ecwid.app.redirectUrl;
  return withParams(redirectUri, { code: issueCode(ctx, redirectUri, storeId, normalizeScopes(scopes)) });
}

/**
 * Token endpoint. Ecwid does not document its error body (platform-facts §1, open
 * question 1), so the sandbox uses the RFC 6749 shape: 400 {"error":"invalid_grant",
 * "error_description":…} for code problems, 401 invalid_client for bad client
 * credentials, 400 unsupported_grant_type / invalid_request otherwise. Apps should
 * treat any non-200 or missing field as failure, as Ecwid's own plugin does.
 */
function tokenExchange(ctx: SandboxContext, req: Req): Reply {
  const { ecwid } = ctx.state;
  // Ecwid's docs show query params; its WordPress plugin POSTs a form. Accept both.
  const p = req.method === "POST" ? bodyForm(req) : req.query;
  const err = (status: number, error: string, description: string) => json(status, { error, error_description: description });
  const grant = p.get("grant_type");
  if (grant !== "authorization_code") return err(400, "unsupported_grant_type", "grant_type must be authorization_code");
  const clientId = p.get("client_id");
  if (!clientId || clientId !== ecwid.app.clientId || p.get("client_secret") !== ecwid.app.clientSecret)
    return err(401, "invalid_client", "Unknown client_id or wrong client_secret");
  const codeValue = p.get("code");
  if (!codeValue) return err(400, "invalid_request", "code is required");
  const code = ecwid.codes.get(codeValue);
  if (!code || code.clientId !== clientId) return err(400, "invalid_grant", "Unknown authorization code");
  if (code.used) {
    // Ecwid: "In case of second attempt, the previously provided access token is automatically disabled".
    for (const t of code.issuedTokens) {
      const tok = ecwid.tokens.get(t);
      if (tok) tok.revoked = true;
    }
    return err(400, "invalid_grant", "Authorization code was already used; the access token issued for it has been disabled");
  }
  if (Date.now() > code.expiresAt) return err(400, "invalid_grant", "Authorization code has expired");
  if (p.get("redirect_uri") !== code.redirectUri)
    return err(400, "invalid_grant", "redirect_uri does not match the one used in the authorization request");
  code.used = true;
  const tokens = installApp(ctx, code.storeId, code.scopes, code.code);
  code.issuedTokens = [tokens.access_token, ...(tokens.public_token ? [tokens.public_token] : [])];
  return json(200, tokens);
}

export function registerOAuthRoutes(router: Router, ctx: SandboxContext): void {
  router.add("GET", "/api/oauth/authorize", (req) => authorizePage(ctx, req));
  router.add("POST", "/api/oauth/authorize", (req) => consentSubmit(ctx, req));
  router.add("POST", "/api/oauth/token", (req) => tokenExchange(ctx, req));
  router.add("GET", "/api/oauth/token", (req) => tokenExchange(ctx, req));
}
