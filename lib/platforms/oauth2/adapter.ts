import "server-only";
import { oauth2RawResources } from "./raw-resources";
import {
  DEFAULT_ACCESS_LIFETIME_MS,
  PlatformError,
  type ConnectionContext,
  type OrderCountQuery,
  type Page,
  type PlatformAdapter,
  type RawRequest,
  type SyncQuery,
  type UnifiedOrder,
} from "@/lib/platforms/types";
import { reshapeCustomer, reshapeOrder, reshapeProduct, reshapeStore } from "./reshape";
import { providerUrl, resource, send, tokenRequest, type TokenResponse } from "./transport";
import type { OAuth2Credentials, ProviderCustomer, ProviderList, ProviderOrder, ProviderProduct, ProviderShop } from "./types";
import { scanPages } from "../scan";

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
  const lifetimeMs =
    typeof tokens.expires_in === "number" && tokens.expires_in > 0 ? tokens.expires_in * 1000 : DEFAULT_ACCESS_LIFETIME_MS;
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

const encodeCursor = (offset: number) => Buffer.from(String(offset)).toString("base64url");

function decodeCursor(cursor?: string): number {
  const offset = cursor ? Number.parseInt(Buffer.from(cursor, "base64url").toString("utf8"), 10) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new PlatformError("invalid", "The cursor is not valid.");
  return offset;
}

function paginate<T>(items: T[], limit: number, cursor?: string): Page<T> {
  const offset = decodeCursor(cursor);
  const page = items.slice(offset, offset + limit);
  return { items: page, total: items.length, nextCursor: offset + limit < items.length ? encodeCursor(offset + limit) : null };
}

const notSupported = (what: string) => async (): Promise<never> => {
  throw new PlatformError("not_supported", `The generic OAuth2 provider's API cannot ${what}.`);
};

type Kind = "products" | "orders" | "customers";

const listPath = (kind: Kind, params: { limit: number; offset: number; updatedSince?: string }) =>
  `/api/${kind}?${new URLSearchParams({ limit: String(params.limit), offset: String(params.offset), ...(params.updatedSince && { updated_since: params.updatedSince }) })}`;

/** One page straight from the provider: its order is (updatedAt, id), so `updatedSince` pages are stable. */
async function providerPage<P, U>(ctx: Ctx, kind: Kind, query: SyncQuery, reshape: (p: P) => U): Promise<Page<U>> {
  const offset = decodeCursor(query.cursor);
  const list = await resource<ProviderList<P>>(
    ctx,
    listPath(kind, { limit: query.limit, offset, updatedSince: query.updatedSince }),
  );
  const next = list.next_offset ?? null;
  return {
    items: list.data.map(reshape),
    total: list.total ?? list.data.length,
    nextCursor: next === null ? null : encodeCursor(next),
  };
}

/** Every record (in the provider's order), for filters the provider has no parameter for. */
function scanAll<P>(ctx: Ctx, kind: Kind, updatedSince?: string): Promise<P[]> {
  return scanPages(async (offset) => {
    const list = await resource<ProviderList<P>>(ctx, listPath(kind, { limit: 100, offset, updatedSince }));
    return { items: list.data, next: list.next_offset ?? null };
  });
}

async function one<P>(ctx: Ctx, kind: Kind, id: string, what: string): Promise<P> {
  if (!/^[A-Za-z0-9_.:-]{1,200}$/.test(id)) throw new PlatformError("not_found", `${what} ${id} was not found.`, 404);
  return resource<P>(ctx, `/api/${kind}/${encodeURIComponent(id)}`);
}

const matchesOrder = (o: UnifiedOrder, q: OrderCountQuery) =>
  (!q.paymentStatus || o.paymentStatus === q.paymentStatus) &&
  (!q.fulfillmentStatus || o.fulfillmentStatus === q.fulfillmentStatus);

export const oauth2Adapter: PlatformAdapter<OAuth2Credentials> = {
  platform: "OAUTH2",
  rawResources: oauth2RawResources,

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
    if (!query.q) return providerPage(ctx, "products", query, reshapeProduct);
    const q = query.q.toLowerCase();
    const items = (await scanAll<ProviderProduct>(ctx, "products", query.updatedSince))
      .map(reshapeProduct)
      .filter((p) => p.name.toLowerCase().includes(q) || p.sku?.toLowerCase() === q);
    return paginate(items, query.limit, query.cursor);
  },

  async getProduct(ctx, id) {
    return reshapeProduct(await one<ProviderProduct>(ctx, "products", id, "Product"));
  },

  adjustStock: notSupported("change stock"),

  async listOrders(ctx, query) {
    if (!query.paymentStatus && !query.fulfillmentStatus) return providerPage(ctx, "orders", query, reshapeOrder);
    const items = (await scanAll<ProviderOrder>(ctx, "orders", query.updatedSince))
      .map(reshapeOrder)
      .filter((o) => matchesOrder(o, query));
    return paginate(items, query.limit, query.cursor);
  },

  async getOrder(ctx, id) {
    return reshapeOrder(await one<ProviderOrder>(ctx, "orders", id, "Order"));
  },

  async countOrders(ctx, query) {
    if (!query.paymentStatus && !query.fulfillmentStatus)
      return (await providerPage(ctx, "orders", { limit: 1, updatedSince: query.updatedSince }, reshapeOrder)).total;
    return (await scanAll<ProviderOrder>(ctx, "orders", query.updatedSince))
      .map(reshapeOrder)
      .filter((o) => matchesOrder(o, query)).length;
  },

  async listCustomers(ctx, query) {
    if (!query.q && !query.email) return providerPage(ctx, "customers", query, reshapeCustomer);
    const q = query.q?.toLowerCase();
    const email = query.email?.toLowerCase();
    const items = (await scanAll<ProviderCustomer>(ctx, "customers", query.updatedSince))
      .map(reshapeCustomer)
      .filter(
        (c) =>
          (!email || c.email?.toLowerCase() === email) && (!q || `${c.name ?? ""} ${c.email ?? ""}`.toLowerCase().includes(q)),
      );
    return paginate(items, query.limit, query.cursor);
  },

  async getCustomer(ctx, id) {
    return reshapeCustomer(await one<ProviderCustomer>(ctx, "customers", id, "Customer"));
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
    if (response.status === 401) {
      await response.discard();
      throw new PlatformError("unauthorized", "The provider rejected the access token.", 401);
    }
    return {
      status: response.status,
      contentType: response.header("content-type"),
      body: await response.text(),
      retryAfter: response.header("retry-after"),
    };
  },
};
