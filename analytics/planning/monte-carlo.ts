// Monte Carlo mode of planning model 2 (docs/domain.md "Planning — model 2"): many seeded runs of
// the same flows as the deterministic projection (domain/stock-flow.ts), with whole people
// instead of expected weights — each year tier progress is a binomial draw per member row, each
// member leaves with the attrition probability (drawn as the gaps between leavers), promotions
// are a binomial draw among the ready (taken without replacement), and the intake is the whole
// shortfall. Summarised as P10 / P50 / P90 of the total intake, of each year's intake and pool,
// and per unit. The groups travel packed in flat typed arrays, in shared memory, to the worker
// threads (monte-carlo-runner.ts), which run the parts of the units.
import { BinomialSampler, GeometricSampler, percentile, seededRandom } from '../../domain/planning.ts';
import { type FlowGroup, type FlowRates, TIERS } from '../../domain/stock-flow.ts';

/**
 * The groups as flat arrays. Per group g: its target, period and cultivation years, unit index,
 * its classes `first[g]` up to `first[g + 1]`, and its vacancies of year t at `vacancies[g × H +
 * t − 1]`. Per class c: years present (at least 1: packFlows leaves out classes present in no
 * year), cultivated from, tier (its index in TIERS), count.
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

/** An array in memory the worker threads share (sent to them without a copy). */
const shared = (length: number) => new Int32Array(new SharedArrayBuffer(4 * length));

/**
 * Packs the groups; units are numbered in their first appearance order. A group's classes are
 * only told apart by what the horizon can see: a class present past the horizon counts as present
 * to its end (years ≥ H → H), one cultivated only after it as never (cultivatedFrom > H → H + 1),
 * classes present in no year are left out, and classes then alike are merged (in the order of
 * their years, cultivation and tier, so a run draws for them in one fixed order).
 */
export function packFlows(groups: FlowGroup[], horizonYears: number): { packed: PackedFlows; units: string[] } {
  const H = horizonYears;
  const G = groups.length;
  // Per group its classes as [key, count] pairs, sorted by key (a handful each: insertion).
  const classes = groups.map((g) => {
    const list: number[][] = [];
    for (const m of g.members) {
      if (m.years < 1 || m.count <= 0) continue;
      const years = Math.min(m.years, H);
      const cultivatedFrom = Math.min(Math.max(m.cultivatedFrom, 1), H + 1);
      const key = (years * (H + 2) + cultivatedFrom) * TIERS.length + TIERS.indexOf(m.tier);
      let i = list.length;
      while (i > 0 && list[i - 1]![0]! > key) i--;
      if (i > 0 && list[i - 1]![0] === key) list[i - 1]![1]! += m.count;
      else list.splice(i, 0, [key, m.count]);
    }
    return list;
  });
  const classCount = classes.reduce((n, list) => n + list.length, 0);
  const p: PackedFlows = {
    horizonYears: H,
    unitCount: 0,
    target: shared(G),
    period: shared(G),
    cultivation: shared(G),
    unit: shared(G),
    first: shared(G + 1),
    vacancies: shared(G * H),
    years: shared(classCount),
    cultivatedFrom: shared(classCount),
    tier: shared(classCount),
    count: shared(classCount),
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
    for (const [key, count] of classes[gi]!) {
      p.tier[c] = key! % TIERS.length;
      p.cultivatedFrom[c] = Math.floor(key! / TIERS.length) % (H + 2);
      p.years[c] = Math.floor(key! / TIERS.length / (H + 2));
      p.count[c] = count!;
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
 * run in parallel, on as many worker threads as there are (monte-carlo-runner.ts), and the answer
 * is the same whether they do or run one after the other. More parts than cores keep the workers
 * evenly busy when parts differ in size.
 */
export const PARTS = 8;

/** Unit u (its packing number) is in part u mod PARTS: dealt out in turn, so that the parts are
 *  alike in size wherever the larger teams sit in the tree. */
const partOf = (unit: number) => unit % PARTS;

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
  const leavers = attrition ? new GeometricSampler(r.attrition) : null;
  const gap = () => leavers!.draw(random);
  let skip = attrition ? gap() : 0;

  const yearIntake = new Int32Array(H * R);
  const yearPool = new Int32Array(H * R);
  // What every run adds alike (a year whose state is the same in every run and draws nothing):
  // per year, the intake and the pool, added to each run at the end.
  const yearIntakeAlike = new Int32Array(H);
  const yearPoolAlike = new Int32Array(H);
  // The part's groups unit by unit (stable: packing order within a unit).
  const order: number[] = [];
  for (let g = 0; g < G; g++) if (partOf(gUnit[g]!) === part) order.push(g);
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
  // The slots present in the year being drawn, and those of them whose near-term members are
  // ready (the same in every run: presence and cultivation go by the year).
  const live = new Int32Array(slots);
  const readySlots = new Int32Array(slots);
  // The unit's intake in each run beyond what every run adds alike (unitAlike), and the runs
  // where it is not 0 (most runs of most units add nothing more).
  const unitRuns = new Int32Array(R);
  const unitTouched = new Int32Array(R);
  let unitTouchedCount = 0;
  const addUnitIntake = (run: number, intake: number) => {
    if (unitRuns[run] === 0) unitTouched[unitTouchedCount++] = run;
    unitRuns[run] = unitRuns[run]! + intake;
  };
  let unitAlike = 0;
  const units: MonteCarloPart['units'] = [];
  const everyGroups = Math.max(1, Math.floor(N / 100));
  const promotes = r.promotion > 0;

  /** Slot q is present in year t (cohort slots exist from the year after their intake). */
  const isPresent = (q: number, t: number, n: number) => (q < n || q - n + 1 < t) && lastYear[q]! >= t;
  let liveCount = 0;
  let readyCount = 0;
  /** Member j of run `run` (live slots in turn, near, mid and long-term in each) leaves in year t. */
  const leave = (run: number, j: number, t: number) => {
    for (let i = 0; i < liveCount; i++) {
      const q = live[i]!;
      const at = q * 3 * R + run;
      for (let tier = 0; tier < 3; tier++) {
        const row = at + tier * R;
        if (j < rows[row]!) {
          rows[row] = rows[row]! - 1;
          if (tier === 0 && cultFrom[q]! <= t) ready[run] = ready[run]! - 1;
          return;
        }
        j -= rows[row]!;
      }
    }
  };

  for (let k = 0; k < N; k++) {
    const gi = order[k]!;
    const period = gPeriod[gi]!;
    const cultivation = gCult[gi]!;
    const target = gTarget[gi]!;
    const from = gFirst[gi]!;
    const n = gFirst[gi + 1]! - from;
    // Year 1 starts alike in every run: the counts are filled, not added up run by run.
    let present1 = 0;
    let ready1 = 0;
    for (let c = 0; c < n; c++) {
      lastYear[c] = cYears[from + c]!;
      cultFrom[c] = cCult[from + c]!;
      progressFrom[c] = 2;
      const base = c * 3 * R;
      rows.fill(0, base, base + 3 * R);
      const count = cCount[from + c]!;
      const tier = cTier[from + c]!;
      rows.fill(count, base + tier * R, base + (tier + 1) * R);
      present1 += count;
      if (tier === 0 && cultFrom[c]! <= 1) ready1 += count;
    }
    present.fill(present1);
    ready.fill(ready1);
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
      liveCount = 0;
      readyCount = 0;
      for (let q = 0; q < n + t - 1; q++) {
        if (!isPresent(q, t, n)) continue;
        live[liveCount++] = q;
        if (cultFrom[q]! <= t) readySlots[readyCount++] = q;
      }
      // Year 1 of a group where nobody can be promoted starts and goes alike in every run but
      // for its leavers: the figures without leavers are added once for all runs, and only the
      // runs with a leaver are visited, at the attrition sequence's leaver positions (the same
      // positions a visit of every run would find: run × members + the member).
      if (t === 1 && (vacancies === 0 || ready1 === 0 || !promotes)) {
        const alike = target > present1 ? target - present1 : 0;
        if (joinsAt >= 0 && alike > 0) rows.fill(alike, joinsAt, joinsAt + R);
        yearIntakeAlike[0] = yearIntakeAlike[0]! + alike;
        yearPoolAlike[0] = yearPoolAlike[0]! + present1;
        unitAlike += alike;
        if (attrition && present1 > 0) {
          const span = R * present1;
          let at = skip;
          let run = -1;
          let lost = 0;
          const settle = () => {
            const p = present1 - lost;
            present[run] = p;
            yearPool[run] = yearPool[run]! - lost;
            const extra = (target > p ? target - p : 0) - alike;
            if (extra > 0) {
              if (joinsAt >= 0) rows[joinsAt + run] = alike + extra;
              yearIntake[run] = yearIntake[run]! + extra;
              addUnitIntake(run, extra);
            }
          };
          while (at < span) {
            const leaverRun = Math.floor(at / present1);
            if (leaverRun !== run) {
              if (run >= 0) settle();
              run = leaverRun;
              lost = 0;
            }
            leave(run, at - run * present1 - lost, t);
            lost++;
            at += 1 + gap();
          }
          if (run >= 0) settle();
          skip = at - span;
        }
        continue;
      }
      for (let run = 0; run < R; run++) {
        // (2) promotions: a binomial number of the fillable vacancies, taken from the ready
        // without replacement (from the one slot when only one is ready, all of them when all
        // are taken, else one by one, each uniform among the ready not yet taken).
        const fillable = vacancies > 0 && promotes ? Math.min(vacancies, ready[run]!) : 0;
        if (fillable > 0) {
          let take = promoteDraw.draw(random, fillable);
          if (take > 0) {
            let left = ready[run]!;
            ready[run] = left - take;
            present[run] = present[run]! - take;
            if (readyCount === 1) {
              const at = readySlots[0]! * 3 * R + run;
              rows[at] = rows[at]! - take;
            } else if (take === left) {
              for (let i = 0; i < readyCount; i++) rows[readySlots[i]! * 3 * R + run] = 0;
            }
            // One ready member after another, each uniform among those not yet taken.
            else
              for (; take > 0; take--, left--) {
                let j = Math.floor(random() * left);
                for (let i = 0; i < readyCount; i++) {
                  const at = readySlots[i]! * 3 * R + run;
                  if (j < rows[at]!) {
                    rows[at] = rows[at]! - 1;
                    break;
                  }
                  j -= rows[at]!;
                }
              }
          }
        }
        // (3) attrition: the members of this run at the attrition sequence's leaver positions.
        let p = present[run]!;
        if (attrition) {
          while (skip < p) {
            leave(run, skip, t);
            p--;
            skip += gap();
          }
          skip -= p;
          present[run] = p;
        }
        // (4) the stock and (5) whole people: the intake is the whole shortfall; the cohort
        // joins at E_t and counts from next year.
        const intake = target > p ? target - p : 0;
        if (intake > 0) {
          if (joinsAt >= 0) rows[joinsAt + run] = intake;
          yearIntake[yearBase + run] = yearIntake[yearBase + run]! + intake;
          addUnitIntake(run, intake);
        }
        yearPool[yearBase + run] = yearPool[yearBase + run]! + p;
      }
    }
    // The unit's last group: its summary over the runs.
    const u = gUnit[gi]!;
    if (k + 1 === N || gUnit[order[k + 1]!]! !== u) {
      // Runs not touched are 0. Few touched runs are read through their list, many in order.
      const dense = unitTouchedCount * 4 > R;
      let min = unitTouchedCount < R ? 0 : unitRuns[unitTouched[0]!]!;
      let max = min;
      if (dense)
        for (let run = 0; run < R; run++) {
          const v = unitRuns[run]!;
          if (v < min) min = v;
          else if (v > max) max = v;
        }
      else
        for (let i = 0; i < unitTouchedCount; i++) {
          const v = unitRuns[unitTouched[i]!]!;
          if (v < min) min = v;
          else if (v > max) max = v;
        }
      let summary: Percentiles & { meetsWithoutIntake: number };
      if (min === max) summary = { p10: min, p50: min, p90: min, meetsWithoutIntake: min === 0 ? 1 : 0 };
      else {
        const histogram = new Int32Array(max - min + 1);
        if (dense) for (let run = 0; run < R; run++) histogram[unitRuns[run]! - min]!++;
        else {
          histogram[0] = R - unitTouchedCount;
          for (let i = 0; i < unitTouchedCount; i++) histogram[unitRuns[unitTouched[i]!]! - min]!++;
        }
        summary = {
          p10: min + histogramPercentile(histogram, R, 10),
          p50: min + histogramPercentile(histogram, R, 50),
          p90: min + histogramPercentile(histogram, R, 90),
          meetsWithoutIntake: min === 0 ? histogram[0]! / R : 0,
        };
      }
      units.push([
        u,
        {
          p10: summary.p10 + unitAlike,
          p50: summary.p50 + unitAlike,
          p90: summary.p90 + unitAlike,
          meetsWithoutIntake: unitAlike > 0 ? 0 : summary.meetsWithoutIntake,
        },
      ]);
      if (dense) unitRuns.fill(0);
      else for (let i = 0; i < unitTouchedCount; i++) unitRuns[unitTouched[i]!] = 0;
      unitTouchedCount = 0;
      unitAlike = 0;
    }
    if (onProgress && ((k + 1) % everyGroups === 0 || k + 1 === N)) {
      const done = k + 1 === N ? R : Math.floor((R * (k + 1)) / N);
      if (onProgress(done) === false) return null;
    }
  }
  // The figures alike in every run, then each run's total over the years.
  const totals = new Int32Array(R);
  for (let t = 0; t < H; t++)
    for (let run = 0; run < R; run++) {
      const at = t * R + run;
      yearIntake[at] = yearIntake[at]! + yearIntakeAlike[t]!;
      yearPool[at] = yearPool[at]! + yearPoolAlike[t]!;
      totals[run] = totals[run]! + yearIntake[at]!;
    }
  if (N === 0) onProgress?.(R);
  return { yearIntake, yearPool, totals, units };
}
