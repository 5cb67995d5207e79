// Degree targets and training volume on the small fixture (all twelve people are PARTY_GOV).
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gqlOk } from '../helpers/graphql.ts';

const degrees = (asOf: string) =>
  gqlOk<{
    degreeTargets: {
      category: string;
      maxAge: number | null;
      atLeast: string;
      people: number;
      meeting: number;
      share: number;
      target: number;
      compliant: boolean;
    }[];
  }>(
    `query($a: Date) { degreeTargets(unitCode: "C01", asOf: $a) { category maxAge atLeast people meeting share target compliant } }`,
    { a: asOf },
  ).then((d) => d.degreeTargets);

describe('degree targets and training volume', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('measures each default degree target against the people in scope', async () => {
    // Under 50 on 2026-11-21: E05 (48) … E12 (30) = 8 people; E07 has ASSOCIATE, the others
    // BACHELOR or above → ≥ 大专 8/8, ≥ 本科 7/8 = 0.875 against 0.65.
    const rows = await degrees('2026-11-21');
    expect(rows.slice(0, 2)).toEqual([
      {
        category: 'PARTY_GOV',
        maxAge: 50,
        atLeast: 'ASSOCIATE',
        people: 8,
        meeting: 8,
        share: 1,
        target: 1,
        compliant: true,
      },
      {
        category: 'PARTY_GOV',
        maxAge: 50,
        atLeast: 'BACHELOR',
        people: 8,
        meeting: 7,
        share: 0.875,
        target: 0.65,
        compliant: true,
      },
    ]);
    // Nobody of the other categories: an empty share is 0, short of its target.
    expect(rows[2]).toMatchObject({ category: 'ENTERPRISE_MANAGER', people: 0, share: 0, compliant: false });
  });

  it('counts someone under 50 until the 50th birthday', async () => {
    // E05 (born 1978-05-05) turns 50 on 2028-05-05.
    expect((await degrees('2028-05-04'))[0]?.people).toBe(8);
    expect((await degrees('2028-05-05'))[0]?.people).toBe(7);
  });

  it('gives training days and credits per head and the technical staff rule', async () => {
    const data = await gqlOk<{ trainingCoverage: Record<string, number> }>(
      `{ trainingCoverage(unitCode: "C01", year: 2026) { daysPerHead creditsPerHead technicalStaff technicalMeetingDays technicalCoverage } }`,
    );
    // Completed in 2026: E06's 5 + 2.5 days and 4 + 2 credits, over 12 people.
    expect(data.trainingCoverage).toEqual({
      daysPerHead: 7.5 / 12,
      creditsPerHead: 6 / 12,
      technicalStaff: 0,
      technicalMeetingDays: 0,
      technicalCoverage: 0,
    });
  });
});
