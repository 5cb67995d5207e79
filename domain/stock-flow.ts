// Planning model 2 (docs/domain.md "Planning — model 2"): a year-by-year stock-and-flow projection
// of every unit's pool, of the kind manpower planning has used since Bartholomew. Members (the
// entries active at asOf, and each year's intake cohort) carry a weight split over the three
// readiness tiers; each year, in order: tier progress, exits, promotions from the ready,
// attrition, the stock and its shortfall against the target, and the intake — the year's total
// shortfall rounded once and apportioned to units by largest remainder. Expected values stay
// real numbers until that one rounding. Pure arithmetic on counts the analytical copy gives.

/** The planning model this file is (saved scenarios record it: 1 was the one-step model). */
export const PLANNING_MODEL = 2;

/** Members of one group alike for the model: present in years 1..`years`, cultivated from year
 * `cultivatedFrom` on (a year past the horizon: never within it), on one tier at asOf. */
export interface MemberClass {
  years: number;
  cultivatedFrom: number;
  tier: Tier;
  count: number;
}

export type Tier = 'NEAR_TERM' | 'MID_TERM' | 'LONG_TERM';
/** The tiers, most ready first: packed data and SQL carry a tier as its index here. */
export const TIERS: readonly Tier[] = ['NEAR_TERM', 'MID_TERM', 'LONG_TERM'];

/** One unit and kind with posts. */
export interface FlowGroup {
  unitCode: string;
  kind: 'PRINCIPAL' | 'DEPUTY';
  /** The ratio target at asOf: ceil(ratio × posts). */
  target: number;
  /** Posts falling vacant in each year 1..H (each post at most once: its first expected vacancy). */
  vacancies: number[];
  members: MemberClass[];
  /** The unit's policy: a cohort stays this many years, and is cultivated after this many. */
  periodYears: number;
  cultivationYears: number;
}

export interface FlowRates {
  /** Share of the fillable vacancies (min(V, ready)) that the ready fill. */
  promotion: number;
  /** Yearly share of every member's weight that leaves for other reasons. */
  attrition: number;
  /** Yearly shares moving up a tier: 中期 → 近期 and 远期 → 中期. */
  midToNear: number;
  longToMid: number;
  /** The tier an intake cohort starts on. */
  intakeTier: Tier;
}

/** One group in one year. */
export interface FlowYear {
  vacancies: number;
  /** The near-term weight of cultivated members before promotions. */
  ready: number;
  promotions: number;
  /** The weight remaining after promotions and attrition. */
  stock: number;
  /** Of the stock, the weight of earlier years' intake cohorts. */
  cohorts: number;
  /** max(0, target − stock): a real number. */
  need: number;
  /** The planned intake (an integer: the year's apportionment). */
  intake: number;
}

export interface FlowResult {
  /** Per group (in the order given), per year. */
  groups: FlowYear[][];
  /** Per year: Σ need and the planned intake (round-half-up of Σ need). */
  years: { need: number; intake: number }[];
  totalIntake: number;
}

/** Round half up (2.5 → 3), forgiving the last bits of binary floating point. */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + 1e-9);
}

/**
 * The year's planned intake: round-half-up(Σ need) in all; each group floor(need), and what
 * remains one each to the largest fractional parts — ties: the larger need, then unit code, then
 * PRINCIPAL before DEPUTY.
 */
export function apportion(groups: { unitCode: string; kind: string; need: number }[]): number[] {
  return Array.from(
    apportionNeeds(
      Float64Array.from(groups, (g) => g.need),
      (i) => groups[i]!,
    ),
  );
}

/**
 * `apportion` over a column of needs (`key(i)` gives group i's unit code and kind for the ties).
 * Only the remainders tied with the last one handed out are compared by the full rule: the others
 * are decided by a numeric sort of the fractional parts.
 */
export function apportionNeeds(need: Float64Array, key: (i: number) => { unitCode: string; kind: string }): Int32Array {
  const eps = 1e-9;
  const n = need.length;
  const out = new Int32Array(n);
  let sum = 0;
  let floors = 0;
  for (let i = 0; i < n; i++) {
    sum += need[i]!;
    out[i] = Math.floor(need[i]! + eps);
    floors += out[i]!;
  }
  let left = roundHalfUp(sum) - floors;
  if (left <= 0) return out;
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) if (need[i]! - out[i]! > eps) candidates.push(i);
  const frac = (i: number) => need[i]! - out[i]!;
  if (left >= candidates.length) {
    for (const i of candidates) out[i] = out[i]! + 1;
    return out;
  }
  // θ: the left-th largest fractional part. Every remainder above θ gets one; the ones equal to θ
  // share what is left by the rule's ties.
  const fracs = Float64Array.from(candidates, frac).sort();
  const theta = fracs[fracs.length - left]!;
  const tied: number[] = [];
  for (const i of candidates) {
    const f = frac(i);
    if (f > theta) {
      out[i] = out[i]! + 1;
      left--;
    } else if (f === theta) tied.push(i);
  }
  tied.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (
      need[b]! - need[a]! ||
      (ka.unitCode < kb.unitCode ? -1 : ka.unitCode > kb.unitCode ? 1 : 0) ||
      (ka.kind === kb.kind ? 0 : ka.kind === 'PRINCIPAL' ? -1 : 1)
    );
  });
  for (let k = 0; k < left; k++) out[tied[k]!] = out[tied[k]!]! + 1;
  return out;
}

/**
 * The projection's figures per group and year as columns: group g's year t at g × H + t − 1
 * (a national projection is 97 000 groups × H years: no object for each).
 */
export interface FlowColumns {
  horizonYears: number;
  vacancies: Float64Array;
  ready: Float64Array;
  promotions: Float64Array;
  stock: Float64Array;
  cohorts: Float64Array;
  need: Float64Array;
  intake: Float64Array;
}

/** Group `g`'s year `t` (1 … H) of the columns. */
export function flowYear(c: FlowColumns, g: number, t: number): FlowYear {
  const at = g * c.horizonYears + t - 1;
  return {
    vacancies: c.vacancies[at]!,
    ready: c.ready[at]!,
    promotions: c.promotions[at]!,
    stock: c.stock[at]!,
    cohorts: c.cohorts[at]!,
    need: c.need[at]!,
    intake: c.intake[at]!,
  };
}

/**
 * The deterministic projection over H years. `plan(t, need)`, if given, decides each year's
 * intake per group instead of the apportionment (the optimiser's allocation).
 */
export function projectFlows(
  groups: FlowGroup[],
  horizonYears: number,
  r: FlowRates,
  plan?: (year: number, need: Float64Array) => ArrayLike<number>,
): FlowResult {
  const { columns, years, totalIntake } = projectFlowColumns(groups, horizonYears, r, plan);
  const out = groups.map((_, g) => Array.from({ length: horizonYears }, (_, i) => flowYear(columns, g, i + 1)));
  return { groups: out, years, totalIntake };
}

/** `projectFlows` with its per-group figures as columns. */
export function projectFlowColumns(
  groups: FlowGroup[],
  horizonYears: number,
  r: FlowRates,
  plan?: (year: number, need: Float64Array) => ArrayLike<number>,
): { columns: FlowColumns; years: FlowResult['years']; totalIntake: number } {
  const H = horizonYears;
  const G = groups.length;
  // Every member class and every cohort is a slot of flat arrays: group g's classes from
  // first[g], then its H cohorts. A slot's weight per tier, when it is in the pool, when it is
  // cultivated and when tier progress applies to it.
  const first = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) {
    let classes = 0;
    for (const c of groups[g]!.members) if (c.count > 0) classes++;
    first[g + 1] = first[g]! + classes + H;
  }
  const slots = first[G]!;
  const near = new Float64Array(slots);
  const mid = new Float64Array(slots);
  const long = new Float64Array(slots);
  const lastYear = new Int32Array(slots);
  const cultivatedFrom = new Int32Array(slots);
  const progressFrom = new Int32Array(slots);
  const used = new Int32Array(G); // slots in use per group (classes, then cohorts so far)
  const classes = new Int32Array(G);
  groups.forEach((g, gi) => {
    let q = first[gi]!;
    for (const c of g.members) {
      if (c.count <= 0) continue;
      if (c.tier === 'NEAR_TERM') near[q] = c.count;
      else if (c.tier === 'MID_TERM') mid[q] = c.count;
      else long[q] = c.count;
      lastYear[q] = c.years;
      cultivatedFrom[q] = c.cultivatedFrom;
      progressFrom[q] = 2;
      q++;
    }
    used[gi] = q - first[gi]!;
    classes[gi] = used[gi]!;
  });
  const keep = 1 - r.attrition;
  const cells = () => new Float64Array(G * H);
  const out: FlowColumns = {
    horizonYears: H,
    vacancies: cells(),
    ready: cells(),
    promotions: cells(),
    stock: cells(),
    cohorts: cells(),
    need: cells(),
    intake: cells(),
  };
  const years: FlowResult['years'] = [];
  const need = new Float64Array(G);
  for (let t = 1; t <= H; t++) {
    for (let gi = 0; gi < G; gi++) {
      const from = first[gi]!;
      const to = from + used[gi]!;
      let ready = 0;
      for (let q = from; q < to; q++) {
        if (lastYear[q]! < t) continue;
        // (0) tier progress: l of the long-term weight moves up, and m of the mid-term weight as
        // it was before this step.
        if (t >= progressFrom[q]!) {
          const up = mid[q]! * r.midToNear;
          const upLong = long[q]! * r.longToMid;
          near[q] = near[q]! + up;
          mid[q] = mid[q]! + upLong - up;
          long[q] = long[q]! - upLong;
        }
        // (1) members whose exit is by E_t have left (lastYear < t, skipped above).
        if (t >= cultivatedFrom[q]!) ready += near[q]!;
      }
      // (2) promotions from the ready, proportionally.
      const vacancies = groups[gi]!.vacancies[t - 1] ?? 0;
      const promotions = r.promotion * Math.min(vacancies, ready);
      const keepReady = ready > 0 ? 1 - promotions / ready : 1;
      // (3) attrition on every member alike; (4) the stock.
      let stock = 0;
      let cohorts = 0;
      for (let q = from; q < to; q++) {
        if (lastYear[q]! < t) continue;
        if (t >= cultivatedFrom[q]!) near[q] = near[q]! * keepReady;
        near[q] = near[q]! * keep;
        mid[q] = mid[q]! * keep;
        long[q] = long[q]! * keep;
        stock += near[q]! + mid[q]! + long[q]!;
        if (q >= from + classes[gi]!) cohorts += near[q]! + mid[q]! + long[q]!;
      }
      need[gi] = Math.max(0, groups[gi]!.target - stock);
      const at = gi * H + t - 1;
      out.vacancies[at] = vacancies;
      out.ready[at] = ready;
      out.promotions[at] = promotions;
      out.stock[at] = stock;
      out.cohorts[at] = cohorts;
      out.need[at] = need[gi]!;
    }
    // (5) the intake: the year's shortfall rounded once, apportioned by largest remainder (or
    // as planned); each group's cohort joins at E_t (counted from year t + 1).
    const intakes = plan ? plan(t, need) : apportionNeeds(need, (i) => groups[i]!);
    let yearNeed = 0;
    let yearIntake = 0;
    for (let gi = 0; gi < G; gi++) {
      const g = groups[gi]!;
      const intake = intakes[gi]!;
      yearNeed += need[gi]!;
      yearIntake += intake;
      out.intake[gi * H + t - 1] = intake;
      if (intake <= 0) continue;
      const q = first[gi]! + used[gi]!;
      used[gi] = used[gi]! + 1;
      near[q] = r.intakeTier === 'NEAR_TERM' ? intake : 0;
      mid[q] = r.intakeTier === 'MID_TERM' ? intake : 0;
      long[q] = r.intakeTier === 'LONG_TERM' ? intake : 0;
      lastYear[q] = t + g.periodYears - 1;
      cultivatedFrom[q] = t + g.cultivationYears;
      progressFrom[q] = t + 2;
    }
    years.push({ need: yearNeed, intake: yearIntake });
  }
  return { columns: out, years, totalIntake: years.reduce((s, y) => s + y.intake, 0) };
}
