import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db-client";
import { createTestDatabase, type TestDatabase } from "@/testing/test-db";
import { openConnectionCredentials, sealConnectionCredentials } from "./index";
import { KeyRing } from "./key-ring";
import { openEndpointSecret, openPreviousSecret, sealEndpointSecret, sealPreviousSecret } from "./endpoint-secret";
import { missingVaultKeyIds, rotateEndpointSecrets, rotateVault } from "./rotation";

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
    data: {
      id,
      platform: "ECWID",
      externalId: id,
      displayName: `Store ${id}`,
      ...sealConnectionCredentials(id, { access_token: PLAINTEXT }, ring),
    },
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

  it("re-encrypts webhook signing secrets, current and previous, and names their missing keys", async () => {
    const before = new KeyRing([oldKey]);
    const app = await t.db.app.create({ data: { name: "Rotation app", returnUrls: [] } });
    const id = "endpoint1";
    await t.db.webhookEndpoint.create({
      data: {
        id,
        appId: app.id,
        url: "https://receiver.example/hook",
        events: [],
        ...sealEndpointSecret(id, "whsec_current", before),
        previousSecret: sealPreviousSecret(id, "whsec_previous", before),
      },
    });
    expect(await missingVaultKeyIds(t.db, new KeyRing([newKey]))).toEqual(["old"]);
    const ring = new KeyRing([newKey, oldKey]);
    expect(await rotateEndpointSecrets(t.db, ring)).toEqual({ total: 1, rotated: 1, alreadyCurrent: 0 });
    const row = await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    const onlyNew = new KeyRing([newKey]);
    expect(openEndpointSecret(id, row, onlyNew)).toBe("whsec_current");
    expect(openPreviousSecret(id, row.previousSecret, onlyNew)).toBe("whsec_previous");
    expect(await missingVaultKeyIds(t.db, onlyNew)).toEqual([]);
    expect(await rotateEndpointSecrets(t.db, ring)).toMatchObject({ rotated: 0, alreadyCurrent: 1 });
  });
});
