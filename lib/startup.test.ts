import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-db";
import { sealConnectionCredentials } from "@/lib/vault";
import { KeyRing } from "@/lib/vault/key-ring";

// Start-up must refuse to serve when stored credentials use a vault key the ring lacks, and must not write.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const retired = new KeyRing([{ id: "retired", key: randomBytes(32) }]);
  await t.db.connection.create({
    data: {
      id: "c1",
      platform: "ECWID",
      externalId: "1",
      displayName: "Store",
      ...sealConnectionCredentials("c1", { accessToken: "secret_x" }, retired),
    },
  });
  vi.stubEnv("DATABASE_URL", t.url);
  vi.stubEnv("AUTH_SECRET", "x".repeat(40));
  vi.stubEnv("STORELINK_VAULT_KEYS", `current:${randomBytes(32).toString("base64")}`);
});
afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await t.drop();
  vi.unstubAllEnvs();
});

describe("start-up checks", () => {
  it("refuses to run when a stored row's vault key id is not in the ring, naming it, and writes nothing", async () => {
    const before = await t.db.connection.findUniqueOrThrow({ where: { id: "c1" } });
    await t.db.$disconnect();
    const { checkStartup } = await import("@/lib/startup");
    await expect(checkStartup()).rejects.toThrow(/vault key id\(s\) retired, which STORELINK_VAULT_KEYS does not contain/);
    const { db } = await import("@/lib/db");
    const after = await db.connection.findUniqueOrThrow({ where: { id: "c1" } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await db.auditEvent.count()).toBe(0);
  });
});

describe("environment validation", () => {
  it("names each missing or malformed variable and says what to set", async () => {
    const { parseEnv } = await import("@/lib/env");
    const message = (() => {
      try {
        parseEnv({ DATABASE_URL: "mysql://x", APP_URL: "not a url" });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain("DATABASE_URL: must be pglite:DIR or postgresql://");
    expect(message).toContain("AUTH_SECRET: set it to a random string of 32+ characters");
    expect(message).toContain("STORELINK_VAULT_KEYS: set it to a key ring");
    expect(message).toContain("APP_URL: must be an absolute http(s) URL");
    expect(() => parseEnv({ AUTH_SECRET: "x".repeat(40), STORELINK_VAULT_KEYS: "k1:dG9vc2hvcnQ=" })).toThrowError(
      /decodes to 32 bytes/,
    );
  });
});
