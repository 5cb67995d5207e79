// The one data module: a Prisma client for the configured database, as a module singleton.
// SQLite and PostgreSQL each have their generated client (a Prisma client is bound to one
// provider); both are typed as the SQLite one, so code written against `Db` uses only what
// both databases support. See docs/decisions/001-two-databases-one-code-path.md.

import { adapterFactory } from './adapter.ts';
import { type DatabaseConfig, databaseConfig } from './config.ts';
import { PrismaClient } from './generated/sqlite/client.ts';

export type Db = InstanceType<typeof PrismaClient>;

/** The client an interactive transaction (`db.$transaction(async (tx) => …)`) hands its callback. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Counts the SQL statements the client sends; the N+1 tests read it. */
export const sqlCounter = { count: 0 };

const log = [{ emit: 'event', level: 'query' }] as const;

export async function createDb(config: DatabaseConfig): Promise<Db> {
  const adapter = adapterFactory(config);
  let client: Db;
  if (config.provider === 'postgresql') {
    const pg = await import('./generated/postgresql/client.ts');
    client = new pg.PrismaClient({ adapter, log: [...log] }) as unknown as Db;
  } else {
    client = new PrismaClient({ adapter, log: [...log] }) as unknown as Db;
    // WAL lets readers run beside the writer; NORMAL sync is safe with WAL. Foreign keys are
    // off by default in SQLite and must be on for the constraints both databases share.
    await client.$executeRawUnsafe('PRAGMA journal_mode = WAL');
    await client.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    await client.$executeRawUnsafe('PRAGMA foreign_keys = ON');
    // A database without planner statistics (filled before imports analyzed, or by another
    // tool) gets them now: without them SQLite reads `code IN (…) AND status = 'ACTIVE'`
    // through the status index, 200 000 rows a statement at national scale. Sampled (the
    // limit), and a no-op once statistics exist.
    await client.$executeRawUnsafe('PRAGMA analysis_limit = 1000');
    await client.$executeRawUnsafe('PRAGMA optimize = 0x10002');
  }
  (client as unknown as { $on(event: 'query', cb: () => void): void }).$on('query', () => {
    sqlCounter.count++;
  });
  return client;
}

export const dbConfig = databaseConfig();
export const db: Db = await createDb(dbConfig);
