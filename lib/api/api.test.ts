import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError, PROBLEMS, problemBody } from "./errors";
import { maskPath } from "@/lib/requests/mask";
import { openApiDocument } from "./app";
import { RATE_LIMIT, rateLimitHeaders, takeToken } from "./rate-limit";
import { confineRawPath } from "./raw-path";
import { validateOpenApi31, validateOpenApiDocument } from "@/e2e/support/api-openapi";

describe("raw path confinement", () => {
  it.each(["/api/shop", "/api/products?x=1".split("?")[0]!, "/api/v3/1003/profile", "/v2/settings", "/catalog/products/abc-123"])(
    "accepts %s",
    (p) => {
      expect(confineRawPath(p)).toBe(p);
    },
  );
  it.each([
    "api/shop",
    "/api/%2e%2e/oauth/token",
    "/api/%2E%2E/x",
    "/api/..%2Fx",
    "/api/%252e%252e/x",
    "/api/../x",
    "/api/./x",
    "/api\\..\\x",
    "//evil.example/x",
    "/http://evil.example/",
    "/https:%2F%2Fevil.example",
    "/api/shop@evil.example",
    "/api/%00",
    "/api/%5c..",
  ])("refuses %s", (p) => {
    expect(() => confineRawPath(p)).toThrow(ApiError);
  });
});

describe("problem details", () => {
  it("maps every code to a stable type URI and its status", () => {
    for (const code of Object.keys(PROBLEMS) as (keyof typeof PROBLEMS)[]) {
      const body = problemBody(new ApiError(code, "x"));
      expect(body.type).toBe(`https://storelink.dev/problems/${code.replaceAll("_", "-")}`);
      expect(body.status).toBe(PROBLEMS[code].status);
    }
  });
});

describe("masking", () => {
  it("masks secret-looking query values and unified tokens in paths", () => {
    expect(maskPath("/api/v1/raw/api/shop", new URLSearchParams("access_token=abc&q=mug&client_secret=s"))).toBe(
      "/api/v1/raw/api/shop?access_token=***&q=mug&client_secret=***",
    );
    expect(maskPath("/api/v1/raw/slk_ABCDEFGHIJKLMNOP", new URLSearchParams())).toBe("/api/v1/raw/slk_ABCD…");
  });
});

describe("rate limit (per process without REDIS_URL)", () => {
  beforeAll(() => {
    vi.stubEnv("AUTH_SECRET", "api-test-auth-secret-0123456789abcdef");
    vi.stubEnv("STORELINK_VAULT_KEYS", `k1:${randomBytes(32).toString("base64")}`);
    vi.stubEnv("REDIS_URL", "");
  });
  afterAll(() => vi.unstubAllEnvs());

  it("allows the token's budget in a window, then refuses with a Retry-After; other tokens are unaffected", async () => {
    const key = `k-${Math.random()}`;
    const first = await Promise.all(Array.from({ length: RATE_LIMIT.points }, () => takeToken(key)));
    expect(first.every((d) => d.allowed)).toBe(true);
    const refused = await takeToken(key);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMIT.windowSeconds);
    expect(rateLimitHeaders(refused)).toMatchObject({
      "RateLimit-Remaining": "0",
      "RateLimit-Policy": `"per-token";q=${RATE_LIMIT.points};w=${RATE_LIMIT.windowSeconds}`,
    });
    expect((await takeToken(`other-${key}`)).allowed).toBe(true);
  });
});

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (the official JSON Schema and the semantic checks), generated from the zod schemas", async () => {
    const doc = openApiDocument() as unknown as Record<string, unknown>;
    expect(await validateOpenApiDocument(doc)).toEqual([]);
    const product = (doc.components as { schemas: Record<string, { required: string[] }> }).schemas.Product!;
    expect(product.required).toEqual(expect.arrayContaining(["id", "name", "price", "stock"]));
  });
  it("the validator catches broken documents (so it can fail)", () => {
    const doc = openApiDocument() as unknown as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: unknown[] }>>;
    };
    const broken = {
      ...doc,
      openapi: "3.0.0",
      paths: { ...doc.paths, "/x/{id}": { get: { responses: { "200": { $ref: "#/components/schemas/Nope" } } } } },
    };
    const errors = validateOpenApi31(broken as unknown as Record<string, unknown>);
    expect(errors).toEqual(expect.arrayContaining(["openapi must be 3.1.x", "get /x/{id}: no path parameter for {id}"]));
    expect(errors.some((e) => e.includes("unresolved $ref"))).toBe(true);
  });
  it("the official schema catches what the semantic checks do not look at", async () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const path = Object.keys(doc.paths)[0]!;
    const method = Object.keys(doc.paths[path]!)[0]!;
    const operation = { ...doc.paths[path]![method], tags: "not-an-array" };
    const broken = { ...doc, paths: { ...doc.paths, [path]: { [method]: operation } } } as unknown as Record<string, unknown>;
    expect(validateOpenApi31(broken)).toEqual([]);
    const errors = await validateOpenApiDocument(broken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.startsWith("schema: "))).toBe(true);
  });
});
