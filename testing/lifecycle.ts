// Test-only helpers for the lifecycle suites (never imported by app code): env for the lazily-parsed
// lib/env, a throw-away database bound to lib/db's singleton, a connection row with sealed credentials,
// and the in-process platform sandbox.
import { randomBytes } from "node:crypto";
import type { DbClient } from "@/lib/db-client";
import type { TestDatabase } from "./test-db";

export const TEST_VAULT_KEYS = `t1:${Buffer.alloc(32, 7).toString("base64")}`;

/** Must run before anything reads `env` (it is parsed once, on first use). */
export function setTestEnv(extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    AUTH_SECRET: "test-auth-secret-0123456789abcdefghijkl",
    STORELINK_VAULT_KEYS: TEST_VAULT_KEYS,
    STORELINK_SCHEDULER: "off",
    APP_URL: "http://127.0.0.1:3999",
    ...extra,
  });
}

/** Makes lib/db's lazy singleton use `client` (one PGlite folder admits one handle). */
export function bindDb(client: DbClient): void {
  (globalThis as unknown as { storelinkDb?: DbClient }).storelinkDb = client;
}

/** A throw-away database (testing/test-db.ts) that lib/db and `env.DATABASE_URL` use for the rest of the file. */
export async function bindTestDatabase(): Promise<TestDatabase> {
  // Imported here, not above: test-db loads lib/db-client, which must not read `env` before setTestEnv.
  const { createTestDatabase } = await import("./test-db");
  const testDb = await createTestDatabase();
  setEnv({ DATABASE_URL: testDb.url });
  bindDb(testDb.db);
  return testDb;
}

export async function insertConnection(
  client: DbClient,
  input: {
    platform?: "ECWID" | "ELASTICPATH" | "OAUTH2";
    credentials: object;
    accessExpiresAt?: Date | null;
    refreshExpiresAt?: Date | null;
    lastRefreshAt?: Date | null;
    nextCheckAt?: Date | null;
    baseUrl?: string | null;
    status?: "ACTIVE" | "DEGRADED" | "NEEDS_REAUTH" | "REVOKED";
  },
): Promise<string> {
  const { sealConnectionCredentials } = await import("@/lib/vault");
  const row = await client.connection.create({
    data: {
      platform: input.platform ?? "OAUTH2",
      externalId: `ext-${randomBytes(6).toString("hex")}`,
      displayName: "Test store",
      status: input.status ?? "ACTIVE",
      accessExpiresAt: input.accessExpiresAt ?? null,
      refreshExpiresAt: input.refreshExpiresAt ?? null,
      lastRefreshAt: input.lastRefreshAt ?? null,
      nextCheckAt: input.nextCheckAt ?? null,
      baseUrl: input.baseUrl ?? null,
    },
  });
  await client.connection.update({ where: { id: row.id }, data: sealConnectionCredentials(row.id, input.credentials) });
  return row.id;
}

export async function readStoredCredentials<T>(client: DbClient, id: string): Promise<T | null> {
  const { openConnectionCredentials, sealedColumnsSelect } = await import("@/lib/vault");
  const row = await client.connection.findUniqueOrThrow({ where: { id }, select: sealedColumnsSelect });
  return openConnectionCredentials<T & object>(id, row);
}

/** A controllable clock for the engine's `now` option. */
export function testClock(start = new Date("2026-03-01T12:00:00Z")) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms), set: (d: Date) => void (t = d.getTime()) };
}

/** Sets environment variables for the code under test (lib/env reads them lazily, once). */
export function setEnv(vars: Record<string, string>): void {
  Object.assign(process.env, vars);
}

/** The environment for a child process of a test: this process's, plus `extra`. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
