// The contract's analytics fields on the small fixture, against numbers worked out by hand.
// Fixture (test/fixtures/small.ts): C01 ─ A ─ A1, C01 ─ B ─ B1. Positions: C01-P1 (P, E01 b.1968-03-01,
// term 2028-06-30), A-P1 (P, E02 b.1970-01-20), A-D1 (D, vacant), A1-P1 (P, E03 b.1975-09-09, term
// 2027-03-31), B-P1 (P, E04 b.1969-12-31), B-D1 (D, E05 b.1978-05-05). Entries: R01 E06→A P NEAR
// entered 2025-01-10; R02 E07→A D nominated only; R03 E08→B P LONG entered 2024-03-01; R04 E09→B1 D
// 2023-02-01..2025-06-30; R05 E10→A1 D NEAR entered 2026-01-10; R06 E09→B D MID entered 2025-09-01.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { decide } from '../helpers/meetings.ts';

const ratio = (unitCode: string, asOf: string, subtree = true) =>
  gqlOk<{ reserveRatio: Record<string, unknown>[] }>(
    `query($u: String!, $a: Date, $s: Boolean) { reserveRatio(unitCode: $u, asOf: $a, subtree: $s) { unitCode kind positions reserves target gap compliant } }`,
    { u: unitCode, a: asOf, s: subtree },
  ).then((d) => d.reserveRatio);

describe('analytics on the small fixture', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('reserve ratio: one row per unit and kind with positions, target = ceil(ratio × P)', async () => {
    // Active on 2026-11-21: R01 (A P), R03 (B P), R05 (A1 D: A1 has no deputy posts), R06 (B D).
    expect(await ratio('C01', '2026-11-21')).toEqual([
      { unitCode: 'C01', kind: 'PRINCIPAL', positions: 1, reserves: 0, target: 2, gap: 2, compliant: false }, // 2×1 − 0
      { unitCode: 'A', kind: 'PRINCIPAL', positions: 1, reserves: 1, target: 2, gap: 1, compliant: false }, // 2 − 1
      { unitCode: 'A', kind: 'DEPUTY', positions: 1, reserves: 0, target: 1, gap: 1, compliant: false }, // R02 is not in the pool
      { unitCode: 'A1', kind: 'PRINCIPAL', positions: 1, reserves: 0, target: 2, gap: 2, compliant: false },
      { unitCode: 'B', kind: 'PRINCIPAL', positions: 1, reserves: 1, target: 2, gap: 1, compliant: false },
      { unitCode: 'B', kind: 'DEPUTY', positions: 1, reserves: 1, target: 1, gap: 0, compliant: true }, // 1×1 − 1
    ]);
  });

  it('reserve ratio for a unit alone, and at past dates (entered on asOf counts, exited on asOf does not)', async () => {
    expect(await ratio('B', '2026-11-21', false)).toHaveLength(2);
    // R06 entered 2025-09-01: on 2025-08-31 B has no deputy reserve, on 2025-09-01 it has one.
    const before = (await ratio('B', '2025-08-31', false)).find((r) => r.kind === 'DEPUTY');
    const on = (await ratio('B', '2025-09-01', false)).find((r) => r.kind === 'DEPUTY');
    expect([before?.reserves, on?.reserves]).toEqual([0, 1]);
    // B1 has no positions: no rows, though R04 was active there.
    expect(await ratio('B1', '2024-01-01')).toEqual([]);
  });

  it('pool structure: women, minorities, non-CPC and the special share counted once', async () => {
    const data = await gqlOk<Record<string, unknown>>(`{
      all: poolStructure(unitCode: "C01", asOf: "2026-11-21") { total women minority nonCpc special specialShare nearTerm nearTermShare midTerm longTerm bachelorOrAbove }
      principal: poolStructure(unitCode: "C01", asOf: "2026-11-21", kind: PRINCIPAL) { total women nonCpc special nearTerm bachelorOrAbove }
      aAlone: poolStructure(unitCode: "A", subtree: false, asOf: "2026-11-21") { total special specialShare }
      empty: poolStructure(unitCode: "B1", asOf: "2026-11-21") { total specialShare nearTermShare }
    }`);
    // Active: R01 E06 (F, MASTER, NEAR), R03 E08 (non-party, BACHELOR, LONG), R05 E10 (F, DOCTORATE,
    // NEAR), R06 E09 (BACHELOR, MID). Special = E06, E08, E10 = 3 of 4.
    expect(data.all).toEqual({
      total: 4,
      women: 2,
      minority: 0,
      nonCpc: 1,
      special: 3,
      specialShare: 0.75,
      nearTerm: 2,
      nearTermShare: 0.5,
      // Tiers: NEAR R01 R05, MID R06, LONG R03.
      midTerm: 1,
      longTerm: 1,
      bachelorOrAbove: 4,
    });
    expect(data.principal).toEqual({ total: 2, women: 1, nonCpc: 1, special: 2, nearTerm: 1, bachelorOrAbove: 2 });
    expect(data.aAlone).toEqual({ total: 1, special: 1, specialShare: 1 });
    expect(data.empty).toEqual({ total: 0, specialShare: 0, nearTermShare: 0 });
  });

  it('training coverage: ≥ 2 centralized trainings totalling ≥ 3 days in the year', async () => {
    const data = await gqlOk<Record<string, unknown>>(`{
      y2026: trainingCoverage(unitCode: "C01", year: 2026) { activeReserves covered coverage people trained cadreTrainingRate }
      y2025: trainingCoverage(unitCode: "C01", year: 2025) { activeReserves covered trained }
    }`);
    // 31 Dec 2026: R01, R03, R05, R06 active. E06: CENTRALIZED 5 d + PARTY_SCHOOL 2.5 d = 2 trainings,
    // 7.5 days → covered. E08's ONLINE training is not completed. People: 12; trained in 2026: E06.
    expect(data.y2026).toEqual({
      activeReserves: 4,
      covered: 1,
      coverage: 0.25,
      people: 12,
      trained: 1,
      cadreTrainingRate: 1 / 12,
    });
    // 31 Dec 2025: R01, R03, R06 active (R05 entered 2026); no training started in 2025.
    expect(data.y2025).toEqual({ activeReserves: 3, covered: 0, trained: 0 });
  });

  it('succession gaps: expected vacancies, ready entries, worst first', async () => {
    const data = await gqlOk<{ successionGaps: Record<string, unknown> }>(`{
      successionGaps(unitCode: "C01", asOf: "2026-11-21") {
        horizonEnd totalExpectedVacancies totalReady totalGap
        rows { unitCode kind expectedVacancies ready gap benchStrength }
      }
    }`);
    // E = 2027-11-21. Vacancies: A-D1 (no incumbent), A1-P1 (term ends 2027-03-31 ≤ E). E01 is 59 at E.
    // Ready: R01 (NEAR, 41 at E ≤ 45, period ends 2028-01-10 > E, cultivation ended 2026-01-10) for
    // A principal; R05 is ready too but A1 has no deputy posts, so it has no row.
    expect(data.successionGaps).toEqual({
      horizonEnd: '2027-11-21',
      totalExpectedVacancies: 2,
      totalReady: 1,
      totalGap: 2,
      rows: [
        { unitCode: 'A', kind: 'DEPUTY', expectedVacancies: 1, ready: 0, gap: 1, benchStrength: 0 },
        { unitCode: 'A1', kind: 'PRINCIPAL', expectedVacancies: 1, ready: 0, gap: 1, benchStrength: 0 },
        { unitCode: 'C01', kind: 'PRINCIPAL', expectedVacancies: 0, ready: 0, gap: 0, benchStrength: 0 },
        { unitCode: 'A', kind: 'PRINCIPAL', expectedVacancies: 0, ready: 1, gap: 0, benchStrength: 0 },
        { unitCode: 'B', kind: 'PRINCIPAL', expectedVacancies: 0, ready: 0, gap: 0, benchStrength: 0 },
        { unitCode: 'B', kind: 'DEPUTY', expectedVacancies: 0, ready: 0, gap: 0, benchStrength: 0 },
      ],
    });
  });

  it('succession gaps: a 60th birthday exactly on the horizon end is a vacancy, the day after is not', async () => {
    const vacancies = async (asOf: string) =>
      (
        await gqlOk<{ successionGaps: { rows: { expectedVacancies: number }[] } }>(
          `query($a: Date) { successionGaps(unitCode: "C01", subtree: false, asOf: $a) { rows { expectedVacancies } } }`,
          { a: asOf },
        )
      ).successionGaps.rows[0]?.expectedVacancies;
    // E01 born 1968-03-01 turns 60 on 2028-03-01.
    expect(await vacancies('2027-03-01')).toBe(1); // E = 2028-03-01
    expect(await vacancies('2027-02-28')).toBe(0); // E = 2028-02-28
  });

  it('refreshes after a transition: the next query sees it', async () => {
    const deputyOfB = async (asOf: string) =>
      (await ratio('B', asOf, false)).find((r) => r.kind === 'DEPUTY')?.reserves;
    expect(await deputyOfB('2026-11-21')).toBe(1);
    await decide('R06', { unitCode: 'B', heldOn: '2026-10-30', subject: 'REMOVAL' });
    const moved = await gql(
      `mutation { transitionReserve(input: { reserveId: "R06", to: REMOVED, on: "2026-11-01", reason: "工作调动" }) { status } }`,
    );
    expect(moved.errors).toBeUndefined();
    expect(await deputyOfB('2026-11-21')).toBe(0);
    expect(await deputyOfB('2026-10-31')).toBe(1); // still in the pool the day before it left
  });

  it('stays inside the viewer’s scope', async () => {
    const result = await gql(`{ poolStructure(unitCode: "B") { total } }`, {}, { viewerUnit: 'A' });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await gqlOk<{ reserveRatio: unknown[] }>(
      `{ reserveRatio(unitCode: "A", asOf: "2026-11-21") { unitCode } }`,
      {},
      { viewerUnit: 'A' },
    );
    expect(own.reserveRatio).toHaveLength(3);
  });
});

describe('per-unit metric fields', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) }, { replace: true });
  });

  it('answer every unit of a list with one DuckDB query per metric family', async () => {
    const { analytics } = await import('../../server/analytics.ts');
    const copy = await analytics();
    const query = `{ units(first: 10) { edges { node { code
      reserveRatio(asOf: "2026-11-21") { kind reserves target }
      poolStructure(asOf: "2026-11-21") { total special }
    } } } }`;
    const before = copy.queryCount;
    const data = await gqlOk<{
      units: { edges: { node: { code: string; reserveRatio: unknown[]; poolStructure: { total: number } } }[] };
    }>(query);
    // Two families: ratio (plus nothing else) and structure — one query each for the five units.
    expect(copy.queryCount - before).toBe(2);
    const byCode = Object.fromEntries(data.units.edges.map((e) => [e.node.code, e.node]));
    expect(byCode.A?.reserveRatio).toEqual([
      { kind: 'PRINCIPAL', reserves: 1, target: 2 },
      { kind: 'DEPUTY', reserves: 0, target: 1 },
    ]);
    expect(byCode.A1?.poolStructure).toEqual({ total: 1, special: 1 }); // R05 (E10, a woman)
    expect(byCode.B1?.reserveRatio).toEqual([]); // no posts
    expect(byCode.C01?.poolStructure).toEqual({ total: 0, special: 0 });
  });
});
