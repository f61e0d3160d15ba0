import { z } from "zod";
import { PROBLEMS } from "./errors";
import { RATE_LIMIT } from "./rate-limit";
import * as s from "./schemas";

// The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with (JSON Schema
// 2020-12 is OpenAPI 3.1's dialect). Named schemas (`.meta({ id })`) land in components.schemas.

type JsonSchema = Record<string, unknown>;

/**
 * JSON Schema for one zod schema. Named schemas (`.meta({ id })`) come back as `$defs` + `$ref`; they are
 * hoisted into `named` (→ components.schemas) and their refs pointed there.
 */
function toSchema(schema: z.ZodType, io: "input" | "output", named: Record<string, JsonSchema>): JsonSchema {
  const raw = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
  const json = JSON.parse(JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  delete json.$schema;
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  for (const [name, def] of Object.entries(defs)) named[name] ??= def;
  return json;
}

/** Query parameters from a zod object's input shape. */
function queryParameters(schema: z.ZodObject) {
  const json = toSchema(schema, "input", {}) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({ name, in: "query", required: json.required?.includes(name) ?? false, schema: prop }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const json = (schemaName: string, description = "OK") => ({ description, content: { "application/json": { schema: ref(schemaName) } } });
const idParam = (what: string) => ({ name: "id", in: "path", required: true, description: `The ${what}'s platform id`, schema: { type: "string" } });

const common = {
  "401": problem("Missing, malformed or revoked unified token"),
  "409": problem("The store must re-authorize (the problem carries reauthorizeUrl)"),
  "429": problem("Rate limited: by this token's budget, or upstream by the platform (Retry-After)"),
  "503": problem("The platform is unavailable"),
};
const notSupported = { "501": problem("The store's platform cannot do this") };

export function openApiDocument() {
  const schemas: Record<string, JsonSchema> = {};
  for (const schema of [s.storeSchema, s.productSchema, s.productPageSchema, s.orderSchema, s.orderPageSchema, s.problemSchema]) toSchema(schema, "output", schemas);
  for (const schema of [s.stockInputSchema, s.orderPatchSchema]) toSchema(schema, "input", schemas);

  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Storelink unified API",
      version: "1.0.0",
      description:
        "One API for every connected store, whatever its platform. Authenticate with the store's unified token " +
        "(`Authorization: Bearer slk_…`). Errors are RFC 9457 problem+json with stable `type` URIs. Each token " +
        `may burst ${RATE_LIMIT.capacity} requests and refills ${RATE_LIMIT.refillPerSecond} per second (per instance).`,
    },
    servers: [{ url: "/api/v1" }],
    security: [{ unifiedToken: [] }],
    tags: [{ name: "store" }, { name: "products" }, { name: "orders" }, { name: "raw" }],
    paths: {
      "/store": { get: { operationId: "getStore", tags: ["store"], summary: "The connected store", responses: { "200": json("Store"), ...common } } },
      "/products": {
        get: { operationId: "listProducts", tags: ["products"], summary: "List products", parameters: queryParameters(s.productQuerySchema), responses: { "200": json("ProductPage"), "422": problem("Invalid query"), ...common } },
      },
      "/products/{id}": {
        get: { operationId: "getProduct", tags: ["products"], summary: "One product", parameters: [idParam("product")], responses: { "200": json("Product"), "404": problem("No such product"), ...common } },
      },
      "/products/{id}/stock": {
        post: {
          operationId: "adjustStock",
          tags: ["products"],
          summary: "Adjust stock by a delta",
          description:
            "Send an `Idempotency-Key` to retry safely: the first answer is replayed (with `Idempotent-Replayed: true`) for 24 hours, " +
            "and a key whose first request got no answer from the platform is refused with 409 `idempotency-outcome-unknown`.",
          parameters: [
            idParam("product"),
            { name: "Idempotency-Key", in: "header", required: false, description: "1–255 visible ASCII characters, unique per intended change", schema: { type: "string", minLength: 1, maxLength: 255 } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: ref("StockAdjustment") } } },
          responses: {
            "200": json("Product", "The product after the change (or the replayed first answer)"),
            "404": problem("No such product"),
            "422": problem("Invalid body, or the Idempotency-Key was used for a different request"),
            ...common,
            "409": problem("Re-authorize the store; or this Idempotency-Key is still running or has no known outcome"),
            ...notSupported,
          },
        },
      },
      "/orders": {
        get: { operationId: "listOrders", tags: ["orders"], summary: "List orders", parameters: queryParameters(s.orderQuerySchema), responses: { "200": json("OrderPage"), "422": problem("Invalid query"), ...common } },
      },
      "/orders/{id}": {
        get: { operationId: "getOrder", tags: ["orders"], summary: "One order", parameters: [idParam("order")], responses: { "200": json("Order"), "404": problem("No such order"), ...common } },
        patch: {
          operationId: "updateOrder",
          tags: ["orders"],
          summary: "Update an order's payment and/or fulfillment status",
          parameters: [idParam("order")],
          requestBody: { required: true, content: { "application/json": { schema: ref("OrderPatch") } } },
          responses: { "200": json("Order", "The order after the change"), "404": problem("No such order"), "422": problem("Invalid body"), ...common, ...notSupported },
        },
      },
      "/raw/{path}": {
        description: "Passthrough to the platform's own API with Storelink's credentials injected. Relative paths only; the platform's host only.",
        parameters: [{ name: "path", in: "path", required: true, description: "A path on the platform API, e.g. api/shop", schema: { type: "string" } }],
        ...Object.fromEntries(
          ["get", "post", "put", "patch", "delete"].map((m) => [
            m,
            {
              operationId: `raw${m[0]!.toUpperCase()}${m.slice(1)}`,
              tags: ["raw"],
              summary: `${m.toUpperCase()} passthrough`,
              ...(m !== "get" && m !== "delete" && { requestBody: { required: false, content: { "application/json": { schema: {} } } } }),
              responses: { default: { description: "The platform's answer, status and body as it sent them" }, "400": problem("Path outside the platform API"), ...common },
            },
          ]),
        ),
      },
    },
    components: {
      schemas,
      securitySchemes: { unifiedToken: { type: "http", scheme: "bearer", bearerFormat: "slk_ unified token", description: "The store's unified token" } },
    },
    "x-problem-types": Object.fromEntries(Object.entries(PROBLEMS).map(([code, p]) => [code, { status: p.status, title: p.title }])),
  };
}
