// Unified-token management: rotate with a grace period (default none), revoke, and "last used" writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindTestDatabase, insertConnection, setTestEnv } from "@/testing/lifecycle";
import { testServerUrl, type TestDatabase } from "@/testing/test-db";

setTestEnv();
const t = await import("./unified-tokens");

let testDb: TestDatabase;
let connectionId: string;
beforeAll(async () => {
  testDb = await bindTestDatabase();
  connectionId = await insertConnection(testDb.db, { platform: "ECWID", credentials: { token: "x" } });
});
afterAll(async () => testDb.drop());

describe("unified tokens", () => {
  it("stores only a hash and display parts", async () => {
    const minted = await t.mintUnifiedToken(connectionId, { name: "erp" });
    const row = await testDb.db.unifiedToken.findUniqueOrThrow({ where: { id: minted.id } });
    expect(JSON.stringify(row)).not.toContain(minted.token);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.findLiveUnifiedToken(minted.token)).toMatchObject({ id: minted.id });
  });

  it("rotation without grace revokes the old token at once", async () => {
    const old = await t.mintUnifiedToken(connectionId);
    const next = await t.rotateUnifiedToken(old.id, 0);
    expect(await t.findLiveUnifiedToken(old.token)).toBeNull();
    expect(await t.findLiveUnifiedToken(next.token)).toMatchObject({ id: next.id, name: "default" });
  });

  it("rotation with a grace period keeps the old token working until it ends", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const old = await t.mintUnifiedToken(connectionId);
    const next = await t.rotateUnifiedToken(old.id, 3_600_000, { now });
    expect(await t.findLiveUnifiedToken(old.token, new Date(now.getTime() + 3_599_000))).not.toBeNull();
    expect(await t.findLiveUnifiedToken(old.token, new Date(now.getTime() + 3_600_000))).toBeNull();
    expect(await t.findLiveUnifiedToken(next.token, new Date(now.getTime() + 7_200_000))).not.toBeNull();
    await expect(t.rotateUnifiedToken(old.id, 0, { now: new Date(now.getTime() + 7_200_000) })).rejects.toThrow("token_not_live");
  });

  it("revoke is immediate and recorded once", async () => {
    const minted = await t.mintUnifiedToken(connectionId);
    await t.revokeUnifiedToken(minted.id);
    await t.revokeUnifiedToken(minted.id);
    expect(await t.findLiveUnifiedToken(minted.token)).toBeNull();
    const events = await testDb.db.connectionEvent.count({
      where: { connectionId, type: "token_revoked", message: { contains: minted.last4 } },
    });
    expect(events).toBe(1);
  });

  // PostgreSQL only: PGlite's single session has no window between a statement and its commit to race in.
  it.skipIf(!testServerUrl())(
    "a revoke takes effect for the memoized API read the moment it returns, even with reads racing it (PostgreSQL)",
    async () => {
      // Before the fix this failed within a few rounds (the row was memoized between the revoke's UPDATE and
      // its COMMIT).
      for (let round = 0; round < 12; round++) {
        const minted = await t.mintUnifiedToken(connectionId);
        expect(await t.findLiveCaller(minted.token)).not.toBeNull(); // memoized now
        let racing = true;
        const readers = Array.from({ length: 2 }, async () => {
          while (racing) await t.findLiveCaller(minted.token);
        });
        await t.revokeUnifiedToken(minted.id);
        const after = await t.findLiveCaller(minted.token);
        racing = false;
        await Promise.all(readers);
        expect(after, `round ${round}`).toBeNull();
        expect(await t.findLiveCaller(minted.token)).toBeNull();
      }
    },
  );

  it("last used is written at most once a minute per token", async () => {
    const minted = await t.mintUnifiedToken(connectionId);
    const start = new Date("2026-03-01T12:00:00Z");
    const row = () => testDb.db.unifiedToken.findUniqueOrThrow({ where: { id: minted.id } });
    expect(await t.noteTokenUse({ id: minted.id, connectionId, lastUsedAt: null }, start)).toBe(true);
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.noteTokenUse({ id: minted.id, connectionId, lastUsedAt: null }, new Date(start.getTime() + i * 1000)),
      ),
    );
    expect(writes.filter(Boolean)).toHaveLength(0);
    expect((await row()).lastUsedAt).toEqual(start);
    expect(await t.noteTokenUse({ id: minted.id, connectionId, lastUsedAt: start }, new Date(start.getTime() + 30_000))).toBe(
      false,
    );
    expect(await t.noteTokenUse({ id: minted.id, connectionId, lastUsedAt: start }, new Date(start.getTime() + 61_000))).toBe(
      true,
    );
    const connection = await testDb.db.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(connection.lastUsedAt).toEqual(new Date(start.getTime() + 61_000));
  });
});
