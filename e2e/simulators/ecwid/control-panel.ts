// The Control Panel host page (`/cp/{storeId}`): embeds the app's iframe URL the
// way Ecwid does (platform-facts §2) and acts as the parent window for the
// EcwidApp postMessage bridge, logging messages and reporting them to the control API. Messages are
// checked against what ecwid-app.js 1.2.5 posts (ESDK); malformed ones are listed as errors.
import type { SandboxContext } from "../context";
import { escapeHtml, html, type Reply, type Req, type Router } from "../http";
import { randomAlnum } from "../ids";
import type { EcwidToken } from "../state";
import { ECWID_SDK_SCRIPT } from "./sdk-script";
import { encryptPayload, hexPayload, type NativeAppPayload } from "./payload";

/** Latest working tokens for the installed app; Ecwid always hands the iframe a valid token, so mint if all were revoked. */
function currentTokens(ctx: SandboxContext, storeId: number): { secret: string; public?: string } {
  const { ecwid } = ctx.state;
  const inst = ecwid.stores.get(storeId)!.installation!;
  const live = [...ecwid.tokens.values()].filter((t) => t.storeId === storeId && t.clientId === inst.clientId && !t.revoked);
  const latest = (kind: EcwidToken["kind"]) => live.filter((t) => t.kind === kind).at(-1)?.token;
  let secret = latest("secret");
  let pub = latest("public");
  const mint = (kind: EcwidToken["kind"]): string => {
    const token = `${kind}_${randomAlnum(32)}`;
    ecwid.tokens.set(token, {
      token,
      kind,
      storeId,
      clientId: inst.clientId,
      scopes: inst.scopes,
      revoked: false,
      createdAt: Date.now(),
    });
    return token;
  };
  if (!secret) secret = mint("secret");
  if (!pub && inst.scopes.includes("public_storefront")) pub = mint("public");
  return { secret, ...(pub ? { public: pub } : {}) };
}

export function buildIframeSrc(
  ctx: SandboxContext,
  storeId: number,
  opts: { mode: "encrypted" | "hash"; lang: string; appState?: string; viewMode?: NativeAppPayload["view_mode"] },
): string {
  const app = ctx.state.ecwid.app;
  const tokens = currentTokens(ctx, storeId);
  const payload: NativeAppPayload = {
    store_id: storeId,
    lang: opts.lang,
    access_token: tokens.secret,
    ...(tokens.public ? { public_token: tokens.public } : {}),
    view_mode: opts.viewMode ?? "PAGE",
  };
  if (opts.mode === "hash") {
    // Legacy mode: app_state travels inside the (unsigned) payload.
    if (opts.appState !== undefined) payload.app_state = opts.appState;
    return `${app.iframeUrl}#${hexPayload(payload)}`;
  }
  if (opts.appState !== undefined) payload.app_state = opts.appState;
  const url = new URL(app.iframeUrl);
  url.searchParams.set("payload", encryptPayload(payload, app.clientSecret));
  if (opts.appState !== undefined) url.searchParams.set("app_state", opts.appState);
  url.searchParams.set("cache-killer", randomAlnum(12));
  return url.toString();
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0}header{background:#1c2430;color:#fff;padding:.75rem 1rem}header a{color:#cfe3ff}
main{padding:1rem}iframe{width:100%;min-height:300px;border:1px solid #ccc;display:block}#bridge-log{font-family:monospace;font-size:.85rem;max-height:16rem;overflow:auto;background:#f6f6f6;padding:.5rem 2rem}</style></head>
<body>${body}</body></html>`;
}

function cpPage(ctx: SandboxContext, req: Req): Reply {
  const { ecwid } = ctx.state;
  const storeId = Number(req.params.storeId);
  const store = ecwid.stores.get(storeId);
  if (!store)
    return html(
      404,
      page(
        "Store not found",
        `<main><h1>Store not found</h1><p>No sandbox store ${escapeHtml(req.params.storeId ?? "")}.</p><p><a href="/">All stores</a></p></main>`,
      ),
    );
  if (!store.installation || store.installation.clientId !== ecwid.app.clientId) {
    const authorize = new URL("/api/oauth/authorize", ctx.urls["ecwid-my"]);
    authorize.searchParams.set("client_id", ecwid.app.clientId);
    // Registered URL is usually the app origin; if it already names a callback path, use it as is.
    const registered = new URL(ecwid.app.redirectUrl);
    const redirectUri =
      registered.pathname.replace(/\/+$/, "") === "" ? `${registered.origin}/api/ecwid/oauth/callback` : ecwid.app.redirectUrl;
    authorize.searchParams.set("redirect_uri", redirectUri);
    authorize.searchParams.set("response_type", "code");
    authorize.searchParams.set(
      "scope",
      "read_store_profile read_catalog update_catalog read_orders update_orders public_storefront add_to_cp",
    );
    return html(
      404,
      page(
        `App not installed – ${store.name}`,
        `<main><h1>The app is not installed in ${escapeHtml(store.name)}</h1>
<p data-testid="not-installed">“${escapeHtml(ecwid.app.clientId)}” is not installed in store ${store.id}, so the Control Panel has no app tab to show.</p>
<p>Install it from the app (or <a href="${escapeHtml(authorize.toString())}">open the consent page directly</a>), or call <code>POST /__sandbox/ecwid/stores/${store.id}/install</code>.</p></main>`,
      ),
    );
  }
  const mode = req.query.get("mode") === "hash" ? "hash" : "encrypted";
  const lang = req.query.get("lang") || "en";
  const appState = req.query.get("app_state") ?? undefined;
  // The payload's view_mode is PAGE (a tab), POPUP or INLINE (EAD _add_to_cp.md payload table).
  const vm = req.query.get("view_mode");
  const viewMode = vm === "POPUP" || vm === "INLINE" ? vm : undefined;
  const src = buildIframeSrc(ctx, storeId, {
    mode,
    lang,
    ...(appState !== undefined ? { appState } : {}),
    ...(viewMode ? { viewMode } : {}),
  });
  const other = mode === "hash" ? "encrypted" : "hash";
  const config = JSON.stringify({
    storeId: String(storeId),
    appId: ecwid.app.clientId,
    report: `${ctx.urls.control}/__sandbox/bridge-messages`,
  });
  // ?referrer=none: a Control Panel whose referrer policy sends none (with a browser lacking
  // location.ancestorOrigins, like Firefox, the app then cannot learn the parent's origin).
  const noReferrer = req.query.get("referrer") === "none";
  return html(
    200,
    page(
      `${store.name} – Control Panel (sandbox)`,
      `<header><strong>Ecwid Control Panel (sandbox)</strong> · ${escapeHtml(store.name)} (store ${store.id}) ·
<a href="?mode=${other}">Switch to ${other === "hash" ? "legacy hash" : "encrypted"} payload</a> · <a href="/">All stores</a></header>
<main>
<h1>${escapeHtml(store.name)} · Storelink</h1>
<p>Payload mode: <strong data-testid="payload-mode">${mode}</strong></p>
<iframe id="app-frame" data-testid="app-iframe" title="Storelink app" src="${escapeHtml(src)}"${noReferrer ? ' referrerpolicy="no-referrer"' : ""}></iframe>
<section aria-labelledby="bridge-heading">
<h2 id="bridge-heading">EcwidApp bridge messages</h2>
<p id="cp-navigation" data-testid="cp-navigation" aria-live="polite"></p>
<ol id="bridge-log" data-testid="bridge-log" aria-live="polite"></ol>
<h2>Malformed bridge messages</h2>
<ol id="bridge-errors" data-testid="bridge-errors"></ol>
</section>
</main>
<script>
(function () {
  var cfg = ${config.replace(/</g, "\\u003c")};
  var frame = document.getElementById("app-frame");
  var log = document.getElementById("bridge-log");
  var errors = document.getElementById("bridge-errors");
  function isObj(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  // What ecwid-app.js 1.2.5 posts (ESDK): anything else is recorded as an error the tests assert is absent.
  function problemOf(msg) {
    if (!isObj(msg)) return "not an object";
    if (msg.ecwidAppNs !== cfg.appId) return "ecwidAppNs is not the app's client_id";
    if (typeof msg.method !== "string") return "no method";
    var d = msg.data;
    switch (msg.method) {
      case "ready": return isObj(d) ? null : "ready must carry data {}";
      case "setSize": return isObj(d) && typeof d.height === "string" && /^\\d+(\\.\\d+)?px$/.test(d.height) ? null : 'setSize height must be a CSS length string like "640px"';
      case "openPage": return typeof d === "string" ? null : "openPage must carry the page as a string";
      case "closeAppPopup": return null;
      case "upgradePlan": return isObj(d) ? null : "upgradePlan must carry an object";
      default: return "unknown method " + msg.method;
    }
  }
  function report(body) {
    fetch(cfg.report, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).catch(function () {});
  }
  window.addEventListener("message", function (e) {
    if (e.source !== frame.contentWindow) return;
    var msg = null, problem = null;
    if (typeof e.data !== "string") problem = "not a JSON string (the SDK posts JSON.stringify of the message)";
    else { try { msg = JSON.parse(e.data); } catch (err) { problem = "not valid JSON"; } }
    if (!problem) problem = problemOf(msg);
    if (problem) {
      var bad = document.createElement("li");
      bad.textContent = problem;
      errors.appendChild(bad);
      report({ storeId: cfg.storeId, error: problem, raw: typeof e.data === "string" ? e.data.slice(0, 500) : JSON.stringify(e.data === undefined ? null : e.data).slice(0, 500) });
    }
    if (!isObj(msg) || typeof msg.method !== "string") return;
    var li = document.createElement("li");
    li.textContent = new Date().toISOString().slice(11, 19) + " " + (msg.ecwidAppNs || "?") + " " + msg.method + (msg.data !== undefined ? " " + JSON.stringify(msg.data) : "");
    log.appendChild(li);
    // Applied the way a CSS-driven host applies it: a bare number is not a CSS length and changes nothing.
    if (msg.method === "setSize" && isObj(msg.data)) frame.style.height = msg.data.height;
    if (msg.method === "openPage") document.getElementById("cp-navigation").textContent = "App asked the Control Panel to open: " + JSON.stringify(msg.data);
    if (msg.method === "closeAppPopup") document.getElementById("cp-navigation").textContent = "App asked to close its popup";
    if (!problem) report({ storeId: cfg.storeId, ecwidAppNs: msg.ecwidAppNs, method: msg.method, data: msg.data });
  });
})();
</script>`,
    ),
  );
}

function indexPage(ctx: SandboxContext): Reply {
  const rows = [...ctx.state.ecwid.stores.values()]
    .map(
      (s) =>
        `<li>${escapeHtml(s.name)} (store ${s.id}) – ${s.installation ? `installed · <a href="/cp/${s.id}">Control Panel (encrypted)</a> · <a href="/cp/${s.id}?mode=hash">Control Panel (legacy hash)</a>` : "app not installed"}</li>`,
    )
    .join("\n");
  return html(200, page("Ecwid sandbox", `<main><h1>Ecwid sandbox</h1><ul>${rows}</ul></main>`));
}

export function registerControlPanelRoutes(router: Router, ctx: SandboxContext): void {
  router.add("GET", "/", () => indexPage(ctx));
  router.add("GET", "/cp/:storeId", (req) => cpPage(ctx, req));
  router.add("GET", "/ecwid-sdk/ecwid-app.js", () => ({
    status: 200,
    headers: {
      "content-type": "application/javascript; charset=utf-8",
      "cache-control": "no-cache",
      "access-control-allow-origin": "*",
    },
    body: ECWID_SDK_SCRIPT,
  }));
}
