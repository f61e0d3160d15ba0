// Ecwid REST API v3 subset (platform-facts §1–3). Errors are `{errorMessage, errorCode}`;
// bad/revoked tokens are 403 (not 401), as on Ecwid.
import type { SandboxContext } from "../context";
import { bearerToken, bodyJson, bodyText, intParam, json, type Reply, type Req, type Router } from "../http";
import { ecwidDate } from "../ids";
import { FULFILLMENT_STATUSES, PAYMENT_STATUSES, type EcwidProduct, type EcwidStore, type EcwidToken } from "../state";
import { uninstallApp } from "./installations";
import { fireAutomatic } from "./webhooks";

const err = (status: number, errorCode: string, errorMessage: string, headers: Record<string, string> = {}): Reply =>
  json(status, { errorMessage, errorCode }, headers);

interface Access {
  /** Scope a secret token needs; public tokens never pass unless `publicAllowed`. */
  scope?: string;
  publicAllowed?: boolean;
}

type Authed = { store: EcwidStore; token: EcwidToken };

function authenticate(ctx: SandboxContext, req: Req, access: Access): Authed | Reply {
  const { ecwid } = ctx.state;
  const storeId = Number(req.params.storeId);
  const store = Number.isInteger(storeId) ? ecwid.stores.get(storeId) : undefined;
  if (!store) return err(404, "STORE_NOT_FOUND", `Store ${req.params.storeId ?? ""} not found`);
  if (req.query.has("token"))
    return err(
      403,
      "INVALID_API_TOKEN",
      "Passing the access token in the 'token' query parameter is disabled. Send it in the 'Authorization: Bearer' header.",
    );
  const raw = bearerToken(req);
  if (!raw) return err(403, "INVALID_API_TOKEN", "Access token is missing. Send it in the 'Authorization: Bearer' header.");
  const token = ecwid.tokens.get(raw);
  if (!token || token.revoked || token.storeId !== store.id) return throttledOrInvalid(ctx, req, raw);

  // 600 requests per minute per token (fixed one-minute window), then 429 + Retry-After.
  const now = Date.now();
  const w = ecwid.rateWindows.get(raw);
  if (!w || now - w.windowStart >= 60_000) ecwid.rateWindows.set(raw, { windowStart: now, count: 1 });
  else if (++w.count > ecwid.config.rateLimitPerMinute) {
    const retryAfter = Math.max(1, Math.ceil((w.windowStart + 60_000 - now) / 1000));
    return err(429, "RATE_LIMITED", "The access token is temporarily blocked because of too many requests", {
      "retry-after": String(retryAfter),
    });
  }

  if (token.kind === "public" && !access.publicAllowed)
    return err(403, "INSUFFICIENT_APP_SCOPE", "This request is not available with a public access token");
  if (token.kind === "secret" && access.scope && !token.scopes.includes(access.scope))
    return err(403, "INSUFFICIENT_APP_SCOPE", `The access token lacks the '${access.scope}' scope`);
  return { store, token };
}

/**
 * A non-working token is blocked "for much longer after 20 requests per minute or a total of 600
 * requests with non-working tokens per IP" (docs.ecwid.com/api-reference). How much longer is not
 * documented: the sandbox blocks for `invalidTokenBlockSeconds` (default 10 min) and counts the per-IP total
 * over the same window (sandbox assumptions).
 */
function throttledOrInvalid(ctx: SandboxContext, req: Req, raw: string): Reply {
  const { ecwid } = ctx.state;
  const cfg = ecwid.config;
  const now = Date.now();
  const blockMs = cfg.invalidTokenBlockSeconds * 1000;
  const count = (key: string, windowMs: number): { count: number; windowStart: number } => {
    const w = ecwid.rateWindows.get(key);
    if (!w || now - w.windowStart >= windowMs) {
      const fresh = { windowStart: now, count: 1 };
      ecwid.rateWindows.set(key, fresh);
      return fresh;
    }
    w.count++;
    return w;
  };
  const perToken = count(`invalid-token:${raw}`, 60_000);
  const perIp = count(`invalid-ip:${req.raw.socket.remoteAddress ?? "?"}`, blockMs);
  const blocked = ecwid.rateWindows.get(`blocked:${raw}`);
  if (
    perToken.count > cfg.invalidTokenLimitPerMinute ||
    perIp.count > cfg.invalidTokenLimitPerIp ||
    (blocked && now - blocked.windowStart < blockMs)
  ) {
    if (!blocked || now - blocked.windowStart >= blockMs) ecwid.rateWindows.set(`blocked:${raw}`, { windowStart: now, count: 0 });
    const since = ecwid.rateWindows.get(`blocked:${raw}`)!.windowStart;
    const retryAfter = Math.max(1, Math.ceil((since + blockMs - now) / 1000));
    return err(
      429,
      "RATE_LIMITED",
      "The access token is temporarily blocked because of too many requests with a non-working token",
      { "retry-after": String(retryAfter) },
    );
  }
  return err(403, "INVALID_API_TOKEN", "The access token is invalid or has been revoked");
}

function isReply(x: Authed | Reply): x is Reply {
  return "status" in x;
}

function requireJsonObject(req: Req): Record<string, unknown> | Reply {
  const ct = req.headers["content-type"];
  if (ct && !/json/i.test(ct)) return err(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
  const body = bodyJson(req);
  if (!body || typeof body !== "object" || Array.isArray(body))
    return err(400, "WRONG_PARAMETER", "Request body must be a JSON object");
  return body as Record<string, unknown>;
}

function paging(req: Req): { offset: number; limit: number } | Reply {
  const offset = intParam(req.query.get("offset")) ?? 0;
  const limit = intParam(req.query.get("limit")) ?? 100;
  if (Number.isNaN(offset) || offset < 0 || Number.isNaN(limit) || limit < 0)
    return err(400, "WRONG_PARAMETER", "offset and limit must be non-negative integers");
  // Ecwid caps limit at 100; larger values are clamped rather than rejected.
  return { offset, limit: Math.min(limit, 100) };
}

function page<T>(
  all: T[],
  offset: number,
  limit: number,
): { total: number; count: number; offset: number; limit: number; items: T[] } {
  const items = all.slice(offset, offset + limit);
  return { total: all.length, count: items.length, offset, limit, items };
}

function profile(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, { publicAllowed: true });
  if (isReply(a)) return a;
  const { store } = a;
  const generalInfo = {
    storeId: store.id,
    storeUrl: `https://store${store.id}.sandbox.ecwid.example`,
    starterSite: { ecwidSubdomain: `store${store.id}`, generatedUrl: `https://store${store.id}.sandbox.ecwid.example` },
    websitePlatform: "instantsite",
  };
  const formatsAndUnits = {
    currency: "USD",
    currencyPrefix: "$",
    currencySuffix: "",
    currencyPrecision: 2,
    weightUnit: "KILOGRAM",
    timezone: "UTC",
  };
  if (a.token.kind === "public") {
    // Public tokens see only what a storefront may know: no owner account data.
    return json(200, { generalInfo, settings: { storeName: store.name, closed: false }, formatsAndUnits });
  }
  return json(200, {
    generalInfo,
    account: {
      accountName: store.ownerName,
      accountNickName: store.ownerName.split(" ")[0],
      accountEmail: store.email,
      whiteLabel: false,
      suspended: false,
    },
    settings: { closed: false, storeName: store.name, storeDescription: `${store.name} (Ecwid sandbox)`, googleAnalyticsId: "" },
    company: { companyName: store.name, email: store.email, city: "Sandbox City", countryCode: "US" },
    formatsAndUnits,
  });
}

function searchProducts(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, { scope: "read_catalog", publicAllowed: true });
  if (isReply(a)) return a;
  const p = paging(req);
  if ("status" in p) return p;
  const q = req.query;
  let items = a.store.products;
  if (a.token.kind === "public") items = items.filter((x) => x.enabled);
  const sku = q.get("sku");
  const ids = q.get("productId");
  if (sku) items = items.filter((x) => x.sku === sku);
  else if (ids) {
    const set = new Set(ids.split(",").map((s) => Number(s.trim())));
    items = items.filter((x) => set.has(x.id));
  } else {
    const keyword = q.get("keyword")?.toLowerCase();
    if (keyword) items = items.filter((x) => `${x.name} ${x.sku} ${x.description}`.toLowerCase().includes(keyword));
    const enabled = q.get("enabled");
    if (enabled === "true" || enabled === "false") items = items.filter((x) => x.enabled === (enabled === "true"));
    const inStock = q.get("inStock");
    if (inStock === "true" || inStock === "false") items = items.filter((x) => x.inStock === (inStock === "true"));
  }
  return json(200, page(items, p.offset, p.limit));
}

function findProduct(a: Authed, id: string | undefined): EcwidProduct | undefined {
  const p = a.store.products.find((x) => String(x.id) === id);
  if (p && a.token.kind === "public" && !p.enabled) return undefined;
  return p;
}

function getProduct(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, { scope: "read_catalog", publicAllowed: true });
  if (isReply(a)) return a;
  const p = findProduct(a, req.params.productId);
  return p ? json(200, p) : err(404, "PRODUCT_NOT_FOUND", `Product ${req.params.productId ?? ""} not found`);
}

function touch(p: EcwidProduct): void {
  const now = Date.now();
  p.updated = ecwidDate(now);
  p.updateTimestamp = Math.floor(now / 1000);
  p.inStock = p.unlimited || (p.quantity ?? 0) > 0;
}

function updateProduct(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, { scope: "update_catalog" });
  if (isReply(a)) return a;
  const p = findProduct(a, req.params.productId);
  if (!p) return err(404, "PRODUCT_NOT_FOUND", `Product ${req.params.productId ?? ""} not found`);
  const body = requireJsonObject(req);
  if ("status" in body) return body as Reply;
  const checks: [string, (v: unknown) => boolean][] = [
    ["name", (v) => typeof v === "string" && v.length > 0],
    ["sku", (v) => typeof v === "string" && v.length > 0],
    ["description", (v) => typeof v === "string"],
    ["price", (v) => typeof v === "number" && v >= 0],
    ["enabled", (v) => typeof v === "boolean"],
    ["unlimited", (v) => typeof v === "boolean"],
    ["quantity", (v) => Number.isInteger(v) && (v as number) >= 0],
  ];
  for (const [field, ok] of checks)
    if (field in body && !ok(body[field])) return err(400, "WRONG_PARAMETER", `Invalid value for '${field}'`);
  if (typeof body.sku === "string" && a.store.products.some((x) => x.sku === body.sku && x.id !== p.id))
    return err(409, "SKU_ALREADY_EXISTS", `SKU ${body.sku} already exists`);
  const { id: _id, created: _c, createTimestamp: _ct, ...rest } = body;
  Object.assign(p, rest);
  if (typeof body.quantity === "number" && !("unlimited" in body)) p.unlimited = false;
  if (p.unlimited) delete p.quantity;
  else if (p.quantity === undefined) p.quantity = 0;
  touch(p);
  fireAutomatic(ctx, a.store.id, "product.updated", p.id);
  return json(200, { updateCount: 1 });
}

function adjustInventory(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, { scope: "update_catalog" });
  if (isReply(a)) return a;
  const p = findProduct(a, req.params.productId);
  if (!p) return err(404, "PRODUCT_NOT_FOUND", `Product ${req.params.productId ?? ""} not found`);
  const body = requireJsonObject(req);
  if ("status" in body) return body as Reply;
  const delta = body.quantityDelta;
  if (!Number.isInteger(delta)) return err(400, "WRONG_PARAMETER", "quantityDelta must be an integer");
  if (p.unlimited) {
    // Unlimited stock has no quantity to move; Ecwid accepts the call, so do we, and say so.
    return json(200, { updateCount: 1, warning: "Product has unlimited stock; quantity was not changed" });
  }
  const next = (p.quantity ?? 0) + (delta as number);
  p.quantity = Math.max(0, next);
  touch(p);
  fireAutomatic(ctx, a.store.id, "product.updated", p.id);
  return json(200, next < 0 ? { updateCount: 1, warning: "Quantity cannot go below zero; it was set to 0" } : { updateCount: 1 });
}

function csvEnum(raw: string | null, allowed: readonly string[], name: string): string[] | Reply | null {
  if (!raw) return null;
  const values = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = values.find((v) => !allowed.includes(v));
  return bad ? err(400, "WRONG_PARAMETER", `Unknown ${name}: ${bad}`) : values;
}

function searchOrders(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, { scope: "read_orders" });
  if (isReply(a)) return a;
  const p = paging(req);
  if ("status" in p) return p;
  const q = req.query;
  const pay = csvEnum(q.get("paymentStatus"), PAYMENT_STATUSES, "paymentStatus");
  const ful = csvEnum(q.get("fulfillmentStatus"), FULFILLMENT_STATUSES, "fulfillmentStatus");
  if (pay && "status" in pay) return pay;
  if (ful && "status" in ful) return ful;
  let items = a.store.orders;
  if (pay) items = items.filter((o) => pay.includes(o.paymentStatus));
  if (ful) items = items.filter((o) => ful.includes(o.fulfillmentStatus));
  const email = q.get("email")?.toLowerCase();
  if (email) items = items.filter((o) => o.email.toLowerCase() === email);
  const ids = q.get("ids") ?? q.get("orderNumber");
  if (ids) {
    const set = new Set(ids.split(",").map((s) => s.trim()));
    items = items.filter((o) => set.has(o.id) || set.has(String(o.orderNumber)) || set.has(String(o.internalId)));
  }
  const keywords = q.get("keywords")?.toLowerCase();
  if (keywords)
    items = items.filter((o) => `${o.id} ${o.email} ${o.items.map((i) => i.name).join(" ")}`.toLowerCase().includes(keywords));
  return json(200, page(items, p.offset, p.limit));
}

function findOrder(store: EcwidStore, id: string | undefined) {
  return store.orders.find((o) => o.id === id || String(o.internalId) === id || String(o.orderNumber) === id);
}

function getOrder(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, { scope: "read_orders" });
  if (isReply(a)) return a;
  const o = findOrder(a.store, req.params.orderId);
  return o ? json(200, o) : err(404, "ORDER_NOT_FOUND", `Order ${req.params.orderId ?? ""} not found`);
}

function updateOrder(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, { scope: "update_orders" });
  if (isReply(a)) return a;
  if (!a.token.scopes.includes("read_orders"))
    return err(403, "INSUFFICIENT_APP_SCOPE", "The access token lacks the 'read_orders' scope");
  const o = findOrder(a.store, req.params.orderId);
  if (!o) return err(404, "ORDER_NOT_FOUND", `Order ${req.params.orderId ?? ""} not found`);
  const body = requireJsonObject(req);
  if ("status" in body) return body as Reply;
  const { paymentStatus, fulfillmentStatus } = body;
  if (paymentStatus !== undefined && !(PAYMENT_STATUSES as readonly unknown[]).includes(paymentStatus))
    return err(
      400,
      "WRONG_PARAMETER",
      `Invalid paymentStatus: ${String(paymentStatus)}. Allowed: ${PAYMENT_STATUSES.join(", ")}`,
    );
  if (fulfillmentStatus !== undefined && !(FULFILLMENT_STATUSES as readonly unknown[]).includes(fulfillmentStatus))
    return err(
      400,
      "WRONG_PARAMETER",
      `Invalid fulfillmentStatus: ${String(fulfillmentStatus)}. Allowed: ${FULFILLMENT_STATUSES.join(", ")}`,
    );
  if (body.items !== undefined && !Array.isArray(body.items))
    return err(400, "WRONG_PARAMETER", "items must be an array (send all items)");
  const old = { paymentStatus: o.paymentStatus, fulfillmentStatus: o.fulfillmentStatus };
  if (typeof paymentStatus === "string") o.paymentStatus = paymentStatus;
  if (typeof fulfillmentStatus === "string") o.fulfillmentStatus = fulfillmentStatus;
  if (typeof body.email === "string") o.email = body.email;
  const now = Date.now();
  o.updateDate = ecwidDate(now);
  o.updateTimestamp = Math.floor(now / 1000);
  // Newer Ecwid: entityId is the internal id; apps should use data.orderId (platform-facts §4).
  fireAutomatic(ctx, a.store.id, "order.updated", o.internalId, {
    orderId: o.id,
    oldPaymentStatus: old.paymentStatus,
    newPaymentStatus: o.paymentStatus,
    oldFulfillmentStatus: old.fulfillmentStatus,
    newFulfillmentStatus: o.fulfillmentStatus,
  });
  return json(200, { updateCount: 1 });
}

const keyNotFound = (): Reply => json(404, { error: "OTHER", errorMessage: "Key not found" });

/**
 * The value of a storage write. Current docs (docs.ecwid.com … add-app-storage-data): Content-Type
 * application/json (or text/json, else 415), body {"value": "<string>"}. The older page stored the raw
 * body; a JSON body without a string `value` is kept raw, as that reading says (sandbox assumption).
 */
function storageValue(req: Req): string | Reply {
  const ct = req.headers["content-type"] ?? "";
  if (!/^(application|text)\/json\b/i.test(ct))
    return err(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported content-type: expected application/json or text/json");
  const raw = bodyText(req);
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && typeof (parsed as { value?: unknown }).value === "string")
      return (parsed as { value: string }).value;
  } catch {
    return err(400, "WRONG_PARAMETER", "Request body is not valid JSON");
  }
  return raw;
}

function appStorage(a: Authed): Map<string, string> {
  let m = a.store.storage.get(a.token.clientId);
  if (!m) a.store.storage.set(a.token.clientId, (m = new Map()));
  return m;
}

function storage(ctx: SandboxContext, req: Req): Reply {
  // Writing app storage needs update_store_profile (docs.ecwid.com … add-app-storage-data).
  const a = authenticate(ctx, req, req.method === "GET" ? {} : { scope: "update_store_profile" });
  if (isReply(a)) return a;
  const m = appStorage(a);
  const key = req.params.key;
  if (key === undefined)
    return json(
      200,
      [...m].map(([k, value]) => ({ key: k, value })),
    );
  if (req.method === "GET") {
    const v = m.get(key);
    return v === undefined ? keyNotFound() : json(200, { key, value: v });
  }
  if (req.method === "DELETE") {
    if (!m.has(key)) return keyNotFound();
    m.delete(key);
    return json(200, { success: true });
  }
  if (key.length > 1024) return err(400, "WRONG_PARAMETER", "Key is longer than 1024 characters");
  if (req.rawBody.length > 1024 * 1024) return err(400, "WRONG_PARAMETER", "Value is larger than 1 MB");
  const value = storageValue(req);
  if (typeof value !== "string") return value;
  m.set(key, value);
  return json(200, { success: true });
}

function application(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, req.method === "DELETE" ? { scope: "update_store_profile" } : {});
  if (isReply(a)) return a;
  if (req.method === "GET") {
    const inst = a.store.installation;
    const start = inst ? new Date(inst.installedAt) : new Date();
    return json(200, {
      subscription: { startDate: ecwidDate(start.getTime()), expirationDate: null, status: "ACTIVE" },
      subscriptionStatus: "ACTIVE",
    });
  }
  const ns = req.query.get("namespace");
  if (!ns) return err(400, "WRONG_PARAMETER", "namespace (the app client_id) is required");
  if (ns !== a.token.clientId) return err(403, "INSUFFICIENT_APP_SCOPE", `Token does not belong to app '${ns}'`);
  uninstallApp(ctx, a.store.id);
  // Response body is undocumented; the sandbox answers like other deletes.
  return json(200, { deleteCount: 1 });
}

/**
 * The scopes of the calling token: {permissions, created, expires} (Ecwid's Java API client,
 * ApplicationTokenInfoRequest / ApplicationTokenInfoResult, platform-facts §0). Ecwid tokens do not expire
 * (expires: null). Secret tokens only: a public token is refused like other private calls (sandbox choice).
 */
function tokenInfo(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, {});
  if (isReply(a)) return a;
  return json(200, { permissions: a.token.scopes, created: ecwidDate(a.token.createdAt), expires: null });
}

export function registerRestRoutes(router: Router, ctx: SandboxContext): void {
  const base = "/api/v3/:storeId";
  router.add("GET", `${base}/profile`, (r) => profile(ctx, r));
  router.add("GET", `${base}/products`, (r) => searchProducts(ctx, r));
  router.add("GET", `${base}/products/:productId`, (r) => getProduct(ctx, r));
  router.add("PUT", `${base}/products/:productId`, (r) => updateProduct(ctx, r));
  router.add("PUT", `${base}/products/:productId/inventory`, (r) => adjustInventory(ctx, r));
  router.add("GET", `${base}/orders`, (r) => searchOrders(ctx, r));
  router.add("GET", `${base}/orders/:orderId`, (r) => getOrder(ctx, r));
  router.add("PUT", `${base}/orders/:orderId`, (r) => updateOrder(ctx, r));
  router.add("GET", `${base}/storage`, (r) => storage(ctx, r));
  for (const m of ["GET", "POST", "PUT", "DELETE"]) router.add(m, `${base}/storage/:key`, (r) => storage(ctx, r));
  router.add("GET", `${base}/application`, (r) => application(ctx, r));
  router.add("GET", `${base}/application/token`, (r) => tokenInfo(ctx, r));
  router.add("DELETE", `${base}/application`, (r) => application(ctx, r));
}

export const ecwidNotFound = (): Reply => err(404, "WRONG_URL", "Unknown API endpoint");
export const ecwidMethodNotAllowed = (): Reply => err(405, "METHOD_NOT_ALLOWED", "Method not allowed for this endpoint");
