import { z } from "zod";

// Inputs and outputs of the unified API. Responses are parsed through these before they leave, so a
// field added to an adapter later cannot leak; the OpenAPI document is generated from them.

export const platformSchema = z.enum(["ECWID", "ELASTICPATH", "OAUTH2"]);
export const paymentStatusSchema = z.enum(["AWAITING_PAYMENT", "PAID", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED", "INCOMPLETE"]);
export const fulfillmentStatusSchema = z.enum(["AWAITING_PROCESSING", "PROCESSING", "SHIPPED", "DELIVERED", "WILL_NOT_DELIVER", "RETURNED", "READY_FOR_PICKUP"]);

export const storeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    platform: platformSchema,
    url: z.string().nullable(),
    email: z.string().nullable(),
    currency: z.string().nullable(),
  })
  .meta({ id: "Store" });

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
  })
  .meta({ id: "Product" });

export const orderSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    total: z.number(),
    currency: z.string().nullable(),
    paymentStatus: paymentStatusSchema.nullable(),
    fulfillmentStatus: fulfillmentStatusSchema.nullable(),
    createdAt: z.string().nullable(),
    items: z.array(z.object({ sku: z.string().nullable(), name: z.string(), quantity: z.number(), price: z.number() })),
  })
  .meta({ id: "Order" });

const page = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), total: z.number().int(), nextCursor: z.string().nullable() }).meta({ id });

export const productPageSchema = page(productSchema, "ProductPage");
export const orderPageSchema = page(orderSchema, "OrderPage");

const limit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = z.string().min(1).max(200).optional();

export const productQuerySchema = z.object({ q: z.string().trim().min(1).max(200).optional(), limit, cursor });
export const orderQuerySchema = z.object({
  paymentStatus: paymentStatusSchema.optional(),
  fulfillmentStatus: fulfillmentStatusSchema.optional(),
  limit,
  cursor,
});

export const stockInputSchema = z
  .object({ delta: z.number().int().min(-1_000_000).max(1_000_000).refine((d) => d !== 0, "delta must not be 0") })
  .strict()
  .meta({ id: "StockAdjustment" });

export const orderPatchSchema = z
  .object({ paymentStatus: paymentStatusSchema.optional(), fulfillmentStatus: fulfillmentStatusSchema.optional() })
  .strict()
  .refine((p) => p.paymentStatus !== undefined || p.fulfillmentStatus !== undefined, "give paymentStatus and/or fulfillmentStatus")
  .meta({ id: "OrderPatch" });

export const idSchema = z.string().min(1).max(200);

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
  .meta({ id: "Problem" });
