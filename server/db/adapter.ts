import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DatabaseConfig } from './config.ts';

/** The driver adapter for a database; creates the SQLite file's folder on first use. */
export function adapterFactory(config: DatabaseConfig): SqlMigrationAwareDriverAdapterFactory {
  if (config.provider === 'postgresql') return new PrismaPg({ connectionString: config.url, max: 8 });
  fs.mkdirSync(path.dirname(config.file!), { recursive: true });
  return new PrismaBetterSqlite3({ url: config.file! });
}
