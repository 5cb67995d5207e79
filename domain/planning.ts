// Planning's shared pieces (docs/domain.md, "Planning — model 2"; the projection itself is
// domain/stock-flow.ts): the scenario, tier progress over years, the profile the intake must have
// for the structure targets at the horizon (from who among the stayers has each attribute), the
// seeded generator and binomial draws of Monte Carlo, percentiles, and a scenario's own policy
// numbers. Pure.
import type { Policy } from './policy/defaults.ts';
import type { PoliciesAt } from './policy/effective.ts';

/** The attributes the structure targets count among the stayers (NEAR_TERM is the tier). */
export const ATTRIBUTES = ['SPECIAL', 'YOUNG', 'AGE_BAND', 'BACHELOR'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
/** The structure rules an intake's profile answers, in the order they are listed. */
export const PROFILE_RULES = ['SPECIAL', 'YOUNG', 'AGE_BAND', 'NEAR_TERM', 'BACHELOR'] as const;
export type ProfileRule = (typeof PROFILE_RULES)[number];

export interface AttributeCounts {
  /** Stayers with the attribute at the horizon. */
  stays: number;
  /** Of them, ready by the horizon. */
  ready: number;
  /** Of them, past minimum cultivation by the horizon but not near-term (ready only by tier progress). */
  cultivated: number;
}

/** Among the stayers: mid- and long-term entries, and those of them past minimum cultivation by E. */
export interface TierCounts {
  mid: number;
  long: number;
  midCultivated: number;
  longCultivated: number;
}

/** A structure target: a share of the pool (SPECIAL, AGE_BAND, NEAR_TERM, BACHELOR) or a count (YOUNG). */
export type StructureTarget = { share: number } | { count: number };

export interface GroupCounts {
  /** Posts of the kind in the unit, and the reserve target they make: ceil(ratio × posts). */
  positions: number;
  target: number;
  /** Posts falling vacant by the horizon. */
  expectedVacancies: number;
  /** Active entries that stay to the horizon, and those of them ready by it. */
  stays: number;
  ready: number;
  /** Needed for tier progress and the profile; absent, no tier moves and no profile is computed. */
  tiers?: TierCounts;
  attributes?: Record<Attribute, AttributeCounts>;
  targets?: Record<ProfileRule, StructureTarget>;
}

export interface TierProgress {
  /** Yearly probability that a mid-term entry becomes near-term. */
  midToNear: number;
  /** Yearly probability that a long-term entry becomes mid-term. */
  longToMid: number;
}

export interface Scenario {
  horizonYears: number;
  /** Share of the fillable vacancies (min(vacancies, ready)) that ready entries fill. */
  promotionProbability: number;
  /** Yearly share of the remaining entries that leave for other reasons. */
  attritionRate: number;
  /** Tier moves per year; absent: none (the domain's rule). */
  tierProgress?: TierProgress;
}

export const DEFAULT_SCENARIO: Omit<Scenario, 'horizonYears'> & { tierProgress: TierProgress } = {
  promotionProbability: 1,
  attritionRate: 0,
  tierProgress: { midToNear: 0, longToMid: 0 },
};

/** floor, forgiving the last bits of binary floating point (0.29 × 100 is 28.999999999999996). */
const floor = (x: number) => Math.floor(x + 1e-9);
/** ceil, likewise (0.15 × 20 is 3.0000000000000004). */
const ceil = (x: number) => Math.ceil(x - 1e-9);

/**
 * The probability that an entry of a tier is near-term after H years. Each year a mid-term
 * entry moves up with probability m and a long-term one with probability l, one step a year at
 * most: mid: 1 − (1 − m)^H; long: Σ over the year i it becomes mid of (1 − l)^(i−1) · l · (1 − (1 − m)^(H − i)).
 */
export function reachesNearTerm(tier: 'MID' | 'LONG', years: number, t: TierProgress): number {
  if (tier === 'MID') return 1 - (1 - t.midToNear) ** years;
  let p = 0;
  for (let i = 1; i <= years; i++)
    p += (1 - t.longToMid) ** (i - 1) * t.longToMid * (1 - (1 - t.midToNear) ** (years - i));
  return p;
}

/** What a scenario's probabilities make over its horizon, computed once for every group. */
export interface Factors {
  /** (1 − attrition)^H */
  survival: number;
  /** P(near-term by E) for a mid-term and a long-term entry. */
  midReach: number;
  longReach: number;
}

/**
 * `progressYears`: the years of tier progress by the horizon — planning model 2 moves tiers from
 * the second year on, so H − 1 (domain.md "Planning — model 2").
 */
export function factorsOf(s: Scenario, progressYears = s.horizonYears): Factors {
  const t = s.tierProgress;
  const survival = (1 - s.attritionRate) ** s.horizonYears;
  const midReach = t ? reachesNearTerm('MID', progressYears, t) : 0;
  const longReach = t ? reachesNearTerm('LONG', progressYears, t) : 0;
  return { survival, midReach, longReach };
}

export interface Projection {
  /** Ready entries by E, with those that tier progress makes near-term. */
  readyByHorizon: number;
  promoted: number;
  projectedReserves: number;
  intake: number;
}

export interface ProfileNeed {
  rule: ProfileRule;
  /** The target: a share of the pool after the intake, or a count. */
  share: number | null;
  count: number | null;
  /** Projected members with the attribute at the horizon, without intake. */
  projected: number;
  /** How many of the intake must have it: the minimum, given who stays. */
  required: number;
  /**
   * Intake needed beyond the ratio's to reach the target (0 when the ratio's intake can carry
   * the profile); null when no intake can (e.g. a 100 % share some stayers do not have).
   */
  extraIntake: number | null;
}

function progressedReady(g: GroupCounts, f: Factors): number {
  if (!g.tiers) return 0;
  return floor(g.tiers.midCultivated * f.midReach + g.tiers.longCultivated * f.longReach);
}

/** Near-term stayers at E: those near-term now and those tier progress moves up. */
function nearTermByHorizon(g: GroupCounts, f: Factors): number {
  const tiers = g.tiers ?? { mid: 0, long: 0, midCultivated: 0, longCultivated: 0 };
  return g.stays - tiers.mid - tiers.long + floor(tiers.mid * f.midReach + tiers.long * f.longReach);
}

/**
 * Projected members with each profile attribute at E, without intake. Promotions take ready
 * entries; which ones is not known, so the projection assumes the worst: as many of the
 * promoted as can have the attribute have it (min(promoted, ready with it, plus those tier
 * progress may make ready)). Near-term: every promoted entry was near-term. Attrition scales
 * all alike, rounded down.
 */
export function projectedAttributes(g: GroupCounts, p: Projection, f: Factors): Record<ProfileRule, number> {
  const keep = f.survival;
  const progressed = progressedReady(g, f);
  const out = {} as Record<ProfileRule, number>;
  for (const a of ATTRIBUTES) {
    const c = g.attributes?.[a] ?? { stays: 0, ready: 0, cultivated: 0 };
    const promotedWith = Math.min(p.promoted, c.ready + Math.min(c.cultivated, progressed));
    out[a] = floor((c.stays - promotedWith) * keep);
  }
  out.NEAR_TERM = floor((nearTermByHorizon(g, f) - p.promoted) * keep);
  return out;
}

/**
 * The profile of the intake: per structure rule, how many of the intake must have the
 * attribute so that the pool at E (projected + intake) meets the target. A share s of a pool of
 * N needs ceil(s × N) members; a count c needs c. When the intake is too small to carry them,
 * extraIntake is the smallest further intake e (all with the attribute) with
 * have + intake + e ≥ s × (N + e), i.e. e = ceil((s × N − have − intake) / (1 − s)).
 */
export function intakeProfile(g: GroupCounts, p: Projection, f: Factors): ProfileNeed[] {
  if (!g.targets) return [];
  const have = projectedAttributes(g, p, f);
  const pool = p.projectedReserves + p.intake;
  return PROFILE_RULES.map((rule) => {
    const target = g.targets![rule];
    const projected = have[rule];
    if ('count' in target) {
      const required = Math.max(0, target.count - projected);
      return {
        rule,
        share: null,
        count: target.count,
        projected,
        required,
        extraIntake: Math.max(0, required - p.intake),
      };
    }
    const required = Math.max(0, ceil(target.share * pool) - projected);
    let extraIntake: number | null = 0;
    if (required > p.intake)
      extraIntake = target.share >= 1 ? null : ceil((target.share * pool - projected - p.intake) / (1 - target.share));
    return { rule, share: target.share, count: null, projected, required, extraIntake };
  });
}

/** A seeded generator (mulberry32): the same seed gives the same numbers on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Binomial draws of one probability, for the many small groups of a Monte Carlo run: the
 * inversion's probabilities for each n are worked out once (the same arithmetic in the same
 * order as `binomial`, so a seed gives the same numbers either way), and a draw is one uniform
 * and a short scan.
 */
export class BinomialSampler {
  /** n up to this many trials use the tables; more fall back to `binomial`. */
  static readonly TABLED = 64;
  /** The tables of n = 0 … tabled one after another: table n starts at n(n + 1)/2. */
  private readonly flat: Float64Array;
  /** Draws of p > 0.5 are n − draws of 1 − p, as in `binomial`. */
  private readonly flip: boolean;
  private readonly q: number;
  /** Tables up to this n (a caller that never draws more trials asks for fewer tables). */
  private readonly tabled: number;

  constructor(
    readonly p: number,
    mostTrials: number = BinomialSampler.TABLED,
  ) {
    this.flip = p > 0.5 && p < 1;
    this.q = this.flip ? 1 - p : p;
    const max = Math.max(0, Math.min(mostTrials, BinomialSampler.TABLED));
    this.tabled = max;
    this.flat = new Float64Array(((max + 1) * (max + 2)) / 2);
    if (this.q > 0 && this.q < 1)
      for (let n = 1; n <= max; n++) this.flat.set(pmfTable(n, this.q) ?? [], (n * (n + 1)) / 2);
  }

  draw(random: () => number, n: number): number {
    const p = this.p;
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n > this.tabled) return this.flip ? n - binomial(random, n, this.q) : binomial(random, n, p);
    const flat = this.flat;
    const base = (n * (n + 1)) / 2;
    let u = random();
    let x = 0;
    while (u > flat[base + x]! && x < n) {
      u -= flat[base + x]!;
      x++;
    }
    return this.flip ? n - x : x;
  }
}

/**
 * Geometric draws on 0, 1, 2, … (the failures before the first success of probability p), by
 * inversion of the distribution function through a guide table: one uniform, an index, and
 * usually no more than a step or two — instead of a logarithm per draw. The table covers the
 * values up to where the tail is below one in a million (at most 4 096 values); a uniform in the
 * tail is that many plus a new draw, which is exact because the distribution has no memory.
 */
export class GeometricSampler {
  private readonly cdf: Float64Array;
  private readonly guide: Int32Array;

  constructor(readonly p: number) {
    if (!(p > 0 && p <= 1)) throw new RangeError(`a geometric draw needs 0 < p ≤ 1, not ${p}`);
    const keep = 1 - p;
    const size = Math.min(4096, Math.max(1, Math.ceil(Math.log(1e-6) / Math.log(keep))));
    this.cdf = new Float64Array(size);
    let tail = 1;
    for (let k = 0; k < size; k++) {
      tail *= keep;
      this.cdf[k] = 1 - tail;
    }
    this.guide = new Int32Array(1024);
    let k = 0;
    for (let i = 0; i < this.guide.length; i++) {
      while (k < size - 1 && this.cdf[k]! <= i / this.guide.length) k++;
      this.guide[i] = k;
    }
  }

  draw(random: () => number): number {
    const cdf = this.cdf;
    const size = cdf.length;
    let extra = 0;
    for (;;) {
      const u = random();
      let k = this.guide[Math.floor(u * 1024)]!;
      while (k < size && u >= cdf[k]!) k++;
      if (k < size) return extra + k;
      extra += size;
    }
  }
}

/**
 * The binomial law of n trials of probability p: P(X = x) for x = 0 … n. Worked out from the
 * mode outwards by the ratio of neighbours, then scaled to sum to 1, so a group of any size has
 * its law (the tails far from the mode round to 0; (1 − p)^n would underflow first).
 */
export function binomialLaw(n: number, p: number): number[] {
  const law = new Array<number>(Math.max(0, n) + 1).fill(0);
  if (n <= 0 || p <= 0) law[0] = 1;
  else if (p >= 1) law[n] = 1;
  else {
    const odds = p / (1 - p);
    const mode = Math.min(n, Math.floor((n + 1) * p));
    law[mode] = 1;
    for (let x = mode; x < n; x++) law[x + 1] = ((law[x]! * (n - x)) / (x + 1)) * odds;
    for (let x = mode; x > 0; x--) law[x - 1] = (law[x]! * x) / (n - x + 1) / odds;
    const total = law.reduce((sum, q) => sum + q, 0);
    for (let x = 0; x <= n; x++) law[x] = law[x]! / total;
  }
  return law;
}

/** The probabilities `binomial` steps through for n and p ≤ 0.5; null where q^n underflows. */
function pmfTable(n: number, p: number): Float64Array | null {
  const q = 1 - p;
  let r = q ** n;
  if (r === 0) return null;
  const s = p / q;
  const a = (n + 1) * s;
  const table = new Float64Array(n + 1);
  table[0] = r;
  for (let x = 1; x <= n; x++) {
    r *= a / x - s;
    table[x] = r;
  }
  return table;
}

/** A binomial draw (n trials of probability p), by inversion: exact, one uniform per draw. */
export function binomial(random: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(random, n, 1 - p);
  const q = 1 - p;
  let r = q ** n;
  if (r === 0) {
    // A group this large (beyond ~1 000 entries) has no exact inversion in doubles: sum halves.
    const half = Math.floor(n / 2);
    return binomial(random, half, p) + binomial(random, n - half, p);
  }
  const s = p / q;
  const a = (n + 1) * s;
  let u = random();
  let x = 0;
  while (u > r && x < n) {
    u -= r;
    x++;
    r *= a / x - s;
  }
  return x;
}

/** The value at a percentile (nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A scenario's own values for policy numbers the projection reads (absent: the policy's). */
export interface PolicyOverrides {
  reserveRatio?: { PRINCIPAL?: number; DEPUTY?: number };
  ageLimit?: { PRINCIPAL?: number; DEPUTY?: number };
  retirementAge?: number;
}

/** The policies with a scenario's overrides applied to every unit kind. */
export function withOverrides(policies: PoliciesAt, o: PolicyOverrides): PoliciesAt {
  const apply = (p: Policy): Policy => ({
    ...p,
    reserveRatio: { ...p.reserveRatio, ...definedOnly(o.reserveRatio) },
    // A scenario's age limit is ageLimit's: women's follow it unless the policy sets theirs apart.
    ageLimit: { ...p.ageLimit, ...definedOnly(o.ageLimit) },
    retirementAge: o.retirementAge ?? p.retirementAge,
  });
  const byKind = Object.fromEntries(
    Object.entries(policies.byKind).map(([k, p]) => [k, apply(p)]),
  ) as PoliciesAt['byKind'];
  return { ...policies, byKind, common: apply(policies.common) };
}

function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
