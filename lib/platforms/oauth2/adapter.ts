import "server-only";
import { DEFAULT_ACCESS_LIFETIME_MS } from "@/lib/connections/policy";
import { PlatformError, type ConnectionContext, type Page, type PlatformAdapter, type RawRequest } from "@/lib/platforms/types";
import { reshapeOrder, reshapeProduct, reshapeStore } from "./reshape";
import { providerUrl, resource, send, tokenRequest, type TokenResponse } from "./transport";
import type { OAuth2Credentials, ProviderList, ProviderOrder, ProviderProduct, ProviderShop } from "./types";

// The generic OAuth2 platform (eBay / Mercado Libre / TikTok Shop style): authorization code + rotating
// refresh tokens. The provider's resource API lists without filters or paging, so both happen here.

type Ctx = ConnectionContext<OAuth2Credentials>;

/** The provider's resource API lives under /api/; the raw passthrough may reach nothing else. */
export const RAW_PREFIX = "/api/";

/** Credentials + expiry from a token answer. A missing refresh_token keeps `previousRefreshToken`. */
export function credentialsFromTokens(tokens: TokenResponse, previousRefreshToken: string | null, now = new Date()) {
  const credentials: OAuth2Credentials = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previousRefreshToken,
    tokenType: tokens.token_type ?? "Bearer",
  };
  const lifetimeMs = typeof tokens.expires_in === "number" && tokens.expires_in > 0 ? tokens.expires_in * 1000 : DEFAULT_ACCESS_LIFETIME_MS;
  return {
    credentials,
    accessExpiresAt: new Date(now.getTime() + lifetimeMs),
    // Only a new refresh token carries a new expiry; otherwise the stored one stays (undefined = unchanged).
    refreshExpiresAt:
      tokens.refresh_token && typeof tokens.refresh_token_expires_in === "number"
        ? new Date(now.getTime() + tokens.refresh_token_expires_in * 1000)
        : tokens.refresh_token
          ? null
          : undefined,
    scopes: tokens.scope ? tokens.scope.split(/[ ,]+/).filter(Boolean) : undefined,
  };
}

function paginate<T>(items: T[], limit: number, cursor?: string): Page<T> {
  const offset = cursor ? Number.parseInt(Buffer.from(cursor, "base64url").toString("utf8"), 10) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new PlatformError("invalid", "The cursor is not valid.");
  const page = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? Buffer.from(String(offset + limit)).toString("base64url") : null;
  return { items: page, total: items.length, nextCursor: next };
}

const notSupported = (what: string) => async (): Promise<never> => {
  throw new PlatformError("not_supported", `The generic OAuth2 provider's API cannot ${what}.`);
};

async function allProducts(ctx: Ctx) {
  const list = await resource<ProviderList<ProviderProduct>>(ctx, "/api/products");
  return list.data.map(reshapeProduct);
}

async function allOrders(ctx: Ctx) {
  const list = await resource<ProviderList<ProviderOrder>>(ctx, "/api/orders");
  return list.data.map(reshapeOrder);
}

export const oauth2Adapter: PlatformAdapter<OAuth2Credentials> = {
  platform: "OAUTH2",

  async renew(ctx) {
    const refreshToken = ctx.credentials.refreshToken;
    if (!refreshToken) throw new PlatformError("unauthorized", "No refresh token is stored: the store must re-authorize.");
    const tokens = await tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken }, providerUrl(ctx));
    const { credentials, accessExpiresAt, refreshExpiresAt } = credentialsFromTokens(tokens, refreshToken);
    return { credentials, accessExpiresAt, refreshExpiresAt };
  },

  async healthCheck(ctx) {
    await resource<ProviderShop>(ctx, "/api/shop");
  },

  async getStore(ctx) {
    return reshapeStore(await resource<ProviderShop>(ctx, "/api/shop"));
  },

  async listProducts(ctx, query) {
    const q = query.q?.toLowerCase();
    const items = (await allProducts(ctx)).filter((p) => !q || p.name.toLowerCase().includes(q) || p.sku?.toLowerCase() === q);
    return paginate(items, query.limit, query.cursor);
  },

  async getProduct(ctx, id) {
    const product = (await allProducts(ctx)).find((p) => p.id === id);
    if (!product) throw new PlatformError("not_found", `Product ${id} was not found.`, 404);
    return product;
  },

  adjustStock: notSupported("change stock"),

  async listOrders(ctx, query) {
    const items = (await allOrders(ctx)).filter(
      (o) =>
        (!query.paymentStatus || o.paymentStatus === query.paymentStatus) &&
        (!query.fulfillmentStatus || o.fulfillmentStatus === query.fulfillmentStatus),
    );
    return paginate(items, query.limit, query.cursor);
  },

  async getOrder(ctx, id) {
    const order = (await allOrders(ctx)).find((o) => o.id === id);
    if (!order) throw new PlatformError("not_found", `Order ${id} was not found.`, 404);
    return order;
  },

  updateOrder: notSupported("update orders"),

  async raw(ctx, request: RawRequest) {
    if (!request.path.startsWith(RAW_PREFIX)) {
      throw new PlatformError("invalid", `The raw passthrough only reaches the provider's API under ${RAW_PREFIX}.`);
    }
    const search = request.query.toString();
    const response = await send(`${providerUrl(ctx)}${request.path}${search ? `?${search}` : ""}`, {
      method: request.method,
      headers: {
        authorization: `Bearer ${ctx.credentials.accessToken}`,
        accept: "application/json",
        ...(request.contentType && { "content-type": request.contentType }),
      },
      body: request.body ?? undefined,
    });
    const retry = response.headers.get("retry-after");
    if (response.status === 401) throw new PlatformError("unauthorized", "The provider rejected the access token.", 401);
    return { status: response.status, contentType: response.headers.get("content-type"), body: await response.text(), retryAfter: retry };
  },
};
