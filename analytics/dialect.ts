// The few SQL functions that differ between DuckDB (the product's path) and the operational
// databases (SQLite and PostgreSQL: the benchmark's baselines and a cross-check). Everything else
// in the shared SQL is common.
//
// Dates: the copy keeps every date as a yyyymmdd INTEGER (20260701), one representation for all
// metrics. Whole years and "+ n years" are integer arithmetic, several times cheaper than taking
// dates apart into year, month and day on every row; yearsBetween is the one age function.

export interface Dialect {
  name: 'duckdb' | 'sqlite' | 'postgresql';
  /** Text s starts with prefix p. */
  startsWith(s: string, p: string): string;
  ceil(x: string): string;
  greatest(a: string, b: string): string;
  /** An integer parameter. */
  int(param: string): string;
  /** A real-number parameter (PostgreSQL would infer an integer from its context; NUMERIC there, as its literals). */
  real(param: string): string;
  /** Integer division of integers, truncated. */
  idiv(a: string, b: string): string;
}

/** Whole years from b to d (yyyymmdd integers, b ≤ d); a birthday on d counts: the age at d. */
export function yearsBetween(dialect: Dialect, b: string, d: string): string {
  return `(${dialect.idiv(`${d} - ${b}`, '10000')})`;
}

/** yyyymmdd d plus n years (n may be negative); 29 February becomes 28 February outside leap years. */
export function addYearsYmd(dialect: Dialect, d: string, n: string): string {
  const y = `(${dialect.idiv(d, '10000')} + ${n})`;
  const leap = `(${y} % 4 = 0 AND (${y} % 100 <> 0 OR ${y} % 400 = 0))`;
  return `(${d} + ${n} * 10000 - CASE WHEN ${d} % 10000 = 229 AND NOT ${leap} THEN 1 ELSE 0 END)`;
}

/** The calendar year of a yyyymmdd date. */
export function yearOf(dialect: Dialect, d: string): string {
  return dialect.idiv(d, '10000');
}

export interface DuckDialect extends Dialect {
  /** A yyyymmdd integer as a DATE, for day arithmetic (DuckDB only). */
  toDate(ymd: string): string;
  /** A DATE as a yyyymmdd integer. */
  fromDate(date: string): string;
}

export const duckdb: DuckDialect = {
  name: 'duckdb',
  startsWith: (s, p) => `starts_with(${s}, ${p})`,
  ceil: (x) => `ceil(round(${x}, 9))`,
  greatest: (a, b) => `greatest(${a}, ${b})`,
  int: (p) => `CAST(${p} AS INTEGER)`,
  real: (p) => `CAST(${p} AS DOUBLE)`,
  idiv: (a, b) => `(${a}) // (${b})`,
  toDate: (ymd) =>
    `make_date(CAST((${ymd}) // 10000 AS BIGINT), CAST((${ymd}) // 100 % 100 AS BIGINT), CAST((${ymd}) % 100 AS BIGINT))`,
  fromDate: (date) => `(year(${date}) * 10000 + month(${date}) * 100 + day(${date}))`,
};

export const sqlite: Dialect = {
  name: 'sqlite',
  startsWith: (s, p) => `substr(${s}, 1, length(${p})) = ${p}`,
  ceil: (x) => `(CAST(round(${x}, 9) AS INTEGER) + (round(${x}, 9) > CAST(round(${x}, 9) AS INTEGER)))`,
  greatest: (a, b) => `max(${a}, ${b})`,
  int: (p) => `CAST(${p} AS INTEGER)`,
  real: (p) => `CAST(${p} AS REAL)`,
  idiv: (a, b) => `(${a}) / (${b})`,
};

export const postgresql: Dialect = {
  name: 'postgresql',
  startsWith: (s, p) => `starts_with(${s}, ${p})`,
  ceil: (x) => `ceil(round(CAST(${x} AS NUMERIC), 9))`,
  greatest: (a, b) => `greatest(${a}, ${b})`,
  int: (p) => `CAST(${p} AS INTEGER)`,
  real: (p) => `CAST(${p} AS NUMERIC)`,
  idiv: (a, b) => `(${a}) / (${b})`,
};
