// Monte Carlo mode of planning model 2 (docs/domain.md "Planning — model 2"): many seeded runs of
// the same flows as the deterministic projection (domain/stock-flow.ts), with whole people
// instead of expected weights — each year tier progress and attrition are binomial draws per
// class of alike members, promotions a binomial draw among the ready (taken without
// replacement from the ready classes), and the intake the whole shortfall. Summarised as P10 /
// P50 / P90 of the total intake, of each year's intake and pool, and per unit. The groups travel
// packed in flat typed arrays, read by index in the runs' hot loop and handed to a worker thread
// (monte-carlo.worker.ts) without copying objects.
import { BinomialSampler, percentile, seededRandom } from '../../domain/planning.ts';
import { type FlowGroup, type FlowRates, TIERS } from '../../domain/stock-flow.ts';

/**
 * The groups as flat arrays. Per group g: its target, period and cultivation years, unit index,
 * its classes `first[g]` up to `first[g + 1]`, and its vacancies of year t at `vacancies[g × H +
 * t − 1]`. Per class c: years present, cultivated from, tier (its index in TIERS), count.
 */
export interface PackedFlows {
  horizonYears: number;
  unitCount: number;
  target: Int32Array;
  period: Int32Array;
  cultivation: Int32Array;
  unit: Int32Array;
  first: Int32Array;
  vacancies: Int32Array;
  years: Int32Array;
  cultivatedFrom: Int32Array;
  tier: Int32Array;
  count: Int32Array;
}

/** The arrays' buffers, to transfer to a worker. */
export function buffers(p: PackedFlows): ArrayBuffer[] {
  return [
    p.target,
    p.period,
    p.cultivation,
    p.unit,
    p.first,
    p.vacancies,
    p.years,
    p.cultivatedFrom,
    p.tier,
    p.count,
  ].map((a) => a.buffer as ArrayBuffer);
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

export interface MonteCarloSummary {
  runs: number;
  /** The total intake over the horizon. */
  total: Percentiles;
  /** Per horizon year: its intake and its pool (before the intake), and the pool's mean. */
  years: { year: number; intake: Percentiles; pool: Percentiles; poolMean: number }[];
  /** Per unit (index of the packing): its intake over the horizon. */
  units: (Percentiles & { meetsWithoutIntake: number })[];
}

/** Packs the groups; units are numbered in their first appearance order. */
export function packFlows(groups: FlowGroup[], horizonYears: number): { packed: PackedFlows; units: string[] } {
  const H = horizonYears;
  const G = groups.length;
  const classCount = groups.reduce((n, g) => n + g.members.length, 0);
  const p: PackedFlows = {
    horizonYears: H,
    unitCount: 0,
    target: new Int32Array(G),
    period: new Int32Array(G),
    cultivation: new Int32Array(G),
    unit: new Int32Array(G),
    first: new Int32Array(G + 1),
    vacancies: new Int32Array(G * H),
    years: new Int32Array(classCount),
    cultivatedFrom: new Int32Array(classCount),
    tier: new Int32Array(classCount),
    count: new Int32Array(classCount),
  };
  const index = new Map<string, number>();
  let c = 0;
  groups.forEach((g, gi) => {
    let u = index.get(g.unitCode);
    if (u === undefined) {
      u = index.size;
      index.set(g.unitCode, u);
    }
    p.target[gi] = g.target;
    p.period[gi] = g.periodYears;
    p.cultivation[gi] = g.cultivationYears;
    p.unit[gi] = u;
    for (let t = 0; t < H; t++) p.vacancies[gi * H + t] = g.vacancies[t] ?? 0;
    p.first[gi] = c;
    for (const m of g.members) {
      p.years[c] = m.years;
      p.cultivatedFrom[c] = m.cultivatedFrom;
      p.tier[c] = TIERS.indexOf(m.tier);
      p.count[c] = m.count;
      c++;
    }
  });
  p.first[G] = c;
  p.unitCount = index.size;
  return { packed: p, units: [...index.keys()] };
}

const summary = (values: ArrayLike<number>): Percentiles => {
  const list = Array.from(values);
  return { p10: percentile(list, 10), p50: percentile(list, 50), p90: percentile(list, 90) };
};

/**
 * `runs` seeded runs. One generator serves every draw in a fixed order (run, year, group,
 * class), so the same seed gives the same answer on every machine. `onProgress(done)` is called
 * about a hundred times; returning false stops the runs (cancelled: null).
 */
export function runMonteCarlo(
  packed: PackedFlows,
  r: FlowRates,
  runs: number,
  seed: number,
  onProgress?: (done: number) => boolean | undefined,
): MonteCarloSummary | null {
  const H = packed.horizonYears;
  const G = packed.target.length;
  const classCount = packed.count.length;
  const {
    target: gTarget,
    period: gPeriod,
    cultivation: gCult,
    unit: gUnit,
    first: gFirst,
    vacancies: gVacancies,
    years: cYears,
    cultivatedFrom: cCult,
    tier: cTier,
    count: cCount,
  } = packed;
  const random = seededRandom(seed);
  const upDraw = new BinomialSampler(r.midToNear);
  const upLongDraw = new BinomialSampler(r.longToMid);
  const promoteDraw = new BinomialSampler(r.promotion);
  const keepDraw = new BinomialSampler(1 - r.attrition);
  // The members' counts per tier in this run: the classes', then H cohorts per group.
  const classes = new Int32Array(classCount * 3);
  const cohorts = new Int32Array(G * H * 3);
  const intakeTier = TIERS.indexOf(r.intakeTier);
  const intakes = Array.from({ length: H }, () => new Float64Array(runs));
  const pools = Array.from({ length: H }, () => new Float64Array(runs));
  const totals = new Float64Array(runs);
  // Per unit, a histogram of its intake over the horizon: at most H × its targets.
  const capacity = new Int32Array(packed.unitCount);
  for (let g = 0; g < G; g++) capacity[gUnit[g]!] = capacity[gUnit[g]!]! + H * gTarget[g]!;
  const offset = new Int32Array(packed.unitCount + 1);
  for (let u = 0; u < packed.unitCount; u++) offset[u + 1] = offset[u]! + capacity[u]! + 1;
  const histogram = new Int32Array(offset[packed.unitCount]!);
  const unitIntake = new Int32Array(packed.unitCount);
  const every = Math.max(1, Math.floor(runs / 100));

  const keepP = 1 - r.attrition;
  const attrition = r.attrition > 0;
  const moving = r.midToNear > 0 || r.longToMid > 0;
  /** Moves the tier counts at `i` of `a` one year on. */
  const progress = (a: Int32Array, i: number) => {
    const up = a[i + 1]! > 0 ? upDraw.draw(random, a[i + 1]!) : 0;
    const upLong = a[i + 2]! > 0 ? upLongDraw.draw(random, a[i + 2]!) : 0;
    a[i] = a[i]! + up;
    a[i + 1] = a[i + 1]! - up + upLong;
    a[i + 2] = a[i + 2]! - upLong;
  };
  /** Survivors of the year's attrition among the tier counts at `i` of `a`, in all. */
  const survive = (a: Int32Array, i: number): number => {
    let all = 0;
    for (let k = i; k < i + 3; k++) {
      const c = a[k]!;
      if (c === 0) continue;
      // One member (most classes): one uniform.
      const kept = c === 1 ? (random() < keepP ? 1 : 0) : keepDraw.draw(random, c);
      a[k] = kept;
      all += kept;
    }
    return all;
  };

  // One run, as a function of its own: V8 optimizes it as a whole after the first calls.
  const oneRun = (run: number) => {
    // Reset: every class on its tier, no cohort.
    classes.fill(0);
    for (let c = 0; c < cCount.length; c++) classes[c * 3 + cTier[c]!] = cCount[c]!;
    cohorts.fill(0);
    unitIntake.fill(0);
    let total = 0;
    for (let t = 1; t <= H; t++) {
      let yearIntake = 0;
      let yearPool = 0;
      for (let gi = 0; gi < G; gi++) {
        const period = gPeriod[gi]!;
        const cultivation = gCult[gi]!;
        const vacancies = gVacancies[gi * H + t - 1]!;
        const from = gFirst[gi]!;
        const to = gFirst[gi + 1]!;
        const cohortBase = gi * H * 3;
        let stock = 0;
        if (vacancies > 0) {
          // (0) tier progress and (1) exits; the ready near-term count.
          let ready = 0;
          for (let c = from; c < to; c++) {
            if (cYears[c]! < t) continue;
            if (moving && t >= 2) progress(classes, c * 3);
            if (cCult[c]! <= t) ready += classes[c * 3]!;
          }
          for (let s = 1; s < t; s++) {
            if (s + period - 1 < t) continue;
            const i = cohortBase + (s - 1) * 3;
            if (moving && t >= s + 2) progress(cohorts, i);
            if (s + cultivation <= t) ready += cohorts[i]!;
          }
          // (2) promotions: a binomial number of the fillable vacancies, taken from the ready
          // without replacement (each ready member in turn, with probability take / left).
          const fillable = Math.min(vacancies, ready);
          let take = fillable > 0 ? promoteDraw.draw(random, fillable) : 0;
          let left = ready;
          for (let c = from; c < to && take > 0; c++) {
            if (cYears[c]! < t || cCult[c]! > t) continue;
            const n = classes[c * 3]!;
            let x = 0;
            for (let j = 0; j < n && take > 0; j++, left--)
              if (random() * left < take) {
                x++;
                take--;
              }
            classes[c * 3] = n - x;
          }
          for (let s = 1; s < t && take > 0; s++) {
            if (s + period - 1 < t || s + cultivation > t) continue;
            const i = cohortBase + (s - 1) * 3;
            const n = cohorts[i]!;
            let x = 0;
            for (let j = 0; j < n && take > 0; j++, left--)
              if (random() * left < take) {
                x++;
                take--;
              }
            cohorts[i] = n - x;
          }
          // (3) attrition and (4) the stock.
          for (let c = from; c < to; c++) {
            if (cYears[c]! < t) continue;
            const i = c * 3;
            stock += attrition ? survive(classes, i) : classes[i]! + classes[i + 1]! + classes[i + 2]!;
          }
        } else {
          // No post falls vacant: nobody is promoted; one pass does progress, exits, attrition.
          for (let c = from; c < to; c++) {
            if (cYears[c]! < t) continue;
            const i = c * 3;
            if (moving && t >= 2) progress(classes, i);
            stock += attrition ? survive(classes, i) : classes[i]! + classes[i + 1]! + classes[i + 2]!;
          }
          for (let s = 1; s < t; s++) {
            if (s + period - 1 < t) continue;
            if (moving && t >= s + 2) progress(cohorts, cohortBase + (s - 1) * 3);
          }
        }
        for (let s = 1; s < t; s++) {
          if (s + period - 1 < t) continue;
          const i = cohortBase + (s - 1) * 3;
          stock += attrition ? survive(cohorts, i) : cohorts[i]! + cohorts[i + 1]! + cohorts[i + 2]!;
        }
        // (5) whole people: the intake is the whole shortfall; the cohort joins at E_t.
        const intake = Math.max(0, gTarget[gi]! - stock);
        if (intake > 0) cohorts[cohortBase + (t - 1) * 3 + intakeTier] = intake;
        yearIntake += intake;
        yearPool += stock;
        unitIntake[gUnit[gi]!] = unitIntake[gUnit[gi]!]! + intake;
      }
      intakes[t - 1]![run] = yearIntake;
      pools[t - 1]![run] = yearPool;
      total += yearIntake;
    }
    totals[run] = total;
    for (let u = 0; u < packed.unitCount; u++) histogram[offset[u]! + unitIntake[u]!]!++;
  };
  for (let run = 0; run < runs; run++) {
    oneRun(run);
    if (onProgress && ((run + 1) % every === 0 || run + 1 === runs) && onProgress(run + 1) === false) return null;
  }
  const units: MonteCarloSummary['units'] = [];
  for (let u = 0; u < packed.unitCount; u++) {
    // Nearest rank over the histogram: the smallest value whose cumulative count reaches ceil(p × runs).
    const at = (p: number) => {
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
    total: summary(totals),
    years: intakes.map((values, i) => ({
      year: i + 1,
      intake: summary(values),
      pool: summary(pools[i]!),
      poolMean: pools[i]!.reduce((sum, v) => sum + v, 0) / runs,
    })),
    units,
  };
}
