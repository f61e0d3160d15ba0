// vitest global setup: migrates the template database that lib/testing/test-db.ts copies for each test.
// PGlite by default; with TEST_DATABASE_URL=postgresql://… the database-facing suites run on PostgreSQL.
import { rmSync } from "node:fs";
import pg from "pg";
import { applyMigrations } from "./scripts/db/engine";
import { PGLITE_TEMPLATE_DIR, PG_TEMPLATE_DB, testServerUrl, withDatabase } from "./testing/test-db";

export default async function setup() {
  const server = testServerUrl();
  if (!server) {
    rmSync(PGLITE_TEMPLATE_DIR, { recursive: true, force: true });
    await applyMigrations(`pglite:${PGLITE_TEMPLATE_DIR}`);
    return;
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
  await admin.end();
  await applyMigrations(withDatabase(server, PG_TEMPLATE_DB));
}
