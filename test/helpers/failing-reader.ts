// server/db/raw.ts with connections whose reads can be made to fail or wait, to show how the
// analytical copy behaves when catching up fails. In a test file:
//   vi.mock('../../server/db/raw.ts', () => import('../helpers/failing-reader.ts'));
//   import { reads } from '../helpers/failing-reader.ts';   … reads.fail = 2;
import { vi } from 'vitest';

type Raw = typeof import('../../server/db/raw.ts');
const real = await vi.importActual<Raw>('../../server/db/raw.ts');

/**
 * `fail`: the next this many row reads (`rows` and `batches`: what the copy reads records and
 * tables with) throw "injected read failure". `hold`: while set, row reads wait for it first.
 */
export const reads: { fail: number; hold: Promise<void> | null } = { fail: 0, hold: null };

async function injected(): Promise<void> {
  if (reads.fail > 0) {
    reads.fail--;
    throw new Error('injected read failure');
  }
  if (reads.hold) await reads.hold;
}

export const openRaw: Raw['openRaw'] = async (...args) => {
  const connection = await real.openRaw(...args);
  return {
    ...connection,
    provider: connection.provider,
    all: connection.all.bind(connection),
    exec: connection.exec.bind(connection),
    close: connection.close.bind(connection),
    async rows(sql, params) {
      await injected();
      return connection.rows(sql, params);
    },
    async *batches(sql, size) {
      await injected();
      yield* connection.batches(sql, size);
    },
  };
};
export const sqliteDatabase = real.sqliteDatabase;
export const pgClient = real.pgClient;
export const positional = real.positional;
export const listen = real.listen;
