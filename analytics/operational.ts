// The compliance report's SQL run on the operational database itself (SQLite or PostgreSQL),
// over temporary views shaped like the DuckDB copy. The benchmark compares the product's DuckDB
// path with this, and a test checks that all three engines give the same report.
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig } from '../server/db/config.ts';
import { postgresql, sqlite } from './dialect.ts';
import type { Engine } from './metrics/compliance-report.ts';
import { DERIVED, sourceExpr, TABLES } from './tables.ts';

function viewsSql(provider: 'sqlite' | 'postgresql'): string[] {
  const year = provider === 'sqlite' ? sqlite.year : postgresql.year;
  const derived = DERIVED.map((d) => `CREATE TEMP VIEW ${d.name} AS ${d.sql(year)}`);
  return TABLES.map(
    (t) =>
      `CREATE TEMP VIEW ${t.name} AS SELECT ${t.columns
        .map(([name, type, expr]) => `${sourceExpr(type, expr, provider, false)} AS "${name}"`)
        .join(', ')} FROM ${t.from}`,
  ).concat(derived);
}

export interface OperationalEngine extends Engine {
  close(): Promise<void>;
}

export async function openOperationalEngine(config: DatabaseConfig): Promise<OperationalEngine> {
  if (config.provider === 'sqlite') {
    const db = new Database(config.file!, { readonly: true, fileMustExist: true });
    for (const sql of viewsSql('sqlite')) db.exec(sql);
    return {
      dialect: sqlite,
      async query(sql, params) {
        const used = Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`$${k}`)));
        return db.prepare(sql).all(used) as Record<string, unknown>[];
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  for (const sql of viewsSql('postgresql')) await client.query(sql);
  return {
    dialect: postgresql,
    async query(sql, params) {
      return (await client.query(...positional(sql, params))).rows;
    },
    async close() {
      await client.end();
    },
  };
}

/** node-postgres takes positional parameters: $name → $1, $2, … */
function positional(sql: string, params: Record<string, string | number>): [string, (string | number | undefined)[]] {
  const names: string[] = [];
  const text = sql.replace(/\$([a-zA-Z_]+)/g, (_, name: string) => {
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return [text, names.map((n) => params[n])];
}
