// The one module that opens raw database connections (outside Prisma): the bulk import, the
// analytical copy's reader and the report's baselines. Parameters are written `$name` in every
// SQL text; this module binds them for each driver.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig, Provider } from './config.ts';

export type Param = string | number | boolean | null;
export type Params = Record<string, Param>;

export interface RawConnection {
  readonly provider: Provider;
  /** Rows as objects. */
  all(sql: string, params?: Params): Promise<Record<string, unknown>[]>;
  /** Rows as arrays, in the SELECT's column order. */
  rows(sql: string, params?: Params): Promise<unknown[][]>;
  /**
   * The same rows in batches of about `size`, for reading a whole table: on SQLite (a
   * synchronous driver) each batch is read separately, so the caller can let other work run
   * between batches; PostgreSQL answers asynchronously and gives one batch.
   */
  batches(sql: string, size: number): AsyncIterable<unknown[][]>;
  /** Statements without results (may be several, separated by semicolons). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** A better-sqlite3 handle on the configured file (the only place one is made). */
export function sqliteDatabase(config: DatabaseConfig, options: { readonly?: boolean } = {}): Database.Database {
  if (config.provider !== 'sqlite' || !config.file) throw new Error(`${config.url} is not a SQLite database`);
  if (!options.readonly) fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const db = new Database(config.file, options.readonly ? { readonly: true, fileMustExist: true } : {});
  db.pragma('busy_timeout = 10000');
  return db;
}

/** A connected node-postgres client (the only place one is made). */
export async function pgClient(config: DatabaseConfig): Promise<pg.Client> {
  if (config.provider !== 'postgresql') throw new Error(`${config.url} is not a PostgreSQL database`);
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  return client;
}

/** `$name` → `$1, $2, …` for node-postgres, with the values in order. */
export function positional(sql: string, params: Params): { text: string; values: Param[] } {
  const names: string[] = [];
  const text = sql.replace(/\$([a-zA-Z_][a-zA-Z0-9_]*)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`SQL parameter $${name} has no value`);
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return { text, values: names.map((n) => params[n] ?? null) };
}

/** SQLite binds `$name` natively, but refuses values the statement does not name. */
function sqliteParams(sql: string, params: Params): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params))
    if (sql.includes(`$${k}`)) out[k] = typeof v === 'boolean' ? Number(v) : v;
  return out;
}

export async function openRaw(config: DatabaseConfig, options: { readonly?: boolean } = {}): Promise<RawConnection> {
  if (config.provider === 'sqlite') {
    const db = sqliteDatabase(config, options);
    return {
      provider: 'sqlite',
      async all(sql, params = {}) {
        return db.prepare(sql).all(sqliteParams(sql, params)) as Record<string, unknown>[];
      },
      async rows(sql, params = {}) {
        return db.prepare(sql).raw().all(sqliteParams(sql, params)) as unknown[][];
      },
      async *batches(sql, size) {
        let batch: unknown[][] = [];
        for (const row of db.prepare(sql).raw().iterate() as IterableIterator<unknown[]>) {
          batch.push(row);
          if (batch.length >= size) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length) yield batch;
      },
      async exec(sql) {
        db.exec(sql);
      },
      async close() {
        db.close();
      },
    };
  }
  const client = await pgClient(config);
  return {
    provider: 'postgresql',
    async all(sql, params = {}) {
      return (await client.query(positional(sql, params))).rows;
    },
    async rows(sql, params = {}) {
      return (await client.query({ ...positional(sql, params), rowMode: 'array' })).rows as unknown[][];
    },
    async *batches(sql) {
      yield (await client.query({ text: sql, rowMode: 'array' })).rows as unknown[][];
    },
    async exec(sql) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}

/**
 * Calls `onNotify` for every notification on a PostgreSQL channel until the returned function
 * is called. (SQLite has no notifications: readers poll the change log.)
 */
export async function listen(
  config: DatabaseConfig,
  channel: string,
  onNotify: () => void,
): Promise<() => Promise<void>> {
  const client = await pgClient(config);
  client.on('notification', () => onNotify());
  // A broken connection must not take the process down; readers still check on every request.
  client.on('error', () => {});
  await client.query(`LISTEN ${channel}`);
  return async () => {
    await client.end().catch(() => {});
  };
}
