// What the analytical layer needs from the operational database, handed in by the server at
// start (server/analytics.ts): connections that read SQL, and an optional push of changes.
// analytics/ never imports the data layer; the server's raw connections fit these shapes.

export type SqlParam = string | number | boolean | null;

export interface SqlReader {
  readonly provider: 'sqlite' | 'postgresql';
  /** Rows as objects; parameters are written `$name`. */
  all(sql: string, params?: Record<string, SqlParam>): Promise<Record<string, unknown>[]>;
  /** Rows as arrays, in the SELECT's column order. */
  rows(sql: string, params?: Record<string, SqlParam>): Promise<unknown[][]>;
  /** A whole table's rows in batches (one, or several of about `size` from a synchronous driver). */
  batches(sql: string, size: number): AsyncIterable<unknown[][]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface CopySource {
  /** A new connection to the operational database. */
  open(): Promise<SqlReader>;
  /** Calls `onChange` when another process commits a change (PostgreSQL); returns a stop function. */
  subscribe?(onChange: () => void): Promise<() => Promise<void>>;
}
