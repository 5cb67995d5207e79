// Monte Carlo mode of planning model 2 (docs/domain.md "Planning — model 2"): many seeded runs of
// the same flows as the deterministic projection (domain/stock-flow.ts), with whole people
// instead of expected weights — each year tier progress is a binomial draw per member row, each
// member leaves with the attrition probability (drawn as the gaps between leavers), promotions
// are a binomial draw among the ready (taken without replacement), and the intake is the whole
// shortfall. Summarised as P10 / P50 / P90 of the total intake, of each year's intake and pool,
// and per unit. The groups travel packed in flat typed arrays to the worker threads
// (monte-carlo.worker.ts), one per part of the units.
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

/** Nearest-rank percentile of a histogram of `total` values 0, 1, 2, … */
function histogramPercentile(histogram: Int32Array, total: number, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (let v = 0; v < histogram.length; v++) {
    seen += histogram[v]!;
    if (seen >= rank) return v;
  }
  return histogram.length - 1;
}

/** One part's sums per run, and the summaries of its units. */
export interface MonteCarloPart {
  /** Per year t and run: the intake and the pool in all, at (t − 1) × runs + run. */
  yearIntake: Int32Array;
  yearPool: Int32Array;
  /** Per run: the intake over the horizon. */
  totals: Int32Array;
  /** The part's units (packing index) and their summaries. */
  units: [number, Percentiles & { meetsWithoutIntake: number }][];
}

/**
 * The work is split into this many parts, by unit, each with its own generator: the parts can
 * run in parallel (monte-carlo-runner.ts runs one worker thread each) and the answer is the same
 * whether they do or run one after the other.
 */
export const PARTS = 2;

/** The units of part `part`: [from, to) of the packing's unit numbers. */
function unitsOfPart(unitCount: number, part: number): [number, number] {
  return [Math.floor((unitCount * part) / PARTS), Math.floor((unitCount * (part + 1)) / PARTS)];
}

/** `runs` seeded runs, in one thread (the parts one after another). */
export function runMonteCarlo(
  packed: PackedFlows,
  r: FlowRates,
  runs: number,
  seed: number,
  onProgress?: (done: number) => boolean | undefined,
): MonteCarloSummary | null {
  const parts: MonteCarloPart[] = [];
  for (let part = 0; part < PARTS; part++) {
    const result = runPart(packed, r, runs, seed, part, (done) =>
      onProgress?.(Math.floor((part * runs + done) / PARTS)),
    );
    if (!result) return null;
    parts.push(result);
  }
  return summarise(parts, packed, runs);
}

/** The summary of all the parts' runs. */
export function summarise(parts: MonteCarloPart[], packed: PackedFlows, runs: number): MonteCarloSummary {
  const H = packed.horizonYears;
  const R = runs;
  const yearIntake = new Int32Array(H * R);
  const yearPool = new Int32Array(H * R);
  const totals = new Int32Array(R);
  const units: MonteCarloSummary['units'] = Array.from({ length: packed.unitCount }, () => ({
    p10: 0,
    p50: 0,
    p90: 0,
    meetsWithoutIntake: 1,
  }));
  for (const part of parts) {
    for (let i = 0; i < H * R; i++) {
      yearIntake[i] = yearIntake[i]! + part.yearIntake[i]!;
      yearPool[i] = yearPool[i]! + part.yearPool[i]!;
    }
    for (let i = 0; i < R; i++) totals[i] = totals[i]! + part.totals[i]!;
    for (const [u, summary] of part.units) units[u] = summary;
  }
  return {
    runs,
    total: summary(totals),
    years: Array.from({ length: H }, (_, i) => {
      const pool = yearPool.subarray(i * R, (i + 1) * R);
      return {
        year: i + 1,
        intake: summary(yearIntake.subarray(i * R, (i + 1) * R)),
        pool: summary(pool),
        poolMean: pool.reduce((sum, v) => sum + v, 0) / R,
      };
    }),
    units,
  };
}

/**
 * Part `part` of `runs` seeded runs: its units' groups. The groups are independent of each other
 * within a run, so the work goes group by group, and within a group year by year over all the
 * runs at once: a group's members per tier are rows of `runs` counts, a step is a pass along a
 * row (the same few instructions for every run), and the members present and ready in each run
 * are kept up to date as they change instead of being counted again. A unit's intake over the
 * runs is complete once its groups are done (groups are taken unit by unit). Random draws come
 * from the part's generator in a fixed order (group, year, step, member row, run), so the same
 * seed gives the same answer on every machine. `onProgress(done)` is called about a hundred
 * times with the share of the part done, in runs' worth (`runs` at the end); returning false
 * stops (cancelled: null).
 */
export function runPart(
  packed: PackedFlows,
  r: FlowRates,
  runs: number,
  seed: number,
  part: number,
  onProgress?: (done: number) => boolean | undefined,
): MonteCarloPart | null {
  const H = packed.horizonYears;
  const G = packed.target.length;
  const R = runs;
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
  const random = seededRandom((seed + Math.imul(part, 0x9e3779b9)) >>> 0);
  const upDraw = new BinomialSampler(r.midToNear);
  const upLongDraw = new BinomialSampler(r.longToMid);
  const promoteDraw = new BinomialSampler(r.promotion);
  const intakeTier = TIERS.indexOf(r.intakeTier);
  const attrition = r.attrition > 0;
  const moving = r.midToNear > 0 || r.longToMid > 0;
  // Members until the next leaver of the attrition sequence (one Bernoulli(a) sequence for every
  // member of every group, year and run in turn): Geometric(a) on 0, 1, 2, …
  const logKeep = Math.log1p(-r.attrition);
  const gap = () => Math.floor(Math.log(1 - random()) / logKeep);
  let skip = attrition ? gap() : 0;

  const yearIntake = new Int32Array(H * R);
  const yearPool = new Int32Array(H * R);
  const totals = new Int32Array(R);
  // The part's groups unit by unit (stable: packing order within a unit).
  const [unitFrom, unitTo] = unitsOfPart(packed.unitCount, part);
  const order: number[] = [];
  for (let g = 0; g < G; g++) if (gUnit[g]! >= unitFrom && gUnit[g]! < unitTo) order.push(g);
  order.sort((a, b) => gUnit[a]! - gUnit[b]! || a - b);
  const N = order.length;
  let maxClasses = 0;
  for (let g = 0; g < G; g++) maxClasses = Math.max(maxClasses, gFirst[g + 1]! - gFirst[g]!);
  // A group's slots: its classes, then the cohort taken in at the end of each year. Row
  // (slot × 3 + tier) holds that slot's members on that tier in each run, at row × R + run.
  const slots = maxClasses + H;
  const rows = new Int32Array(slots * 3 * R);
  const present = new Int32Array(R);
  const ready = new Int32Array(R);
  // Per slot, in this group: the last year it is present, the year it is cultivated from, and
  // the year tier progress starts for it.
  const lastYear = new Int32Array(slots);
  const cultFrom = new Int32Array(slots);
  const progressFrom = new Int32Array(slots);
  const unitRuns = new Int32Array(R);
  const units: MonteCarloPart['units'] = [];
  const everyGroups = Math.max(1, Math.floor(N / 100));

  /** Slot q is present in year t (cohort slots exist from the year after their intake). */
  const isPresent = (q: number, t: number, n: number) => (q < n || q - n + 1 < t) && lastYear[q]! >= t;

  for (let k = 0; k < N; k++) {
    const gi = order[k]!;
    const period = gPeriod[gi]!;
    const cultivation = gCult[gi]!;
    const target = gTarget[gi]!;
    const from = gFirst[gi]!;
    const n = gFirst[gi + 1]! - from;
    present.fill(0);
    ready.fill(0);
    for (let c = 0; c < n; c++) {
      lastYear[c] = cYears[from + c]!;
      cultFrom[c] = cCult[from + c]!;
      progressFrom[c] = 2;
      const base = c * 3 * R;
      rows.fill(0, base, base + 3 * R);
      if (lastYear[c]! < 1) continue;
      const count = cCount[from + c]!;
      const tier = cTier[from + c]!;
      rows.fill(count, base + tier * R, base + (tier + 1) * R);
      for (let run = 0; run < R; run++) present[run] = present[run]! + count;
      if (tier === 0 && cultFrom[c]! <= 1) for (let run = 0; run < R; run++) ready[run] = ready[run]! + count;
    }
    for (let s = 1; s <= H; s++) {
      lastYear[n + s - 1] = s + period - 1;
      cultFrom[n + s - 1] = s + cultivation;
      progressFrom[n + s - 1] = s + 2;
    }

    for (let t = 1; t <= H; t++) {
      if (t >= 2) {
        for (let q = 0; q < n + t - 1; q++) {
          const near = q * 3 * R;
          const mid = near + R;
          const long = mid + R;
          // Slots that left at the end of last year.
          if (lastYear[q] === t - 1 && (q < n || q - n + 1 < t - 1)) {
            const wasReady = cultFrom[q]! <= t - 1;
            for (let run = 0; run < R; run++) {
              present[run] = present[run]! - rows[near + run]! - rows[mid + run]! - rows[long + run]!;
              if (wasReady) ready[run] = ready[run]! - rows[near + run]!;
            }
            continue;
          }
          if (!isPresent(q, t, n)) continue;
          // A cohort present for the first time: its members count from now.
          const joined = q >= n && q - n + 1 === t - 1;
          if (joined)
            for (let run = 0; run < R; run++)
              present[run] = present[run]! + rows[near + run]! + rows[mid + run]! + rows[long + run]!;
          // (0) tier progress.
          const readyBefore = !joined && cultFrom[q]! <= t - 1;
          if (moving && t >= progressFrom[q]!)
            for (let run = 0; run < R; run++) {
              const m = rows[mid + run]!;
              const l = rows[long + run]!;
              if (m === 0 && l === 0) continue;
              const up = m > 0 ? upDraw.draw(random, m) : 0;
              const upLong = l > 0 ? upLongDraw.draw(random, l) : 0;
              rows[near + run] = rows[near + run]! + up;
              rows[mid + run] = m - up + upLong;
              rows[long + run] = l - upLong;
              if (readyBefore) ready[run] = ready[run]! + up;
            }
          // Cultivated from this year on: its near-term members are ready.
          if (!readyBefore && cultFrom[q]! <= t)
            for (let run = 0; run < R; run++) ready[run] = ready[run]! + rows[near + run]!;
        }
      }
      const vacancies = gVacancies[gi * H + t - 1]!;
      const yearBase = (t - 1) * R;
      const cohort = (n + t - 1) * 3 * R;
      // A cohort of period 1 leaves before it would count.
      const joinsAt = t < H && period >= 2 ? cohort + intakeTier * R : -1;
      if (t < H) rows.fill(0, cohort, cohort + 3 * R);
      for (let run = 0; run < R; run++) {
        // (2) promotions: a binomial number of the fillable vacancies, taken from the ready
        // without replacement (each ready member in turn, with probability take / left).
        const fillable = Math.min(vacancies, ready[run]!);
        if (fillable > 0) {
          let take = promoteDraw.draw(random, fillable);
          if (take > 0) {
            ready[run] = ready[run]! - take;
            present[run] = present[run]! - take;
          }
          let left = ready[run]! + take;
          for (let q = 0; q < n + t - 1 && take > 0; q++) {
            if (!isPresent(q, t, n) || cultFrom[q]! > t) continue;
            const at = q * 3 * R + run;
            const c = rows[at]!;
            let x = 0;
            for (let j = 0; j < c && take > 0; j++, left--)
              if (random() * left < take) {
                x++;
                take--;
              }
            rows[at] = c - x;
          }
        }
        // (3) attrition: the members of this run at the attrition sequence's leaver positions.
        let p = present[run]!;
        while (attrition && skip < p) {
          let j = skip;
          for (let q = 0; q < n + t - 1; q++) {
            if (!isPresent(q, t, n)) continue;
            const at = q * 3 * R + run;
            if (j < rows[at]!) {
              rows[at] = rows[at]! - 1;
              if (cultFrom[q]! <= t) ready[run] = ready[run]! - 1;
              j = -1;
              break;
            }
            j -= rows[at]!;
            if (j < rows[at + R]!) {
              rows[at + R] = rows[at + R]! - 1;
              j = -1;
              break;
            }
            j -= rows[at + R]!;
            if (j < rows[at + 2 * R]!) {
              rows[at + 2 * R] = rows[at + 2 * R]! - 1;
              j = -1;
              break;
            }
            j -= rows[at + 2 * R]!;
          }
          p--;
          skip += gap();
        }
        if (attrition) skip -= p;
        present[run] = p;
        // (4) the stock and (5) whole people: the intake is the whole shortfall; the cohort
        // joins at E_t and counts from next year.
        const intake = target > p ? target - p : 0;
        if (intake > 0) {
          if (joinsAt >= 0) rows[joinsAt + run] = intake;
          yearIntake[yearBase + run] = yearIntake[yearBase + run]! + intake;
          unitRuns[run] = unitRuns[run]! + intake;
          totals[run] = totals[run]! + intake;
        }
        yearPool[yearBase + run] = yearPool[yearBase + run]! + p;
      }
    }
    // The unit's last group: its summary over the runs.
    const u = gUnit[gi]!;
    if (k + 1 === N || gUnit[order[k + 1]!]! !== u) {
      let max = 0;
      for (let run = 0; run < R; run++) max = Math.max(max, unitRuns[run]!);
      const histogram = new Int32Array(max + 1);
      for (let run = 0; run < R; run++) histogram[unitRuns[run]!]!++;
      units.push([
        u,
        {
          p10: histogramPercentile(histogram, R, 10),
          p50: histogramPercentile(histogram, R, 50),
          p90: histogramPercentile(histogram, R, 90),
          meetsWithoutIntake: histogram[0]! / R,
        },
      ]);
      unitRuns.fill(0);
    }
    if (onProgress && ((k + 1) % everyGroups === 0 || k + 1 === N)) {
      const done = k + 1 === N ? R : Math.floor((R * (k + 1)) / N);
      if (onProgress(done) === false) return null;
    }
  }
  if (N === 0) onProgress?.(R);
  return { yearIntake, yearPool, totals, units };
}
