import { createCipheriv, randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decodeHexPayload, decodeUrlSafeBase64, decryptPayload, PayloadError } from "./payload";
import { verifyWebhookSignature, webhookSignature } from "./webhooks";

// Hostile input for the Ecwid edge: the Control Panel payload decoders, the webhook signature check, the
// OAuth state check and the token-exchange answer. On any input they answer or throw their own typed
// error (never a TypeError/RangeError that would become a 500), and they never accept a forgery.

const SECRET = "sandbox-client-secret-0123456789abcdef";
const RUNS = { numRuns: 300 };
const BIG = { numRuns: 40 };

beforeAll(() => {
  // checkOAuthState and exchangeCode read AUTH_SECRET / APP_URL through lib/env (validated lazily).
  vi.stubEnv("AUTH_SECRET", "hostile-input-test-auth-secret-0123456789");
  vi.stubEnv("DATABASE_URL", "postgresql://unused@127.0.0.1:1/unused");
  vi.stubEnv("STORELINK_VAULT_KEYS", `k1:${randomBytes(32).toString("base64")}`);
  vi.stubEnv("APP_URL", "http://127.0.0.1:3999");
});
afterAll(() => vi.unstubAllEnvs());

function encrypt(plaintext: string, secret = SECRET, iv = randomBytes(16)): string {
  const cipher = createCipheriv("aes-128-cbc", Buffer.from(secret.slice(0, 16), "utf8"), iv);
  const bytes = Buffer.concat([iv, cipher.update(plaintext, "utf8"), cipher.final()]);
  return bytes.toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Runs fn; returns "ok" or the PayloadError reason; rethrows anything else (the property then fails). */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (error) {
    if (error instanceof PayloadError) return error.reason;
    throw error;
  }
}

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.base64String(),
  fc.stringMatching(/^[0-9a-f]*$/),
);
const hugeText = fc.oneof(
  fc.string({ minLength: 16_000, maxLength: 40_000 }),
  fc.base64String({ minLength: 16_000, maxLength: 40_000 }),
  fc.stringMatching(/^[0-9a-f]{16390,16400}$/),
);
const genuine = fc.record({
  store_id: fc.integer({ min: 1, max: 2 ** 31 }),
  access_token: fc.string({ minLength: 1, maxLength: 80 }),
  public_token: fc.option(fc.string({ minLength: 1, maxLength: 80 }), { nil: undefined }),
  lang: fc.option(fc.constantFrom("en", "es", "fr", "ja"), { nil: undefined }),
});

describe("Control Panel payload decoders on hostile input", () => {
  it("decryptPayload throws only PayloadError on arbitrary strings, and never accepts one", () => {
    fc.assert(
      fc.property(anyText, (s) => void expect(outcome(() => decryptPayload(s, SECRET))).not.toBe("ok")),
      RUNS,
    );
  });

  it("decryptPayload refuses huge input without throwing anything else", () => {
    fc.assert(
      fc.property(hugeText, (s) => void expect(outcome(() => decryptPayload(s, SECRET))).not.toBe("ok")),
      BIG,
    );
  });

  it("decryptPayload refuses random bytes of plausible length (no key, no payload)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (blocks) => {
        const b64 = randomBytes(blocks * 16 + (blocks % 3)).toString("base64url");
        expect(outcome(() => decryptPayload(b64, SECRET))).not.toBe("ok");
      }),
      RUNS,
    );
  });

  it("a payload encrypted with another app's secret is never accepted", () => {
    fc.assert(
      fc.property(
        genuine,
        fc.string({ minLength: 16, maxLength: 16, unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789") }),
        (payload, otherKey) => {
          fc.pre(otherKey !== SECRET.slice(0, 16));
          expect(outcome(() => decryptPayload(encrypt(JSON.stringify(payload), otherKey), SECRET))).not.toBe("ok");
        },
      ),
      RUNS,
    );
  });

  it("a genuine payload round-trips, and truncation or extension of its ciphertext is refused", () => {
    fc.assert(
      fc.property(genuine, fc.integer({ min: 1, max: 15 }), (payload, cut) => {
        const sealed = encrypt(JSON.stringify(payload));
        expect(decryptPayload(sealed, SECRET)).toEqual(JSON.parse(JSON.stringify(payload)));
        const bytes = Buffer.from(sealed, "base64url");
        expect(outcome(() => decryptPayload(bytes.subarray(0, bytes.length - cut).toString("base64url"), SECRET))).not.toBe("ok");
        expect(outcome(() => decryptPayload(Buffer.concat([bytes, randomBytes(cut)]).toString("base64url"), SECRET))).not.toBe(
          "ok",
        );
      }),
      { numRuns: 200 },
    );
  });

  it("documents Ecwid's unauthenticated CBC: an IV bit-flip rewrites store_id, so callers must verify the token against that store", () => {
    // Not a decoder bug (Ecwid's scheme has no MAC); the test pins the reason connections/ecwid/control-panel.ts checks
    // GET /profile of the claimed store before trusting it.
    const sealed = Buffer.from(encrypt(JSON.stringify({ store_id: 1003, access_token: "secret_x" })), "base64url");
    const iv = Buffer.from(sealed.subarray(0, 16));
    const offset = '{"store_id":100'.length; // the last digit of 1003 sits in the first block
    iv[offset]! ^= "3".charCodeAt(0) ^ "7".charCodeAt(0);
    const forged = Buffer.concat([iv, sealed.subarray(16)]).toString("base64url");
    expect(decryptPayload(forged, SECRET).store_id).toBe(1007);
  });

  it("decodeHexPayload throws only PayloadError on arbitrary strings, bytes and unicode", () => {
    const hexish = fc.oneof(
      anyText,
      fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b).toString("hex")),
    );
    fc.assert(
      fc.property(hexish, (s) => void expect(["ok", "encoding", "json", "shape"]).toContain(outcome(() => decodeHexPayload(s)))),
      RUNS,
    );
    fc.assert(
      fc.property(hugeText, (s) => void expect(outcome(() => decodeHexPayload(s))).not.toBe("ok")),
      BIG,
    );
  });

  it("decodeHexPayload accepts only objects of the payload's shape", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = outcome(() => decodeHexPayload(Buffer.from(JSON.stringify(value) ?? "null").toString("hex")));
        if (result === "ok") {
          const v = value as Record<string, unknown>;
          expect(Number.isInteger(v.store_id) && (v.store_id as number) > 0 && typeof v.access_token === "string").toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("decodeUrlSafeBase64 throws only PayloadError", () => {
    fc.assert(
      fc.property(anyText, (s) => void expect(["ok", "encoding"]).toContain(outcome(() => decodeUrlSafeBase64(s)))),
      RUNS,
    );
  });
});

describe("webhook signature on hostile input", () => {
  const created = fc.integer({ min: 0, max: 2 ** 40 });
  const eventId = fc.oneof(fc.string(), fc.uuid(), fc.string({ unit: "grapheme", maxLength: 200 }));
  const header = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.base64String(),
    fc.string({ unit: "binary" }),
    fc.string({ minLength: 5000, maxLength: 20_000 }),
  );

  it("never throws and never accepts an arbitrary header", () => {
    fc.assert(
      fc.property(created, eventId, header, (c, id, sig) => void expect(verifyWebhookSignature(SECRET, c, id, sig)).toBe(false)),
      RUNS,
    );
  });

  it("accepts the genuine signature and refuses it for another event, time, secret, or with any byte changed", () => {
    fc.assert(
      fc.property(created, eventId, fc.nat(), fc.integer({ min: 1, max: 255 }), (c, id, pos, flip) => {
        const sig = webhookSignature(SECRET, c, id);
        expect(verifyWebhookSignature(SECRET, c, id, sig)).toBe(true);
        expect(verifyWebhookSignature(SECRET, c + 1, id, sig)).toBe(false);
        expect(verifyWebhookSignature(SECRET, c, `${id}x`, sig)).toBe(false);
        expect(verifyWebhookSignature(`${SECRET}x`, c, id, sig)).toBe(false);
        const bytes = Buffer.from(sig, "utf8");
        const i = pos % bytes.length;
        bytes[i] = bytes[i]! ^ flip;
        expect(verifyWebhookSignature(SECRET, c, id, bytes.toString("latin1"))).toBe(false);
      }),
      RUNS,
    );
  });
});

describe("Ecwid OAuth callback parameters", () => {
  it("checkOAuthState never throws and never accepts a forged cookie or a mismatched state", async () => {
    const { checkOAuthState, newOAuthState } = await import("@/lib/connections/ecwid/oauth-state");
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,40}\.\d{1,12}\.[A-Za-z0-9_-]{0,50}$/),
    );
    fc.assert(
      fc.property(
        junk,
        fc.option(fc.string(), { nil: null }),
        (cookie, state) => void expect(checkOAuthState(cookie, state)).toBe(false),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat({ max: 60 }), (other, pos) => {
        const { nonce, cookieValue } = newOAuthState();
        expect(checkOAuthState(cookieValue, nonce)).toBe(true);
        fc.pre(other !== nonce);
        expect(checkOAuthState(cookieValue, other)).toBe(false);
        // Any change to the signed cookie voids it, and an expired one is refused.
        const chars = [...cookieValue];
        const i = pos % chars.length;
        chars[i] = chars[i] === "A" ? "B" : "A";
        expect(checkOAuthState(chars.join(""), nonce)).toBe(false);
        expect(checkOAuthState(cookieValue, nonce, Date.now() + 11 * 60_000)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("exchangeCode turns any junk answer from the token endpoint into a PlatformError, never a grant", async () => {
    const { exchangeCode } = await import("./oauth");
    const { PlatformError } = await import("@/lib/platforms/types");
    const body = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? "null"),
      fc
        .record({ access_token: fc.string(), token_type: fc.string(), scope: fc.anything(), store_id: fc.anything() })
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(200, 400, 401, 403, 429, 500, 502), async (text, status) => {
        const send = async () => ({
          status,
          header: () => "application/json",
          text: async () => text,
          discard: async () => undefined,
        });
        const result = await exchangeCode({ clientId: "id", clientSecret: SECRET }, "code", send).then(
          (grant) => ({ grant }),
          (error: unknown) => ({ error }),
        );
        if ("error" in result) expect(result.error).toBeInstanceOf(PlatformError);
        else {
          expect(status).toBe(200);
          expect(result.grant.accessToken.length).toBeGreaterThan(0);
          expect(Number.isInteger(result.grant.storeId) && result.grant.storeId > 0).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
