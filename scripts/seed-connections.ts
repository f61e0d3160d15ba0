// Seeds N synthetic connections (default 100,000) for the stores-page benchmark, in one set-based INSERT.
// Usage: DATABASE_URL=… npx tsx scripts/seed-connections.ts [count]. Rows carry no credentials.
import { closeDb, createPrismaClient, type DbClient } from "../lib/db-client";

export async function seedConnections(db: DbClient, count: number): Promise<void> {
  await db.$executeRawUnsafe(`
    INSERT INTO "Connection" ("id", "platform", "externalId", "displayName", "status", "scopes", "accessExpiresAt",
      "refreshExpiresAt", "lastRefreshAt", "lastUsedAt", "lastError", "nextCheckAt", "metadata", "createdAt", "updatedAt")
    SELECT 'seed' || lpad(i::text, 8, '0'),
      (ARRAY['ECWID','ELASTICPATH','OAUTH2'])[1 + i % 3]::"Platform",
      'seed-' || i,
      (ARRAY['Sunrise','Northwind','Kyoto','Lisbon','Harbor','Cedar','Alpine','Fjord'])[1 + i % 8] || ' ' ||
        (ARRAY['Ceramics','Outfitters','Tea House','Market','Goods','Supply','Studio'])[1 + (i / 8) % 7] || ' ' || i,
      (CASE WHEN i % 50 = 0 THEN 'NEEDS_REAUTH' WHEN i % 20 = 0 THEN 'DEGRADED' WHEN i % 97 = 0 THEN 'REVOKED' ELSE 'ACTIVE' END)::"ConnectionStatus",
      ARRAY['read','write'],
      CASE WHEN i % 3 = 0 THEN NULL ELSE now() + ((i % 3600) || ' seconds')::interval END,
      CASE WHEN i % 3 = 2 THEN now() + ((i % 180) || ' days')::interval ELSE NULL END,
      now() - ((i % 7200) || ' seconds')::interval,
      CASE WHEN i % 4 = 0 THEN NULL ELSE now() - ((i % 86400) || ' seconds')::interval END,
      CASE WHEN i % 20 = 0 THEN 'unavailable: HTTP 503' ELSE NULL END,
      now() + ((i % 21600) || ' seconds')::interval,
      '{}'::jsonb,
      now() - ((i % 1000000) || ' seconds')::interval,
      now()
    FROM generate_series(1, ${Math.floor(count)}) AS i
    ON CONFLICT DO NOTHING`);
  await db.$executeRawUnsafe(`ANALYZE "Connection"`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the database to seed (a throw-away one: this adds rows).");
  const db = createPrismaClient(url);
  const count = Number(process.argv[2] ?? 100_000);
  const started = Date.now();
  await seedConnections(db, count);
  console.log(`seeded ${count.toLocaleString("en")} connections in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await closeDb(db);
}
