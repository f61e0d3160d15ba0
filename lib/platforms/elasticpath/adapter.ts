import "server-only";
import { PlatformError, type ConnectionContext, type PlatformAdapter, type RawRequest, type Renewal } from "@/lib/platforms/types";
import { getCatalogProduct, getSettings, listCatalogProducts } from "./api";
import { reshapeProduct } from "./reshape";
import { withToken } from "./session";
import { epSend, mintToken } from "./transport";
import type { EpCredentials } from "./types";

// Elastic Path behind Storelink's adapter contract. Tokens are client_credentials, re-minted by the
// lifecycle engine through renew(); catalog products map to UnifiedProduct. Stock lives in EP's separate
// Inventory service and orders in its Orders API, neither of which the connected keys are scoped to here:
// those methods answer not_supported (the unified API turns that into 501).

type Ctx = ConnectionContext<EpCredentials>;

const notSupported = (what: string) => async (): Promise<never> => {
  throw new PlatformError("not_supported", `Elastic Path connections do not support ${what} through Storelink yet.`);
};

function baseUrlOf(ctx: Ctx): string {
  if (!ctx.connection.baseUrl) throw new PlatformError("invalid", "This Elastic Path connection has no base URL.");
  return ctx.connection.baseUrl;
}

async function renew(ctx: Ctx): Promise<Renewal<EpCredentials>> {
  const { clientId, clientSecret } = ctx.credentials;
  const token = await mintToken(baseUrlOf(ctx), { type: "client_credentials", clientId, clientSecret });
  return { credentials: { ...ctx.credentials, accessToken: token.access_token }, accessExpiresAt: new Date(token.expires * 1000) };
}

const PAGE_MAX = 100;

export const elasticPathAdapter: PlatformAdapter<EpCredentials> = {
  platform: "ELASTICPATH",
  renew,
  async healthCheck(ctx) {
    await withToken(ctx, (auth) => getSettings(auth));
  },
  async getStore(ctx) {
    const settings = await withToken(ctx, (auth) => getSettings(auth));
    const currency = typeof settings.data?.currency === "string" ? settings.data.currency : null;
    return { id: ctx.connection.externalId, name: settings.meta?.store_name ?? ctx.connection.externalId, platform: "ELASTICPATH", url: null, email: null, currency };
  },
  async listProducts(ctx, query) {
    if (query.q) throw new PlatformError("not_supported", "Elastic Path's catalog listing has no keyword search through Storelink; omit q.");
    const offset = query.cursor ? Number.parseInt(query.cursor, 10) || 0 : 0;
    const limit = Math.min(PAGE_MAX, Math.max(1, query.limit));
    const list = await withToken(ctx, (auth) => listCatalogProducts(auth, offset, limit));
    const total = list.meta?.results?.total ?? list.data.length;
    return { items: list.data.map(reshapeProduct), total, nextCursor: offset + list.data.length < total ? String(offset + list.data.length) : null };
  },
  async getProduct(ctx, id) {
    const { data } = await withToken(ctx, (auth) => getCatalogProduct(auth, id));
    return reshapeProduct(data);
  },
  adjustStock: notSupported("stock adjustments (stock lives in Elastic Path's Inventory service)"),
  listOrders: notSupported("orders"),
  getOrder: notSupported("orders"),
  updateOrder: notSupported("order updates"),
  async raw(ctx, request: RawRequest) {
    const response = await withToken(ctx, async (auth) => {
      const sent = await epSend(auth.baseUrl, { method: request.method, path: request.path, query: request.query, token: auth.token, body: request.body, contentType: request.contentType });
      // Surface 401 to withToken so it re-mints and retries; everything else passes through.
      if (sent.status === 401) throw new PlatformError("unauthorized", "Elastic Path rejected the token.", 401);
      return sent;
    });
    return { status: response.status, contentType: response.headers.get("content-type"), body: await response.text(), retryAfter: response.headers.get("retry-after") };
  },
};
