// Next-year intake (docs/domain.md, "Planning"): the arithmetic of one unit and kind, given the
// counts the analytical copy gives (posts, expected vacancies, entries that stay, ready entries).
// Pure: the deterministic rule, and the seeded draws of the Monte Carlo mode.

export interface GroupCounts {
  /** Posts of the kind in the unit, and the reserve target they make: ceil(ratio × posts). */
  positions: number;
  target: number;
  /** Posts falling vacant by the horizon. */
  expectedVacancies: number;
  /** Active entries that stay to the horizon, and those of them ready by it. */
  stays: number;
  ready: number;
}

export interface Scenario {
  horizonYears: number;
  /** Share of the fillable vacancies (min(vacancies, ready)) that ready entries fill. */
  promotionProbability: number;
  /** Yearly share of the remaining entries that leave for other reasons. */
  attritionRate: number;
}

export const DEFAULT_SCENARIO: Omit<Scenario, 'horizonYears'> = { promotionProbability: 1, attritionRate: 0 };

/** floor, forgiving the last bits of binary floating point (0.29 × 100 is 28.999999999999996). */
const floor = (x: number) => Math.floor(x + 1e-9);

export interface Projection {
  promoted: number;
  projectedReserves: number;
  intake: number;
}

/**
 * Deterministic mode: promoted = floor(p × min(vacancies, ready)); projected = floor((stays −
 * promoted) × (1 − attrition)^H); intake = max(0, target − projected).
 */
export function projectGroup(g: GroupCounts, s: Scenario): Projection {
  const promoted = floor(s.promotionProbability * Math.min(g.expectedVacancies, g.ready));
  const projectedReserves = floor((g.stays - promoted) * (1 - s.attritionRate) ** s.horizonYears);
  return { promoted, projectedReserves, intake: Math.max(0, g.target - projectedReserves) };
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

/**
 * Monte Carlo mode, one run: promotions among the fillable vacancies are a binomial draw, and
 * each remaining entry survives the H years with probability (1 − attrition)^H — one draw per
 * group, not per person (entries of a group are exchangeable under these rules).
 */
export function drawGroup(g: GroupCounts, s: Scenario, random: () => number): Projection {
  const promoted = binomial(random, Math.min(g.expectedVacancies, g.ready), s.promotionProbability);
  const projectedReserves = binomial(random, g.stays - promoted, (1 - s.attritionRate) ** s.horizonYears);
  return { promoted, projectedReserves, intake: Math.max(0, g.target - projectedReserves) };
}

/** The value at a percentile (nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
