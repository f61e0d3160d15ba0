// Builds the native-app iframe payloads exactly as Ecwid does (platform-facts §2):
// encrypted mode = URL-safe base64 of (16-byte IV || AES-128-CBC/PKCS7 ciphertext),
// key = first 16 chars of client_secret as UTF-8; legacy mode = hex of UTF-8 JSON.
import { createCipheriv, randomBytes } from "node:crypto";

export interface NativeAppPayload {
  store_id: number;
  lang: string;
  access_token: string;
  public_token?: string;
  view_mode: "PAGE" | "POPUP" | "INLINE";
  app_state?: string;
}

export function encryptPayload(payload: NativeAppPayload, clientSecret: string): string {
  const key = Buffer.from(clientSecret.slice(0, 16), "utf8");
  if (key.length !== 16) throw new Error("client_secret must have at least 16 (single-byte) characters");
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-128-cbc", key, iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  // base64url drops "=" padding, which is what Ecwid's URL-safe variant looks like on the wire.
  return Buffer.concat([iv, ct]).toString("base64url");
}

export function hexPayload(payload: NativeAppPayload): string {
  return Buffer.from(JSON.stringify(payload), "utf8").toString("hex");
}
