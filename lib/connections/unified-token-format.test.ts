import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayParts, generateUnifiedToken, hashUnifiedToken, isWellFormedUnifiedToken } from "./unified-token-format";

describe("unified token format", () => {
  it("generates slk_ + 43 base62 + 6 checksum characters that validate offline", () => {
    const token = generateUnifiedToken();
    expect(token).toMatch(/^slk_[0-9A-Za-z]{49}$/);
    expect(isWellFormedUnifiedToken(token)).toBe(true);
    expect(generateUnifiedToken()).not.toBe(token);
  });

  it("rejects a token with any single character changed", () => {
    const token = generateUnifiedToken();
    for (let i = 4; i < token.length; i++) {
      const swapped = token[i] === "A" ? "B" : "A";
      expect(isWellFormedUnifiedToken(token.slice(0, i) + swapped + token.slice(i + 1))).toBe(false);
    }
  });

  it("never accepts arbitrary strings and never throws", () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => !isWellFormedUnifiedToken(s)));
  });

  it("hashes with SHA-256 and shows only a prefix and the last 4", () => {
    const token = generateUnifiedToken();
    expect(hashUnifiedToken(token)).toMatch(/^[0-9a-f]{64}$/);
    const { prefix, last4 } = displayParts(token);
    expect(prefix).toBe(token.slice(0, 8));
    expect(last4).toBe(token.slice(-4));
  });
});
