// `npm run db:migrate` applies prisma/migrations to DATABASE_URL (PGlite by default, or PostgreSQL);
// `npm run db:migrate:create NAME` writes the next migration from schema changes. Works offline.
import { applyMigrations, createMigration } from "./db/engine";
import { databaseUrl } from "./db/url";

const [command, name] = process.argv.slice(2);
const started = Date.now();

if (command === "deploy") {
  const url = databaseUrl();
  const applied = await applyMigrations(url);
  console.log(`Applied ${applied.length ? applied.join(", ") : "nothing (up to date)"} on ${describe(url)}`);
} else if (command === "create") {
  if (!name) throw new Error("Usage: npm run db:migrate:create NAME");
  const dir = await createMigration(name);
  console.log(dir ? `Created ${dir}` : "No schema changes: nothing to create.");
} else {
  console.error("Usage: tsx scripts/db.ts deploy | create NAME");
  process.exit(2);
}
console.log(`done in ${Date.now() - started} ms`);

function describe(url: string): string {
  return url.startsWith("pglite:") ? `PGlite ${url.slice(7)}` : url.replace(/\/\/[^@/]*@/, "//***@");
}
