import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeHexPayload, decodeUrlSafeBase64, decryptPayload, PayloadError } from "./payload";

// Vectors made by an independent implementation written out here with node:crypto, the way Ecwid's PHP
// sample does it: key = first 16 chars of client_secret, IV ‖ AES-128-CBC/PKCS#7, URL-safe base64.

const SECRET = "sandbox-client-secret-0123456789abcdef";

function ecwidEncrypt(
  plaintext: string,
  secret = SECRET,
  opts: { iv?: Buffer; pkcs7?: boolean; stripPadding?: boolean } = {},
): string {
  const iv = opts.iv ?? randomBytes(16);
  const cipher = createCipheriv("aes-128-cbc", Buffer.from(secret.slice(0, 16), "utf8"), iv);
  cipher.setAutoPadding(opts.pkcs7 !== false);
  const body =
    opts.pkcs7 === false
      ? Buffer.concat([Buffer.from(plaintext), Buffer.alloc((16 - (Buffer.byteLength(plaintext) % 16)) % 16, 0)])
      : Buffer.from(plaintext);
  const bytes = Buffer.concat([iv, cipher.update(body), cipher.final()]);
  const b64 = bytes.toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
  return opts.stripPadding === false ? b64 : b64.replace(/=+$/, "");
}

const payload = {
  store_id: 1003,
  lang: "es",
  access_token: "secret_abc",
  public_token: "public_def",
  view_mode: "PAGE",
  app_state: "orders",
};

describe("decryptPayload", () => {
  it("decrypts a payload made by an independent implementation", () => {
    expect(decryptPayload(ecwidEncrypt(JSON.stringify(payload)), SECRET)).toEqual(payload);
  });

  it("accepts the payload with or without '=' padding, and unicode content", () => {
    const unicode = { ...payload, app_state: "café ☕ – ñ" };
    for (let extra = 0; extra < 6; extra++) {
      const p = { ...unicode, lang: "x".repeat(extra) };
      expect(decryptPayload(ecwidEncrypt(JSON.stringify(p), SECRET, { stripPadding: false }), SECRET)).toEqual(p);
      expect(decryptPayload(ecwidEncrypt(JSON.stringify(p)), SECRET)).toEqual(p);
    }
  });

  it("uses only the first 16 characters of the client secret as the key", () => {
    const sameStart = `${SECRET.slice(0, 16)}-a-different-tail`;
    expect(decryptPayload(ecwidEncrypt(JSON.stringify(payload), sameStart), SECRET).store_id).toBe(1003);
  });

  it("matches a fixed vector (fixed IV)", () => {
    const iv = Buffer.from("000102030405060708090a0b0c0d0e0f", "hex");
    const vector = ecwidEncrypt('{"store_id":1,"access_token":"secret_x"}', SECRET, { iv });
    expect(vector.startsWith(Buffer.from(iv).toString("base64url").slice(0, 20))).toBe(true);
    expect(decryptPayload(vector, SECRET)).toEqual({ store_id: 1, access_token: "secret_x" });
  });

  const refusals: [string, string, PayloadError["reason"]][] = [
    ["not base64", "%%%not*base64%%%", "encoding"],
    ["impossible base64 length", "A", "encoding"],
    ["too short for IV + one block", randomBytes(20).toString("base64url"), "decryption"],
    ["not whole blocks", randomBytes(40).toString("base64url"), "decryption"],
    ["wrong key", ecwidEncrypt(JSON.stringify(payload), "another-secret-key-000"), "decryption"],
    [
      "bad padding (zero padded, the wrong C# sample)",
      ecwidEncrypt(JSON.stringify(payload), SECRET, { pkcs7: false }),
      "decryption",
    ],
    ["not JSON", ecwidEncrypt("hello, not json"), "json"],
    ["JSON but not an object", ecwidEncrypt("[1,2,3]"), "shape"],
    ["missing store_id", ecwidEncrypt(JSON.stringify({ ...payload, store_id: undefined })), "shape"],
    ["missing access_token", ecwidEncrypt(JSON.stringify({ store_id: 1 })), "shape"],
    ["store_id as string", ecwidEncrypt(JSON.stringify({ ...payload, store_id: "1003" })), "shape"],
    ["store_id negative", ecwidEncrypt(JSON.stringify({ ...payload, store_id: -1 })), "shape"],
    ["access_token as number", ecwidEncrypt(JSON.stringify({ ...payload, access_token: 5 })), "shape"],
    ["public_token as object", ecwidEncrypt(JSON.stringify({ ...payload, public_token: {} })), "shape"],
  ];
  for (const [name, input, reason] of refusals) {
    it(`refuses ${name}`, () => {
      let caught: unknown;
      try {
        decryptPayload(input, SECRET);
      } catch (error) {
        caught = error;
      }
      // Wrong keys can, rarely, produce valid padding: then the JSON step refuses it.
      expect(caught).toBeInstanceOf(PayloadError);
      if (name !== "wrong key") expect((caught as PayloadError).reason).toBe(reason);
      expect((caught as Error).message).not.toContain(input.slice(0, 12));
    });
  }

  it("refuses a tampered ciphertext", () => {
    const bytes = decodeUrlSafeBase64(ecwidEncrypt(JSON.stringify(payload)));
    bytes[bytes.length - 1]! ^= 0xff;
    expect(() => decryptPayload(bytes.toString("base64url"), SECRET)).toThrow(PayloadError);
  });
});

describe("decodeHexPayload", () => {
  const hex = (s: string) => Buffer.from(s, "utf8").toString("hex");

  it("decodes the legacy hex JSON, with or without '#'", () => {
    expect(decodeHexPayload(hex(JSON.stringify(payload)))).toEqual(payload);
    expect(decodeHexPayload(`#${hex(JSON.stringify(payload)).toUpperCase()}`)).toEqual(payload);
  });

  it.each([
    ["empty", ""],
    ["odd length", "abc"],
    ["not hex", "zz11"],
    ["not JSON", hex("nope")],
    ["wrong shape", hex(JSON.stringify({ store_id: "1" }))],
  ])("refuses %s", (_name, input) => {
    expect(() => decodeHexPayload(input)).toThrow(PayloadError);
  });
});
