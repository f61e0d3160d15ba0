import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { Platform } from "@/generated/prisma/enums";
import { findAppByKey } from "@/lib/apps/app-keys";
import { createConnectSession, exchangeConnectCode } from "@/lib/apps/connect-sessions";
import { oauth2Configured } from "@/lib/connections/oauth2/connect";
import { ecwidAppConfig } from "@/lib/platforms/ecwid/oauth";
import type { ApiEnv } from "../context";
import { ApiError } from "../errors";
import { output, parseInput, readJson } from "../input";
import { rateLimitHeaders, takeToken } from "../rate-limit";
import { platformSchema } from "../schemas";
import { json, problem } from "./responses";

// For integrators' backends, authenticated with an app key (`Bearer sla_…`), not a store's unified token:
// start a connect session, then exchange the code the merchant came back with for the connection id and
// a unified token. The token never travels in a URL.

export type ConnectEnv = ApiEnv & { Variables: { app: { id: string; name: string; returnUrls: string[] } } };

const appKey: MiddlewareHandler<ConnectEnv> = async (c, next) => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
  const found = match ? await findAppByKey(match[1]!) : null;
  if (!found) throw new ApiError("unauthorized", "Send the app's secret key as `Authorization: Bearer sla_…`.");
  c.set("app", found.app);
  const decision = await takeToken(`app:${found.app.id}`);
  c.set("rateHeaders", rateLimitHeaders(decision));
  if (!decision.allowed)
    throw new ApiError("rate_limited", `This app may make ${decision.limit} requests a minute; slow down.`, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  await next();
};

export const sessionInputSchema = z
  .object({
    endUserRef: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .openapi({ description: "Your own reference for the end user (it comes back in webhooks)" }),
    platforms: z
      .array(platformSchema)
      .max(3)
      .default([])
      .openapi({ description: "Platforms to offer; empty: every platform this Storelink offers" }),
    returnUrl: z.url().max(2000).openapi({ description: "Exactly one of the app's registered return URLs" }),
  })
  .strict()
  .openapi("ConnectSessionInput");

const sessionSchema = z.object({ id: z.string(), url: z.string(), expiresAt: z.string() }).openapi("ConnectSession");

export const exchangeInputSchema = z
  .object({ session: z.string().min(1).max(100), code: z.string().min(1).max(200) })
  .strict()
  .openapi("ConnectExchangeInput");

const exchangeSchema = z
  .object({
    connectionId: z.string(),
    platform: platformSchema,
    store: z.object({ id: z.string(), name: z.string() }),
    endUserRef: z.string(),
    reconnected: z.boolean().describe("The store was already connected through this app: its connection and token are unchanged"),
    unifiedToken: z
      .string()
      .nullable()
      .describe("The store's unified token for this app, shown once; null when the app already holds a live one"),
  })
  .openapi("ConnectExchange");

const security = [{ appKey: [] }];

const createSession = createRoute({
  method: "post",
  path: "/sessions",
  operationId: "createConnectSession",
  tags: ["connect"],
  summary: "Start a connect session (app key)",
  security,
  request: {
    body: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ConnectSessionInput" } } } },
  },
  responses: {
    201: json(sessionSchema, "Send the merchant to `url` (valid 30 minutes, opens once)"),
    401: problem("Missing or unknown app key"),
    422: problem("Invalid body, a return URL that is not registered, or a platform not offered"),
  },
});

const exchange = createRoute({
  method: "post",
  path: "/exchange",
  operationId: "exchangeConnectCode",
  tags: ["connect"],
  summary: "Exchange the merchant's one-time code for the connection and its unified token (app key)",
  security,
  request: {
    body: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ConnectExchangeInput" } } } },
  },
  responses: {
    200: json(exchangeSchema),
    400: problem("The code does not belong to this session"),
    401: problem("Missing or unknown app key"),
    404: problem("No such session for this app"),
    409: problem("The code was already exchanged, or the merchant has not finished"),
    410: problem("The code has expired"),
  },
});

const offeredPlatforms = (): Platform[] => [
  ...(ecwidAppConfig() ? (["ECWID"] as const) : []),
  "ELASTICPATH",
  ...(oauth2Configured() ? (["OAUTH2"] as const) : []),
];

export function connectRoutes(app: OpenAPIHono<ConnectEnv>) {
  app.use("*", appKey);
  app.openAPIRegistry.register("ConnectSessionInput", sessionInputSchema);
  app.openAPIRegistry.register("ConnectExchangeInput", exchangeInputSchema);

  app.openapi(createSession, async (c) => {
    const input = parseInput(sessionInputSchema, await readJson(c));
    const session = await createConnectSession(c.get("app"), { ...input, offered: offeredPlatforms() });
    return c.json(output(sessionSchema, { ...session, expiresAt: session.expiresAt.toISOString() }), 201);
  });

  app.openapi(exchange, async (c) => {
    const input = parseInput(exchangeInputSchema, await readJson(c));
    return c.json(output(exchangeSchema, await exchangeConnectCode(c.get("app").id, input)), 200);
  });
}
