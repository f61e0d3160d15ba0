import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";

// Exchanging an Ecwid code a second time disables the token its first exchange issued (platform-facts §0
// and §1), so an anonymous visitor who brings a used code back through a new flow would kill a store's
// token (issue 14 F6). Every code is claimed here, as a SHA-256 hash, before it is sent to Ecwid; a claimed
// code is refused without calling Ecwid. Codes live "a few minutes": a week of memory is far longer.

export const CODE_MEMORY_MS = 7 * 24 * 60 * 60_000;

const codeHash = (code: string) => createHash("sha256").update(code, "utf8").digest("hex");

/** True for the first claim of a code on any instance; false when it was claimed before. */
export async function claimOAuthCode(platform: "ECWID", code: string, now = new Date()): Promise<boolean> {
  const inserted = await db.oAuthCodeUse.createMany({
    data: [{ codeHash: codeHash(code), platform, createdAt: now }],
    skipDuplicates: true,
  });
  return inserted.count === 1;
}

/** Housekeeping: codes older than the memory window can no longer be exchanged anyway. */
export async function forgetOldOAuthCodes(now = new Date()): Promise<number> {
  const { count } = await db.oAuthCodeUse.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - CODE_MEMORY_MS) } } });
  return count;
}
