// Export: the whole database as a dataset file, each array in insertion order, page by page.
import type { Db } from '../db/client.ts';
import type { ArrayName, DatasetRecord } from './format.ts';
import { toRecord } from './records.ts';
import { DatasetWriter } from './write.ts';

const PAGE = 20_000;

type Page<T> = (after: number) => Promise<T[]>;

export async function exportDataset(db: Db, file: string): Promise<Record<ArrayName, number>> {
  const writer = new DatasetWriter(file);
  const counts = {} as Record<ArrayName, number>;
  const dump = async <T extends { id: number }>(array: ArrayName, page: Page<T>, map: (row: T) => DatasetRecord) => {
    writer.begin(array);
    let after = -1;
    let n = 0;
    for (;;) {
      const rows = await page(after);
      for (const row of rows) writer.record(array, map(row));
      n += rows.length;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    writer.end();
    counts[array] = n;
  };
  const args = (after: number) => ({ where: { id: { gt: after } }, orderBy: { id: 'asc' as const }, take: PAGE });
  // Wrapped in a transaction so that the file is one consistent snapshot.
  await db.$transaction(
    async (tx) => {
      await dump('units', (a) => tx.unit.findMany(args(a)), toRecord.unit);
      await dump('positions', (a) => tx.position.findMany(args(a)), toRecord.position);
      await dump('people', (a) => tx.person.findMany(args(a)), toRecord.person);
      await dump('reserves', (a) => tx.reserveEntry.findMany(args(a)), toRecord.reserve);
      await dump('trainings', (a) => tx.training.findMany(args(a)), toRecord.training);
      await dump('assessments', (a) => tx.assessment.findMany(args(a)), toRecord.assessment);
      await dump('practices', (a) => tx.practice.findMany(args(a)), toRecord.practice);
      await dump('mentors', (a) => tx.mentor.findMany(args(a)), toRecord.mentor);
      await dump('talks', (a) => tx.talk.findMany(args(a)), toRecord.talk);
      await dump('appointments', (a) => tx.incumbency.findMany(args(a)), toRecord.appointment);
      await dump('profiles', (a) => tx.personProfile.findMany(args(a)), toRecord.profile);
      await dump('resumeLines', (a) => tx.resumeLine.findMany(args(a)), toRecord.resumeLine);
      await dump('rewardsPenalties', (a) => tx.rewardPenalty.findMany(args(a)), toRecord.rewardPenalty);
      await dump('familyMembers', (a) => tx.familyMember.findMany(args(a)), toRecord.familyMember);
      await dump('identities', (a) => tx.personIdentity.findMany(args(a)), toRecord.identity);
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  writer.close();
  return counts;
}
