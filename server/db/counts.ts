// Row counts of list filters (`totalCount`), kept per data version: counting a national pool
// scans hundreds of thousands of rows, and a dashboard asks for the same count page after page.
// The version is the change log's latest sequence number (docs/decisions/010), so a kept count
// never outlives a committed write, whichever process made it.
import { LRUCache } from 'lru-cache';
import type { Db } from './client.ts';

const counts = new LRUCache<string, Promise<number>>({ max: 1000 });

export async function countAtVersion(db: Db, key: string, count: () => Promise<number>): Promise<number> {
  const version = (await db.changeLog.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  const versioned = `${version}|${key}`;
  let answer = counts.get(versioned);
  if (!answer) {
    answer = count();
    counts.set(versioned, answer);
    answer.catch(() => counts.delete(versioned));
  }
  return answer;
}
