// Scripts run outside Next.js and read the same variable with the same default as lib/env.ts.
export const DEFAULT_DATABASE_URL = "pglite:./.data/db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}
