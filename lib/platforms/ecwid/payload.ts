import "server-only";
import { createDecipheriv } from "node:crypto";
import { z } from "zod";

// The two ways the Ecwid Control Panel hands the native-app iframe its store and tokens (platform-facts §2):
// `?payload=` (URL-safe base64 of IV ‖ AES-128-CBC ciphertext, key = first 16 chars of the app's
// client_secret) and the legacy `#hash` (hex of plain JSON: unsigned, so its token must be verified).

export const nativeAppPayloadSchema = z.object({
  store_id: z.number().int().positive(),
  access_token: z.string().min(1).max(512),
  public_token: z.string().min(1).max(512).optional(),
  lang: z.string().max(16).optional(),
  view_mode: z.string().max(16).optional(),
  app_state: z.string().max(4096).optional(),
});

export type NativeAppPayload = z.output<typeof nativeAppPayloadSchema>;

/** Why a payload was refused. Messages never quote the input. */
export class PayloadError extends Error {
  override name = "PayloadError";
  constructor(readonly reason: "encoding" | "decryption" | "json" | "shape") {
    super(`The app payload is not valid (${reason}).`);
  }
}

const URL_SAFE_BASE64 = /^[A-Za-z0-9\-_+/]+={0,2}$/;

/** URL-safe base64 → bytes; pads only up to a multiple of 4 (the C# sample's always-pad is wrong). */
export function decodeUrlSafeBase64(input: string): Buffer {
  if (!URL_SAFE_BASE64.test(input)) throw new PayloadError("encoding");
  let b64 = input.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (b64.length % 4 === 1) throw new PayloadError("encoding");
  while (b64.length % 4) b64 += "=";
  return Buffer.from(b64, "base64");
}

function parsePayloadJson(text: string): NativeAppPayload {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PayloadError("json");
  }
  const parsed = nativeAppPayloadSchema.safeParse(json);
  if (!parsed.success) throw new PayloadError("shape");
  return parsed.data;
}

/** Decrypts and validates an encrypted `?payload=`. Throws PayloadError. */
export function decryptPayload(payload: string, clientSecret: string): NativeAppPayload {
  if (payload.length > 16_384) throw new PayloadError("encoding");
  const bytes = decodeUrlSafeBase64(payload);
  // IV plus at least one AES block, and whole blocks only.
  if (bytes.length < 32 || bytes.length % 16 !== 0) throw new PayloadError("decryption");
  const key = Buffer.from(clientSecret.slice(0, 16), "utf8");
  if (key.length !== 16) throw new Error("ECWID_CLIENT_SECRET must start with 16 single-byte characters.");
  let plaintext: string;
  try {
    const decipher = createDecipheriv("aes-128-cbc", key, bytes.subarray(0, 16));
    plaintext = Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString("utf8");
  } catch {
    // A wrong key or tampered ciphertext almost always shows up as bad PKCS#7 padding.
    throw new PayloadError("decryption");
  }
  return parsePayloadJson(plaintext);
}

/** Decodes and validates a legacy hex `#hash` payload. Its token is NOT authenticated: verify it before use. */
export function decodeHexPayload(hex: string): NativeAppPayload {
  const raw = hex.replace(/^#/, "");
  if (!raw || raw.length > 16_384 || raw.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(raw)) throw new PayloadError("encoding");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.from(raw, "hex"));
  return parsePayloadJson(text);
}
