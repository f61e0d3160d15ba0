// Offline stand-in for `prisma migrate`: Prisma's own schema engine compiled to WebAssembly, driven over
// the same driver adapters the app uses (PGlite or pg). Same migration files, same `_prisma_migrations`
// table and `migration_lock.toml` as the CLI, but no native engine download (none is reachable here).
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Pool } from "pg";

const require = createRequire(import.meta.url);
const filters = { externalTables: [], externalEnums: [] };

export const schemaPath = resolve("prisma/schema.prisma");
export const migrationsDir = resolve("prisma/migrations");

type Closable = { factory: unknown; close: () => Promise<void> };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the wasm bindings ship without types
type Engine = any;

declare global {
  var PRISMA_WASM_PANIC_REGISTRY: { message: string; set_message(m: string): void; get(): string } | undefined;
}
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  message: "",
  set_message(m: string) {
    this.message = `RuntimeError: ${m}`;
  },
  get() {
    return this.message;
  },
};

// The wasm module must be instantiated once per process: a second instance crashes in `set_message`.
let runtimePromise: Promise<Engine> | undefined;
function loadRuntime(): Promise<Engine> {
  runtimePromise ??= (async () => {
    const modulePath = "@prisma/schema-engine-wasm/schema_engine_bg";
    const runtime = await import(/* @vite-ignore */ modulePath);
    const wasmPath = join(dirname(require.resolve(modulePath)), "schema_engine_bg.wasm");
    const instance = new WebAssembly.Instance(new WebAssembly.Module(await readFile(wasmPath)), {
      "./schema_engine_bg.js": runtime,
    });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return runtime;
  })();
  return runtimePromise;
}

async function pglite(dataDir: string | undefined): Promise<Closable> {
  const { openPglite } = await import("../../lib/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  if (dataDir) await mkdir(dirname(resolve(dataDir)), { recursive: true });
  const db = openPglite(dataDir);
  await db.waitReady;
  return { factory: new PrismaPGlite(db), close: () => db.close() };
}

async function adapterFor(url: string): Promise<Closable> {
  if (url.startsWith("pglite:")) return pglite(url.slice("pglite:".length));
  const { PrismaPg: PgFactory } = await import("@prisma/adapter-pg");
  const { default: pg } = await import("pg");
  // Our own pool, so closing it releases the database (CREATE DATABASE … TEMPLATE needs it idle).
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return { factory: scriptsSentWhole(new PgFactory(pool), pool), close: () => pool.end() };
}

// @prisma/adapter-pg runs a migration script by splitting it on every ";", which cuts a dollar-quoted function
// body (the read-cache trigger) in pieces. pg's simple query protocol takes several statements in one string, as
// psql and PGlite's exec do, so the adapter it connects sends each migration whole.
function scriptsSentWhole(factory: PrismaPg, pool: Pool) {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  };
  return factory;
}

async function withEngine<T>(open: () => Promise<Closable>, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const runtime = await loadRuntime();
  const { factory, close } = await open();
  const engine = await runtime.SchemaEngine.new(
    { datamodels: undefined },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory as Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0]),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await close();
  }
}

async function migrationList() {
  const lock = join(migrationsDir, "migration_lock.toml");
  const dirs = existsSync(migrationsDir)
    ? (await readdir(migrationsDir, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lock) ? await readFile(lock, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok", value: await readFile(join(migrationsDir, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** Applies every pending migration under prisma/migrations to the database at `url`. */
export async function applyMigrations(url: string): Promise<string[]> {
  const migrationsList = await migrationList();
  const out: { appliedMigrationNames: string[] } = await withEngine(
    () => adapterFor(url),
    (engine) => engine.applyMigrations({ migrationsList, filters }),
  );
  return out.appliedMigrationNames;
}

/** Diffs the schema against the existing migrations (on an in-memory shadow database) and writes the next one. */
export async function createMigration(name: string): Promise<string | null> {
  const files = [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }];
  const existing = await migrationList();
  const sql: string | null = await withEngine(
    () => pglite(undefined),
    async (engine) => {
      if (existing.migrationDirectories.length) await engine.applyMigrations({ migrationsList: existing, filters });
      const diff = await engine.diff({
        from: { tag: "schemaDatasource", files, configDir: dirname(schemaPath) },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true,
        filters,
      });
      return diff.exitCode === 0 ? null : (diff.stdout as string);
    },
  );
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = join(migrationsDir, `${stamp}_${name.replace(/\W+/g, "_")}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "migration.sql"), sql);
  const lock = join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) {
    await writeFile(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dir;
}
