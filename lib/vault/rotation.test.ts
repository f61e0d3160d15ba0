import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db-client";
import { createTestDatabase, type TestDatabase } from "@/testing/test-db";
import { openConnectionCredentials, sealConnectionCredentials } from "./index";
import { KeyRing } from "./key-ring";
import { missingVaultKeyIds, rotateVault } from "./rotation";

const oldKey = { id: "old", key: randomBytes(32) };
const newKey = { id: "new", key: randomBytes(32) };
const PLAINTEXT = "secret_PLAINTEXT_marker_7f3a9c";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.drop();
});

async function storeConnection(id: string, ring: KeyRing) {
  await t.db.connection.create({
    data: { id, platform: "ECWID", externalId: id, displayName: `Store ${id}`, ...sealConnectionCredentials(id, { access_token: PLAINTEXT }, ring) },
  });
}

const sealedRow = (id: string) =>
  t.db.connection.findUniqueOrThrow({
    where: { id },
    select: { credCiphertext: true, credIv: true, credTag: true, credWrappedKey: true, credKeyId: true },
  });

function filesContain(dir: string, needle: Buffer): boolean {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory() ? filesContain(path, needle) : readFileSync(path).includes(needle)) return true;
  }
  return false;
}

describe("vault on the database", () => {
  it("re-encrypts every row to the newest key and reports counts", async () => {
    const before = new KeyRing([oldKey]);
    await storeConnection("c1", before);
    await storeConnection("c2", before);
    const ring = new KeyRing([newKey, oldKey]);
    expect(await missingVaultKeyIds(t.db, ring)).toEqual([]);
    expect(await rotateVault(t.db, ring)).toEqual({ total: 2, rotated: 2, alreadyCurrent: 0, skippedChanged: 0 });
    const row = await sealedRow("c1");
    expect(row.credKeyId).toBe("new");
    // The old key can now leave the ring.
    expect(openConnectionCredentials("c1", row, new KeyRing([newKey]))).toEqual({ access_token: PLAINTEXT });
    expect(await rotateVault(t.db, ring)).toMatchObject({ rotated: 0, alreadyCurrent: 2 });
  });

  it("names key ids that the ring lacks (start-up refuses to run)", async () => {
    await storeConnection("c1", new KeyRing([oldKey]));
    expect(await missingVaultKeyIds(t.db, new KeyRing([newKey]))).toEqual(["old"]);
  });

  it("a ciphertext copied to another row does not decrypt", async () => {
    const ring = new KeyRing([newKey]);
    await storeConnection("c1", ring);
    const row = await sealedRow("c1");
    expect(() => openConnectionCredentials("c2", row, ring)).toThrow(/could not be decrypted/);
  });

  it("a dump of the database holds no plaintext credential", async () => {
    await storeConnection("c1", new KeyRing([newKey]));
    const needle = Buffer.from(PLAINTEXT);
    if (t.kind === "postgresql") {
      const dump = execFileSync("pg_dump", ["--data-only", t.url], { maxBuffer: 64 * 1024 * 1024 });
      expect(dump.includes(Buffer.from("Store c1"))).toBe(true); // the dump is real
      expect(dump.includes(needle)).toBe(false);
    } else {
      await closeDb(t.db); // flush PGlite to its data folder
      expect(filesContain(t.dataDir!, Buffer.from("Store c1"))).toBe(true);
      expect(filesContain(t.dataDir!, needle)).toBe(false);
    }
  });
});
