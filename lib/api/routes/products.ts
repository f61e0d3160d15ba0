import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { requireWriteScope } from "../authenticate";
import type { ApiEnv } from "../context";
import { idempotent } from "../idempotency";
import { output, parseInput, readJson } from "../input";
import { onPlatform } from "../platform-call";
import { idParamsSchema, productPageSchema, productQuerySchema, productSchema, stockInputSchema, syncQuery } from "../schemas";
import { common, json, problem, readScope, writes, writeScope } from "./responses";

const listProducts = createRoute({
  method: "get",
  path: "/products",
  operationId: "listProducts",
  tags: ["products"],
  summary: "List products",
  ...readScope,
  request: { query: productQuerySchema },
  responses: { 200: json(productPageSchema), 422: problem("Invalid query"), ...common },
});

const getProduct = createRoute({
  method: "get",
  path: "/products/{id}",
  operationId: "getProduct",
  tags: ["products"],
  summary: "One product",
  ...readScope,
  request: { params: idParamsSchema },
  responses: { 200: json(productSchema), 404: problem("No such product"), ...common },
});

const adjustStock = createRoute({
  method: "post",
  path: "/products/{id}/stock",
  operationId: "adjustStock",
  tags: ["products"],
  summary: "Adjust stock by a delta",
  description:
    "Send an `Idempotency-Key` to retry safely: the first answer is replayed (with `Idempotent-Replayed: true`) for 24 hours, " +
    "and a key whose first request got no answer from the platform is refused with 409 `idempotency-outcome-unknown`.",
  ...writeScope,
  request: {
    params: idParamsSchema,
    headers: z.object({
      "idempotency-key": z
        .string()
        .min(1)
        .max(255)
        .optional()
        .openapi({ description: "1–255 visible ASCII characters, unique per intended change" }),
    }),
    // Parsed by the handler (readJson + the same schema), so a body that is not JSON is a 400 and an
    // over-large one a 413, whatever its Content-Type.
    body: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/StockAdjustment" } } } },
  },
  responses: {
    200: json(productSchema, "The product after the change (or the replayed first answer)"),
    404: problem("No such product"),
    422: problem("Invalid body, or the Idempotency-Key was used for a different request"),
    ...common,
    409: problem("Re-authorize the store; or this Idempotency-Key is still running or has no known outcome"),
    ...writes,
  },
});

export function productRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openAPIRegistry.register("StockAdjustment", stockInputSchema);

  app.openapi(listProducts, async (c) => {
    const query = syncQuery(c.req.valid("query"));
    return c.json(output(productPageSchema, await onPlatform(c, (adapter, ctx) => adapter.listProducts(ctx, query))), 200);
  });

  app.openapi(getProduct, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(output(productSchema, await onPlatform(c, (adapter, ctx) => adapter.getProduct(ctx, id))), 200);
  });

  app.openapi(adjustStock, async (c) => {
    requireWriteScope(c.get("caller"));
    const { id } = c.req.valid("param");
    const { delta } = parseInput(stockInputSchema, await readJson(c));
    const answer = await onPlatform(c, (adapter, ctx) =>
      idempotent(c.req.raw, ctx.connection.id, { id, delta }, async () => ({
        body: output(productSchema, await adapter.adjustStock(ctx, id, delta)),
      })),
    );
    return c.json(answer.body as z.output<typeof productSchema>, 200, answer.headers);
  });
}
