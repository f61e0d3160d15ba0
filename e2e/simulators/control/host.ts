// Control API (`/__sandbox/...`) used by tests, QA and the demo to seed, reset,
// inspect and break the sandboxes. Bodies are validated with zod so a typo in a
// test fails loudly instead of silently seeding the wrong thing.
import { z } from "zod";
import { clearTimers, sandboxNow, type SandboxContext } from "../context";
import { installApp, revokeStoreTokens, uninstallApp } from "../ecwid/installations";
import { appMarketInstallUrl } from "../ecwid/oauth";
import { rearmAll, releaseDelivery, sendWebhook } from "../ecwid/webhooks";
import { deleteEpKey } from "../elasticpath/host";
import { addEpAccountMember, addEpAddress, addEpCart, addEpCustomer, addEpOrder } from "../elasticpath/shopper-store";
import { addFault } from "../faults";
import { bodyJson, HttpError, json, type Reply, type Req, type Router } from "../http";
import { issueTokens } from "../oauth2/host";
import { applyDefaultSeed, publishEpCatalog, seedEcwidStore, seedEpStore } from "../seed";
import { APP_SCOPES, ECWID_SCOPES, type EpStore } from "../state";

const bad = (message: string, issues?: unknown): Reply =>
  json(400, { error: "bad_request", message, ...(issues ? { issues } : {}) });
const notFound = (message: string): Reply => json(404, { error: "not_found", message });

/** Validates the JSON body; throws an HttpError (answered as 400 by the pipeline) when invalid. */
function parse<T extends z.ZodType>(schema: T, req: Req): z.infer<T> {
  const raw = bodyJson(req) ?? {};
  const r = schema.safeParse(raw);
  if (!r.success) throw new HttpError(bad("invalid body", r.error.issues));
  return r.data;
}

const EcwidStoreBody = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().min(1).optional(),
  email: z.string().optional(),
  ownerName: z.string().optional(),
  productCount: z.number().int().min(0).max(1000).optional(),
  orderCount: z.number().int().min(0).max(1000).optional(),
  products: z.array(z.record(z.string(), z.unknown())).optional(),
  echoOAuthState: z.boolean().optional(),
});

const EcwidAppBody = z.object({
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(16).optional(),
  redirectUrl: z.url().optional(),
  iframeUrl: z.url().optional(),
  webhookUrl: z.url().optional(),
  scopes: z.array(z.string()).optional(),
});

const EcwidConfigBody = z.object({
  rateLimitPerMinute: z.number().int().positive().optional(),
  invalidTokenLimitPerMinute: z.number().int().positive().optional(),
  invalidTokenLimitPerIp: z.number().int().positive().optional(),
  invalidTokenBlockSeconds: z.number().int().positive().optional(),
  codeLifetimeSeconds: z.number().positive().optional(),
  echoOAuthState: z.boolean().optional(),
  webhookRetryDelaysMs: z.array(z.number().int().min(0)).min(1).optional(),
  webhookMaxAttempts: z.number().int().min(1).max(50).optional(),
  webhookConnectTimeoutMs: z.number().int().positive().optional(),
  webhookTimeoutMs: z.number().int().positive().optional(),
});

const WebhookBody = z.object({
  storeId: z.number().int(),
  eventType: z.string().min(1),
  entityId: z.union([z.number(), z.string()]).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  variant: z.enum(["valid", "forged", "replayed", "old", "unsigned"]).optional(),
  eventId: z.string().optional(),
});

const FaultBody = z.object({
  host: z.enum(["ecwid-my", "ecwid-api", "elasticpath", "oauth2", "ecwid-webhooks"]),
  method: z.string().optional(),
  pathPattern: z.string().min(1),
  bodyPattern: z.string().min(1).optional(),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
  count: z.number().int().min(1).optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
  drop: z.boolean().optional(),
  retryAfter: z.number().int().min(0).optional(),
});

function summary(ctx: SandboxContext) {
  const { ecwid, elasticpath, oauth2 } = ctx.state;
  return {
    urls: ctx.urls,
    appUrl: ctx.state.appUrl,
    ecwid: {
      app: ecwid.app,
      config: ecwid.config,
      stores: [...ecwid.stores.values()].map((s) => ({
        id: s.id,
        name: s.name,
        email: s.email,
        products: s.products.length,
        orders: s.orders.length,
        installed: s.installation !== null,
        scopes: s.installation?.scopes ?? [],
      })),
      liveTokens: [...ecwid.tokens.values()].filter((t) => !t.revoked).length,
      webhookDeliveries: ecwid.deliveries.length,
    },
    elasticpath: {
      tokenLifetimeSeconds: elasticpath.tokenLifetimeSeconds,
      stores: [...elasticpath.stores.values()].map((s) => ({
        id: s.id,
        name: s.name,
        rateLimitPerSecond: s.rateLimitPerSecond,
        maxReservedRateLimit: s.maxReservedRateLimit,
        tokenLifetimeSeconds: s.tokenLifetimeSeconds ?? elasticpath.tokenLifetimeSeconds,
        keys: s.keys.map((k) => ({
          id: k.id,
          name: k.name,
          client_id: k.clientId,
          client_secret: k.clientSecret,
          reserved_rate_limit: k.reservedRateLimit,
        })),
        products: s.products.length,
      })),
    },
    oauth2: {
      config: oauth2.config,
      clients: [...oauth2.clients.values()],
      shops: [...oauth2.shops.values()].map((s) => ({ id: s.id, name: s.name })),
    },
    faults: ctx.state.faults,
  };
}

/**
 * Every secret the sandboxes ever issued or hold (for the secret-leak crawl): Ecwid secret tokens and app
 * secret, Elastic Path client secrets and client_credentials tokens, OAuth2 client secrets, access and
 * refresh tokens. Public material (Ecwid public tokens, EP implicit tokens) is left out: browsers may see it.
 */
function issuedSecrets(ctx: SandboxContext): string[] {
  const { ecwid, elasticpath, oauth2 } = ctx.state;
  return [
    ecwid.app.clientSecret,
    ...[...ecwid.tokens.values()].filter((t) => t.kind === "secret").map((t) => t.token),
    ...[...elasticpath.stores.values()].flatMap((s) => s.keys.map((k) => k.clientSecret)),
    ...[...elasticpath.tokens.values()].filter((t) => t.grant === "client_credentials").map((t) => t.token),
    ...[...oauth2.clients.values()].map((c) => c.clientSecret),
    ...[...oauth2.accessTokens.values()].map((t) => t.token),
    ...[...oauth2.refreshTokens.values()].map((t) => t.token),
  ];
}

function ecwidStoreDetail(ctx: SandboxContext, req: Req): Reply {
  const store = ctx.state.ecwid.stores.get(Number(req.params.id));
  if (!store) return notFound(`no Ecwid store ${req.params.id ?? ""}`);
  const storage: Record<string, Record<string, string>> = {};
  for (const [app, m] of store.storage) storage[app] = Object.fromEntries(m);
  const tokens = [...ctx.state.ecwid.tokens.values()].filter((t) => t.storeId === store.id);
  return json(200, {
    id: store.id,
    name: store.name,
    email: store.email,
    installation: store.installation,
    products: store.products,
    orders: store.orders,
    storage,
    tokens,
  });
}

export function registerControlRoutes(router: Router, ctx: SandboxContext): void {
  const { state } = ctx;
  const P = "/__sandbox";

  router.add("POST", `${P}/reset`, () => {
    clearTimers(ctx);
    applyDefaultSeed(state, ctx.seedOptions);
    return json(200, { ok: true });
  });
  router.add("GET", `${P}/state`, () => json(200, summary(ctx)));
  router.add("GET", `${P}/secrets`, () => json(200, { secrets: issuedSecrets(ctx) }));

  // ---- Ecwid
  router.add("POST", `${P}/ecwid/stores`, (req) => {
    const b = parse(EcwidStoreBody, req);
    if (b.id !== undefined && state.ecwid.stores.has(b.id))
      return json(409, { error: "conflict", message: `store ${b.id} exists` });
    const { products, ...rest } = b;
    const store = seedEcwidStore(state, { ...rest, ...(products ? { products } : {}) });
    return json(201, {
      storeId: store.id,
      name: store.name,
      email: store.email,
      productIds: store.products.map((p) => p.id),
      orderIds: store.orders.map((o) => o.id),
    });
  });
  router.add("GET", `${P}/ecwid/stores/:id`, (req) => ecwidStoreDetail(ctx, req));
  router.add("POST", `${P}/ecwid/app`, (req) => {
    const b = parse(EcwidAppBody, req);
    const unknown = b.scopes?.find((s) => !(ECWID_SCOPES as readonly string[]).includes(s));
    if (unknown) return bad(`unknown scope ${unknown}`);
    Object.assign(state.ecwid.app, Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)));
    return json(200, state.ecwid.app);
  });
  router.add("POST", `${P}/ecwid/config`, (req) => {
    const b = parse(EcwidConfigBody, req);
    Object.assign(state.ecwid.config, Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)));
    return json(200, state.ecwid.config);
  });
  router.add("POST", `${P}/ecwid/stores/:id/install`, (req) => {
    const storeId = Number(req.params.id);
    if (!state.ecwid.stores.has(storeId)) return notFound(`no Ecwid store ${req.params.id ?? ""}`);
    const b = parse(z.object({ scopes: z.array(z.string()).optional() }), req);
    const scopes = b.scopes ?? APP_SCOPES;
    const unknown = scopes.find((s) => !(ECWID_SCOPES as readonly string[]).includes(s));
    if (unknown) return bad(`unknown scope ${unknown}`);
    return json(200, installApp(ctx, storeId, scopes));
  });
  // The App Market's own install: the test's browser follows `location` (the app's callback with ?code=).
  router.add("POST", `${P}/ecwid/stores/:id/app-market-install`, (req) => {
    const storeId = Number(req.params.id);
    if (!state.ecwid.stores.has(storeId)) return notFound(`no Ecwid store ${req.params.id ?? ""}`);
    const b = parse(z.object({ scopes: z.array(z.string()).optional() }), req);
    return json(200, {
      location: appMarketInstallUrl(
        ctx,
        storeId,
        b.scopes ?? ["read_store_profile", "read_catalog", "read_orders", "public_storefront", "add_to_cp"],
      ),
    });
  });
  router.add("POST", `${P}/ecwid/stores/:id/uninstall`, (req) => {
    const storeId = Number(req.params.id);
    if (!state.ecwid.stores.get(storeId)?.installation) return notFound(`app not installed in store ${req.params.id ?? ""}`);
    uninstallApp(ctx, storeId);
    return json(200, { ok: true });
  });
  router.add("POST", `${P}/ecwid/stores/:id/revoke-tokens`, (req) => {
    const storeId = Number(req.params.id);
    if (!state.ecwid.stores.has(storeId)) return notFound(`no Ecwid store ${req.params.id ?? ""}`);
    return json(200, { revoked: revokeStoreTokens(ctx, storeId) });
  });
  router.add("POST", `${P}/ecwid/webhooks/send`, async (req) => {
    const b = parse(WebhookBody, req);
    if (!state.ecwid.stores.has(b.storeId)) return notFound(`no Ecwid store ${b.storeId}`);
    try {
      const { storeId, eventType, entityId, data, variant, eventId } = b;
      const d = await sendWebhook(ctx, {
        storeId,
        eventType,
        ...(entityId !== undefined ? { entityId } : {}),
        ...(data ? { data } : {}),
        ...(variant ? { variant } : {}),
        ...(eventId ? { eventId } : {}),
      });
      return json(200, { ...d, status: d.attempts[0]?.status ?? null });
    } catch (e) {
      return bad(e instanceof Error ? e.message : String(e));
    }
  });
  router.add("GET", `${P}/webhooks`, (req) => {
    const storeId = req.query.get("storeId");
    const list = state.ecwid.deliveries.filter((d) => !storeId || String(d.storeId) === storeId);
    return json(
      200,
      list.map((d) => ({ ...d, statuses: d.attempts.map((a) => a.status) })),
    );
  });
  // The sandbox clock: webhook timestamps and Ecwid's retry schedule follow it. The app under test keeps
  // real time, so to make an event look old to it, set the clock back first, then advance it.
  // With storeId, only that store's events follow the move (parallel tests each move their own store's clock).
  const clockOf = (storeId: number | undefined) => ({
    offsetMs: storeId === undefined ? state.ecwid.clockOffsetMs : (state.ecwid.storeClockOffsetsMs.get(storeId) ?? 0),
    now: sandboxNow(ctx, storeId),
  });
  router.add("GET", `${P}/clock`, (req) => {
    const storeId = req.query.get("storeId");
    return json(200, clockOf(storeId ? Number(storeId) : undefined));
  });
  router.add("POST", `${P}/clock`, (req) => {
    const b = parse(
      z.object({
        storeId: z.number().int().optional(),
        offsetMs: z.number().int().optional(),
        advanceMs: z.number().int().min(0).optional(),
      }),
      req,
    );
    const { offsetMs } = clockOf(b.storeId);
    const next = (b.offsetMs ?? offsetMs) + (b.advanceMs ?? 0);
    if (b.storeId === undefined) state.ecwid.clockOffsetMs = next;
    else state.ecwid.storeClockOffsetsMs.set(b.storeId, next);
    rearmAll(ctx);
    return json(200, clockOf(b.storeId));
  });
  router.add("POST", `${P}/ecwid/webhooks/hold`, (req) => {
    const b = parse(
      z.object({ storeId: z.number().int(), eventType: z.string().min(1).optional(), count: z.number().int().min(1).optional() }),
      req,
    );
    const hold = { storeId: b.storeId, ...(b.eventType ? { eventType: b.eventType } : {}), remaining: b.count ?? 1 };
    state.ecwid.webhookHolds.push(hold);
    return json(201, hold);
  });
  router.add("POST", `${P}/webhooks/:id/release`, async (req) => {
    const d = state.ecwid.deliveries.find((x) => String(x.id) === req.params.id);
    if (!d) return notFound(`no webhook delivery ${req.params.id ?? ""}`);
    if (!d.held) return bad(`delivery ${d.id} is not held`);
    await releaseDelivery(ctx, d);
    return json(200, { ...d, status: d.attempts.at(-1)?.status ?? null });
  });
  router.add("DELETE", `${P}/webhooks`, () => {
    state.ecwid.deliveries.length = 0;
    return json(200, { ok: true });
  });
  router.add("POST", `${P}/bridge-messages`, (req) => {
    const b = bodyJson(req) as Record<string, unknown> | undefined;
    if (!b || typeof b !== "object") return bad("expected a JSON object");
    state.bridgeMessages.push({
      storeId: String(b.storeId ?? ""),
      receivedAt: Date.now(),
      ...(typeof b.ecwidAppNs === "string" ? { ecwidAppNs: b.ecwidAppNs } : {}),
      ...(typeof b.method === "string" ? { method: b.method } : {}),
      ...(b.data !== undefined ? { data: b.data } : {}),
      ...(typeof b.error === "string" ? { error: b.error.slice(0, 500) } : {}),
      ...(b.raw !== undefined ? { raw: b.raw } : {}),
    });
    return json(201, { ok: true });
  });
  router.add("GET", `${P}/bridge-messages`, (req) => {
    const storeId = req.query.get("storeId");
    return json(
      200,
      state.bridgeMessages.filter((m) => !storeId || m.storeId === storeId),
    );
  });
  router.add("DELETE", `${P}/bridge-messages`, () => {
    state.bridgeMessages.length = 0;
    return json(200, { ok: true });
  });

  // ---- Elastic Path
  router.add("POST", `${P}/elasticpath/stores`, (req) => {
    const b = parse(
      z.object({
        id: z.string().min(1).optional(),
        name: z.string().min(1).optional(),
        rateLimitPerSecond: z.number().int().positive().optional(),
        maxReservedRateLimit: z.number().int().min(0).optional(),
        tokenLifetimeSeconds: z.number().int().min(1).optional(),
        keyName: z.string().min(1).max(100).optional(),
        productCount: z.number().int().min(0).max(1000).optional(),
        publish: z.boolean().optional(),
        defaultCurrency: z.enum(["USD", "JPY", "KWD"]).optional(),
      }),
      req,
    );
    if (b.id && state.elasticpath.stores.has(b.id)) return json(409, { error: "conflict", message: `store ${b.id} exists` });
    const { store, key } = seedEpStore(state, Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)));
    return json(201, {
      storeId: store.id,
      name: store.name,
      key: { id: key.id, client_id: key.clientId, client_secret: key.clientSecret },
    });
  });
  router.add("POST", `${P}/elasticpath/config`, (req) => {
    const b = parse(
      z.object({
        tokenLifetimeSeconds: z.number().int().min(1).optional(),
        rateLimitPerSecond: z.number().int().positive().optional(),
        maxReservedRateLimit: z.number().int().min(0).optional(),
        storeId: z.string().optional(),
      }),
      req,
    );
    // With storeId, the lifetime is that store's own; without, the sandbox-wide default.
    if (b.tokenLifetimeSeconds !== undefined && !b.storeId) state.elasticpath.tokenLifetimeSeconds = b.tokenLifetimeSeconds;
    for (const s of state.elasticpath.stores.values()) {
      if (b.storeId && s.id !== b.storeId) continue;
      if (b.storeId && b.tokenLifetimeSeconds !== undefined) s.tokenLifetimeSeconds = b.tokenLifetimeSeconds;
      if (b.rateLimitPerSecond !== undefined) s.rateLimitPerSecond = b.rateLimitPerSecond;
      if (b.maxReservedRateLimit !== undefined) s.maxReservedRateLimit = b.maxReservedRateLimit;
    }
    return json(200, summary(ctx).elasticpath);
  });
  // Publishes every catalog of the store (a new release each), as Commerce Manager's "Publish" does.
  router.add("POST", `${P}/elasticpath/stores/:id/publish`, (req) => {
    const s = state.elasticpath.stores.get(req.params.id ?? "");
    if (!s) return notFound(`no Elastic Path store ${req.params.id ?? ""}`);
    return json(200, { releases: s.catalogs.map((c) => publishEpCatalog(s, c).id) });
  });
  // Shoppers of a store: a customer with a password, or an account member (password profile) in named accounts.
  router.add("POST", `${P}/elasticpath/stores/:id/customers`, (req) => {
    const s = state.elasticpath.stores.get(req.params.id ?? "");
    if (!s) return notFound(`no Elastic Path store ${req.params.id ?? ""}`);
    const b = parse(z.object({ name: z.string().min(1), email: z.string().min(3), password: z.string().min(1) }), req);
    const customer = addEpCustomer(s, b);
    return customer
      ? json(201, { id: customer.id, email: customer.email })
      : json(409, { error: "conflict", message: `customer ${b.email} exists` });
  });
  router.add("POST", `${P}/elasticpath/stores/:id/account-members`, (req) => {
    const s = state.elasticpath.stores.get(req.params.id ?? "");
    if (!s) return notFound(`no Elastic Path store ${req.params.id ?? ""}`);
    const b = parse(
      z.object({
        name: z.string().min(1),
        email: z.string().min(3),
        username: z.string().min(1),
        password: z.string().min(1),
        accounts: z.array(z.string().min(1)).min(1),
      }),
      req,
    );
    const member = addEpAccountMember(s, b);
    return json(201, {
      id: member.id,
      passwordProfileId: member.passwordProfileId,
      accounts: member.accountIds.map((id) => ({ id, name: s.shoppers.accounts.find((a) => a.id === id)!.name })),
    });
  });
  // A shopper's records: an order, a saved address or a cart, for a customer or an account (and the member who ordered).
  const owner = z.union([
    z.object({ customerId: z.string().min(1) }),
    z.object({ accountId: z.string().min(1), memberId: z.string().min(1).optional() }),
  ]);
  const records = {
    orders: (s: EpStore, b: Req) =>
      addEpOrder(
        s,
        parse(z.intersection(owner, z.object({ amount: z.number().int().min(0), createdAt: z.string().optional() })), b),
      ),
    addresses: (s: EpStore, b: Req) =>
      addEpAddress(
        s,
        parse(
          z.intersection(
            owner,
            z.object({
              name: z.string().min(1),
              firstName: z.string().min(1),
              lastName: z.string().min(1),
              line1: z.string().min(1),
              city: z.string().min(1),
              postcode: z.string().min(1),
              country: z.string().length(2),
            }),
          ),
          b,
        ),
      ),
    carts: (s: EpStore, b: Req) =>
      addEpCart(
        s,
        parse(
          z.intersection(
            owner,
            z.object({
              name: z.string().min(1),
              items: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().min(1) })).min(1),
            }),
          ),
          b,
        ),
      ),
  };
  for (const [kind, add] of Object.entries(records))
    router.add("POST", `${P}/elasticpath/stores/:id/${kind}`, (req) => {
      const s = state.elasticpath.stores.get(req.params.id ?? "");
      if (!s) return notFound(`no Elastic Path store ${req.params.id ?? ""}`);
      const record = add(s, req);
      return record ? json(201, { id: record.id }) : notFound(`no such shopper (or SKU) in store ${s.id}`);
    });
  // Ends every shopper token of a store now (their 24 h lifetime, compressed for tests).
  router.add("POST", `${P}/elasticpath/stores/:id/expire-shopper-tokens`, (req) => {
    let expired = 0;
    for (const t of state.elasticpath.shopperTokens.values()) {
      if (t.storeId !== req.params.id || t.expiresAt <= Date.now()) continue;
      t.expiresAt = Date.now();
      expired++;
    }
    return json(200, { expired });
  });
  router.add("GET", `${P}/elasticpath/stores/:id/keys`, (req) => {
    const s = state.elasticpath.stores.get(req.params.id ?? "");
    if (!s) return notFound(`no Elastic Path store ${req.params.id ?? ""}`);
    return json(200, s.keys);
  });
  router.add("DELETE", `${P}/elasticpath/keys/:id`, (req) =>
    deleteEpKey(ctx, req.params.id ?? "") ? json(200, { ok: true }) : notFound(`no key ${req.params.id ?? ""}`),
  );

  // ---- OAuth2
  router.add("POST", `${P}/oauth2/config`, (req) => {
    const b = parse(
      z.object({
        accessTokenLifetimeSeconds: z.number().int().min(1).optional(),
        refreshTokenLifetimeSeconds: z.number().int().min(1).optional(),
        codeLifetimeSeconds: z.number().int().min(1).optional(),
        omitRefreshToken: z.boolean().optional(),
        omitExpiresIn: z.boolean().optional(),
      }),
      req,
    );
    Object.assign(state.oauth2.config, Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)));
    return json(200, state.oauth2.config);
  });
  router.add("POST", `${P}/oauth2/expire`, (req) => {
    const b = parse(
      z.object({
        tokens: z.enum(["access", "refresh", "both"]).optional(),
        token: z.string().optional(),
        shopId: z.string().optional(),
      }),
      req,
    );
    const which = b.tokens ?? "both";
    const past = Date.now() - 1000;
    let n = 0;
    const expire = (tokens: Iterable<{ token: string; shopId: string; expiresAt: number }>) => {
      for (const t of tokens) {
        if ((b.token && t.token !== b.token) || (b.shopId && t.shopId !== b.shopId)) continue;
        t.expiresAt = past;
        n++;
      }
    };
    if (which !== "refresh") expire(state.oauth2.accessTokens.values());
    if (which !== "access") expire(state.oauth2.refreshTokens.values());
    return json(200, { expired: n });
  });
  // One shop's live tokens, oldest first: a test scopes a fault or an expiry to its own connection with them.
  router.add("GET", `${P}/oauth2/tokens`, (req) => {
    const shopId = req.query.get("shopId") ?? "";
    const now = Date.now();
    const live = <T extends { token: string; shopId: string; expiresAt: number }>(tokens: Iterable<T>, usable = (_: T) => true) =>
      [...tokens].filter((t) => t.shopId === shopId && t.expiresAt > now && usable(t)).map((t) => t.token);
    return json(200, {
      access: live(state.oauth2.accessTokens.values()),
      refresh: live(state.oauth2.refreshTokens.values(), (t) => t.rotatedAt === null),
    });
  });
  router.add("POST", `${P}/oauth2/grants`, (req) => {
    const b = parse(
      z.object({ clientId: z.string().optional(), shopId: z.string().optional(), scope: z.string().optional() }),
      req,
    );
    const clientId = b.clientId ?? [...state.oauth2.clients.keys()][0] ?? "";
    const shopId = b.shopId ?? [...state.oauth2.shops.keys()][0] ?? "";
    if (!state.oauth2.clients.has(clientId)) return notFound(`no OAuth2 client ${clientId}`);
    if (!state.oauth2.shops.has(shopId)) return notFound(`no OAuth2 shop ${shopId}`);
    return json(200, { shopId, ...issueTokens(ctx, clientId, shopId, b.scope ?? "read write") });
  });
  router.add("POST", `${P}/oauth2/clients`, (req) => {
    const b = parse(
      z.object({
        clientId: z.string().min(1),
        clientSecret: z.string().min(1),
        redirectUriPrefix: z.url().optional(),
        name: z.string().optional(),
      }),
      req,
    );
    const client = {
      clientId: b.clientId,
      clientSecret: b.clientSecret,
      redirectUriPrefix: b.redirectUriPrefix ?? state.appUrl,
      name: b.name ?? b.clientId,
    };
    state.oauth2.clients.set(client.clientId, client);
    return json(201, client);
  });

  // ---- Faults and counters
  router.add("POST", `${P}/faults`, (req) => {
    const b = parse(FaultBody, req);
    const { method, status, body, count, delayMs, drop, retryAfter } = b;
    const f = addFault(state, {
      host: b.host,
      pathPattern: b.pathPattern,
      ...(b.bodyPattern ? { bodyPattern: b.bodyPattern } : {}),
      ...(method ? { method } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(delayMs !== undefined ? { delayMs } : {}),
      ...(drop !== undefined ? { drop } : {}),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    });
    return json(201, f);
  });
  router.add("GET", `${P}/faults`, () => json(200, state.faults));
  router.add("DELETE", `${P}/faults`, () => {
    state.faults.length = 0;
    return json(200, { ok: true });
  });
  router.add("GET", `${P}/counters`, () => json(200, state.counters));
  router.add("POST", `${P}/counters/reset`, () => {
    state.counters.tokenRequests = {};
    state.counters.requests = {};
    state.counters.ecwidStoreRequests = {};
    return json(200, { ok: true });
  });
}
