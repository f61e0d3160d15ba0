import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { requireWriteScope } from "../authenticate";
import type { ApiEnv } from "../context";
import { output, parseInput, readJson } from "../input";
import { onPlatform } from "../platform-call";
import {
  idParamsSchema,
  orderCountQuerySchema,
  orderCountSchema,
  orderPageSchema,
  orderPatchSchema,
  orderQuerySchema,
  orderSchema,
  syncQuery,
} from "../schemas";
import { common, json, problem, readScope, writes, writeScope } from "./responses";

const listOrders = createRoute({
  method: "get",
  path: "/orders",
  operationId: "listOrders",
  tags: ["orders"],
  summary: "List orders",
  ...readScope,
  request: { query: orderQuerySchema },
  responses: { 200: json(orderPageSchema), 422: problem("Invalid query"), ...common },
});

const countOrders = createRoute({
  method: "get",
  path: "/orders/count",
  operationId: "countOrders",
  tags: ["orders"],
  summary: "How many orders match the filters",
  ...readScope,
  request: { query: orderCountQuerySchema },
  responses: {
    200: json(orderCountSchema),
    422: problem("Invalid query"),
    ...common,
    501: problem("The store's platform cannot count orders"),
  },
});

const getOrder = createRoute({
  method: "get",
  path: "/orders/{id}",
  operationId: "getOrder",
  tags: ["orders"],
  summary: "One order",
  ...readScope,
  request: { params: idParamsSchema },
  responses: { 200: json(orderSchema), 404: problem("No such order"), ...common },
});

const updateOrder = createRoute({
  method: "patch",
  path: "/orders/{id}",
  operationId: "updateOrder",
  tags: ["orders"],
  summary: "Update an order's payment and/or fulfillment status",
  ...writeScope,
  request: {
    params: idParamsSchema,
    // Parsed by the handler with the same schema (a body that is not JSON is a 400, whatever its Content-Type).
    body: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/OrderPatch" } } } },
  },
  responses: {
    200: json(orderSchema, "The order after the change"),
    404: problem("No such order"),
    422: problem("Invalid body"),
    ...common,
    ...writes,
  },
});

export function orderRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openAPIRegistry.register("OrderPatch", orderPatchSchema);

  app.openapi(listOrders, async (c) => {
    const query = syncQuery(c.req.valid("query"));
    return c.json(output(orderPageSchema, await onPlatform(c, (adapter, ctx) => adapter.listOrders(ctx, query))), 200);
  });

  // Before /orders/{id}, which would otherwise take "count" for an id.
  app.openapi(countOrders, async (c) => {
    const query = syncQuery(c.req.valid("query"));
    return c.json(
      output(orderCountSchema, { count: await onPlatform(c, (adapter, ctx) => adapter.countOrders(ctx, query)) }),
      200,
    );
  });

  app.openapi(getOrder, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(output(orderSchema, await onPlatform(c, (adapter, ctx) => adapter.getOrder(ctx, id))), 200);
  });

  app.openapi(updateOrder, async (c) => {
    requireWriteScope(c.get("caller"));
    const { id } = c.req.valid("param");
    const patch = parseInput(orderPatchSchema, await readJson(c));
    return c.json(output(orderSchema, await onPlatform(c, (adapter, ctx) => adapter.updateOrder(ctx, id, patch))), 200);
  });
}
