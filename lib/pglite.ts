import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Opens an embedded database (in memory without a folder) with the extensions the migrations expect:
 * pg_trgm backs the stores search (`ILIKE '%q%'` through a trigram index). PostgreSQL ships it in contrib.
 */
export function openPglite(dataDir?: string): PGlite {
  return new PGlite({ dataDir, extensions: { pg_trgm } });
}
