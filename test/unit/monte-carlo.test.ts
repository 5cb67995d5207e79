// Monte Carlo of planning model 2 against its plain reference (test/reference/monte-carlo.ts) on
// generated groups, and the worker pool: the same answer for a seed with any number of workers,
// cancellation that leaves the pool usable.
import { afterAll, describe, expect, it } from 'vitest';
import { type MonteCarloPart, PARTS, packFlows, runMonteCarlo, runPart } from '../../analytics/planning/monte-carlo.ts';
import { MonteCarloPool } from '../../analytics/planning/monte-carlo-runner.ts';
import { seededRandom } from '../../domain/planning.ts';
import { type FlowGroup, type FlowRates, TIERS } from '../../domain/stock-flow.ts';
import { referenceOneYearIntakeLaw, referenceRun } from '../reference/monte-carlo.ts';

/** Groups of every shape the runs treat apart: empty, without vacancies, with one or several
 *  ready classes, members leaving within the horizon, cultivation after the horizon. */
function generatedGroups(count: number, seed: number): FlowGroup[] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  return Array.from({ length: count }, (_, i) => ({
    unitCode: `U${Math.floor(i / 2)}`,
    kind: i % 2 === 0 ? 'PRINCIPAL' : 'DEPUTY',
    target: 1 + int(5),
    vacancies: [int(3), int(3), int(2)].map((v) => (i % 3 === 0 ? 0 : v)),
    members:
      i % 7 === 0
        ? []
        : Array.from({ length: 1 + int(4) }, () => ({
            years: int(5),
            cultivatedFrom: 1 + int(4),
            tier: TIERS[int(3)]!,
            count: 1 + int(4),
          })),
    periodYears: 1 + int(3),
    cultivationYears: 1,
  }));
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};

describe.each([1, 3])('Monte Carlo runs against the plain reference (person by person), %i year(s)', (H) => {
  const runs = 3000;
  const groups = generatedGroups(60, 17);
  const scenarios: FlowRates[] = [
    { promotion: 0.8, attrition: 0.05, midToNear: 0.3, longToMid: 0.2, intakeTier: 'MID_TERM' },
    { promotion: 1, attrition: 0.2, midToNear: 0, longToMid: 0, intakeTier: 'NEAR_TERM' },
    { promotion: 0.5, attrition: 0, midToNear: 0.6, longToMid: 0.5, intakeTier: 'LONG_TERM' },
  ];
  it.each(scenarios)('agrees on the mean and spread of every year’s intake and pool: %o', (rates) => {
    // Per run: the sums over all groups of each year's intake and pool, from the parts' raw sums.
    const { packed } = packFlows(groups, H);
    const parts = Array.from({ length: PARTS }, (_, part) => runPart(packed, rates, runs, 5, part)!);
    const ours = (key: keyof Pick<MonteCarloPart, 'yearIntake' | 'yearPool'>, t: number) =>
      Array.from({ length: runs }, (_, run) => parts.reduce((s, p) => s + p[key][t * runs + run]!, 0));
    const random = seededRandom(99);
    const ref = Array.from({ length: runs }, () => groups.map((g) => referenceRun(g, H, rates, random)));
    const theirs = (key: 'intake' | 'pool', t: number) => ref.map((run) => run.reduce((s, g) => s + g[key][t]!, 0));
    for (let t = 0; t < H; t++)
      for (const [a, b] of [
        [ours('yearIntake', t), theirs('intake', t)],
        [ours('yearPool', t), theirs('pool', t)],
      ] as const) {
        // Two independent samples of the same law: the means within four standard errors of
        // their difference, the variances within 15 % (3 000 runs: the ratio's standard error
        // is about √(2 / 3 000) ≈ 2.6 %).
        const se = Math.sqrt(variance(a) / runs + variance(b) / runs);
        expect(Math.abs(mean(a) - mean(b))).toBeLessThan(4 * se + 1e-9);
        if (variance(b) > 0) expect(variance(a) / variance(b)).toBeGreaterThan(0.85);
        if (variance(b) > 0) expect(variance(a) / variance(b)).toBeLessThan(1.15);
      }
    // The groups exercise every path: promotions, leavers, intake in each year.
    for (let t = 0; t < H; t++) expect(mean(theirs('intake', t))).toBeGreaterThan(1);
  });
});

describe('a one-year horizon (drawn by sums over alike groups, units by their exact law)', () => {
  const groups = generatedGroups(60, 23);
  const rates: FlowRates = { promotion: 0.8, attrition: 0.1, midToNear: 0.3, longToMid: 0.2, intakeTier: 'MID_TERM' };
  const { packed, units } = packFlows(groups, 1);
  const answer = runMonteCarlo(packed, rates, 2000, 7)!;
  // Each unit's intake law from the reference's listing of every way the coins fall.
  const unitLaw = (code: string) =>
    groups
      .filter((g) => g.unitCode === code)
      .map((g) => referenceOneYearIntakeLaw(g, rates))
      .reduce(
        (law, add) => {
          const sum = new Array<number>(law.length + add.length - 1).fill(0);
          for (let i = 0; i < law.length; i++)
            for (let j = 0; j < add.length; j++) sum[i + j] = sum[i + j]! + law[i]! * add[j]!;
          return sum;
        },
        [1],
      );
  const rank = (law: number[], p: number) => {
    let cumulative = 0;
    return law.findIndex((q) => {
      cumulative += q;
      return cumulative >= p / 100 - 1e-9;
    });
  };

  it('gives each unit the percentiles and the chance of needing no intake of its exact law', () => {
    units.forEach((code, u) => {
      const law = unitLaw(code);
      const { p10, p50, p90, meetsWithoutIntake } = answer.units[u]!;
      expect({ code, p10, p50, p90 }).toEqual({ code, p10: rank(law, 10), p50: rank(law, 50), p90: rank(law, 90) });
      expect(meetsWithoutIntake).toBeCloseTo(law[0]!, 12);
    });
    // Not all alike: some units certain, some not.
    expect(new Set(answer.units.map((u) => u.meetsWithoutIntake.toFixed(3))).size).toBeGreaterThan(3);
  });

  it('agrees with the reference’s runs on how often each unit needs no intake', () => {
    const random = seededRandom(5);
    const runs = 2000;
    units.forEach((code, u) => {
      const own = groups.filter((g) => g.unitCode === code);
      let none = 0;
      for (let run = 0; run < runs; run++)
        if (own.every((g) => referenceRun(g, 1, rates, random).intake[0] === 0)) none++;
      // Within four standard errors of a share of 2 000 runs.
      const p = answer.units[u]!.meetsWithoutIntake;
      expect(Math.abs(none / runs - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / runs) + 1e-9);
    });
  });

  it('sums each run over all the groups: the total is the year’s intake, within the groups’ bounds', () => {
    // Every group's intake is between max(0, target − members) and its target.
    const low = groups.reduce(
      (s, g) => s + Math.max(0, g.target - g.members.reduce((n, m) => n + (m.years >= 1 ? m.count : 0), 0)),
      0,
    );
    const high = groups.reduce((s, g) => s + g.target, 0);
    expect(answer.total.p10).toBeGreaterThanOrEqual(low);
    expect(answer.total.p90).toBeLessThanOrEqual(high);
    expect(answer.years[0]!.intake).toEqual(answer.total);
  });
});

describe('the worker pool (monte-carlo-runner.ts)', () => {
  const pools: MonteCarloPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });
  const rates: FlowRates = { promotion: 0.8, attrition: 0.1, midToNear: 0.3, longToMid: 0.2, intakeTier: 'MID_TERM' };
  const { packed } = packFlows(generatedGroups(400, 3), 3);

  it('gives the same answer for a seed with one worker, three workers, or none', async () => {
    const one = new MonteCarloPool(1);
    const three = new MonteCarloPool(3);
    pools.push(one, three);
    let progress = 0;
    const [a, b] = await Promise.all([
      one.start(packed, rates, 300, 42).result,
      three.start(packed, rates, 300, 42, (done) => {
        progress = Math.max(progress, done);
      }).result,
    ]);
    const inThread = runMonteCarlo(packed, rates, 300, 42)!;
    expect(a).toEqual(inThread);
    expect(b).toEqual(inThread);
    expect(progress).toBe(300);
    // Another seed is another answer.
    expect(runMonteCarlo(packed, rates, 300, 43)!.units).not.toEqual(inThread.units);
    // A one-year horizon (its own way of drawing) too.
    const oneYear = packFlows(generatedGroups(400, 3), 1).packed;
    const [c, d] = await Promise.all([
      one.start(oneYear, rates, 300, 42).result,
      three.start(oneYear, rates, 300, 42).result,
    ]);
    expect(c).toEqual(runMonteCarlo(oneYear, rates, 300, 42));
    expect(d).toEqual(c);
    expect(runMonteCarlo(oneYear, rates, 300, 43)!.years).not.toEqual(c.years);
  }, 60_000);

  it('cancels a run and answers the next one', async () => {
    const pool = new MonteCarloPool(2);
    pools.push(pool);
    const big = packFlows(generatedGroups(20_000, 4), 3).packed;
    const run = pool.start(big, rates, 2000, 1);
    setTimeout(() => run.cancel(), 50);
    await expect(run.result).rejects.toThrow('the simulation was cancelled');
    const next = await pool.start(packed, rates, 50, 42).result;
    expect(next).toEqual(runMonteCarlo(packed, rates, 50, 42));
  }, 60_000);
});
