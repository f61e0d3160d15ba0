import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Constant-time string equality. Both sides are hashed first, so neither the position of the first
 * difference nor the length of the secret shows in the time taken.
 */
export function safeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b)) && a.length === b.length;
}
