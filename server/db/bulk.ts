// Bulk writes for dataset import, straight through the database drivers, in one transaction.
// Prisma's createMany reaches about 2 k rows/s on this machine and raw SQL through Prisma about
// 23 k rows/s; a national dataset has millions of rows (docs/decisions/002-bulk-import.md).
// SQLite: prepared statements. PostgreSQL: COPY FROM STDIN.
// Values are written exactly as Prisma writes them, so Prisma reads the rows back unchanged:
// SQLite keeps dates as ISO-8601 text at midnight UTC and booleans as 0/1.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseConfig } from './config.ts';
import { pgClient, sqliteDatabase } from './raw.ts';

/** A column's type: a scalar, or the name of a database enum (PostgreSQL parses it from text). */
/** `date` values are `YYYY-MM-DD`; `timestamp` values are ISO-8601 instants (`toISOString()`). */
/** `bytes`: a value given as base64 text, stored as a BLOB (SQLite) or bytea (PostgreSQL). */
export type ColumnType = 'text' | 'int' | 'float' | 'bool' | 'date' | 'timestamp' | 'bytes' | { enum: string };
export type Value = string | number | boolean | null;

export interface BulkSession {
  insert(table: string, columns: [string, ColumnType][], rows: Value[][]): Promise<void>;
  deleteAll(table: string): Promise<number>;
  /** A statement with positional parameters ($1, $2, …). */
  exec(sql: string, params: Value[]): Promise<void>;
  /** A statement's first returned row (… RETURNING …). */
  returning(sql: string, params: Value[]): Promise<Record<string, unknown>>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * ANALYZE_NOTE: a bulk load leaves the query planner without statistics for the rows it wrote;
 * without them SQLite chooses the status index for `code IN (…) AND status = 'ACTIVE'` (the
 * expiry job's statement) and reads 200 000 rows per statement at national scale. ANALYZE after
 * the commit: 1.3 s for the national SQLite file.
 */
export async function openBulkSession(config: DatabaseConfig): Promise<BulkSession> {
  return config.provider === 'postgresql' ? openPg(await pgClient(config)) : openSqlite(config);
}

function openSqlite(config: DatabaseConfig): BulkSession {
  const db = sqliteDatabase(config);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // A national import updates several indexes on million-row tables: a 512 MiB page cache keeps
  // their pages in memory instead of re-reading them for every row (measured: docs/benchmarks.md).
  db.pragma('cache_size = -524288');
  db.exec('BEGIN IMMEDIATE');
  const toSqlite = (type: ColumnType, v: Value) => {
    if (v === null) return null;
    if (type === 'date') return `${v}T00:00:00.000+00:00`;
    if (type === 'timestamp') return (v as string).replace('Z', '+00:00');
    if (type === 'bytes') return Buffer.from(v as string, 'base64');
    return type === 'bool' ? (v ? 1 : 0) : v;
  };
  const done = () => db.close();
  return {
    async insert(table, columns, rows) {
      const cols = columns.map(([c]) => `"${c}"`).join(', ');
      const stmt = db.prepare(`INSERT INTO "${table}" (${cols}) VALUES (${columns.map(() => '?').join(', ')})`);
      const types = columns.map(([, t]) => t);
      for (const row of rows) stmt.run(row.map((v, i) => toSqlite(types[i]!, v)));
    },
    async deleteAll(table) {
      return db.prepare(`DELETE FROM "${table}"`).run().changes;
    },
    async exec(sql, params) {
      db.prepare(numbered(sql)).run(...params.map(sqliteValue));
    },
    async returning(sql, params) {
      return db.prepare(numbered(sql)).get(...params.map(sqliteValue)) as Record<string, unknown>;
    },
    async commit() {
      db.exec('COMMIT');
      // Planner statistics for what was just loaded (see ANALYZE_NOTE).
      db.exec('ANALYZE');
      done();
    },
    async rollback() {
      if (db.inTransaction) db.exec('ROLLBACK');
      done();
    },
  };
}

async function openPg(client: pg.Client): Promise<BulkSession> {
  await client.query('BEGIN');
  return {
    async insert(table, columns, rows) {
      // COPY … FROM STDIN in text format: about twice the rate of INSERT … SELECT FROM unnest(…)
      // with array parameters (docs/decisions/002-bulk-import.md).
      const cols = columns.map(([c]) => `"${c}"`).join(', ');
      const stream = client.query(copyFrom(`COPY "${table}" (${cols}) FROM STDIN`));
      const done = pipeline(
        Readable.from(
          copyLines(
            columns.map(([, t]) => t),
            rows,
          ),
        ),
        stream,
      );
      await done;
    },
    async deleteAll(table) {
      return (await client.query(`DELETE FROM "${table}"`)).rowCount ?? 0;
    },
    async exec(sql, params) {
      await client.query(sql, params);
    },
    async returning(sql, params) {
      return (await client.query(sql, params)).rows[0];
    },
    async commit() {
      await client.query('COMMIT');
      // Planner statistics for what was just loaded (see ANALYZE_NOTE), not left to autovacuum.
      await client.query('ANALYZE');
      await client.end();
    },
    async rollback() {
      await client.query('ROLLBACK').catch(() => {});
      await client.end();
    },
  };
}

/** PostgreSQL's $1, $2, … as SQLite's ?: each parameter must appear once, in order. */
function numbered(sql: string): string {
  return sql.replace(/\$\d+/g, '?');
}

function sqliteValue(v: Value): Value {
  return typeof v === 'boolean' ? Number(v) : v;
}

/** COPY text format: tab-separated, \N for null, backslash escapes; sent in ~1 MiB pieces. */
function* copyLines(types: ColumnType[], rows: Value[][]): Generator<string> {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (i) out += '\t';
      if (v === null || v === undefined) out += '\\N';
      else if (types[i] === 'bool') out += v ? 't' : 'f';
      // bytea's hex form, its backslash escaped for COPY.
      else if (types[i] === 'bytes') out += `\\\\x${Buffer.from(v as string, 'base64').toString('hex')}`;
      else if (typeof v === 'string')
        out += COPY_SPECIAL.test(v) ? v.replace(COPY_ESCAPES, (c) => COPY_ESCAPE_MAP[c]!) : v;
      else out += String(v);
    }
    out += '\n';
    if (out.length > 1 << 20) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES = /[\\\t\n\r]/g;
const COPY_ESCAPE_MAP: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
