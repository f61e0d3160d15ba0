import "server-only";
import { ecwidRawResources } from "./raw-resources";
import { PlatformError, type ConnectionContext, type PlatformAdapter } from "@/lib/platforms/types";
import type { EcwidCredentials, EcwidOrder, EcwidProduct, EcwidProfile, EcwidSearchResult } from "./ecwid-types";
import { nextOffsetCursor, offsetFromCursor, reshapeOrder, reshapeProduct, reshapeStore } from "./reshape";
import { ecwidFetch, ecwidSend } from "./transport";

// Ecwid tokens never expire (valid until uninstall), so there is no `renew`: the lifecycle engine
// health-checks them with GET /profile instead.

type Ctx = ConnectionContext<EcwidCredentials>;

const call = <T>(
  ctx: Ctx,
  path: string,
  init: { method?: "GET" | "PUT"; query?: Record<string, string | number | undefined>; body?: unknown } = {},
) => ecwidFetch<T>({ storeId: ctx.connection.externalId, token: ctx.credentials.accessToken, path, ...init });

const segment = (id: string) => {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new PlatformError("invalid", "That id is not a valid Ecwid id.");
  return encodeURIComponent(id);
};

export const ecwidAdapter: PlatformAdapter<EcwidCredentials> = {
  platform: "ECWID",
  rawResources: ecwidRawResources,

  async healthCheck(ctx) {
    await call<EcwidProfile>(ctx, "/profile");
  },

  async getStore(ctx) {
    return reshapeStore(ctx.connection.externalId, await call<EcwidProfile>(ctx, "/profile"));
  },

  async listProducts(ctx, query) {
    const offset = offsetFromCursor(query.cursor);
    const limit = Math.min(100, Math.max(1, query.limit));
    const page = await call<EcwidSearchResult<EcwidProduct>>(ctx, "/products", { query: { keyword: query.q, offset, limit } });
    return {
      items: page.items.map((p) => reshapeProduct(p)),
      total: page.total,
      nextCursor: nextOffsetCursor(offset, page.count, page.total),
    };
  },

  async getProduct(ctx, id) {
    return reshapeProduct(await call<EcwidProduct>(ctx, `/products/${segment(id)}`));
  },

  async adjustStock(ctx, id, delta) {
    if (!Number.isInteger(delta) || delta === 0)
      throw new PlatformError("invalid", "The stock change must be a non-zero whole number.");
    await call(ctx, `/products/${segment(id)}/inventory`, { method: "PUT", body: { quantityDelta: delta } });
    return reshapeProduct(await call<EcwidProduct>(ctx, `/products/${segment(id)}`));
  },

  async listOrders(ctx, query) {
    const offset = offsetFromCursor(query.cursor);
    const limit = Math.min(100, Math.max(1, query.limit));
    const page = await call<EcwidSearchResult<EcwidOrder>>(ctx, "/orders", {
      query: { paymentStatus: query.paymentStatus, fulfillmentStatus: query.fulfillmentStatus, offset, limit },
    });
    return {
      items: page.items.map((o) => reshapeOrder(o)),
      total: page.total,
      nextCursor: nextOffsetCursor(offset, page.count, page.total),
    };
  },

  async getOrder(ctx, id) {
    return reshapeOrder(await call<EcwidOrder>(ctx, `/orders/${segment(id)}`));
  },

  async updateOrder(ctx, id, patch) {
    const body = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(body).length === 0) throw new PlatformError("invalid", "Nothing to change on the order.");
    await call(ctx, `/orders/${segment(id)}`, { method: "PUT", body });
    return reshapeOrder(await call<EcwidOrder>(ctx, `/orders/${segment(id)}`));
  },

  countOrders: async () => {
    throw new PlatformError("not_supported", "Counting orders is not available for Ecwid yet.");
  },
  listCustomers: async () => {
    throw new PlatformError("not_supported", "Customers are not available for Ecwid yet.");
  },
  getCustomer: async () => {
    throw new PlatformError("not_supported", "Customers are not available for Ecwid yet.");
  },

  async raw(ctx, request) {
    const method = request.method.toUpperCase();
    if (!["GET", "POST", "PUT", "DELETE"].includes(method))
      throw new PlatformError("not_supported", `Ecwid does not take ${method}.`);
    const res = await ecwidSend({
      storeId: ctx.connection.externalId,
      token: ctx.credentials.accessToken,
      method: method as "GET",
      path: request.path.startsWith("/") ? request.path : `/${request.path}`,
      query: request.query,
      body: request.body ?? undefined,
      contentType: request.contentType,
    });
    return { status: res.status, contentType: res.contentType, body: res.text, retryAfter: res.retryAfter };
  },
};
