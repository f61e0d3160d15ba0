import { defineConfig } from "prisma/config";

// Prisma's CLI wants a native schema-engine binary even for `generate`, and no registry we reach ships
// one. generate/validate/format only check that the file exists, so point them at a stub. Migrations go
// through scripts/db.ts (the WebAssembly engine) instead of `prisma migrate`.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= new URL("./scripts/stubs/schema-engine", import.meta.url).pathname;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
