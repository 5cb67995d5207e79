// Drill-through: for every named measure on a generated county, the rows `drill` answers are
// exactly the rows the figure counts — checked against an independent predicate per measure
// (test/reference/measures.ts) — and its totalCount is the figure the metric fields show.
import { beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_NAMES } from '../../analytics/measures.ts';
import type { Dataset } from '../../server/dataset/format.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset } from '../../server/dataset/synthetic.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { referenceDegreeMeasures, referenceMeasures } from '../reference/measures.ts';

interface Page {
  totalCount: number;
  rows: { code: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function drillAll(
  measure: string,
  unitCode: string,
  subtree: boolean,
  asOf: string,
): Promise<[number, string[]]> {
  const codes: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const { drill }: { drill: Page } = await gqlOk(
      `query($m: String!, $u: String!, $s: Boolean, $a: Date, $after: String) {
        drill(measure: $m, unitCode: $u, subtree: $s, asOf: $a, first: 500, after: $after) {
          totalCount rows { code } pageInfo { hasNextPage endCursor } } }`,
      { m: measure, u: unitCode, s: subtree, a: asOf, after },
    );
    total = drill.totalCount;
    codes.push(...drill.rows.map((r) => r.code));
    if (!drill.pageInfo.hasNextPage) break;
    after = drill.pageInfo.endCursor;
  }
  return [total, codes];
}

describe('drill-through on a generated county', () => {
  let data: Dataset;
  let root: string;
  const asOf = '2026-07-01';
  beforeAll(async () => {
    data = generateDataset({ scale: 'county', seed: 5 });
    await importDataset(db, dbConfig, { file: writeDatasetFile(data) }, { replace: true });
    root = data.units.find((u) => u.parentCode === null)!.code as string;
  });

  it('answers, for every measure, exactly the rows the measure counts', async () => {
    const want = referenceMeasures(data, root, true, asOf, 1);
    expect([...want.keys()].sort()).toEqual([...MEASURE_NAMES].sort());
    for (const measure of MEASURE_NAMES) {
      const [total, codes] = await drillAll(measure, root, true, asOf);
      expect({ measure, codes: [...codes].sort() }).toEqual({ measure, codes: [...want.get(measure)!].sort() });
      expect({ measure, total }).toEqual({ measure, total: codes.length });
    }
    // The data exercises the measures: none of the main ones is empty.
    for (const m of [
      'SPECIAL',
      'READY',
      'VACANCIES',
      'TRAINING_COVERED',
      'TRAINED_PEOPLE',
      'YOUNG_DEPUTY',
      'APPOINTMENTS_FROM_POOL',
      'APPOINTMENTS_NOW',
    ])
      expect({ m, n: want.get(m)!.size > 0 }).toEqual({ m, n: true });
  });

  it('gives the same counts as the figures on the pages', async () => {
    const { poolStructure, successionGaps, complianceReport } = await gqlOk<{
      poolStructure: { total: number; special: number; nearTerm: number };
      successionGaps: { totalExpectedVacancies: number; totalReady: number };
      complianceReport: {
        rows: {
          rows: {
            unitCode: string;
            subtree: boolean;
            numerator: number;
            denominator: number | null;
            numeratorMeasure: string;
            denominatorMeasure: string | null;
          }[];
        };
      };
    }>(
      `query($u: String!, $a: Date) {
        poolStructure(unitCode: $u, asOf: $a) { total special nearTerm }
        successionGaps(unitCode: $u, asOf: $a) { totalExpectedVacancies totalReady }
        complianceReport(unitCode: $u, asOf: $a) { rows(first: 40, orderBy: SEVERITY) { rows {
          unitCode subtree numerator denominator numeratorMeasure denominatorMeasure } } } }`,
      { u: root, a: asOf },
    );
    const count = async (m: string, u = root, subtree = true) => (await drillAll(m, u, subtree, asOf))[0];
    expect(await count('ENTRIES')).toBe(poolStructure.total);
    expect(await count('SPECIAL')).toBe(poolStructure.special);
    expect(await count('NEAR_TERM')).toBe(poolStructure.nearTerm);
    expect(await count('VACANCIES')).toBe(successionGaps.totalExpectedVacancies);
    expect(await count('READY')).toBe(successionGaps.totalReady);
    // Every compliance row's numerator and denominator are the drills of its named measures.
    for (const row of complianceReport.rows.rows) {
      expect(await count(row.numeratorMeasure, row.unitCode, row.subtree)).toBe(row.numerator);
      if (row.denominatorMeasure)
        expect(await count(row.denominatorMeasure, row.unitCode, row.subtree)).toBe(row.denominator);
    }
  });

  it('drills each degree target’s people and those meeting it, the same as the degree figures', async () => {
    const want = referenceDegreeMeasures(data, root, asOf);
    const { degreeTargets } = await gqlOk<{
      degreeTargets: { people: number; meeting: number; peopleMeasure: string; meetingMeasure: string }[];
    }>(
      `query($u: String!, $a: Date) { degreeTargets(unitCode: $u, asOf: $a) { people meeting peopleMeasure meetingMeasure } }`,
      {
        u: root,
        a: asOf,
      },
    );
    expect(degreeTargets).toHaveLength(5);
    for (const t of degreeTargets) {
      for (const [measure, figure] of [
        [t.peopleMeasure, t.people],
        [t.meetingMeasure, t.meeting],
      ] as const) {
        const [total, codes] = await drillAll(measure, root, true, asOf);
        expect({ measure, codes: [...codes].sort() }).toEqual({ measure, codes: [...want.get(measure)!].sort() });
        expect({ measure, total }).toEqual({ measure, total: figure });
      }
    }
    expect(degreeTargets.some((t) => t.people > 0 && t.meeting < t.people)).toBe(true);
  });

  it('refuses an unknown measure, a bad cursor and a unit outside the tree, naming the field', async () => {
    const bad = await gql(`{ drill(measure: "NOPE", unitCode: "${root}") { totalCount } }`);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'measure' } });
    const cursor = await gql(`{ drill(measure: "ENTRIES", unitCode: "${root}", after: "xyz") { totalCount } }`);
    expect(cursor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    const unit = await gql(`{ drill(measure: "ENTRIES", unitCode: "NO-SUCH-UNIT") { totalCount } }`);
    expect(unit.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
