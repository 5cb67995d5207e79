// Monte Carlo of planning model 2 written again from docs/domain.md, plainly: one person at a
// time, one coin at a time (Math.random-free: a seeded generator is passed in), no packing, no
// rows over runs, no skipping — the cross-check for analytics/planning/monte-carlo.ts.
import type { FlowGroup, FlowRates } from '../../domain/stock-flow.ts';

interface Person {
  tier: 'NEAR_TERM' | 'MID_TERM' | 'LONG_TERM';
  /** Present in years 1 … lastYear. */
  lastYear: number;
  /** Cultivated (ready when near-term) from this year on. */
  cultivatedFrom: number;
  /** Tier progress from this year on. */
  progressFrom: number;
}

/** One run of one group over H years: each year's intake and pool (the stock before the intake). */
export function referenceRun(
  g: FlowGroup,
  H: number,
  r: FlowRates,
  random: () => number,
): { intake: number[]; pool: number[] } {
  const coin = (p: number) => random() < p;
  let people: Person[] = g.members.flatMap((m) =>
    Array.from({ length: m.count }, () => ({
      tier: m.tier,
      lastYear: m.years,
      cultivatedFrom: m.cultivatedFrom,
      progressFrom: 2,
    })),
  );
  const intake: number[] = [];
  const pool: number[] = [];
  for (let t = 1; t <= H; t++) {
    // 0. tier progress, on the tier each had before the step.
    for (const p of people)
      if (t >= p.progressFrom) {
        if (p.tier === 'MID_TERM' && coin(r.midToNear)) p.tier = 'NEAR_TERM';
        else if (p.tier === 'LONG_TERM' && coin(r.longToMid)) p.tier = 'MID_TERM';
      }
    // 1. exits.
    people = people.filter((p) => p.lastYear >= t);
    // 2. promotions: Binomial(min(V, ready), p) of the ready, chosen uniformly.
    const ready = people.filter((p) => p.tier === 'NEAR_TERM' && p.cultivatedFrom <= t);
    const fillable = Math.min(g.vacancies[t - 1] ?? 0, ready.length);
    let take = 0;
    for (let i = 0; i < fillable; i++) if (coin(r.promotion)) take++;
    const promoted = new Set<Person>();
    while (promoted.size < take) promoted.add(ready[Math.floor(random() * ready.length)]!);
    // 3. attrition: each stays with 1 − a.
    people = people.filter((p) => !promoted.has(p) && !coin(r.attrition));
    // 4. the stock and the whole shortfall; the cohort counts from next year.
    const n = people.length;
    const need = Math.max(0, g.target - n);
    pool.push(n);
    intake.push(need);
    for (let i = 0; i < need; i++)
      people.push({
        tier: r.intakeTier,
        lastYear: t + g.periodYears - 1,
        cultivatedFrom: t + g.cultivationYears,
        progressFrom: t + 2,
      });
  }
  return { intake, pool };
}

/**
 * The exact law of one group's intake over a one-year horizon, by listing every way its coins
 * can fall: each fillable vacancy's promotion coin, then each remaining member's attrition coin
 * (who is promoted does not change the counts). Index x holds P(intake = x).
 */
export function referenceOneYearIntakeLaw(g: FlowGroup, r: FlowRates): number[] {
  const present = g.members.filter((m) => m.years >= 1).reduce((n, m) => n + m.count, 0);
  const ready = g.members
    .filter((m) => m.years >= 1 && m.tier === 'NEAR_TERM' && m.cultivatedFrom <= 1)
    .reduce((n, m) => n + m.count, 0);
  const fillable = Math.min(g.vacancies[0] ?? 0, ready);
  const ones = (mask: number) => mask.toString(2).replaceAll('0', '').length;
  const law = new Array<number>(g.target + 1).fill(0);
  for (let promoted = 0; promoted < 2 ** fillable; promoted++) {
    const take = ones(promoted);
    const pTake = r.promotion ** take * (1 - r.promotion) ** (fillable - take);
    const stay = present - take;
    for (let left = 0; left < 2 ** stay; left++) {
      const lost = ones(left);
      const p = pTake * r.attrition ** lost * (1 - r.attrition) ** (stay - lost);
      const intake = Math.max(0, g.target - (stay - lost));
      law[intake] = law[intake]! + p;
    }
  }
  return law;
}
