// The planning arithmetic (domain/planning.ts) by hand, and its seeded draws.
import { describe, expect, it } from 'vitest';
import { binomial, drawGroup, percentile, projectGroup, seededRandom } from '../../domain/planning.ts';

describe('the deterministic rule', () => {
  it('promotes floor(p × min(vacancies, ready)), keeps floor((stays − promoted) × (1 − a)^H)', () => {
    const g = { positions: 3, target: 6, expectedVacancies: 2, stays: 7, ready: 3 };
    // p = 1: promoted = min(2, 3) = 2; projected = 7 − 2 = 5; intake = 6 − 5 = 1.
    expect(projectGroup(g, { horizonYears: 1, promotionProbability: 1, attritionRate: 0 })).toEqual({
      promoted: 2,
      projectedReserves: 5,
      intake: 1,
    });
    // p = 0.7: promoted = floor(1.4) = 1; a = 0.1, H = 2: (7 − 1) × 0.81 = 4.86 → 4; intake 2.
    expect(projectGroup(g, { horizonYears: 2, promotionProbability: 0.7, attritionRate: 0.1 })).toEqual({
      promoted: 1,
      projectedReserves: 4,
      intake: 2,
    });
    // A surplus needs no intake: target 6, 7 stay, nobody promoted.
    expect(
      projectGroup({ ...g, expectedVacancies: 0 }, { horizonYears: 1, promotionProbability: 1, attritionRate: 0 })
        .intake,
    ).toBe(0);
    // Floating point: 100 × (1 − 0.71) is 28.999999999999996 in binary; the rule means 29.
    expect(
      projectGroup(
        { positions: 1, target: 40, expectedVacancies: 0, stays: 100, ready: 0 },
        {
          horizonYears: 1,
          promotionProbability: 1,
          attritionRate: 0.71,
        },
      ).projectedReserves,
    ).toBe(29);
  });
});

describe('the seeded draws', () => {
  it('gives the same numbers for the same seed, and others for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws binomials whose mean is n × p, within four standard errors', () => {
    const random = seededRandom(7);
    for (const [n, p] of [
      [10, 0.3],
      [40, 0.9],
      [3000, 0.5],
    ] as const) {
      const N = 20_000;
      let sum = 0;
      for (let i = 0; i < N; i++) sum += binomial(random, n, p);
      const se = Math.sqrt((n * p * (1 - p)) / N);
      expect(Math.abs(sum / N - n * p)).toBeLessThan(4 * se);
    }
    expect(binomial(random, 5, 0)).toBe(0);
    expect(binomial(random, 5, 1)).toBe(5);
  });

  it('with probabilities 0 or 1 equals the deterministic rule', () => {
    const g = { positions: 2, target: 4, expectedVacancies: 2, stays: 5, ready: 1 };
    for (const s of [
      { horizonYears: 1, promotionProbability: 1, attritionRate: 0 },
      { horizonYears: 3, promotionProbability: 0, attritionRate: 1 },
    ])
      expect(drawGroup(g, s, seededRandom(1))).toEqual(projectGroup(g, s));
  });

  it('takes percentiles by nearest rank', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect([percentile(xs, 10), percentile(xs, 50), percentile(xs, 90)]).toEqual([1, 5, 9]);
  });
});
