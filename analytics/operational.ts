// The compliance report's SQL run on the operational database itself (SQLite or PostgreSQL),
// over temporary views shaped like the DuckDB copy. The benchmark compares the product's DuckDB
// path with this, and a test checks that all three engines give the same report.
import type { Engine } from './compliance/report.ts';
import { postgresql, sqlite } from './dialect.ts';
import type { SqlReader } from './source.ts';
import { DERIVED, sourceExpr, TABLES } from './tables.ts';

function viewsSql(provider: 'sqlite' | 'postgresql'): string[] {
  const dialect = provider === 'sqlite' ? sqlite : postgresql;
  const derived = DERIVED.map((d) => `CREATE TEMP VIEW ${d.name} AS ${d.sql(dialect)}`);
  return TABLES.map(
    (t) =>
      `CREATE TEMP VIEW ${t.name} AS SELECT ${t.columns
        .map(([name, type, expr]) => `${sourceExpr(type, expr, provider, false)} AS "${name}"`)
        .join(', ')} FROM ${t.from}`,
  ).concat(derived);
}

/** An engine on an open connection to the operational database (the caller closes it). */
export async function operationalEngine(reader: SqlReader): Promise<Engine> {
  for (const sql of viewsSql(reader.provider)) await reader.exec(sql);
  // PostgreSQL guesses a handful of rows for a path-prefix match (it has no statistics for
  // starts_with) and then nests loops over half a million entries × person-years: minutes at
  // national scale. Hash joins are what the data wants; a conservative baseline, not a handicap.
  // With nested loops priced out every plan costs ~1e10, far above jit_above_cost: PostgreSQL
  // then spends half a minute compiling the report's thousand expressions for a few hundred
  // rows. The costs are not real, so neither is the case for JIT.
  if (reader.provider === 'postgresql') {
    await reader.exec('SET enable_nestloop = off');
    await reader.exec('SET jit = off');
  }
  return {
    dialect: reader.provider === 'sqlite' ? sqlite : postgresql,
    query: (sql, params) => reader.all(sql, params),
  };
}
