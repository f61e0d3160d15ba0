import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { generateUnifiedToken, isWellFormedUnifiedToken, UNIFIED_TOKEN_PATTERN } from "@/lib/connections/unified-token-format";
import { ApiError } from "./errors";
import { confineRawPath } from "./raw-path";
import {
  idSchema,
  orderPatchSchema,
  orderQuerySchema,
  paymentStatusSchema,
  fulfillmentStatusSchema,
  productQuerySchema,
  stockInputSchema,
} from "./schemas";

// Hostile input for the unified API's edge: the token parser, the raw-path confinement, every input
// schema (and the 422/400 mapping around them), and the generic OAuth2 callback. Each either answers or
// throws its own typed error, so no input becomes a 500; forgeries and escapes are never accepted.

const RUNS = { numRuns: 400 };

// Every platform call goes through the pooled upstream client: count them, so "nothing was exchanged" is checked.
const upstreamCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/platforms/http", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/platforms/http")>();
  return { ...real, upstream: (...args: Parameters<typeof real.upstream>) => (upstreamCalls.count++, real.upstream(...args)) };
});
const BIG = { numRuns: 30 };

beforeAll(() => {
  vi.stubEnv("AUTH_SECRET", "hostile-input-test-auth-secret-0123456789");
  vi.stubEnv("DATABASE_URL", "postgresql://unused@127.0.0.1:1/unused");
  vi.stubEnv("STORELINK_VAULT_KEYS", `k1:${randomBytes(32).toString("base64")}`);
  vi.stubEnv("APP_URL", "http://127.0.0.1:3999");
});
afterAll(() => vi.unstubAllEnvs());

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "binary-ascii" }),
);
const huge = fc.oneof(fc.string({ minLength: 50_000, maxLength: 200_000 }), fc.constant("slk_".padEnd(1_000_000, "A")));

describe("unified-token parser", () => {
  it("never throws and rejects arbitrary and huge strings", () => {
    fc.assert(
      fc.property(anyText, (s) => void expect(isWellFormedUnifiedToken(s)).toBe(false)),
      RUNS,
    );
    fc.assert(
      fc.property(huge, (s) => void expect(isWellFormedUnifiedToken(s)).toBe(false)),
      BIG,
    );
  });

  it("rejects a right-shaped token whose checksum belongs to another body (forgery)", () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const a = generateUnifiedToken();
        const b = generateUnifiedToken();
        const forged = `${a.slice(0, 47)}${b.slice(47)}`;
        expect(UNIFIED_TOKEN_PATTERN.test(forged)).toBe(true);
        fc.pre(a.slice(47) !== b.slice(47));
        expect(isWellFormedUnifiedToken(forged)).toBe(false);
      }),
      RUNS,
    );
  });

  it("accepts every generated token and refuses it after any single-character change", () => {
    const base62 = [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"];
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (pos, pick) => {
        const token = generateUnifiedToken();
        expect(isWellFormedUnifiedToken(token)).toBe(true);
        const i = 4 + (pos % 49);
        const replacement = base62[pick % 62]!;
        fc.pre(replacement !== token[i]);
        const changed = token.slice(0, i) + replacement + token.slice(i + 1);
        // CRC-32 detects every single-character change in the body; a changed checksum never matches.
        expect(isWellFormedUnifiedToken(changed)).toBe(false);
        expect(isWellFormedUnifiedToken(`${token} `)).toBe(false);
        expect(isWellFormedUnifiedToken(token.toLowerCase() === token ? token.toUpperCase() : token.toLowerCase())).toBe(false);
      }),
      RUNS,
    );
  });
});

/** confineRawPath's outcome: the path, or "refused"; anything but ApiError(path_not_allowed) is rethrown. */
function confine(path: string): string {
  try {
    return confineRawPath(path);
  } catch (error) {
    if (error instanceof ApiError && error.code === "path_not_allowed") return "refused";
    throw error;
  }
}

/** Where an accepted path would really go, the way the adapters build upstream URLs. */
function landsUnder(path: string): boolean {
  const ecwid = new URL(`https://api.ecwid.test/api/v3/1003${path}`);
  const ep = new URL(`https://ep.test${path}`);
  return (
    ecwid.host === "api.ecwid.test" &&
    ecwid.pathname.startsWith("/api/v3/1003") &&
    ep.host === "ep.test" &&
    ecwid.username === "" &&
    ep.username === ""
  );
}

describe("raw-path confinement", () => {
  const piece = fc.constantFrom(
    "..",
    ".",
    "%2e%2e",
    "%2E%2e",
    ".%2e",
    "%2e.",
    "%2f",
    "%2F",
    "%5c",
    "\\",
    "",
    "http:",
    "https:",
    "evil.example",
    "@evil",
    "%252e%252e",
    "%00",
    "%",
    "products",
    "v2",
    "settings",
    "a b",
    "é",
    "?x=1",
    "#f",
    ":",
    "..;",
    "%c0%ae",
  );
  const hostilePath = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => `/${parts.join("/")}`);

  it("throws only its own error on arbitrary strings, unicode and huge input", () => {
    fc.assert(
      fc.property(anyText, (s) => void confine(s)),
      RUNS,
    );
    fc.assert(
      fc.property(huge, (s) => void expect(confine(`/${s}`)).toBe("refused")),
      BIG,
    );
  });

  it("never lets an accepted path leave the platform API or its store", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostilePath,
          anyText.map((s) => `/${s}`),
        ),
        (path) => {
          const result = confine(path);
          if (result === "refused") return;
          expect(result).toBe(path);
          expect(landsUnder(path)).toBe(true);
          const decodedSegments = path.split("/").map((s) => {
            try {
              return decodeURIComponent(s);
            } catch {
              return s;
            }
          });
          expect(decodedSegments.some((s) => s === ".." || s === "." || s.includes("/") || s.includes("\\"))).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it("refuses the known escapes", () => {
    for (const path of [
      "/../oauth/token",
      "/%2e%2e/x",
      "/..%2fx",
      "/%2E%2E%2F",
      "//evil.example/x",
      "/http://evil/",
      "/https:%2F%2Fevil",
      "/x/%252e%252e/",
      "/x\\..\\y",
      "/@evil/x",
      "x",
      "",
      "/a/./b",
    ]) {
      expect(confine(path), path).toBe("refused");
    }
    expect(confine("/products/123")).toBe("/products/123");
  });
});

/** safeParse never throws; parse throws only a ZodError; the handler's parseInput only an ApiError 422. */
function schemaOutcome<S extends z.ZodType>(schema: S, value: unknown): { ok: true; data: z.output<S> } | { ok: false } {
  const safe = schema.safeParse(value);
  try {
    const data = schema.parse(value);
    expect(safe.success).toBe(true);
    return { ok: true, data };
  } catch (error) {
    expect(error).toBeInstanceOf(z.ZodError);
    expect(safe.success).toBe(false);
    return { ok: false };
  }
}

const queryFrom = (raw: string) => Object.fromEntries(new URLSearchParams(raw));
const hostileQuery = fc.oneof(
  anyText.map(queryFrom),
  fc.dictionary(
    fc.constantFrom("q", "limit", "cursor", "paymentStatus", "fulfillmentStatus", "__proto__", "constructor"),
    fc.oneof(
      anyText,
      fc.constantFrom("0", "1", "100", "101", "-1", "1e2", "0x10", "NaN", "Infinity", " 5 ", "PAID", "SHIPPED", ""),
    ),
  ),
  fc.anything(),
);
const hostileBody = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.record({ delta: fc.anything() }),
  fc.record({ paymentStatus: fc.anything(), fulfillmentStatus: fc.anything() }, { requiredKeys: [] }),
);

describe("unified-API input schemas", () => {
  it("product and order queries: any input parses to a bounded query or fails with a ZodError", () => {
    fc.assert(
      fc.property(hostileQuery, (value) => {
        const products = schemaOutcome(productQuerySchema, value);
        if (products.ok) {
          expect(Number.isInteger(products.data.limit) && products.data.limit >= 1 && products.data.limit <= 100).toBe(true);
          if (products.data.q !== undefined) expect(products.data.q.length).toBeGreaterThan(0);
          if (products.data.cursor !== undefined) expect(products.data.cursor.length).toBeLessThanOrEqual(200);
        }
        const orders = schemaOutcome(orderQuerySchema, value);
        if (orders.ok) {
          expect(Number.isInteger(orders.data.limit) && orders.data.limit >= 1 && orders.data.limit <= 100).toBe(true);
          if (orders.data.paymentStatus) expect(paymentStatusSchema.options).toContain(orders.data.paymentStatus);
          if (orders.data.fulfillmentStatus) expect(fulfillmentStatusSchema.options).toContain(orders.data.fulfillmentStatus);
        }
      }),
      RUNS,
    );
  });

  it("stock body: only a non-zero whole delta within bounds and nothing else", () => {
    fc.assert(
      fc.property(hostileBody, (value) => {
        const r = schemaOutcome(stockInputSchema, value);
        if (r.ok) {
          expect(Object.keys(r.data)).toEqual(["delta"]);
          expect(Number.isInteger(r.data.delta) && r.data.delta !== 0 && Math.abs(r.data.delta) <= 1_000_000).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("order patch: at least one known status, no other keys", () => {
    fc.assert(
      fc.property(hostileBody, (value) => {
        const r = schemaOutcome(orderPatchSchema, value);
        if (r.ok) {
          expect(Object.keys(r.data).every((k) => k === "paymentStatus" || k === "fulfillmentStatus")).toBe(true);
          expect(r.data.paymentStatus !== undefined || r.data.fulfillmentStatus !== undefined).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("path ids: bounded strings only", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), anyText), (value) => {
        const r = schemaOutcome(idSchema, value);
        if (r.ok) expect(typeof r.data === "string" && r.data.length >= 1 && r.data.length <= 200).toBe(true);
      }),
      RUNS,
    );
  });

  it("the routes' parseInput and readJson throw only ApiError (422 / 400 / 413)", async () => {
    const { parseInput, readJson } = await import("./input");
    fc.assert(
      fc.property(hostileBody, (value) => {
        for (const schema of [
          stockInputSchema,
          orderPatchSchema,
          productQuerySchema,
          orderQuerySchema,
          idSchema,
        ] as z.ZodType[]) {
          try {
            parseInput(schema, value);
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError);
            expect((error as ApiError).status).toBe(422);
          }
        }
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyText,
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ""),
          fc.string({ minLength: 100_001, maxLength: 120_000 }),
        ),
        async (text) => {
          await readJson({ req: { header: () => undefined, text: async () => text } }).then(
            () => undefined,
            (error: unknown) => {
              expect(error).toBeInstanceOf(ApiError);
              expect([400, 413]).toContain((error as ApiError).status);
            },
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("generic OAuth2 callback parameters", () => {
  it("junk code/state/error/cookie is refused with a ConnectError before anything is exchanged", async () => {
    const { completeOAuth2Connect, ConnectError } = await import("@/lib/connections/oauth2/connect");
    const { signValue } = await import("@/lib/security/signed-values");
    upstreamCalls.count = 0;
    const opt = fc.option(anyText, { nil: null });
    const cookie = fc.oneof(
      fc.constant(undefined),
      anyText,
      fc.tuple(fc.base64String(), fc.base64String()).map(([a, b]) => `${a}.${b}`),
      // A genuine cookie for a different nonce.
      fc
        .string({ minLength: 1, maxLength: 30 })
        .map((nonce) => signValue("oauth2-state", { nonce: `n-${nonce}`, reauthorizeId: null, actorId: null }, 60_000)),
    );
    await fc.assert(
      fc.asyncProperty(opt, opt, opt, cookie, async (code, state, error, c) => {
        fc.pre(!(c && state && c.length > 0 && state.startsWith("n-")));
        const result = await completeOAuth2Connect({ code, state, error, cookie: c }).then(
          () => "accepted",
          (e: unknown) => e,
        );
        expect(result).toBeInstanceOf(ConnectError);
      }),
      { numRuns: 300 },
    );
    expect(upstreamCalls.count).toBe(0);
  });
});
