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

/** A member's weight per tier, and when it is in the pool. */
interface Weighted {
  near: number;
  mid: number;
  long: number;
  /** Present in years 1..lastYear. */
  lastYear: number;
  cultivatedFrom: number;
  /** Tier progress applies from this year on (in the pool for the whole year before). */
  progressFrom: number;
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
  const eps = 1e-9;
  const total = roundHalfUp(groups.reduce((s, g) => s + g.need, 0));
  const out = groups.map((g) => Math.floor(g.need + eps));
  let left = total - out.reduce((s, n) => s + n, 0);
  if (left <= 0) return out;
  const order = groups
    .map((g, i) => ({ i, frac: g.need - out[i]!, need: g.need, unitCode: g.unitCode, kind: g.kind }))
    .filter((x) => x.frac > eps)
    .sort(
      (a, b) =>
        b.frac - a.frac ||
        b.need - a.need ||
        (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0) ||
        (a.kind === b.kind ? 0 : a.kind === 'PRINCIPAL' ? -1 : 1),
    );
  for (const x of order) {
    if (left === 0) break;
    out[x.i]! += 1;
    left--;
  }
  return out;
}

function weighted(c: MemberClass): Weighted {
  return {
    near: c.tier === 'NEAR_TERM' ? c.count : 0,
    mid: c.tier === 'MID_TERM' ? c.count : 0,
    long: c.tier === 'LONG_TERM' ? c.count : 0,
    lastYear: c.years,
    cultivatedFrom: c.cultivatedFrom,
    progressFrom: 2,
  };
}

/** The deterministic projection over H years. */
export function projectFlows(groups: FlowGroup[], horizonYears: number, r: FlowRates): FlowResult {
  const members = groups.map((g) => g.members.filter((c) => c.count > 0).map(weighted));
  const out: FlowYear[][] = groups.map(() => []);
  const years: FlowResult['years'] = [];
  for (let t = 1; t <= horizonYears; t++) {
    const needs = groups.map((g, gi) => {
      const list = members[gi]!;
      let ready = 0;
      for (const m of list) {
        if (m.lastYear < t) continue;
        // (0) tier progress: l of the long-term weight moves up, and m of the mid-term weight as
        // it was before this step.
        if (t >= m.progressFrom) {
          const up = m.mid * r.midToNear;
          const upLong = m.long * r.longToMid;
          m.near += up;
          m.mid += upLong - up;
          m.long -= upLong;
        }
        // (1) members whose exit is by E_t have left (lastYear < t, skipped above).
        if (t >= m.cultivatedFrom) ready += m.near;
      }
      // (2) promotions from the ready, proportionally.
      const vacancies = g.vacancies[t - 1] ?? 0;
      const promotions = r.promotion * Math.min(vacancies, ready);
      const keepReady = ready > 0 ? 1 - promotions / ready : 1;
      // (3) attrition on every member alike; (4) the stock.
      let stock = 0;
      for (const m of list) {
        if (m.lastYear < t) continue;
        if (t >= m.cultivatedFrom) m.near *= keepReady;
        m.near *= 1 - r.attrition;
        m.mid *= 1 - r.attrition;
        m.long *= 1 - r.attrition;
        stock += m.near + m.mid + m.long;
      }
      const need = Math.max(0, g.target - stock);
      out[gi]!.push({ vacancies, ready, promotions, stock, need, intake: 0 });
      return { unitCode: g.unitCode, kind: g.kind, need };
    });
    // (5) the intake: the year's shortfall rounded once, apportioned by largest remainder; each
    // group's cohort joins at E_t (counted from year t + 1).
    const intakes = apportion(needs);
    groups.forEach((g, gi) => {
      const intake = intakes[gi]!;
      out[gi]![t - 1]!.intake = intake;
      if (intake > 0)
        members[gi]!.push({
          near: r.intakeTier === 'NEAR_TERM' ? intake : 0,
          mid: r.intakeTier === 'MID_TERM' ? intake : 0,
          long: r.intakeTier === 'LONG_TERM' ? intake : 0,
          lastYear: t + g.periodYears - 1,
          cultivatedFrom: t + g.cultivationYears,
          progressFrom: t + 2,
        });
    });
    const need = needs.reduce((s, n) => s + n.need, 0);
    years.push({ need, intake: intakes.reduce((s, n) => s + n, 0) });
  }
  return { groups: out, years, totalIntake: years.reduce((s, y) => s + y.intake, 0) };
}
