import { z } from "@hono/zod-openapi";
import { FULFILLMENT_STATUSES, PAYMENT_STATUSES } from "@/lib/platforms/order-statuses";

// Inputs and outputs of the unified API, declared once: the routes validate with them, responses are
// parsed through them before they leave (a field added to an adapter later cannot leak), and the OpenAPI
// document is generated from them (`.openapi(name)` makes a named component).

export const platformSchema = z.enum(["ECWID", "ELASTICPATH", "OAUTH2"]);
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export const fulfillmentStatusSchema = z.enum(FULFILLMENT_STATUSES);

export const storeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    platform: platformSchema,
    url: z.string().nullable(),
    email: z.string().nullable(),
    currency: z.string().nullable(),
  })
  .openapi("Store");

export const productSchema = z
  .object({
    id: z.string(),
    sku: z.string().nullable(),
    name: z.string(),
    price: z.number().nullable(),
    currency: z.string().nullable(),
    stock: z.number().nullable().describe("null = not tracked / unlimited"),
    enabled: z.boolean(),
    url: z.string().nullable(),
    updatedAt: z.string().nullable().describe("RFC 3339; null when the platform does not say"),
  })
  .openapi("Product");

export const orderSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    total: z.number(),
    currency: z.string().nullable(),
    paymentStatus: paymentStatusSchema.nullable(),
    fulfillmentStatus: fulfillmentStatusSchema.nullable(),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable().describe("RFC 3339; null when the platform does not say"),
    items: z.array(z.object({ sku: z.string().nullable(), name: z.string(), quantity: z.number(), price: z.number() })),
  })
  .openapi("Order");

export const customerSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi("Customer");

const page = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), total: z.number().int(), nextCursor: z.string().nullable() }).openapi(id);

export const productPageSchema = page(productSchema, "ProductPage");
export const orderPageSchema = page(orderSchema, "OrderPage");
export const customerPageSchema = page(customerSchema, "CustomerPage");
export const orderCountSchema = z.object({ count: z.number().int() }).openapi("OrderCount");

const limit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = z.string().min(1).max(200).optional();
const rfc3339 = z.iso.datetime({ offset: true }).optional();
/** Incremental sync; `updated_since` is accepted as an alias (the unified API's names are camelCase). */
const sync = {
  updatedSince: rfc3339.openapi({
    description: "RFC 3339: only what changed at or after this instant, oldest change first (stable order), for incremental sync",
  }),
  updated_since: rfc3339.openapi({ description: "Alias of updatedSince" }),
};

export const productQuerySchema = z.object({ q: z.string().trim().min(1).max(200).optional(), ...sync, limit, cursor });
const orderFilters = {
  paymentStatus: paymentStatusSchema.optional(),
  fulfillmentStatus: fulfillmentStatusSchema.optional(),
  ...sync,
};
export const orderQuerySchema = z.object({ ...orderFilters, limit, cursor });
export const orderCountQuerySchema = z.object(orderFilters);
export const customerQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  email: z.string().trim().min(3).max(320).optional(),
  ...sync,
  limit,
  cursor,
});

/** A validated query with the sync alias folded into `updatedSince`. */
export function syncQuery<Q extends { updatedSince?: string; updated_since?: string }>(query: Q): Omit<Q, "updated_since"> {
  const { updated_since: alias, ...rest } = query;
  return { ...rest, updatedSince: rest.updatedSince ?? alias };
}

export const stockInputSchema = z
  .object({
    delta: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((d) => d !== 0, "delta must not be 0"),
  })
  .strict()
  .openapi("StockAdjustment");

export const orderPatchSchema = z
  .object({ paymentStatus: paymentStatusSchema.optional(), fulfillmentStatus: fulfillmentStatusSchema.optional() })
  .strict()
  .refine(
    (p) => p.paymentStatus !== undefined || p.fulfillmentStatus !== undefined,
    "give paymentStatus and/or fulfillmentStatus",
  )
  .openapi("OrderPatch");

export const idSchema = z.string().min(1).max(200);
export const rawParamsSchema = z.object({
  path: z.string().openapi({
    param: { name: "path", in: "path" },
    description: "A path on the platform API, e.g. api/shop",
    example: "products",
  }),
});
export const idParamsSchema = z.object({
  id: idSchema.openapi({ param: { name: "id", in: "path" }, description: "The platform's id" }),
});

export const problemSchema = z
  .object({
    type: z.string().describe("Stable URI identifying the problem type"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    reauthorizeUrl: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");
