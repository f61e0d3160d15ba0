import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../context";
import { output } from "../input";
import { onPlatform } from "../platform-call";
import { storeSchema } from "../schemas";
import { common, json, readScope } from "./responses";

const getStore = createRoute({
  method: "get",
  path: "/store",
  operationId: "getStore",
  tags: ["store"],
  summary: "The connected store",
  ...readScope,
  responses: { 200: json(storeSchema), ...common },
});

export function storeRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(getStore, async (c) =>
    c.json(output(storeSchema, await onPlatform(c, (adapter, ctx) => adapter.getStore(ctx))), 200),
  );
}
