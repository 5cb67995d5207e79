// Boundary dates, on a variant of the small fixture. asOf 2026-11-21, horizon 1 year → E = 2027-11-21.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gqlOk } from '../helpers/graphql.ts';

function boundaryDataset() {
  const d = smallDataset();
  const r = (id: string) => d.reserves.find((x) => x.id === id)!;
  // R01 (A principal, NEAR): entered exactly 3 years before E → its period ends on E: not staying.
  Object.assign(r('R01'), { enteredOn: '2024-11-21', nominatedOn: '2024-10-01' });
  // R06 (B deputy) leaves the day after asOf: still in the pool on asOf.
  Object.assign(r('R06'), { status: 'REMOVED', exitedOn: '2026-11-22', exitReason: '工作调动' });
  d.reserves.push(
    // Entered on asOf, exactly 1 year before E: in the pool on asOf, cultivation ends on E → ready.
    {
      ...r('R05'),
      id: 'R07',
      personId: 'E11',
      unitCode: 'A',
      targetKind: 'DEPUTY',
      tier: 'NEAR_TERM',
      nominatedOn: '2026-10-01',
      enteredOn: '2026-11-21',
    },
    // Entered a day later than R01: its period ends the day after E → stays, and is ready.
    {
      ...r('R05'),
      id: 'R08',
      personId: 'E12',
      unitCode: 'A',
      targetKind: 'PRINCIPAL',
      tier: 'NEAR_TERM',
      nominatedOn: '2024-10-01',
      enteredOn: '2024-11-22',
    },
  );
  // E10 (R05): centralized trainings starting on 1 January and 31 December, 2 + 1 days: exactly
  // two trainings and three days in 2026. E12: one starting 1 January 2027 — not in 2026.
  d.trainings.push(
    {
      personId: 'E10',
      program: '年初集中培训',
      kind: 'CENTRALIZED',
      start: '2026-01-01',
      days: 2,
      hours: 16,
      credits: 2,
      completed: true,
    },
    {
      personId: 'E10',
      program: '年末调训',
      kind: 'ASSIGNED',
      start: '2026-12-31',
      days: 1,
      hours: 8,
      credits: 1,
      completed: true,
    },
    {
      personId: 'E12',
      program: '党校班',
      kind: 'PARTY_SCHOOL',
      start: '2027-01-01',
      days: 5,
      hours: 40,
      credits: 4,
      completed: true,
    },
  );
  return d;
}

describe('analytics at the boundaries', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(boundaryDataset()) });
  });

  it('succession: period ending on E does not stay; cultivation ending on E is ready', async () => {
    const data = await gqlOk<{
      successionGaps: { rows: { kind: string; expectedVacancies: number; ready: number; gap: number }[] };
    }>(
      `{ successionGaps(unitCode: "A", subtree: false, asOf: "2026-11-21") { rows { kind expectedVacancies ready gap } } }`,
    );
    // A principal: no vacancy; ready = R08 only (R01's period ends exactly on E).
    // A deputy: A-D1 vacant; ready = R07 (entered on asOf, cultivation ends on E).
    expect(data.successionGaps.rows).toEqual([
      { kind: 'DEPUTY', expectedVacancies: 1, ready: 1, gap: 0 },
      { kind: 'PRINCIPAL', expectedVacancies: 0, ready: 1, gap: 0 },
    ]);
  });

  it('an entry that exits the day after asOf is still in the pool on asOf', async () => {
    const ratio = (asOf: string) =>
      gqlOk<{ reserveRatio: { kind: string; reserves: number }[] }>(
        `query($a: Date) { reserveRatio(unitCode: "B", subtree: false, asOf: $a) { kind reserves } }`,
        { a: asOf },
      ).then((d) => d.reserveRatio.find((r) => r.kind === 'DEPUTY')?.reserves);
    expect(await ratio('2026-11-21')).toBe(1);
    expect(await ratio('2026-11-22')).toBe(0);
  });

  it('counts trainings starting on 1 January and 31 December in their year, not the next', async () => {
    const data = await gqlOk<Record<string, { activeReserves: number; covered: number; trained: number }>>(`{
      y2026: trainingCoverage(unitCode: "C01", year: 2026) { activeReserves covered trained }
      y2027: trainingCoverage(unitCode: "C01", year: 2027) { activeReserves covered trained }
    }`);
    // 31 Dec 2026: R01, R03, R05, R07, R08 active (R06 left 2026-11-22). Covered: E06 (R01) as
    // before, E10 (R05) with exactly 2 trainings and 3 days. Trained: E06, E10.
    expect(data.y2026).toEqual({ activeReserves: 5, covered: 2, trained: 2 });
    // 2027: only E12's training (one, 5 days: not covered); trained: E12.
    expect(data.y2027).toEqual({ activeReserves: 5, covered: 0, trained: 1 });
  });
});
