import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "./context";
import { PROBLEMS } from "./errors";
import { RATE_LIMIT } from "./rate-limit";

// The OpenAPI 3.1 document, generated from the running routes (@hono/zod-openapi: the same zod schemas
// the routes validate with). Named schemas (`.openapi(name)`) land in components.schemas.

const DESCRIPTION =
  "One API for every connected store, whatever its platform. Authenticate with the store's unified token " +
  "(`Authorization: Bearer slk_…`). Tokens have a scope: `read` tokens may call GET endpoints (and GET through the raw " +
  "passthrough) only; `read_write` tokens may also change stock, orders and send other methods through the passthrough " +
  "(each operation's `x-required-scope` says which it needs; a read-only token gets 403 `insufficient-scope`). " +
  "Errors are RFC 9457 problem+json with stable `type` URIs. " +
  `Each token may make ${RATE_LIMIT.points} requests per ${RATE_LIMIT.windowSeconds} seconds (shared by every instance when Storelink runs with Redis).`;

export function documentFor(routes: OpenAPIHono<ApiEnv>) {
  const doc = routes.getOpenAPI31Document({
    openapi: "3.1.0",
    info: { title: "Storelink unified API", version: "1.0.0", description: DESCRIPTION },
    servers: [{ url: "/api/v1" }],
    security: [{ unifiedToken: [] }],
    tags: [
      { name: "store" },
      { name: "products" },
      { name: "orders" },
      { name: "customers" },
      { name: "raw" },
      { name: "connect", description: "For integrators' backends, with an app key" },
    ],
  });
  return {
    ...doc,
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    components: {
      ...doc.components,
      securitySchemes: {
        unifiedToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "slk_ unified token",
          description: "The store's unified token (scope read or read_write)",
        },
        appKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "sla_ app key",
          description: "An integrator app's secret key (connect sessions and code exchange)",
        },
      },
    },
    "x-problem-types": Object.fromEntries(
      Object.entries(PROBLEMS).map(([code, p]) => [code, { status: p.status, title: p.title }]),
    ),
  };
}
