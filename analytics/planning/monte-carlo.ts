// Monte Carlo mode of the intake simulation (docs/domain.md, "Planning"): many seeded runs of
// the horizon, each drawing per group (domain/planning.ts drawCounts), summarised as P10 / P50 /
// P90 of the total intake and of the pool per horizon year, per unit the intake's percentiles and
// the probability it meets its ratio targets without intake. The groups travel packed in typed
// arrays so that a worker thread (monte-carlo.worker.ts) gets them without copying objects.
import { drawCounts, drawn, factorsOf, percentile, type Scenario, seededRandom } from '../../domain/planning.ts';
import type { HorizonGroup } from '../metrics/horizon.ts';

/** Per group: target, vacancies, stays, ready, mid cultivated, long cultivated, unit index. */
const FIELDS = 7;

export interface PackedGroups {
  /** The horizon years (1..H), and per year the groups packed FIELDS ints each. */
  years: number[];
  groups: Int32Array[];
  unitCount: number;
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

export interface MonteCarloSummary {
  runs: number;
  /** Per horizon year: the total intake and the projected pool over the runs. */
  years: { year: number; intake: Percentiles; pool: Percentiles }[];
  /** Per unit (index of the packing), at the last year. */
  units: (Percentiles & { meetsWithoutIntake: number })[];
}

/** Packs the groups per year; units are numbered in their first appearance order. */
export function packGroups(byYear: HorizonGroup[][], yearNumbers: number[]): { packed: PackedGroups; units: string[] } {
  const index = new Map<string, number>();
  const groups = byYear.map((gs) => {
    const a = new Int32Array(gs.length * FIELDS);
    gs.forEach((g, i) => {
      let u = index.get(g.unitCode);
      if (u === undefined) {
        u = index.size;
        index.set(g.unitCode, u);
      }
      a.set(
        [g.target, g.expectedVacancies, g.stays, g.ready, g.tiers?.midCultivated ?? 0, g.tiers?.longCultivated ?? 0, u],
        i * FIELDS,
      );
    });
    return a;
  });
  return { packed: { years: yearNumbers, groups, unitCount: index.size }, units: [...index.keys()] };
}

const summary = (values: ArrayLike<number>): Percentiles => {
  const list = Array.from(values);
  return { p10: percentile(list, 10), p50: percentile(list, 50), p90: percentile(list, 90) };
};

/**
 * `runs` seeded runs. One generator serves every draw in a fixed order (run, year, group), so
 * the same seed gives the same answer on every machine. `onProgress(done)` is called about a
 * hundred times; returning false stops the runs (cancelled: null).
 */
export function runMonteCarlo(
  packed: PackedGroups,
  scenario: Scenario,
  runs: number,
  seed: number,
  onProgress?: (done: number) => boolean | undefined,
): MonteCarloSummary | null {
  const random = seededRandom(seed);
  const nYears = packed.years.length;
  const intakes = packed.years.map(() => new Float64Array(runs));
  const pools = packed.years.map(() => new Float64Array(runs));
  // Per unit, a histogram of its intake at the last year: intake is at most the sum of its targets.
  const last = packed.groups[nYears - 1]!;
  const capacity = new Int32Array(packed.unitCount);
  for (let i = 0; i < last.length; i += FIELDS) capacity[last[i + 6]!]! += last[i]!;
  const offset = new Int32Array(packed.unitCount + 1);
  for (let u = 0; u < packed.unitCount; u++) offset[u + 1] = offset[u]! + capacity[u]! + 1;
  const histogram = new Int32Array(offset[packed.unitCount]!);
  const unitIntake = new Int32Array(packed.unitCount);
  const every = Math.max(1, Math.floor(runs / 100));
  const yearFactors = packed.years.map((h) => factorsOf({ ...scenario, horizonYears: h }));
  for (let run = 0; run < runs; run++) {
    for (let y = 0; y < nYears; y++) {
      const f = yearFactors[y]!;
      const a = packed.groups[y]!;
      const isLast = y === nYears - 1;
      if (isLast) unitIntake.fill(0);
      let intake = 0;
      let pool = 0;
      for (let i = 0; i < a.length; i += FIELDS) {
        drawCounts(random, f, a[i + 1]!, a[i + 2]!, a[i + 3]!, a[i + 4]!, a[i + 5]!);
        const projected = drawn.projectedReserves;
        const groupIntake = Math.max(0, a[i]! - projected);
        intake += groupIntake;
        pool += projected;
        if (isLast) unitIntake[a[i + 6]!]! += groupIntake;
      }
      intakes[y]![run] = intake;
      pools[y]![run] = pool;
      if (isLast) for (let u = 0; u < packed.unitCount; u++) histogram[offset[u]! + unitIntake[u]!]!++;
    }
    if (onProgress && ((run + 1) % every === 0 || run + 1 === runs) && onProgress(run + 1) === false) return null;
  }
  const units: MonteCarloSummary['units'] = [];
  for (let u = 0; u < packed.unitCount; u++) {
    const at = (p: number) => {
      // Nearest rank over the histogram: the smallest value whose cumulative count reaches ceil(p × runs).
      const rank = Math.max(1, Math.ceil((p / 100) * runs));
      let seen = 0;
      for (let v = 0; v <= capacity[u]!; v++) {
        seen += histogram[offset[u]! + v]!;
        if (seen >= rank) return v;
      }
      return capacity[u]!;
    };
    units.push({ p10: at(10), p50: at(50), p90: at(90), meetsWithoutIntake: histogram[offset[u]!]! / runs });
  }
  return {
    runs,
    years: packed.years.map((year, y) => ({ year, intake: summary(intakes[y]!), pool: summary(pools[y]!) })),
    units,
  };
}
