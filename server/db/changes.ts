// The data version (docs/decisions/010): every committed write adds a ChangeLog row in its own
// transaction, naming what changed. Readers of derived copies (the analytics copy, in this process
// or another) catch up to the latest row before answering, so none lags a committed write.
import type { ColumnType } from './bulk.ts';
import type { Db } from './client.ts';

/** What changed: an entity, and the keys of its records (omitted: all of them, as an import does). */
export interface Change {
  entity: 'Dataset' | 'ReserveEntry' | 'Policy' | (string & {});
  keys?: string[];
}

type Tx = Pick<Db, 'changeLog'>;

/** Records a change inside the caller's transaction (Prisma's interactive transaction client). */
export async function recordChange(tx: Tx, change: Change): Promise<void> {
  await tx.changeLog.create({
    data: { entity: change.entity, keys: change.keys ? JSON.stringify(change.keys) : null },
  });
}

/** The same row for a bulk session (the importer writes through the drivers, not Prisma). */
export const CHANGE_LOG_COLUMNS: [string, ColumnType][] = [
  ['entity', 'text'],
  ['keys', 'text'],
];
