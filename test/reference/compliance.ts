// An independent, plain implementation of the compliance report over dataset records, from
// domain.md ("Targets and metrics", "Exact counting rules") and the README's rule list, with the
// default policy's numbers spelt out here: the cross-check for the SQL in analytics/metrics.
//
// Which rules a unit is judged on: the rules of a kind when the unit has posts of that kind; the
// pool-wide rules (special structure, bachelor share, training coverage) when it has any post;
// the cadre training rate when people work in it.
import type { Dataset, DatasetRecord } from '../../server/dataset/format.ts';
import {
  age,
  byUnit,
  isActive,
  isCovered,
  isExpectedVacancy,
  isReady,
  type Kind,
  plusYears,
  RULES,
  subtree,
  trainingsIn,
} from './metrics.ts';

type R = DatasetRecord;

// The default policy's numbers beyond those the other metrics use (RULES in metrics.ts).
const P = {
  band: { PRINCIPAL: [35, 45], DEPUTY: [30, 40] },
  bandShare: 0.5,
  youngUnder: { PRINCIPAL: 35, DEPUTY: 30 },
  special: 0.15,
  nearTerm: 1 / 3,
  bachelor: 1,
  coverage: 1,
  cadreTraining: 1 / 5,
  horizon: 1,
  tolerance: 0.2,
};

const COUNT_RULES = new Set([
  'RATIO_PRINCIPAL',
  'RATIO_DEPUTY',
  'YOUNG_PRINCIPAL',
  'YOUNG_DEPUTY',
  'SUCCESSION_PRINCIPAL',
  'SUCCESSION_DEPUTY',
]);

export interface RefRow {
  unitCode: string;
  rule: string;
  num: number;
  den: number;
  value: number;
  target: number;
  gap: number;
  status: 'COMPLIANT' | 'WARNING' | 'BREACH';
}

function status(value: number, target: number): RefRow['status'] {
  if (value >= target - 1e-9) return 'COMPLIANT';
  if (value >= target * (1 - P.tolerance) - 1e-9) return 'WARNING';
  return 'BREACH';
}

/** Every judged row of the report for `root`'s subtree at `asOf`, units in file order. */
export function referenceCompliance(data: Dataset, root: string, asOf: string): RefRow[] {
  const end = plusYears(asOf, P.horizon);
  const year = asOf.slice(0, 4);
  const people = new Map(data.people.map((p) => [p.id, p]));
  const postsOf = byUnit(data.positions);
  const entriesOf = byUnit(data.reserves.filter((r) => isActive(r, asOf)));
  const staffOf = byUnit(data.people);
  const { central, trainedIds } = trainingsIn(data, Number(year));

  const rows: RefRow[] = [];
  for (const { code } of subtree(data, root)) {
    const posts = postsOf.get(code) ?? [];
    const pool = entriesOf.get(code) ?? [];
    const staff = staffOf.get(code) ?? [];
    const push = (rule: string, num: number, den: number, target: number) => {
      const value = COUNT_RULES.has(rule) ? num : den > 0 ? num / den : 0;
      rows.push({
        unitCode: code as string,
        rule,
        num,
        den,
        value,
        target,
        gap: Math.max(0, target - value),
        status: status(value, target),
      });
    };
    const person = (r: R) => people.get(r.personId as string)!;
    for (const kind of ['PRINCIPAL', 'DEPUTY'] as Kind[]) {
      const kindPosts = posts.filter((p) => p.kind === kind);
      if (kindPosts.length === 0) continue;
      const entries = pool.filter((r) => r.targetKind === kind);
      const ages = entries.map((r) => age(person(r).birthDate as string, asOf));
      const [from, to] = P.band[kind];
      push(`RATIO_${kind}`, entries.length, 0, Math.ceil(RULES.ratio[kind] * kindPosts.length));
      push(`NEAR_TERM_${kind}`, entries.filter((r) => r.tier === 'NEAR_TERM').length, entries.length, P.nearTerm);
      push(`AGE_BAND_${kind}`, ages.filter((a) => a >= from! && a <= to!).length, entries.length, P.bandShare);
      push(`YOUNG_${kind}`, ages.filter((a) => a < P.youngUnder[kind]).length, 0, 1);
      const vacancies = kindPosts.filter((p) => isExpectedVacancy(p, people, end)).length;
      push(`SUCCESSION_${kind}`, entries.filter((r) => isReady(r, kind, people, end)).length, 0, vacancies);
    }
    if (posts.length > 0) {
      const persons = pool.map(person);
      const special = persons.filter((p) => p.gender === 'F' || p.ethnicity !== '汉族' || p.politicalStatus !== 'CPC');
      push('SPECIAL_SHARE', special.length, pool.length, P.special);
      const bachelor = persons.filter((p) => ['BACHELOR', 'MASTER', 'DOCTORATE'].includes(p.education as string));
      push('BACHELOR_SHARE', bachelor.length, pool.length, P.bachelor);
      push('TRAINING_COVERAGE', pool.filter((r) => isCovered(central, r)).length, pool.length, P.coverage);
    }
    if (staff.length > 0)
      push(
        'CADRE_TRAINING_RATE',
        staff.filter((p) => trainedIds.has(p.id as string)).length,
        staff.length,
        P.cadreTraining,
      );
  }
  return rows;
}

/** The subtree totals: count rules sum values, targets and gaps; share rules pool num / den. */
export function referenceTotals(rows: RefRow[]) {
  const byRule = new Map<string, RefRow[]>();
  for (const r of rows) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r]);
  const shareTarget: Record<string, number> = {
    SPECIAL_SHARE: P.special,
    NEAR_TERM_PRINCIPAL: P.nearTerm,
    NEAR_TERM_DEPUTY: P.nearTerm,
    AGE_BAND_PRINCIPAL: P.bandShare,
    AGE_BAND_DEPUTY: P.bandShare,
    BACHELOR_SHARE: P.bachelor,
    TRAINING_COVERAGE: P.coverage,
    CADRE_TRAINING_RATE: P.cadreTraining,
  };
  const totals: Record<string, unknown> = {};
  for (const [rule, list] of byRule) {
    const sum = (f: (r: RefRow) => number) => list.reduce((s, r) => s + f(r), 0);
    const count = COUNT_RULES.has(rule);
    const num = sum((r) => r.num);
    const den = sum((r) => r.den);
    const value = count ? num : den > 0 ? num / den : 0;
    const target = count ? sum((r) => r.target) : shareTarget[rule]!;
    const gap = count ? sum((r) => r.gap) : Math.max(0, target - value);
    totals[rule] = {
      units: list.length,
      breaches: list.filter((r) => r.status === 'BREACH').length,
      warnings: list.filter((r) => r.status === 'WARNING').length,
      value,
      target,
      gap,
      // A count rule is judged on target − gap: a surplus in one unit never offsets a shortage.
      status: count ? (gap > 0 ? status(target - gap, target) : 'COMPLIANT') : status(value, target),
    };
  }
  return totals;
}

/** Units by most breaches, then largest Σ gap / target, then most warnings, then file order. */
export function referenceWorst(rows: RefRow[], limit: number) {
  const units = new Map<
    string,
    { unitCode: string; breaches: number; warnings: number; shortfall: number; at: number }
  >();
  rows.forEach((r, i) => {
    const u = units.get(r.unitCode) ?? { unitCode: r.unitCode, breaches: 0, warnings: 0, shortfall: 0, at: i };
    if (r.status === 'BREACH') u.breaches++;
    if (r.status === 'WARNING') u.warnings++;
    if (r.target > 0) u.shortfall += r.gap / r.target;
    units.set(r.unitCode, u);
  });
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  return [...units.values()]
    .sort(
      (a, b) =>
        b.breaches - a.breaches || round(b.shortfall) - round(a.shortfall) || b.warnings - a.warnings || a.at - b.at,
    )
    .slice(0, limit)
    .map(({ unitCode, breaches, warnings, shortfall }) => ({
      unitCode,
      breaches,
      warnings,
      shortfall: round(shortfall),
    }));
}
