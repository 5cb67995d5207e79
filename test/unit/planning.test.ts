// The planning arithmetic (domain/planning.ts) by hand, and its seeded draws.
import { describe, expect, it } from 'vitest';
import { packFlows, runMonteCarlo } from '../../analytics/planning/monte-carlo.ts';
import {
  binomial,
  binomialLaw,
  factorsOf,
  GeometricSampler,
  type GroupCounts,
  intakeProfile,
  type Projection,
  percentile,
  reachesNearTerm,
  type Scenario,
  seededRandom,
} from '../../domain/planning.ts';
import { type FlowGroup, type FlowRates, projectFlows } from '../../domain/stock-flow.ts';

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

  it("draws geometric gaps as the logarithm's inversion does, and with its mean where the table ends", () => {
    // The same uniforms through the table and through floor(log(1 − u) / log(1 − p)): the same
    // value each time (inversion of one distribution function), bar the rare rounding edge.
    for (const p of [0.05, 0.2, 0.5, 0.9]) {
      const us = Array.from({ length: 50_000 }, seededRandom(3));
      let i = 0;
      const sampler = new GeometricSampler(p);
      const differ = us.filter((u) => {
        const drawn = sampler.draw(() => us[i++]!);
        return drawn !== Math.floor(Math.log(1 - u) / Math.log(1 - p));
      }).length;
      expect(differ).toBeLessThanOrEqual(2);
    }
    // p = 0.001: the table stops at 4 096 (the tail is 0.999^4096 ≈ 1.7 %), the rest drawn again.
    // Mean (1 − p) / p = 999, standard deviation √(1 − p) / p ≈ 999.5.
    const random = seededRandom(8);
    const sampler = new GeometricSampler(0.001);
    const N = 40_000;
    let sum = 0;
    let beyond = 0;
    for (let k = 0; k < N; k++) {
      const g = sampler.draw(random);
      sum += g;
      if (g >= 4096) beyond++;
    }
    expect(Math.abs(sum / N - 999)).toBeLessThan((4 * 999.5) / Math.sqrt(N));
    expect(beyond).toBeGreaterThan(0);
    // p = 1: nobody stays, every gap is 0.
    expect(new GeometricSampler(1).draw(random)).toBe(0);
  });

  it('gives the binomial law of a group of any size', () => {
    // Bin(3, 0.2): 0.8³ = 0.512, 3 × 0.2 × 0.8² = 0.384, 3 × 0.2² × 0.8 = 0.096, 0.2³ = 0.008.
    const small = binomialLaw(3, 0.2);
    for (const [x, q] of [0.512, 0.384, 0.096, 0.008].entries()) expect(small[x]).toBeCloseTo(q, 14);
    // p above one half mirrors it; the edges are certain.
    for (const [x, q] of binomialLaw(3, 0.8).entries()) expect(q).toBeCloseTo(small[3 - x]!, 14);
    expect(binomialLaw(2, 0)).toEqual([1, 0, 0]);
    expect(binomialLaw(2, 1)).toEqual([0, 0, 1]);
    expect(binomialLaw(0, 0.3)).toEqual([1]);
    // 3 000 trials of 0.5 (0.5^3000 underflows): sums to 1, mean 1 500, variance 750.
    const large = binomialLaw(3000, 0.5);
    const mean = large.reduce((m, q, x) => m + q * x, 0);
    expect(large.reduce((sum, q) => sum + q, 0)).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(1500, 8);
    expect(large.reduce((v, q, x) => v + q * (x - mean) ** 2, 0)).toBeCloseTo(750, 6);
  });

  it('takes percentiles by nearest rank', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect([percentile(xs, 10), percentile(xs, 50), percentile(xs, 90)]).toEqual([1, 5, 9]);
  });
});

describe('tier progress and the intake profile', () => {
  const targets = {
    SPECIAL: { share: 0.15 },
    YOUNG: { count: 1 },
    AGE_BAND: { share: 0.5 },
    NEAR_TERM: { share: 1 / 3 },
    BACHELOR: { share: 1 },
  };
  // Two principal posts (target 4); three stay: one near-term (ready, special, in band,
  // bachelor), one mid-term past cultivation (in band, bachelor), one long-term (bachelor).
  const g: GroupCounts = {
    positions: 2,
    target: 4,
    expectedVacancies: 1,
    stays: 3,
    ready: 1,
    tiers: { mid: 1, long: 1, midCultivated: 1, longCultivated: 0 },
    attributes: {
      SPECIAL: { stays: 1, ready: 1, cultivated: 0 },
      YOUNG: { stays: 0, ready: 0, cultivated: 0 },
      AGE_BAND: { stays: 2, ready: 1, cultivated: 1 },
      BACHELOR: { stays: 3, ready: 1, cultivated: 1 },
    },
    targets,
  };
  // The projection's figures as planning model 2 gives them (analytics/planning/intake.ts).
  const need = (s: Scenario, p: Projection) => {
    return {
      p,
      profile: Object.fromEntries(
        intakeProfile(g, p, factorsOf(s)).map((n) => [n.rule, [n.projected, n.required, n.extraIntake]]),
      ),
    };
  };

  it('asks of the intake what the stayers lack, assuming the promoted had the attribute', () => {
    // promoted = floor(1 × min(1, 1)) = 1; projected = 3 − 1 = 2; intake = 4 − 2 = 2; pool 4.
    // SPECIAL: 1 − min(1, 1) = 0 projected; ceil(0.15 × 4 = 0.6) = 1 needed → 1.
    // YOUNG: 0 projected; count 1 → 1. AGE_BAND: 2 − min(1, 1 + 0) = 1; ceil(2) − 1 = 1.
    // NEAR_TERM: (3 − 1 − 1) = 1 near-term − 1 promoted = 0; ceil(4/3) = 2 → 2.
    // BACHELOR: 3 − 1 = 2; ceil(4) − 2 = 2. Every need fits in the intake of 2: no extra.
    const { profile } = need(
      { horizonYears: 1, promotionProbability: 1, attritionRate: 0 },
      { readyByHorizon: 1, promoted: 1, projectedReserves: 2, intake: 2 },
    );
    expect(profile).toEqual({
      SPECIAL: [0, 1, 0],
      YOUNG: [0, 1, 0],
      AGE_BAND: [1, 1, 0],
      NEAR_TERM: [0, 2, 0],
      BACHELOR: [2, 2, 0],
    });
  });

  it('moves tiers up: one step a year at most', () => {
    // m = l = 1, H = 2: a mid-term entry is near-term after a year; a long-term one after two.
    const sure = { midToNear: 1, longToMid: 1 };
    expect([
      reachesNearTerm('MID', 2, sure),
      reachesNearTerm('LONG', 2, sure),
      reachesNearTerm('LONG', 1, sure),
    ]).toEqual([1, 1, 0]);
    // m = l = 0.5, H = 3, long: i = 1: 0.5 × (1 − 0.5²) = 0.375; i = 2: 0.5 × 0.5 × (1 − 0.5) = 0.125; i = 3: 0 → 0.5.
    const half = { midToNear: 0.5, longToMid: 0.5 };
    expect(reachesNearTerm('LONG', 3, half)).toBeCloseTo(0.5, 12);
    // Cross-check against the chain itself: [long, mid, near] stepped year by year.
    for (const years of [1, 2, 3, 4, 5]) {
      let [l, m, n] = [1, 0, 0];
      for (let y = 0; y < years; y++) [l, m, n] = [l * 0.7, m * 0.6 + l * 0.3, n + m * 0.4];
      expect(reachesNearTerm('LONG', years, { midToNear: 0.4, longToMid: 0.3 })).toBeCloseTo(n, 12);
    }
    // With m = l = 1 over two years: the cultivated mid-term entry becomes ready (1 + 1 = 2 ready);
    // still one vacancy, one promoted; near-term at E: 1 + floor(1 × 1 + 1 × 1) = 3, less 1 promoted = 2.
    const s = { horizonYears: 2, promotionProbability: 1, attritionRate: 0, tierProgress: sure };
    const { profile } = need(s, { readyByHorizon: 2, promoted: 1, projectedReserves: 2, intake: 2 });
    expect(profile.NEAR_TERM).toEqual([2, 0, 0]);
  });

  it('says how much more intake a target needs, or that none can reach it', () => {
    // No vacancy: 3 stay, intake 1, pool 4. AGE_BAND: 2 projected, ceil(0.5 × 4) − 2 = 0.
    // With a band share of 0.9: ceil(3.6) = 4 − 2 = 2 > intake 1: extra = ceil((3.6 − 2 − 1) / 0.1) = 6
    // (check: 2 + 1 + 6 = 9 ≥ 0.9 × (4 + 6) = 9; with 5: 8 < 9).
    // BACHELOR at 100 %: every stayer is a bachelor here (3 − 0 promoted), so none is missing;
    // with one stayer without a degree no intake can reach 100 %: null.
    const h = {
      ...g,
      expectedVacancies: 0,
      targets: { ...targets, AGE_BAND: { share: 0.9 } },
      attributes: { ...g.attributes!, BACHELOR: { stays: 2, ready: 1, cultivated: 1 } },
    };
    const s = { horizonYears: 1, promotionProbability: 1, attritionRate: 0 };
    const p = { readyByHorizon: 1, promoted: 0, projectedReserves: 3, intake: 1 };
    const profile = Object.fromEntries(
      intakeProfile(h, p, factorsOf(s)).map((n) => [n.rule, [n.required, n.extraIntake]]),
    );
    expect(profile.AGE_BAND).toEqual([2, 6]);
    expect(profile.BACHELOR).toEqual([2, null]);
  });
});

describe('Monte Carlo runs of planning model 2 (analytics/planning/monte-carlo.ts)', () => {
  // Exact expected intake of one group: E[max(0, T − X)], X ~ Binomial(n, q), by the pmf.
  const expectedIntake = (target: number, n: number, q: number) => {
    let e = 0;
    for (let k = 0; k <= n; k++) {
      let c = 1;
      for (let j = 0; j < k; j++) c = (c * (n - j)) / (j + 1);
      e += c * q ** k * (1 - q) ** (n - k) * Math.max(0, target - k);
    }
    return e;
  };
  const group = (unitCode: string, target: number, stays: number): FlowGroup => ({
    unitCode,
    kind: 'PRINCIPAL',
    target,
    vacancies: [0, 0, 0],
    members: [{ years: 3, cultivatedFrom: 1, tier: 'MID_TERM', count: stays }],
    periodYears: 3,
    cultivationYears: 1,
  });
  const rates = (attrition: number): FlowRates => ({
    promotion: 1,
    attrition,
    midToNear: 0,
    longToMid: 0,
    intakeTier: 'MID_TERM',
  });

  it('averages to the expected stock and intake within four standard errors', () => {
    // Two units: target 6 with 8 members, target 4 with 3; attrition 0.3 in year 1: each member
    // stays with q = 0.7. Stock X ~ Bin(8, 0.7) + Bin(3, 0.7): mean 11 × 0.7 = 7.7 (the
    // deterministic stock), variance 11 × 0.7 × 0.3.
    const groups = [group('U1', 6, 8), group('U2', 4, 3)];
    const runs = 4000;
    const { packed } = packFlows(groups, 1);
    const summary = runMonteCarlo(packed, rates(0.3), runs, 7)!;
    const deterministic = projectFlows(groups, 1, rates(0.3));
    const stock = deterministic.groups.reduce((s, g) => s + g[0]!.stock, 0);
    expect(stock).toBeCloseTo(7.7, 12);
    const se = Math.sqrt((11 * 0.7 * 0.3) / runs);
    expect(Math.abs(summary.years[0]!.poolMean - stock)).toBeLessThan(4 * se);
    // P(U2 needs none) = P(X ≥ 4) = 0 (only 3 members); P(U1 needs none) = P(X ≥ 6), X ~ Bin(8, 0.7).
    const pNone = [6, 7, 8].reduce((s, k) => {
      let c = 1;
      for (let j = 0; j < k; j++) c = (c * (8 - j)) / (j + 1);
      return s + c * 0.7 ** k * 0.3 ** (8 - k);
    }, 0);
    expect(summary.units[1]!.meetsWithoutIntake).toBe(0);
    const seNone = Math.sqrt((pNone * (1 - pNone)) / runs);
    expect(Math.abs(summary.units[0]!.meetsWithoutIntake - pNone)).toBeLessThan(4 * seNone);
    // The median total lies within a unit of the mean intake (nearly symmetric here).
    const mean = expectedIntake(6, 8, 0.7) + expectedIntake(4, 3, 0.7);
    expect(Math.abs(summary.total.p50 - mean)).toBeLessThanOrEqual(1);
    // The same seed again gives the same summary; the percentiles are ordered.
    expect(runMonteCarlo(packFlows(groups, 1).packed, rates(0.3), runs, 7)).toEqual(summary);
    for (const r of [summary.total, ...summary.units]) expect(r.p10 <= r.p50 && r.p50 <= r.p90).toBe(true);
  });

  it('follows the same flows as the deterministic model when every probability is 0 or 1', () => {
    // Promotions certain, no attrition: every run is the deterministic answer, year by year.
    const g: FlowGroup = {
      ...group('U1', 4, 0),
      vacancies: [1, 0, 1],
      members: [
        { years: 3, cultivatedFrom: 1, tier: 'NEAR_TERM', count: 2 },
        { years: 1, cultivatedFrom: 1, tier: 'MID_TERM', count: 1 },
      ],
    };
    const runs = 20;
    const summary = runMonteCarlo(packFlows([g], 3).packed, { ...rates(0), midToNear: 1 }, runs, 3)!;
    const d = projectFlows([g], 3, { ...rates(0), midToNear: 1 });
    expect(summary.years.map((y) => y.intake.p50)).toEqual(d.years.map((y) => y.intake));
    expect(summary.years.map((y) => y.poolMean)).toEqual(d.groups[0]!.map((y) => y.stock));
    expect(summary.total).toEqual({ p10: d.totalIntake, p50: d.totalIntake, p90: d.totalIntake });
  });

  it("keeps every year's mean stock within four standard errors of the model's, through progress, promotions, exits and attrition", () => {
    // Target 0 (no intake) and more vacancies than members: promotions are Bin(ready, p), so each
    // member moves, is promoted and leaves independently of the others and every step is linear in
    // expectation — the deterministic weights are exactly the expected counts. Each year's stock is a
    // sum of independent indicators: its variance is at most members / 4, its standard error at most
    // √(members / 4 / runs).
    const g: FlowGroup = {
      unitCode: 'U1',
      kind: 'DEPUTY',
      target: 0,
      vacancies: [50, 50, 50],
      members: [
        { years: 3, cultivatedFrom: 1, tier: 'NEAR_TERM', count: 5 },
        { years: 3, cultivatedFrom: 2, tier: 'MID_TERM', count: 7 },
        { years: 2, cultivatedFrom: 1, tier: 'LONG_TERM', count: 6 },
        { years: 3, cultivatedFrom: 4, tier: 'NEAR_TERM', count: 3 },
        { years: 1, cultivatedFrom: 1, tier: 'MID_TERM', count: 4 },
      ],
      periodYears: 3,
      cultivationYears: 1,
    };
    const r: FlowRates = { promotion: 0.4, attrition: 0.1, midToNear: 0.5, longToMid: 0.3, intakeTier: 'MID_TERM' };
    const runs = 4000;
    const summary = runMonteCarlo(packFlows([g], 3).packed, r, runs, 5)!;
    const d = projectFlows([g], 3, r);
    const se = Math.sqrt(25 / 4 / runs);
    d.groups[0]!.forEach((y, t) => {
      expect(Math.abs(summary.years[t]!.poolMean - y.stock)).toBeLessThan(4 * se);
    });
    // And the model is not trivially flat: the stock falls each year.
    expect(d.groups[0]![2]!.stock).toBeLessThan(d.groups[0]![0]!.stock);
  });

  it('stops when progress says so', () => {
    // 400 units: each part reports about a hundred times; the third report stops the run.
    const { packed } = packFlows(
      Array.from({ length: 400 }, (_, i) => group(`U${i}`, 6, 8)),
      1,
    );
    let calls = 0;
    const stopped = runMonteCarlo(packed, rates(0.3), 1000, 1, () => {
      calls++;
      return calls < 3 ? undefined : false;
    });
    expect(stopped).toBeNull();
    expect(calls).toBe(3);
  });
});
