import path from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

export interface DatabaseConfig {
  provider: Provider;
  /** `file:/abs/path.db` for SQLite, `postgresql://…` for PostgreSQL. */
  url: string;
  /** The SQLite file, absolute. */
  file?: string;
}

export const DEFAULT_DATABASE_URL = 'file:./data/reserve.db';

/** Reads DATABASE_URL: `file:PATH` (SQLite, the default) or `postgresql://…` / `postgres://…`. */
export function databaseConfig(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseConfig {
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgresql', url };
  if (url.startsWith('file:')) {
    const file = path.resolve(url.slice('file:'.length));
    return { provider: 'sqlite', url: `file:${file}`, file };
  }
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL), got "${url}"`);
}
