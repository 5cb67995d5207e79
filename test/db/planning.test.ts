// simulateIntake (planning model 2) on the small fixture (test/fixtures/small.ts), worked out by
// hand year by year, and its Monte Carlo mode's promises: probabilities 0 or 1 give the
// deterministic answer, a seed gives the same answer again, percentiles are ordered.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { recordChange } from '../../server/db/changes.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';

type Row = {
  unitCode: string;
  kind: string;
  target: number;
  expectedVacancies: number;
  stays: number;
  ready: number;
  promoted: number;
  projectedReserves: number;
  intake: number;
};
type Result = {
  totalIntake: number;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  horizonEnd: string;
  rows: Row[];
};

const simulate = async (input: string) =>
  (
    await gqlOk<{ simulateIntake: Result }>(
      `{ simulateIntake(input: { unitCode: "C01", asOf: "2026-11-21", ${input} }) {
          totalIntake p10 p50 p90 horizonEnd
          rows { unitCode kind target expectedVacancies stays ready promoted projectedReserves intake } } }`,
    )
  ).simulateIntake;
const brief = (r: Result) =>
  Object.fromEntries(
    r.rows.map((x) => [
      `${x.unitCode} ${x.kind}`,
      [x.stays, x.ready, x.expectedVacancies, x.projectedReserves, x.intake],
    ]),
  );

describe('simulateIntake', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('projects one year by hand: who stays, who is ready, which posts fall vacant', async () => {
    // asOf 2026-11-21, E = 2027-11-21; [stays, ready, vacancies, projected, intake] per unit and kind.
    // C01 P: E01 (born 1968-03-01) is 59 at E, term to 2028-06-30: no vacancy; nobody reserved: 0 → 2.
    // A P: R01 (born 1986-02-28, 41 at E; period to 2028-01-10; near-term, cultivation over) stays
    //   and is ready; no vacancy, so nobody is promoted: 1 → target 2 − 1 = 1.
    // A D: A-D1 vacant; nobody reserved: 0 → 1. A1 P: term ends 2027-03-31 ≤ E: vacant; 0 → 2.
    // B P: R03's period ends 2027-03-01 ≤ E: it leaves: 0 → 2. B D: R06 (39 at E, mid-term) stays: 1 → 0.
    const r = await simulate('horizonYears: 1');
    expect(r.horizonEnd).toBe('2027-11-21');
    expect(brief(r)).toEqual({
      'C01 PRINCIPAL': [0, 0, 0, 0, 2],
      'A PRINCIPAL': [1, 1, 0, 1, 1],
      'A DEPUTY': [0, 0, 1, 0, 1],
      'A1 PRINCIPAL': [0, 0, 1, 0, 2],
      'B PRINCIPAL': [0, 0, 0, 0, 2],
      'B DEPUTY': [1, 0, 0, 1, 0],
    });
    expect([r.totalIntake, r.p10, r.p50, r.p90]).toEqual([8, null, null, null]);
  });

  it('over two years, year by year: year 1’s intake counts in year 2; R01 and R06 leave as their periods end', async () => {
    // Year 1 as above: intake 2 + 1 + 1 + 2 + 2 + 0 = 8, each a mid-term cohort present in years
    // 2 and 3. Year 2 (E = 2028-11-21): C01 P: E01 turns 60 (2028-03-01): a vacancy, nobody ready
    // (the cohort is mid-term); stock 2 (the cohort), need 0. A P: R01's period ends 2028-01-10:
    // gone; stock 1 (its cohort), need 1 → intake 1. A D, A1 P, B P: their cohorts meet the
    // target. B D: R06's period ends 2028-09-01 (at 40 it is not over its limit): gone; stock 0,
    // need 1 → intake 1. Horizon intake 8 + 2 = 10.
    // [stays to E_2, ready, vacancies over the horizon, stock in year 2, intake over the horizon]:
    const r = await simulate('horizonYears: 2');
    expect(brief(r)).toEqual({
      'C01 PRINCIPAL': [0, 0, 1, 2, 2],
      'A PRINCIPAL': [0, 0, 0, 1, 2],
      'A DEPUTY': [0, 0, 1, 1, 1],
      'A1 PRINCIPAL': [0, 0, 1, 2, 2],
      'B PRINCIPAL': [0, 0, 0, 2, 2],
      'B DEPUTY': [0, 0, 0, 0, 1],
    });
    expect(r.totalIntake).toBe(10);
  });

  it('applies attrition and the promotion probability', async () => {
    // Attrition 0.5 over one year: A P keeps 0.5 (need 1.5), B D 0.5 (need 0.5); Σ need = 2 + 1.5
    // + 1 + 2 + 2 + 0.5 = 9 → 9. Floors give 8; the one left goes to the larger need of the two
    // equal fractions (A P). Model 1 floored both stocks to 0 and asked for 10.
    const attrition = await simulate('horizonYears: 1, attritionRate: 0.5');
    expect(attrition.totalIntake).toBe(9);
    expect(brief(attrition)['A PRINCIPAL']).toEqual([1, 1, 0, 0.5, 2]);
    expect(brief(attrition)['B DEPUTY']).toEqual([1, 0, 0, 0.5, 0]);
    // A-P1's term ends within the year: one vacancy, R01 ready. p = 1: promoted 1, 0 left, intake 2;
    // p = 0.5: 0.5 promoted (expected), 0.5 left, need 1.5; Σ need 8.5 → 9: A P gets the remainder.
    await db.position.update({ where: { code: 'A-P1' }, data: { termEnds: new Date('2027-06-30T00:00:00Z') } });
    await recordChange(db, { entity: 'Position' });
    const sure = await simulate('horizonYears: 1');
    const half = await simulate('horizonYears: 1, promotionProbability: 0.5');
    const a = (r: Result) => r.rows.find((x) => x.unitCode === 'A' && x.kind === 'PRINCIPAL')!;
    expect([a(sure).promoted, a(sure).projectedReserves, a(sure).intake]).toEqual([1, 0, 2]);
    expect([a(half).promoted, a(half).projectedReserves, a(half).intake]).toEqual([0.5, 0.5, 2]);
    expect(half.totalIntake).toBe(9);
    await db.position.update({ where: { code: 'A-P1' }, data: { termEnds: null } });
    await recordChange(db, { entity: 'Position' });
  });

  it('in Monte Carlo mode: certain probabilities give the deterministic total; a seed repeats; percentiles are ordered', async () => {
    const certain = await simulate('horizonYears: 1, mode: MONTE_CARLO, runs: 50, seed: 3');
    expect([certain.p10, certain.p50, certain.p90, certain.totalIntake]).toEqual([8, 8, 8, 8]);
    const risky = 'horizonYears: 1, mode: MONTE_CARLO, runs: 500, seed: 11, attritionRate: 0.5';
    const once = await simulate(risky);
    expect(await simulate(risky)).toEqual(once);
    expect(once.p10! <= once.p50! && once.p50! <= once.p90!).toBe(true);
    // Two entries may leave, each with probability 0.5: the total is 8, 9 or 10.
    expect(once.p10).toBeGreaterThanOrEqual(8);
    expect(once.p90).toBeLessThanOrEqual(10);
    expect(once.totalIntake).toBe(once.p50);
  });

  it('gives the profile the intake must have, and the year-by-year totals', async () => {
    // E = 2027-11-21. A P: R01 (a woman, 41 at E, MASTER, near-term) stays; nobody promoted;
    //   projected 1, intake 1, pool 2. SPECIAL: 1 have, ceil(0.15 × 2) = 1 → 0 more. YOUNG
    //   (under 35): 0 have, 1 wanted → 1. AGE_BAND (35–45): 1, ceil(0.5 × 2) = 1 → 0.
    //   NEAR_TERM: 1, ceil(2 / 3) = 1 → 0. BACHELOR: 1, ceil(1 × 2) = 2 → 1.
    // B D: R06 (a man, 39 at E, BACHELOR, mid-term) stays; intake 0, pool 1. SPECIAL: 0 have,
    //   ceil(0.15) = 1 → 1, which intake 0 cannot carry: extra ceil((0.15 − 0) / 0.85) = 1.
    //   YOUNG (under 30): 1 → extra 1. AGE_BAND (30–40): 1 have → 0. NEAR_TERM: 0 near-term,
    //   ceil(1 / 3) = 1 → extra ceil((1/3) / (2/3)) = 1. BACHELOR: 1 → 0.
    const q = (extra: string) =>
      gqlOk<{
        simulateIntake: {
          rows: {
            unitCode: string;
            kind: string;
            readyByHorizon: number;
            profile: { rule: string; projected: number; required: number; extraIntake: number | null }[];
          }[];
          years: { year: number; pool: number; need: number; intake: number; successionGap: number }[];
        };
      }>(
        `{ simulateIntake(input: { unitCode: "C01", asOf: "2026-11-21", ${extra} }) {
            rows { unitCode kind readyByHorizon profile { rule projected required extraIntake } }
            years { year pool need intake successionGap } } }`,
      ).then((d) => d.simulateIntake);
    const one = await q('horizonYears: 1');
    const profile = (unit: string, kind: string, r = one) =>
      Object.fromEntries(
        r.rows
          .find((x) => x.unitCode === unit && x.kind === kind)!
          .profile.map((n) => [n.rule, [n.projected, n.required, n.extraIntake]]),
      );
    expect(profile('A', 'PRINCIPAL')).toEqual({
      SPECIAL: [1, 0, 0],
      YOUNG: [0, 1, 0],
      AGE_BAND: [1, 0, 0],
      NEAR_TERM: [1, 0, 0],
      BACHELOR: [1, 1, 0],
    });
    expect(profile('B', 'DEPUTY')).toEqual({
      SPECIAL: [0, 1, 1],
      YOUNG: [0, 1, 1],
      AGE_BAND: [1, 0, 0],
      NEAR_TERM: [0, 1, 1],
      BACHELOR: [1, 0, 0],
    });
    // Year 1 totals: pool 1 + 1 = 2; need and intake 8 (the first test); vacancies 3 (A-D1,
    // A1-P), ready 1 (R01, in A where no post falls vacant): gap A D 1 + A1 P 1 = 2.
    expect(one.years).toHaveLength(1);
    expect([one.years[0]!.pool, one.years[0]!.need, one.years[0]!.intake, one.years[0]!.successionGap]).toEqual([
      2, 8, 8, 2,
    ]);
    // Over two years each year has its own planned intake (the previous test): 8, then 2; year
    // 2's pool counts year 1's cohorts: 2 + 1 + 1 + 2 + 2 + 0 = 8.
    const two = await q('horizonYears: 2');
    expect(two.years.map((y) => [y.year, y.pool, y.intake])).toEqual([
      [1, 2, 8],
      [2, 8, 2],
    ]);
    // Tier progress 中期 → 近期 moves members that were in the pool the whole year before: from the
    // second year on. In a one-year horizon R06 stays mid-term: not ready, and B D still needs a
    // near-term member. Over two years R06 has left by year 2 (its period ends 2028-09-01).
    const moved = await q('horizonYears: 1, midToNearRate: 1');
    expect(profile('B', 'DEPUTY', moved).NEAR_TERM).toEqual([0, 1, 1]);
    expect(moved.rows.find((x) => x.unitCode === 'B' && x.kind === 'DEPUTY')!.readyByHorizon).toBe(0);
  });

  it('gives each year the profile its own intake must have', async () => {
    // A P over two years. Year 1 (E1 = 2027-11-21) as in the test before: R01 stays, intake 1;
    //   of the intake by E1, YOUNG 1 and BACHELOR 1 (the others R01 carries).
    // Year 2 (E2 = 2028-11-21): R01's period ended 2028-01-10, so the stock is year 1's cohort
    //   alone (weight 1, p = 1, a = 0): need 2 − 1 = 1, intake 1. Of the entries of asOf nobody
    //   is left to carry an attribute: the pool at E2 is the cohort and the new intake, 2 in all,
    //   and the targets need SPECIAL ceil(0.15 × 2) = 1, YOUNG 1, AGE_BAND ceil(0.5 × 2) = 1,
    //   NEAR_TERM ceil(2 / 3) = 1, BACHELOR 2 from the intake by E2. Year 2 adds what year 1
    //   did not need: SPECIAL 1 − 0, YOUNG 1 − 1, AGE_BAND 1 − 0, NEAR_TERM 1 − 0, BACHELOR 2 − 1.
    const d = await gqlOk<{
      simulateIntake: {
        rows: {
          unitCode: string;
          kind: string;
          years: {
            year: number;
            stock: number;
            cohorts: number;
            intake: number;
            profile: { rule: string; required: number }[];
          }[];
        }[];
      };
    }>(
      `{ simulateIntake(input: { unitCode: "C01", asOf: "2026-11-21", horizonYears: 2 }) {
          rows { unitCode kind years { year stock cohorts intake profile { rule required } } } } }`,
    );
    const a = d.simulateIntake.rows.find((x) => x.unitCode === 'A' && x.kind === 'PRINCIPAL')!;
    expect(a.years.map((y) => [y.year, y.stock, y.cohorts, y.intake])).toEqual([
      [1, 1, 0, 1],
      [2, 1, 1, 1],
    ]);
    const required = (y: number) => Object.fromEntries(a.years[y]!.profile.map((n) => [n.rule, n.required]));
    expect(required(0)).toEqual({ SPECIAL: 0, YOUNG: 1, AGE_BAND: 0, NEAR_TERM: 0, BACHELOR: 1 });
    expect(required(1)).toEqual({ SPECIAL: 1, YOUNG: 0, AGE_BAND: 1, NEAR_TERM: 1, BACHELOR: 1 });
  });

  it('applies a scenario’s own ratio and retirement age', async () => {
    // Ratio 3 for principals: C01, A, A1, B targets 3 each; A keeps 1 (intake 2) → 3 + 2 + 3 + 3
    // + A D 1 + B D 0 = 12. Retirement at 59: E01 (59 at 2027-11-21) retires: C01 P vacant.
    const r = await gqlOk<{
      simulateIntake: { totalIntake: number; rows: { unitCode: string; kind: string; expectedVacancies: number }[] };
    }>(
      `{ simulateIntake(input: { unitCode: "C01", asOf: "2026-11-21", reserveRatioPrincipal: 3, retirementAge: 59 }) {
          totalIntake rows { unitCode kind expectedVacancies } } }`,
    );
    expect(r.simulateIntake.totalIntake).toBe(12);
    expect(r.simulateIntake.rows.find((x) => x.unitCode === 'C01')!.expectedVacancies).toBe(1);
  });

  it('refuses a horizon beyond five years and probabilities outside [0, 1]', async () => {
    const far = await gql('{ simulateIntake(input: { unitCode: "C01", horizonYears: 6 }) { totalIntake } }');
    expect(far.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const odd = await gql('{ simulateIntake(input: { unitCode: "C01", attritionRate: 1.5 }) { totalIntake } }');
    expect(odd.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
