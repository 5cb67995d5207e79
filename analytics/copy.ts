// The analytical copy: the operational database loaded into an in-memory DuckDB, which the
// metrics read. It is loaded on start, reloaded after an import, and refreshed record by record
// after a transition; a query waits for any refresh under way, so it never sees data older than
// the last committed write. See docs/decisions/007-analytics-copy.md.
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue, listValue } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig } from '../server/db/config.ts';
import { ymdNumber } from '../server/domain/dates.ts';
import { duckdb } from './dialect.ts';
import type { Engine } from './metrics/compliance-report.ts';
import { type CopiedTable, columnType, DERIVED, selectSql, TABLES } from './tables.ts';

export type Row = Record<string, unknown>;

/** Reads rows (as arrays) from the operational database. */
interface Source {
  rows(sql: string, params?: string[]): Promise<unknown[][]>;
  close(): Promise<void>;
}

async function openSource(config: DatabaseConfig): Promise<Source> {
  if (config.provider === 'sqlite') {
    const db = new Database(config.file!, { readonly: true, fileMustExist: true });
    return {
      async rows(sql, params = []) {
        const placeholders = sql.replace(/\$\d+/g, '?');
        return db
          .prepare(placeholders)
          .raw()
          .all(...params) as unknown[][];
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  return {
    async rows(sql, params = []) {
      return (await client.query({ text: sql, values: params, rowMode: 'array' })).rows as unknown[][];
    },
    async close() {
      await client.end();
    },
  };
}

export class AnalyticsCopy {
  private pending: Promise<void> = Promise.resolve();
  /** Milliseconds the last full load took, for the benchmark and /health. */
  lastLoadMs = 0;
  /** Queries answered so far: the batching tests read it. */
  queryCount = 0;

  private constructor(
    private readonly config: DatabaseConfig,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(config: DatabaseConfig): Promise<AnalyticsCopy> {
    const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
    const copy = new AnalyticsCopy(config, await instance.connect());
    // Whole years from b to d; a birthday on d counts (domain.md "Age at date D").
    await copy.connection.run(
      'CREATE MACRO age_at(b, d) AS year(d) - year(b) - CASE WHEN month(d) * 100 + day(d) < month(b) * 100 + day(b) THEN 1 ELSE 0 END',
    );
    await copy.reload();
    return copy;
  }

  /** Reloads every table from the operational database. */
  reload(): Promise<void> {
    return this.enqueue(async () => {
      const started = performance.now();
      const source = await openSource(this.config);
      try {
        for (const table of TABLES) {
          await this.connection.run(
            `CREATE OR REPLACE TABLE ${table.name} (${table.columns.map(([n, t]) => `"${n}" ${columnType(t)}`).join(', ')})`,
          );
          await this.append(table, await source.rows(selectSql(table, this.config.provider)));
        }
        for (const derived of DERIVED)
          await this.connection.run(`CREATE OR REPLACE TABLE ${derived.name} AS ${derived.sql(duckdb.year)}`);
      } finally {
        await source.close();
      }
      this.lastLoadMs = performance.now() - started;
    });
  }

  /** Re-reads the named records of one table (after a transition, say). */
  refresh(tableName: string, keys: string[]): Promise<void> {
    const table = TABLES.find((t) => t.name === tableName);
    if (!table?.key) return this.reload();
    return this.enqueue(async () => {
      const source = await openSource(this.config);
      try {
        const keyExpr = table.columns.find(([n]) => n === table.key)![2];
        const list = keys.map((_, i) => `$${i + 1}`).join(', ');
        const rows = await source.rows(`${selectSql(table, this.config.provider)} WHERE ${keyExpr} IN (${list})`, keys);
        await this.connection.run('BEGIN TRANSACTION');
        try {
          await this.connection.run(
            `DELETE FROM ${table.name} WHERE "${table.key}" IN (SELECT unnest($1::VARCHAR[]))`,
            [listValue(keys)],
          );
          await this.append(table, rows);
          await this.connection.run('COMMIT');
        } catch (error) {
          await this.connection.run('ROLLBACK');
          throw error;
        }
      } finally {
        await source.close();
      }
    });
  }

  /** Runs a query once every refresh under way has finished; rows as plain JS objects. */
  async query<T extends Row = Row>(
    sql: string,
    params: Record<string, DuckDBValue> | DuckDBValue[] = [],
  ): Promise<T[]> {
    await this.pending;
    this.queryCount++;
    const reader = await this.connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getRowObjectsJS() as T[];
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.pending.then(work, work);
    // A failed refresh must not poison every later query; it is reported to its caller.
    this.pending = next.catch(() => {});
    return next;
  }

  private async append(table: CopiedTable, rows: unknown[][]): Promise<void> {
    const appender = await this.connection.createAppender(table.name);
    const types = table.columns.map(([, t]) => t);
    for (const row of rows) {
      for (let i = 0; i < types.length; i++) {
        const v = row[i];
        if (v === null || v === undefined) appender.appendNull();
        else if (types[i] === 'INTEGER') appender.appendInteger(Number(v));
        else if (types[i] === 'DOUBLE') appender.appendDouble(Number(v));
        else if (types[i] === 'BOOLEAN') appender.appendBoolean(v === true || v === 1 || v === 1n);
        else if (types[i] === 'YMD') appender.appendInteger(ymdNumber(String(v)));
        else appender.appendVarchar(String(v));
      }
      appender.endRow();
    }
    appender.closeSync();
  }
}

/** The copy as a compliance-report engine. */
export function duckEngine(copy: AnalyticsCopy): Engine {
  return { dialect: duckdb, query: (sql, params) => copy.query(sql, params) };
}
