import { describe, expect, it } from "vitest";
import { ApiError, PROBLEMS, problemBody } from "./errors";
import { maskPath } from "./mask";
import { openApiDocument } from "./openapi";
import { rateLimitHeaders, takeToken } from "./rate-limit";
import { confineRawPath } from "./raw-path";
import { validateOpenApi31, validateOpenApiDocument } from "@/e2e/support/api-openapi";

describe("raw path confinement", () => {
  it.each(["/api/shop", "/api/products?x=1".split("?")[0]!, "/api/v3/1003/profile", "/v2/settings", "/catalog/products/abc-123"])("accepts %s", (p) => {
    expect(confineRawPath(p)).toBe(p);
  });
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
    expect(maskPath("/api/v1/raw/api/shop", new URLSearchParams("access_token=abc&q=mug&client_secret=s"))).toBe("/api/v1/raw/api/shop?access_token=***&q=mug&client_secret=***");
    expect(maskPath("/api/v1/raw/slk_ABCDEFGHIJKLMNOP", new URLSearchParams())).toBe("/api/v1/raw/slk_ABCD…");
  });
});

describe("rate limit", () => {
  it("allows a burst, then refuses with a Retry-After, then refills", () => {
    const cfg = { capacity: 3, refillPerSecond: 1 };
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => takeToken("k", t0, cfg).allowed)).toEqual([true, true, true]);
    const refused = takeToken("k", t0, cfg);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    expect(rateLimitHeaders(refused)["RateLimit-Remaining"]).toBe("0");
    expect(takeToken("k", t0 + 1000, cfg).allowed).toBe(true);
    expect(takeToken("other", t0, cfg).allowed).toBe(true);
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
    const doc = openApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, { parameters?: unknown[] }>> };
    const broken = { ...doc, openapi: "3.0.0", paths: { ...doc.paths, "/x/{id}": { get: { responses: { "200": { $ref: "#/components/schemas/Nope" } } } } } };
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
