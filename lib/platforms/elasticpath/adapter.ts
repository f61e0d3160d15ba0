import "server-only";
import { elasticPathRawResources } from "./raw-resources";
import {
  PlatformError,
  type ConnectionContext,
  type PlatformAdapter,
  type RawRequest,
  type Renewal,
} from "@/lib/platforms/types";
import {
  getCustomerById,
  getPcmProduct,
  getSettings,
  listCurrencies,
  listCustomersPage,
  listPcmProducts,
  listPricesOfSkus,
  type EpAuth,
} from "./api";
import { memoizedCurrencies } from "./currency-memo";
import { metadataOfConnection } from "./metadata";
import { pickPrice, reshapeCustomer, reshapePcmProduct } from "./reshape";
import { epSend, mintToken } from "./transport";
import type { EpCredentials, EpPcmProduct } from "./types";
import { scanPages } from "../scan";

// Elastic Path behind Storelink's adapter contract. Tokens are client_credentials, re-minted by the
// lifecycle engine through renew() (a 401 is thrown as "unauthorized": the lifecycle renews once and
// retries, in one place for every caller). Products are the admin's PCM products (GET /pcm/products, every
// product whether published or not; the shopper catalog /catalog/products depends on catalog rules and
// releases and is the storefront preview's business) priced from the price books in the store's default
// currency; a store's currency comes from /v2/currencies and its name from the admin (the API has neither). Stock lives in EP's separate
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

/** Base URL and token of a connection's context: what every Elastic Path call needs. */
export const authOf = (ctx: Ctx): EpAuth => ({ baseUrl: baseUrlOf(ctx), token: ctx.credentials.accessToken });

async function renew(ctx: Ctx): Promise<Renewal<EpCredentials>> {
  const { clientId, clientSecret } = ctx.credentials;
  const token = await mintToken(baseUrlOf(ctx), { type: "client_credentials", clientId, clientSecret });
  return {
    credentials: { ...ctx.credentials, accessToken: token.access_token },
    accessExpiresAt: new Date(token.expires * 1000),
  };
}

const PAGE_MAX = 100;

/**
 * Prices of these products from the price books, each in minor units divided by its currency's decimals. The
 * store's currencies come from a one-minute memo (currency-memo.ts): the PCM call before this one has just
 * proved the token.
 */
async function withPrices(ctx: Ctx, products: EpPcmProduct[]) {
  const auth = authOf(ctx);
  // SKUs travel inside filter=in(sku,…): one with a comma or parenthesis cannot, so it gets no price.
  const skus = products.map((p) => p.attributes.sku).filter((s): s is string => !!s && !/[,()]/.test(s));
  const [currencies, prices] = await Promise.all([
    memoizedCurrencies(`${auth.baseUrl} ${ctx.connection.id}`, async () => (await listCurrencies(auth)).data),
    skus.length ? listPricesOfSkus(auth, skus) : Promise.resolve({ data: [] }),
  ]);
  const bySku = new Map(prices.data.map((p) => [p.attributes.sku, p]));
  return products.map((p) =>
    reshapePcmProduct(p, pickPrice(p.attributes.sku ? bySku.get(p.attributes.sku) : undefined, currencies)),
  );
}

export const elasticPathAdapter: PlatformAdapter<EpCredentials> = {
  platform: "ELASTICPATH",
  rawResources: elasticPathRawResources,
  renew,
  async healthCheck(ctx) {
    await getSettings(authOf(ctx));
  },
  async getStore(ctx) {
    const currencies = await listCurrencies(authOf(ctx));
    const currency = currencies.data.find((c) => c.default)?.code ?? currencies.data[0]?.code ?? null;
    const name = metadataOfConnection(ctx.connection.metadata).storeName ?? ctx.connection.externalId;
    return { id: ctx.connection.externalId, name, platform: "ELASTICPATH", url: null, email: null, currency };
  },
  async listProducts(ctx, query) {
    if (query.q)
      throw new PlatformError("not_supported", "Elastic Path's catalog listing has no keyword search through Storelink; omit q.");
    const offset = query.cursor ? Number.parseInt(query.cursor, 10) || 0 : 0;
    const limit = Math.min(PAGE_MAX, Math.max(1, query.limit));
    const auth = authOf(ctx);
    const list = await listPcmProducts(auth, offset, limit);
    const total = list.meta?.results?.total ?? list.data.length;
    return {
      items: await withPrices(ctx, list.data),
      total,
      nextCursor: offset + list.data.length < total ? String(offset + list.data.length) : null,
    };
  },
  async getProduct(ctx, id) {
    const { data } = await getPcmProduct(authOf(ctx), id);
    return (await withPrices(ctx, [data]))[0]!;
  },
  adjustStock: notSupported("stock adjustments (stock lives in Elastic Path's Inventory service)"),
  listOrders: notSupported("orders"),
  getOrder: notSupported("orders"),
  updateOrder: notSupported("order updates"),
  countOrders: async () => {
    throw new PlatformError("not_supported", "Counting orders is not available for Elastic Path yet.");
  },
  async listCustomers(ctx, query) {
    if (query.q)
      throw new PlatformError(
        "not_supported",
        "Elastic Path customers have no keyword search through Storelink; filter by email instead.",
      );
    const auth = authOf(ctx);
    const offset = query.cursor ? Number.parseInt(query.cursor, 10) || 0 : 0;
    const limit = Math.min(PAGE_MAX, Math.max(1, query.limit));
    if (!query.email && !query.updatedSince) {
      const list = await listCustomersPage(auth, offset, limit);
      const total = list.meta?.results?.total ?? list.data.length;
      return {
        items: list.data.map(reshapeCustomer),
        total,
        nextCursor: offset + list.data.length < total ? String(offset + list.data.length) : null,
      };
    }
    // Filters Storelink applies itself (lib/platforms/scan.ts).
    const all = await scanPages(async (at) => {
      const list = await listCustomersPage(auth, at, PAGE_MAX);
      return { items: list.data.map(reshapeCustomer), next: list.data.length < PAGE_MAX ? null : at + PAGE_MAX };
    });
    const email = query.email?.toLowerCase();
    const since = query.updatedSince ? Date.parse(query.updatedSince) : null;
    const matching = all.filter(
      (c) =>
        (!email || c.email?.toLowerCase() === email) && (since === null || Date.parse(c.updatedAt ?? c.createdAt ?? "") >= since),
    );
    const items = matching.slice(offset, offset + limit);
    return {
      items,
      total: matching.length,
      nextCursor: offset + items.length < matching.length ? String(offset + items.length) : null,
    };
  },
  async getCustomer(ctx, id) {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new PlatformError("not_found", `Customer ${id} was not found.`, 404);
    return reshapeCustomer((await getCustomerById(authOf(ctx), id)).data);
  },

  async raw(ctx, request: RawRequest) {
    const auth = authOf(ctx);
    const response = await epSend(auth.baseUrl, {
      method: request.method,
      path: request.path,
      query: request.query,
      token: auth.token,
      body: request.body,
      contentType: request.contentType,
    });
    // A 401 goes to the lifecycle (one renewal, one retry); everything else passes through.
    if (response.status === 401) {
      await response.discard();
      throw new PlatformError("unauthorized", "Elastic Path rejected the token.", 401);
    }
    return {
      status: response.status,
      contentType: response.header("content-type"),
      body: await response.text(),
      retryAfter: response.header("retry-after"),
    };
  },
};
