// Planning model 2 (domain/stock-flow.ts) on hand-worked cases, the arithmetic in the comments.
import { describe, expect, it } from 'vitest';
import { apportion, type FlowGroup, type FlowRates, projectFlows, roundHalfUp } from '../../domain/stock-flow.ts';

const rates = (over: Partial<FlowRates> = {}): FlowRates => ({
  promotion: 1,
  attrition: 0,
  midToNear: 0,
  longToMid: 0,
  intakeTier: 'MID_TERM',
  ...over,
});
const group = (over: Partial<FlowGroup>): FlowGroup => ({
  unitCode: 'U1',
  kind: 'PRINCIPAL',
  target: 2,
  vacancies: [0, 0, 0],
  members: [],
  periodYears: 3,
  cultivationYears: 1,
  ...over,
});

describe('planning model 2', () => {
  it('keeps a lone reserve’s expected value whole under 3.5 % attrition', () => {
    // One principal post: target 2. One near-term reserve staying the year, no vacancy.
    // stock = 1 × (1 − 0.035) = 0.965; need = 2 − 0.965 = 1.035; intake = round(1.035) = 1.
    // (Model 1 floored the stock to 0 and asked for 2.)
    const r = projectFlows(
      [group({ members: [{ years: 3, cultivatedFrom: 1, tier: 'NEAR_TERM', count: 1 }] })],
      1,
      rates({ attrition: 0.035 }),
    );
    expect(r.groups[0]![0]!.stock).toBeCloseTo(0.965, 12);
    expect(r.groups[0]![0]!.need).toBeCloseTo(1.035, 12);
    expect(r.groups[0]![0]!.intake).toBe(1);
    expect(r.totalIntake).toBe(1);
  });

  it('counts year 1’s intake towards the later years of a three-year horizon', () => {
    // Target 2; the only reserve leaves by the end of year 1 (present in no year).
    // Year 1: stock 0, need 2, intake 2 (a cohort present in years 2 and 3, its period 3 years).
    // Year 2: stock 2, need 0. Year 3: stock 2, need 0. Horizon intake 2 + 0 + 0 = 2.
    const r = projectFlows(
      [group({ members: [{ years: 0, cultivatedFrom: 1, tier: 'MID_TERM', count: 1 }] })],
      3,
      rates(),
    );
    expect(r.groups[0]!.map((y) => [y.stock, y.need, y.intake])).toEqual([
      [0, 2, 2],
      [2, 0, 0],
      [2, 0, 0],
    ]);
    expect(r.years.map((y) => y.intake)).toEqual([2, 0, 0]);
    expect(r.totalIntake).toBe(2);
  });

  it('lets the promotion probability change the first year’s intake', () => {
    // Target 2, one post falling vacant in year 1, two near-term cultivated reserves: ready 2.
    // p = 1: promotions min(1, 2) = 1, stock 1, need 1, intake 1.
    // p = 0.4: promotions 0.4, stock 1.6, need 0.4, intake round(0.4) = 0.
    const g = group({ vacancies: [1], members: [{ years: 3, cultivatedFrom: 1, tier: 'NEAR_TERM', count: 2 }] });
    const sure = projectFlows([g], 1, rates());
    expect(sure.groups[0]![0]).toEqual({
      vacancies: 1,
      ready: 2,
      promotions: 1,
      stock: 1,
      cohorts: 0,
      need: 1,
      intake: 1,
    });
    const some = projectFlows([g], 1, rates({ promotion: 0.4 }));
    expect(some.groups[0]![0]!.promotions).toBeCloseTo(0.4, 12);
    expect(some.groups[0]![0]!.stock).toBeCloseTo(1.6, 12);
    expect(some.groups[0]![0]!.intake).toBe(0);
  });

  it('makes an intake cohort ready by tier progress in year 3', () => {
    // Target 2, no reserves, a post falling vacant in year 3; every mid-term member moves up a year.
    // Year 1: need 2, intake 2 (mid-term, cultivated from year 2, progressing from year 3).
    // Year 2: no progress yet: ready 0, stock 2, need 0.
    // Year 3: progress: 2 mid → near; cultivated: ready 2; promotions min(1, 2) = 1; stock 1;
    // need 1, intake 1. Without progress the cohort is never ready and year 3 needs nothing.
    const g = group({ vacancies: [0, 0, 1] });
    const moving = projectFlows([g], 3, rates({ midToNear: 1 }));
    expect(moving.groups[0]!.map((y) => [y.ready, y.promotions, y.stock, y.intake])).toEqual([
      [0, 0, 0, 2],
      [0, 0, 2, 0],
      [2, 1, 1, 1],
    ]);
    const still = projectFlows([g], 3, rates());
    expect(still.groups[0]!.map((y) => y.intake)).toEqual([2, 0, 0]);
  });

  it('moves long-term weight to mid-term and mid-term (as it was) to near-term, from the second year', () => {
    // 10 long-term, 10 mid-term, present three years, cultivated; l = 0.5, m = 0.5.
    // Year 1: no progress (entries progress from year 2). Year 2: near += 10 × 0.5 = 5;
    // mid = 10 − 5 + 10 × 0.5 = 10; long = 5. Ready in year 2 = 5 (no vacancy: nothing promoted).
    const g = group({
      target: 40,
      members: [
        { years: 3, cultivatedFrom: 1, tier: 'LONG_TERM', count: 10 },
        { years: 3, cultivatedFrom: 1, tier: 'MID_TERM', count: 10 },
      ],
    });
    const r = projectFlows([g], 2, rates({ midToNear: 0.5, longToMid: 0.5 }));
    expect(r.groups[0]!.map((y) => y.ready)).toEqual([0, 5]);
  });

  it('reduces to model 1’s one-year rule without the floors', () => {
    // H = 1: projected = (stays − p × min(V, ready)) × (1 − a): (5 − 0.5 × min(3, 2)) × 0.9 = 3.6.
    const g = group({
      target: 6,
      vacancies: [3],
      members: [
        { years: 1, cultivatedFrom: 1, tier: 'NEAR_TERM', count: 2 },
        { years: 2, cultivatedFrom: 2, tier: 'NEAR_TERM', count: 1 }, // not cultivated: not ready
        { years: 3, cultivatedFrom: 1, tier: 'LONG_TERM', count: 2 },
        { years: 0, cultivatedFrom: 1, tier: 'NEAR_TERM', count: 4 }, // gone by E_1
      ],
    });
    const r = projectFlows([g], 1, rates({ promotion: 0.5, attrition: 0.1 }));
    expect(r.groups[0]![0]!.stock).toBeCloseTo(3.6, 12);
    expect(r.groups[0]![0]!.need).toBeCloseTo(2.4, 12);
    expect(r.groups[0]![0]!.intake).toBe(2);
  });

  it('rounds the year’s total once and gives the remainder to the largest fractional parts', () => {
    // Needs 1.4 + 0.6 + 0.6 + 0.4 = 3.0 → 3. Floors 1, 0, 0, 0; two remain: the 0.6s, B before C
    // by unit code… here both are unit B, so PRINCIPAL before DEPUTY.
    expect(
      apportion([
        { unitCode: 'A', kind: 'PRINCIPAL', need: 1.4 },
        { unitCode: 'B', kind: 'DEPUTY', need: 0.6 },
        { unitCode: 'B', kind: 'PRINCIPAL', need: 0.6 },
        { unitCode: 'C', kind: 'PRINCIPAL', need: 0.4 },
      ]),
    ).toEqual([1, 1, 1, 0]);
    // 1.5 + 0.5 = 2 → floors 1, 0; one remains; equal fractions: the larger need (1.5) first.
    expect(
      apportion([
        { unitCode: 'Z', kind: 'PRINCIPAL', need: 0.5 },
        { unitCode: 'A', kind: 'PRINCIPAL', need: 1.5 },
      ]),
    ).toEqual([0, 2]);
    // 0.3 × 3 = 0.9 → 1: one unit gets it (by code), where rounding each alone gives 0.
    expect(
      apportion([
        { unitCode: 'B', kind: 'PRINCIPAL', need: 0.3 },
        { unitCode: 'A', kind: 'PRINCIPAL', need: 0.3 },
        { unitCode: 'C', kind: 'PRINCIPAL', need: 0.3 },
      ]),
    ).toEqual([0, 1, 0]);
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(0.1 + 0.2 + 0.2)).toBe(1);
  });
});
