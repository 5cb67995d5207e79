// Monte Carlo mode of planning model 2 (docs/domain.md "Planning — model 2"): many seeded runs of
// the same flows as the deterministic projection (domain/stock-flow.ts), with whole people
// instead of expected weights — each year tier progress is a binomial draw per member row, each
// member leaves with the attrition probability (drawn as the gaps between leavers), promotions
// are a binomial draw among the ready (taken without replacement), and the intake is the whole
// shortfall. Summarised as P10 / P50 / P90 of the total intake, of each year's intake and pool,
// and per unit. A one-year horizon is drawn by sums over alike groups, its units read from their
// exact law (runOneYearPart, decision 051). The groups travel packed in flat typed arrays, in
// shared memory, to the worker threads (monte-carlo-runner.ts), which run the parts of the units.
import { BinomialSampler, binomialLaw, GeometricSampler, percentile, seededRandom } from '../../domain/planning.ts';
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

/** Part `part`'s own generator. */
const partRandom = (seed: number, part: number) => seededRandom((seed + Math.imul(part, 0x9e3779b9)) >>> 0);

/** The part's groups, unit by unit (stable: packing order within a unit). */
function partGroups(packed: PackedFlows, part: number): number[] {
  const order: number[] = [];
  for (let g = 0; g < packed.target.length; g++) if (partOf(packed.unit[g]!) === part) order.push(g);
  return order.sort((a, b) => packed.unit[a]! - packed.unit[b]! || a - b);
}

/** Nearest rank of a law on 0, 1, 2, …: the least value whose cumulative probability reaches p %. */
function lawPercentile(law: number[], p: number): number {
  let cumulative = 0;
  for (let v = 0; v < law.length; v++) {
    cumulative += law[v]!;
    // (Sums of products carry rounding: a law at exactly p % counts as reaching it.)
    if (cumulative >= p / 100 - 1e-9) return v;
  }
  return law.length - 1;
}

/**
 * Part `part` of `runs` seeded runs of a one-year horizon (decision 051). The year is the first,
 * so every run starts alike, and the last, so nothing after it is read: a group's outcome in a
 * run is its pool v — its members less those promoted (Bin(f, p), f = min(V_1, ready)) less those
 * leaving (Bin(members left, a)) — and its intake max(0, target − v). Groups with the same
 * members, f and target are independent draws of one law π over v, so how many of them end on
 * each v in a run is one multinomial draw: a few binomial draws per kind of group and run, in
 * place of a draw per group and run. A unit's intake (its one or two groups) has a law worked
 * out exactly, by convolution, and its percentiles and the chance it needs no intake are read
 * from that law, not from the runs.
 */
function runOneYearPart(
  packed: PackedFlows,
  r: FlowRates,
  runs: number,
  seed: number,
  part: number,
  onProgress?: (done: number) => boolean | undefined,
): MonteCarloPart | null {
  const R = runs;
  const random = partRandom(seed, part);
  const order = partGroups(packed, part);
  // The kinds of group: members, f and target; per kind its law π over v and how many groups.
  const kinds = new Map<string, { index: number; count: number; target: number; law: number[] }>();
  const kindOf: { index: number; target: number; law: number[] }[] = [];
  for (const g of order) {
    let present = 0;
    let ready = 0;
    for (let c = packed.first[g]!; c < packed.first[g + 1]!; c++) {
      present += packed.count[c]!;
      if (packed.tier[c] === 0 && packed.cultivatedFrom[c]! <= 1) ready += packed.count[c]!;
    }
    const fillable = r.promotion > 0 ? Math.min(packed.vacancies[g]!, ready) : 0;
    const target = packed.target[g]!;
    const key = `${present}|${fillable}|${target}`;
    let kind = kinds.get(key);
    if (!kind) {
      // π(v) = Σ_take Bin(f, p)(take) × Bin(present − take, a)(present − take − v).
      const law = new Array<number>(present + 1).fill(0);
      binomialLaw(fillable, r.promotion).forEach((pTake, take) => {
        const stay = present - take;
        binomialLaw(stay, r.attrition).forEach((pLost, lost) => {
          law[stay - lost] = law[stay - lost]! + pTake * pLost;
        });
      });
      kind = { index: kinds.size, count: 0, target, law };
      kinds.set(key, kind);
    }
    kind.count++;
    kindOf.push(kind);
  }
  // Per kind, its values v from the likeliest, each with its binomial share of the groups not yet
  // placed (π(v) / the mass of v and the values after it); the last takes the rest.
  const samplers = new Map<string, BinomialSampler>();
  const sampler = (p: number, mostTrials: number) => {
    const key = `${p}|${mostTrials}`;
    let s = samplers.get(key);
    if (!s) {
      s = new BinomialSampler(p, mostTrials);
      samplers.set(key, s);
    }
    return s;
  };
  const plans = [...kinds.values()].map(({ count, target, law }) => {
    const values = law.flatMap((p, v) => (p > 0 ? [v] : [])).sort((a, b) => law[b]! - law[a]! || a - b);
    let rest = 0;
    const share = new Array<number>(values.length);
    for (let i = values.length - 1; i >= 0; i--) {
      rest += law[values[i]!]!;
      share[i] = Math.min(1, law[values[i]!]! / rest);
    }
    return {
      count,
      values,
      intakes: values.map((v) => Math.max(0, target - v)),
      draws: share.slice(0, -1).map((p) => sampler(p, count)),
    };
  });
  const yearIntake = new Int32Array(R);
  const yearPool = new Int32Array(R);
  const every = Math.max(1, Math.floor(R / 100));
  for (let run = 0; run < R; run++) {
    let intake = 0;
    let pool = 0;
    for (const plan of plans) {
      let left = plan.count;
      for (let i = 0; left > 0; i++) {
        const n = i < plan.draws.length ? plan.draws[i]!.draw(random, left) : left;
        intake += n * plan.intakes[i]!;
        pool += n * plan.values[i]!;
        left -= n;
      }
    }
    yearIntake[run] = intake;
    yearPool[run] = pool;
    if (onProgress && ((run + 1) % every === 0 || run + 1 === R) && onProgress(run + 1) === false) return null;
  }
  if (R === 0) onProgress?.(0);
  // Per unit, the law of its intake: the convolution of its groups' (the same few kinds recur).
  const units: MonteCarloPart['units'] = [];
  const unitSummaries = new Map<string, Percentiles & { meetsWithoutIntake: number }>();
  const intakeLaw = (kind: { target: number; law: number[] }) => {
    const out = new Array<number>(kind.target + 1).fill(0);
    kind.law.forEach((p, v) => {
      const i = Math.max(0, kind.target - v);
      out[i] = out[i]! + p;
    });
    return out;
  };
  for (let k = 0; k < order.length; ) {
    const u = packed.unit[order[k]!]!;
    const unitKinds: { index: number; target: number; law: number[] }[] = [];
    for (; k < order.length && packed.unit[order[k]!] === u; k++) unitKinds.push(kindOf[k]!);
    const key = unitKinds.map((kind) => kind.index).join(',');
    let summary = unitSummaries.get(key);
    if (!summary) {
      let law = [1];
      for (const kind of unitKinds) {
        const add = intakeLaw(kind);
        const sum = new Array<number>(law.length + add.length - 1).fill(0);
        law.forEach((p, i) => {
          add.forEach((q, j) => {
            sum[i + j] = sum[i + j]! + p * q;
          });
        });
        law = sum;
      }
      summary = {
        p10: lawPercentile(law, 10),
        p50: lawPercentile(law, 50),
        p90: lawPercentile(law, 90),
        meetsWithoutIntake: law[0]!,
      };
      unitSummaries.set(key, summary);
    }
    // (Its own copy: units alike share the worked-out summary.)
    units.push([u, { ...summary }]);
  }
  return { yearIntake, yearPool, totals: Int32Array.from(yearIntake), units };
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
  if (packed.horizonYears === 1) return runOneYearPart(packed, r, runs, seed, part, onProgress);
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
  const random = partRandom(seed, part);
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
  const order = partGroups(packed, part);
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
      // The horizon's last year: what follows it is never read, so only how many are promoted
      // and how many leave is drawn, not who (the members' rows and the runs' counts are left).
      const final = t === H;
      const cohort = (n + t - 1) * 3 * R;
      // A cohort of period 1 leaves before it would count.
      const joinsAt = t < H && period >= 2 ? cohort + intakeTier * R : -1;
      if (t < H) rows.fill(0, cohort, cohort + 3 * R);
      liveCount = 0;
      readyCount = 0;
      if (!final)
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
        const readyBefore = ready[run]!;
        let p = present[run]!;
        const fillable = vacancies > 0 && promotes ? Math.min(vacancies, readyBefore) : 0;
        if (fillable > 0) {
          let take = promoteDraw.draw(random, fillable);
          p -= take;
          if (take > 0 && !final) {
            let left = readyBefore;
            ready[run] = left - take;
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
        if (attrition) {
          while (skip < p) {
            if (!final) leave(run, skip, t);
            p--;
            skip += gap();
          }
          skip -= p;
        }
        if (!final) present[run] = p;
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
