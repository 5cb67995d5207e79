// Offline migrations: Prisma's schema engine compiled to WebAssembly, driven through the same
// driver adapters the app uses. `applyMigrations` keeps `_prisma_migrations` exactly as
// `prisma migrate deploy` does, so either tool can take over a database the other migrated.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { adapterFactory } from './adapter.ts';
import type { DatabaseConfig, Provider } from './config.ts';
import { openRaw } from './raw.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function providerDir(provider: Provider): string {
  return path.join(repoRoot, 'prisma', provider);
}

// Process-wide: test runners may load this module more than once, but the bindings module is
// shared, and handing it a second instance while the first is in use breaks both.
const WASM_READY = Symbol.for('reserve-cadre.schema-engine-wasm');

function loadWasm(): Promise<void> {
  const holder = globalThis as { [WASM_READY]?: Promise<void> };
  // The package's entry imports the .wasm file as an ES module, which Node refuses:
  // instantiate it by hand and hand the instance to the generated bindings.
  holder[WASM_READY] ??= (async () => {
    const bindings = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmFile = path.join(path.dirname(bindings), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  })();
  return holder[WASM_READY];
}

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;

async function withEngine<T>(config: DatabaseConfig, schema: string, run: (engine: Engine) => Promise<T>): Promise<T> {
  await loadWasm();
  // The engine calls the factory's methods unbound: wrap it, or `connect` loses `this`.
  // `free()` does not close the connections the engine opened; keep them to dispose, or the
  // SQLite file stays locked for the next writer.
  const base = adapterFactory(config);
  const opened: SqlDriverAdapter[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => {
      const adapter = await base.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await base.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  });
  const engine = await bg.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => {}, factory);
  try {
    return await run(engine);
  } finally {
    engine.free();
    for (const adapter of opened) await adapter.dispose();
  }
}

const filters = { externalTables: [], externalEnums: [] };

function migrationsList(provider: Provider) {
  const baseDir = path.join(providerDir(provider), 'migrations');
  const names = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockfile = path.join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockfile) ? fs.readFileSync(lockfile, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: fs.readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** The migrations of the provider's folder that the database has not applied (all, for a new database). */
export async function pendingMigrations(config: DatabaseConfig): Promise<string[]> {
  const names = migrationsList(config.provider).migrationDirectories.map((d) => d.path);
  if (config.provider === 'sqlite' && !fs.existsSync(config.file!)) return names;
  const raw = await openRaw(config, { readonly: config.provider === 'sqlite' });
  try {
    const [table] = await raw.all(
      config.provider === 'sqlite'
        ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`
        : `SELECT to_regclass('"_prisma_migrations"') AS name`,
    );
    if (!table?.name) return names;
    const applied = new Set(
      (
        await raw.all(
          'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
      ).map((r) => String(r.migration_name)),
    );
    return names.filter((n) => !applied.has(n));
  } finally {
    await raw.close();
  }
}

/**
 * Applies the pending migrations of the provider's folder; returns the names applied. With none
 * pending the schema engine is not started: it locks a SQLite file, and a running server (or the
 * import command beside it) must not be locked out by a check that changes nothing.
 */
export async function migrate(config: DatabaseConfig): Promise<string[]> {
  if ((await pendingMigrations(config)).length === 0) return [];
  const schema = fs.readFileSync(path.join(providerDir(config.provider), 'schema.prisma'), 'utf8');
  try {
    return await withEngine(config, schema, async (engine) => {
      const result = await engine.applyMigrations({ migrationsList: migrationsList(config.provider), filters });
      return result.appliedMigrationNames as string[];
    });
  } catch (error) {
    // The SQLite adapter reports a busy database as `SocketTimeout`, a kind this engine build
    // does not know; say what it means.
    if (/SocketTimeout/.test(String(error))) {
      throw new Error(
        `cannot migrate ${config.url}: the database is locked by another process (is another server using it?)`,
      );
    }
    throw error;
  }
}

/** The SQL that takes a database from schema `from` (null: empty) to schema `to`. */
export async function diffSchemas(config: DatabaseConfig, from: string | null, to: string): Promise<string> {
  return withEngine(config, to, async (engine) => {
    const result = await engine.diff({
      from:
        from === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: to }] },
      script: true,
      exitCode: null,
      filters,
    });
    return result.stdout as string;
  });
}
