// Throw-away databases for database-facing unit tests. vitest's global setup migrates one template
// (PGlite folder or PostgreSQL database, see vitest.setup-db.ts); each test copies it, which is fast and
// keeps the WebAssembly schema engine to one load per run.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { closeDb, createPrismaClient, type DbClient } from "@/lib/db-client";

// One template per checkout: two checkouts on one machine (worktrees, CI beside a developer) must not
// rebuild each other's template mid-run.
const checkout = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12);
export const PGLITE_TEMPLATE_DIR = join(tmpdir(), `storelink-test-template-${checkout}`);
export const PG_TEMPLATE_DB = `storelink_test_template_${checkout}`;

export type TestDatabase = { url: string; db: DbClient; kind: "pglite" | "postgresql"; dataDir?: string; drop(): Promise<void> };

export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/** The Redis the shared-rate-limit tests use (TEST_REDIS_URL; CI and these machines run one on 6379). */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database `prefix_<random>` on a PostgreSQL server (empty, or a copy of `template`). */
export async function createPostgresDatabase(
  serverUrl: string,
  prefix: string,
  { template }: { template?: string } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = testServerUrl();
  if (!server) {
    const dataDir = join(mkdtempSync(join(tmpdir(), "storelink-test-")), "db");
    cpSync(PGLITE_TEMPLATE_DIR, dataDir, { recursive: true });
    const url = `pglite:${dataDir}`;
    const db = createPrismaClient(url);
    return {
      url,
      db,
      kind: "pglite",
      dataDir,
      async drop() {
        await closeDb(db);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const copy = await createPostgresDatabase(server, "storelink_test", { template: PG_TEMPLATE_DB });
  const db = createPrismaClient(copy.url);
  return {
    url: copy.url,
    db,
    kind: "postgresql",
    async drop() {
      await closeDb(db);
      await copy.drop();
    },
  };
}
