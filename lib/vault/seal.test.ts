import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { KeyRing } from "./key-ring";
import { open, seal, type Sealed } from "./seal";

const ringA = new KeyRing([{ id: "k2", key: randomBytes(32) }]);
const secret = { access_token: "secret_abcdefghijklmnop", refresh: "r-123" };

function flip(buf: Buffer, index = 0): Buffer {
  const copy = Buffer.from(buf);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

describe("vault seal/open", () => {
  it("round-trips credential JSON", () => {
    const sealed = seal(secret, "row-1", ringA);
    expect(sealed.keyId).toBe("k2");
    expect(sealed.iv).toHaveLength(12);
    expect(sealed.tag).toHaveLength(16);
    expect(sealed.ciphertext.toString("utf8")).not.toContain("secret_");
    expect(open(sealed, "row-1", ringA)).toEqual(secret);
  });

  it("uses a fresh IV and data key on every write", () => {
    const a = seal(secret, "row-1", ringA);
    const b = seal(secret, "row-1", ringA);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.wrappedKey.equals(b.wrappedKey)).toBe(false);
  });

  const tamper: Array<[string, (s: Sealed) => Sealed]> = [
    ["ciphertext", (s) => ({ ...s, ciphertext: flip(s.ciphertext, 3) })],
    ["iv", (s) => ({ ...s, iv: flip(s.iv) })],
    ["tag", (s) => ({ ...s, tag: flip(s.tag, 15) })],
    ["wrapped key", (s) => ({ ...s, wrappedKey: flip(s.wrappedKey, 20) })],
  ];
  it.each(tamper)("rejects a flipped bit in the %s", (_name, mutate) => {
    const sealed = seal(secret, "row-1", ringA);
    expect(() => open(mutate(sealed), "row-1", ringA)).toThrow(/could not be decrypted|Malformed/);
  });

  it("rejects other associated data: a ciphertext copied to another row does not decrypt", () => {
    const sealed = seal(secret, "storelink:connection:a", ringA);
    expect(() => open(sealed, "storelink:connection:b", ringA)).toThrow(/could not be decrypted/);
  });

  it("rejects a wrong key with the same id", () => {
    const sealed = seal(secret, "row-1", ringA);
    const impostor = new KeyRing([{ id: "k2", key: randomBytes(32) }]);
    expect(() => open(sealed, "row-1", impostor)).toThrow(/could not be decrypted/);
  });

  it("names a key id missing from the ring", () => {
    const sealed = seal(secret, "row-1", ringA);
    const other = new KeyRing([{ id: "k9", key: randomBytes(32) }]);
    expect(() => open(sealed, "row-1", other)).toThrow(/"k2" is not in STORELINK_VAULT_KEYS/);
  });

  it("decrypts with an older key after a new one is added (newest encrypts)", () => {
    const old = { id: "k1", key: randomBytes(32) };
    const sealedOld = seal(secret, "row-1", new KeyRing([old]));
    const rotated = new KeyRing([{ id: "k2", key: randomBytes(32) }, old]);
    expect(open(sealedOld, "row-1", rotated)).toEqual(secret);
    expect(seal(secret, "row-1", rotated).keyId).toBe("k2");
  });
});
