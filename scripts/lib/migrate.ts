import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import pg from "pg";

// Prisma's own WebAssembly schema engine, driven through adapter-pg: the same
// diffing and the same `_prisma_migrations` bookkeeping as `prisma migrate
// deploy`, with no downloaded binary. The .wasm is instantiated by hand so no
// runtime flag (--experimental-wasm-modules) is needed, in vitest too.

const root = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");

const noFilters = { externalTables: [], externalEnums: [] };

type EngineOptions = {
  /** PostgreSQL connection string of the database to migrate. */
  url: string;
  /** Receives the engine's debug lines. */
  log?: (line: string) => void;
};

/**
 * adapter-pg cannot map PostgreSQL's one-byte `"char"` type (OID 18), which the engine's catalog
 * introspection reads (relkind, contype, …) when it describes the replayed history. The pool hands
 * such columns over as text and remembers where they were, so the adapter's result can name them
 * `Character`, the type the engine expects.
 */
class CatalogTextPool extends pg.Pool {
  charColumns: number[] = [];
  // @ts-expect-error -- narrows pg's overloaded query(); adapter-pg only awaits the promise form
  override async query(config: pg.QueryConfig) {
    const result = await super.query(config);
    this.charColumns = [];
    (result.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID !== 18) return;
      field.dataTypeID = 25;
      this.charColumns.push(i);
    });
    return result;
  }
}

const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

/**
 * adapter-pg's own shadow database (where `diff` replays the migration history) cannot work with
 * a connection string — it overrides `database`, which the string silently wins over — and it
 * drops the database before closing its pool. This one connects to a fresh database by name and
 * closes the pool before dropping it.
 */
function withOwnShadowDb(url: string) {
  const factory = new PrismaPg({ connectionString: url });
  factory.connectToShadowDb = async () => {
    const name = `orgbridge_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(url);
    shadowUrl.pathname = `/${name}`;
    const pool = new CatalogTextPool({ connectionString: shadowUrl.toString() });
    const shadow = await new PrismaPg(pool as unknown as pg.Pool, {
      disposeExternalPool: true,
    }).connect();
    const queryRaw = shadow.queryRaw.bind(shadow);
    shadow.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const i of pool.charColumns) result.columnTypes[i] = CHARACTER_COLUMN as never;
      return result;
    };
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    return shadow;
  };
  return factory;
}

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let engineModule: Promise<EngineModule> | undefined;

function loadEngine(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = (await import(
      /* @vite-ignore */ pathToFileURL(path.join(dir, "schema_engine_bg.js")).href
    )) as EngineModule & { __wbg_set_wasm: (exports: unknown) => void };
    const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as never,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return engineModule;
}

async function withEngine<T>(
  opts: EngineOptions,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const schema = await readFile(schemaPath, "utf8");
  const factory = bindMigrationAwareSqlAdapterFactory(withOwnShadowDb(opts.url));
  const { SchemaEngine } = await loadEngine();
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (line: string) => opts.log?.(line),
    factory,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

export async function loadMigrationList(): Promise<MigrationList> {
  await mkdir(migrationsDir, { recursive: true });
  const entries = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lock = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lock },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      entries.map(async (name) => {
        const file = path.join(migrationsDir, name, "migration.sql");
        const content = await readFile(file, "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (err: Error) => ({ tag: "error" as const, value: err.message }),
        );
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

/** Applies every migration not yet recorded in `_prisma_migrations`; each in its own transaction. */
export async function applyMigrations(opts: EngineOptions): Promise<string[]> {
  const migrationsList = await loadMigrationList();
  return withEngine(opts, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/** Writes a new migration folder with the SQL that takes the migration history to the schema; null when nothing changed. */
export async function diffMigration(
  opts: EngineOptions & { name: string },
): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(opts.name)) {
    throw new Error(
      `--name must be snake_case letters, digits and underscores (got "${opts.name}")`,
    );
  }
  const migrationsList = await loadMigrationList();
  const schema = await readFile(schemaPath, "utf8");
  const sql = await withEngine(opts, async (engine) => {
    const result = await engine.diff({
      from: migrationsList.migrationDirectories.length
        ? { tag: "migrations", ...migrationsList }
        : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return (result as { stdout?: string }).stdout ?? "";
  });
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${opts.name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  await writeFile(
    lockPath,
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return dir;
}

/** Drops everything in the database (schema and data). */
export async function resetDatabase(opts: EngineOptions): Promise<void> {
  await withEngine(opts, (engine) => engine.reset({ filter: noFilters } as never));
}
