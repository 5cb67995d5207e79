// The few SQL functions the compliance report needs that differ between DuckDB (the product's
// path) and the operational databases (SQLite and PostgreSQL: the benchmark's baselines and a
// cross-check). Everything else in that SQL is common. DuckDB also has date-valued helpers for
// the metrics that only it runs.

export interface Dialect {
  name: 'duckdb' | 'sqlite' | 'postgresql';
  /** Text s starts with prefix p. */
  startsWith(s: string, p: string): string;
  ceil(x: string): string;
  greatest(a: string, b: string): string;
  /** The calendar year of a date, as an integer. */
  year(d: string): string;
  /** An integer parameter. */
  int(param: string): string;
  /** Integer division of integers, truncated. */
  idiv(a: string, b: string): string;
}

// Dates as yyyymmdd integers (the copy keeps the hot dates of the compliance report so): whole
// years and year arithmetic become integer arithmetic, several times cheaper than taking dates
// apart into year, month and day on every row.

/** Whole years from b to d (yyyymmdd integers, b ≤ d); a birthday on d counts (domain.md "Age at date D"). */
export function yearsBetween(dialect: Dialect, b: string, d: string): string {
  return `(${dialect.idiv(`${d} - ${b}`, '10000')})`;
}

/** yyyymmdd d plus n years; 29 February becomes 28 February outside leap years. */
export function addYearsYmd(dialect: Dialect, d: string, n: string): string {
  const y = `(${dialect.idiv(d, '10000')} + ${n})`;
  const leap = `(${y} % 4 = 0 AND (${y} % 100 <> 0 OR ${y} % 400 = 0))`;
  return `(${d} + ${n} * 10000 - CASE WHEN ${d} % 10000 = 229 AND NOT ${leap} THEN 1 ELSE 0 END)`;
}

/** DuckDB, with date-valued helpers for the metrics only the copy runs. */
export interface DuckDialect extends Dialect {
  /** Whole years from date b to date d (the copy's `age_at` macro). */
  ageAt(b: string, d: string): string;
  /** Date d plus n whole years (29 February → 28 February). */
  addYears(d: string, n: string): string;
}

export const duckdb: DuckDialect = {
  name: 'duckdb',
  ageAt: (b, d) => `age_at(${b}, ${d})`,
  // make_date is about 3× faster than adding an interval here, with the same 29 February rule.
  addYears: (d, n) => {
    const y = `(year(${d}) + ${n})`;
    const leap = `(${y} % 4 = 0 AND (${y} % 100 <> 0 OR ${y} % 400 = 0))`;
    return `make_date(CAST(${y} AS BIGINT), month(${d}), CASE WHEN month(${d}) = 2 AND day(${d}) = 29 AND NOT ${leap} THEN 28 ELSE day(${d}) END)`;
  },
  startsWith: (s, p) => `starts_with(${s}, ${p})`,
  ceil: (x) => `ceil(round(${x}, 9))`,
  greatest: (a, b) => `greatest(${a}, ${b})`,
  year: (d) => `year(${d})`,
  int: (p) => `CAST(${p} AS INTEGER)`,
  idiv: (a, b) => `(${a}) // (${b})`,
};

/** SQLite: dates are `YYYY-MM-DD` text in the views (see operational.ts), compared as text. */
export const sqlite: Dialect = {
  name: 'sqlite',
  startsWith: (s, p) => `substr(${s}, 1, length(${p})) = ${p}`,
  ceil: (x) => `(CAST(round(${x}, 9) AS INTEGER) + (round(${x}, 9) > CAST(round(${x}, 9) AS INTEGER)))`,
  greatest: (a, b) => `max(${a}, ${b})`,
  year: (d) => `CAST(substr(${d}, 1, 4) AS INTEGER)`,
  int: (p) => `CAST(${p} AS INTEGER)`,
  idiv: (a, b) => `(${a}) / (${b})`,
};

export const postgresql: Dialect = {
  name: 'postgresql',
  startsWith: (s, p) => `starts_with(${s}, ${p})`,
  ceil: (x) => `ceil(round(CAST(${x} AS NUMERIC), 9))`,
  greatest: (a, b) => `greatest(${a}, ${b})`,
  year: (d) => `CAST(extract(year FROM ${d}) AS INTEGER)`,
  int: (p) => `CAST(${p} AS INTEGER)`,
  idiv: (a, b) => `(${a}) / (${b})`,
};
