import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../context";
import { output } from "../input";
import { onPlatform } from "../platform-call";
import { customerPageSchema, customerQuerySchema, customerSchema, idParamsSchema, syncQuery } from "../schemas";
import { common, json, problem, readScope } from "./responses";

const listCustomers = createRoute({
  method: "get",
  path: "/customers",
  operationId: "listCustomers",
  tags: ["customers"],
  summary: "List the store's customers",
  ...readScope,
  request: { query: customerQuerySchema },
  responses: {
    200: json(customerPageSchema),
    422: problem("Invalid query"),
    ...common,
    501: problem("The store's platform has no customers API"),
  },
});

const getCustomer = createRoute({
  method: "get",
  path: "/customers/{id}",
  operationId: "getCustomer",
  tags: ["customers"],
  summary: "One customer",
  ...readScope,
  request: { params: idParamsSchema },
  responses: {
    200: json(customerSchema),
    404: problem("No such customer"),
    ...common,
    501: problem("The store's platform has no customers API"),
  },
});

export function customerRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listCustomers, async (c) => {
    const query = syncQuery(c.req.valid("query"));
    return c.json(output(customerPageSchema, await onPlatform(c, (adapter, ctx) => adapter.listCustomers(ctx, query))), 200);
  });

  app.openapi(getCustomer, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(output(customerSchema, await onPlatform(c, (adapter, ctx) => adapter.getCustomer(ctx, id))), 200);
  });
}
