// An independent, plain implementation of the compliance report over dataset records, from
// domain.md ("Targets and metrics", "Exact counting rules") and the README's rule list, with the
// default policy's numbers spelt out here: the cross-check for the SQL in analytics/metrics.
//
// Which rules a unit is judged on: the rules of a kind when the unit has posts of that kind; the
// pool-wide rules (special structure, bachelor share, training coverage) when it has any post;
// the cadre training rate when people work in it.
import type { Dataset, DatasetRecord } from '../../server/dataset/format.ts';

type R = DatasetRecord;
type Kind = 'PRINCIPAL' | 'DEPUTY';

const P = {
  ratio: { PRINCIPAL: 2, DEPUTY: 1 },
  ageLimit: { PRINCIPAL: 45, DEPUTY: 40 },
  band: { PRINCIPAL: [35, 45], DEPUTY: [30, 40] },
  bandShare: 0.5,
  youngUnder: { PRINCIPAL: 35, DEPUTY: 30 },
  special: 0.15,
  nearTerm: 1 / 3,
  bachelor: 1,
  coverage: 1,
  cadreTraining: 1 / 5,
  minTrainings: 2,
  minDays: 3,
  management: 3,
  cultivation: 1,
  retirement: 60,
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

function age(birth: string, at: string): number {
  return Number(at.slice(0, 4)) - Number(birth.slice(0, 4)) - (at.slice(5) < birth.slice(5) ? 1 : 0);
}

function plusYears(date: string, n: number): string {
  const y = Number(date.slice(0, 4)) + n;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const md = date.slice(5) === '02-29' && !leap ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

function status(value: number, target: number): RefRow['status'] {
  if (value >= target - 1e-9) return 'COMPLIANT';
  if (value >= target * (1 - P.tolerance) - 1e-9) return 'WARNING';
  return 'BREACH';
}

function group(records: R[], key: string): Map<string, R[]> {
  const m = new Map<string, R[]>();
  for (const r of records) {
    const k = r[key] as string;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

function subtreeCodes(data: Dataset, root: string): string[] {
  const children = group(
    data.units.filter((u) => u.parentCode),
    'parentCode',
  );
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const c = stack.pop()!;
    out.push(c);
    for (const ch of children.get(c) ?? []) stack.push(ch.code as string);
  }
  const order = new Map(data.units.map((u, i) => [u.code as string, i]));
  return out.sort((a, b) => order.get(a)! - order.get(b)!);
}

/** Every judged row of the report for `root`'s subtree at `asOf`, units in file order. */
export function referenceCompliance(data: Dataset, root: string, asOf: string): RefRow[] {
  const end = plusYears(asOf, P.horizon);
  const year = asOf.slice(0, 4);
  const people = new Map(data.people.map((p) => [p.id as string, p]));
  const postsOf = group(data.positions, 'unitCode');
  const entriesOf = group(
    data.reserves.filter(
      (r) =>
        r.enteredOn !== null &&
        (r.enteredOn as string) <= asOf &&
        (r.exitedOn === null || (r.exitedOn as string) > asOf),
    ),
    'unitCode',
  );
  const staffOf = group(data.people, 'unitCode');
  const central = new Map<string, { n: number; days: number }>();
  const trainedPeople = new Set<string>();
  for (const t of data.trainings) {
    if (t.completed !== true || !(t.start as string).startsWith(`${year}-`)) continue;
    trainedPeople.add(t.personId as string);
    if (!['CENTRALIZED', 'PARTY_SCHOOL', 'ASSIGNED'].includes(t.kind as string)) continue;
    const c = central.get(t.personId as string) ?? { n: 0, days: 0 };
    c.n += 1;
    c.days += t.days as number;
    central.set(t.personId as string, c);
  }

  const rows: RefRow[] = [];
  for (const code of subtreeCodes(data, root)) {
    const posts = postsOf.get(code) ?? [];
    const pool = entriesOf.get(code) ?? [];
    const staff = staffOf.get(code) ?? [];
    const push = (rule: string, num: number, den: number, target: number) => {
      const value = COUNT_RULES.has(rule) ? num : den > 0 ? num / den : 0;
      rows.push({
        unitCode: code,
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
    const rulesOfKind = (kind: Kind) => {
      const kindPosts = posts.filter((p) => p.kind === kind);
      const entries = pool.filter((r) => r.targetKind === kind);
      const k = kind === 'PRINCIPAL' ? 'PRINCIPAL' : 'DEPUTY';
      const ages = entries.map((r) => age(person(r).birthDate as string, asOf));
      const vacancies = kindPosts.filter((p) => {
        if (p.incumbentId === null) return true;
        if (age(people.get(p.incumbentId as string)!.birthDate as string, end) >= P.retirement) return true;
        return p.termEnds !== null && (p.termEnds as string) <= end;
      }).length;
      const ready = entries.filter(
        (r) =>
          r.tier === 'NEAR_TERM' &&
          age(person(r).birthDate as string, end) <= P.ageLimit[kind] &&
          plusYears(r.enteredOn as string, P.management) > end &&
          plusYears(r.enteredOn as string, P.cultivation) <= end,
      ).length;
      return {
        count: kindPosts.length,
        rows: () => {
          push(`RATIO_${k}`, entries.length, 0, Math.ceil(P.ratio[kind] * kindPosts.length));
          push(`NEAR_TERM_${k}`, entries.filter((r) => r.tier === 'NEAR_TERM').length, entries.length, P.nearTerm);
          const [from, to] = P.band[kind];
          push(`AGE_BAND_${k}`, ages.filter((a) => a >= from! && a <= to!).length, entries.length, P.bandShare);
          push(`YOUNG_${k}`, ages.filter((a) => a < P.youngUnder[kind]).length, 0, 1);
          push(`SUCCESSION_${k}`, ready, 0, vacancies);
        },
      };
    };
    const principal = rulesOfKind('PRINCIPAL');
    const deputy = rulesOfKind('DEPUTY');
    if (principal.count > 0) principal.rows();
    if (deputy.count > 0) deputy.rows();
    if (posts.length > 0) {
      const persons = pool.map(person);
      const special = persons.filter((p) => p.gender === 'F' || p.ethnicity !== '汉族' || p.politicalStatus !== 'CPC');
      push('SPECIAL_SHARE', special.length, pool.length, P.special);
      const bachelor = persons.filter((p) => ['BACHELOR', 'MASTER', 'DOCTORATE'].includes(p.education as string));
      push('BACHELOR_SHARE', bachelor.length, pool.length, P.bachelor);
      const covered = pool.filter((r) => {
        const c = central.get(r.personId as string);
        return c !== undefined && c.n >= P.minTrainings && c.days >= P.minDays;
      });
      push('TRAINING_COVERAGE', covered.length, pool.length, P.coverage);
    }
    if (staff.length > 0)
      push(
        'CADRE_TRAINING_RATE',
        staff.filter((p) => trainedPeople.has(p.id as string)).length,
        staff.length,
        P.cadreTraining,
      );
  }
  return rows;
}

/** The subtree totals: count rules sum values, targets and gaps; share rules pool num / den. */
export function referenceTotals(rows: RefRow[]) {
  const byRule = group(rows as unknown as R[], 'rule') as unknown as Map<string, RefRow[]>;
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
