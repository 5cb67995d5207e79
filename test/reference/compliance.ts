// An independent, plain implementation of the compliance report over dataset records, from
// domain.md ("Targets and metrics", "Where each rule is judged", "Exact counting rules"), with
// the default policy's numbers spelt out here: the cross-check for the SQL in analytics/.
//
// Where each rule is judged: the team rules (ratios, succession) at every unit with posts of the
// kind, over the unit alone; the pool rules at pool units (CITY, COUNTY, TOWNSHIP) over their
// whole subtree, and elsewhere shown over the unit alone, not judged. Training is judged on the
// last calendar year ended on or before asOf; this year's progress against the pro-rated target
// is at worst a warning.
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
  young: 1,
  special: 0.15,
  nearTerm: 1 / 3,
  bachelor: 1,
  coverage: 1,
  cadreTraining: 1 / 5,
  horizon: 1,
  tolerance: 0.2,
  poolLevels: ['CITY', 'COUNTY', 'TOWNSHIP'],
  poolAppointments: 0,
};

/** A pool rule judged only where its target is set (the share from the pool). */
const judgedWithTarget = (f: Figures) => f.rule !== 'POOL_APPOINTMENTS' || f.target > 0;

const TEAM_RULES = new Set(['RATIO_PRINCIPAL', 'RATIO_DEPUTY', 'SUCCESSION_PRINCIPAL', 'SUCCESSION_DEPUTY']);
const COUNT_RULES = new Set([...TEAM_RULES, 'YOUNG_PRINCIPAL', 'YOUNG_DEPUTY']);
const WARN_ONLY = new Set(['TRAINING_PROGRESS']);

export interface RefRow {
  unitCode: string;
  rule: string;
  num: number;
  den: number;
  value: number;
  target: number;
  gap: number;
  status: 'COMPLIANT' | 'WARNING' | 'BREACH';
  judged: boolean;
  subtree: boolean;
}

function status(value: number, target: number, rule = ''): RefRow['status'] {
  if (value >= target - 1e-9) return 'COMPLIANT';
  if (value >= target * (1 - P.tolerance) - 1e-9 || WARN_ONLY.has(rule)) return 'WARNING';
  return 'BREACH';
}

/** Day of the year / days in the year, for the pro-rated training plan. */
function elapsed(asOf: string): number {
  const y = Number(asOf.slice(0, 4));
  const start = Date.UTC(y, 0, 1);
  return ((Date.parse(asOf) - start) / 864e5 + 1) / ((Date.UTC(y + 1, 0, 1) - start) / 864e5);
}

interface Figures {
  rule: string;
  num: number;
  den: number;
  target: number;
}

/** The pool rules' figures over a set of units. */
function poolFigures(data: Dataset, units: Set<unknown>, asOf: string, people: Map<unknown, R>): Figures[] {
  const year = asOf.endsWith('-12-31') ? Number(asOf.slice(0, 4)) : Number(asOf.slice(0, 4)) - 1;
  const judgedYear = trainingsIn(data, year);
  const thisYear = trainingsIn(data, Number(asOf.slice(0, 4)));
  const mine = (r: R) => units.has(r.unitCode);
  const posts = data.positions.filter(mine);
  const pool = data.reserves.filter((r) => mine(r) && isActive(r, asOf));
  const staff = data.people.filter(mine);
  const person = (r: R) => people.get(r.personId as string)!;
  const out: Figures[] = [];
  for (const kind of ['PRINCIPAL', 'DEPUTY'] as Kind[]) {
    if (!posts.some((p) => p.kind === kind)) continue;
    const entries = pool.filter((r) => r.targetKind === kind);
    const ages = entries.map((r) => age(person(r).birthDate as string, asOf));
    const [from, to] = P.band[kind];
    out.push(
      {
        rule: `NEAR_TERM_${kind}`,
        num: entries.filter((r) => r.tier === 'NEAR_TERM').length,
        den: entries.length,
        target: P.nearTerm,
      },
      {
        rule: `AGE_BAND_${kind}`,
        num: ages.filter((a) => a >= from! && a <= to!).length,
        den: entries.length,
        target: P.bandShare,
      },
      { rule: `YOUNG_${kind}`, num: ages.filter((a) => a < P.youngUnder[kind]).length, den: 0, target: P.young },
    );
  }
  if (posts.length > 0) {
    const persons = pool.map(person);
    const special = persons.filter((p) => p.gender === 'F' || p.ethnicity !== '汉族' || p.politicalStatus !== 'CPC');
    const bachelor = persons.filter((p) => ['BACHELOR', 'MASTER', 'DOCTORATE'].includes(p.education as string));
    const yearPool = data.reserves.filter((r) => mine(r) && isActive(r, `${year}-12-31`));
    out.push(
      { rule: 'SPECIAL_SHARE', num: special.length, den: pool.length, target: P.special },
      { rule: 'BACHELOR_SHARE', num: bachelor.length, den: pool.length, target: P.bachelor },
      {
        rule: 'TRAINING_COVERAGE',
        num: yearPool.filter((r) => isCovered(judgedYear.central, r)).length,
        den: yearPool.length,
        target: P.coverage,
      },
      {
        rule: 'TRAINING_PROGRESS',
        num: pool.filter((r) => isCovered(thisYear.central, r)).length,
        den: pool.length,
        target: P.coverage * elapsed(asOf),
      },
    );
  }
  // 从后备干部中选拔: the judged year's appointments to these units' posts, and those from the pool
  // (an entry promoted). Shown, not judged: the default policy sets no target (0).
  const postCodes = new Set(posts.map((p) => p.code));
  const appointed = data.appointments.filter(
    (a) => postCodes.has(a.positionCode) && typeof a.on === 'string' && a.on.startsWith(`${year}-`),
  );
  if (appointed.length > 0)
    out.push({
      rule: 'POOL_APPOINTMENTS',
      num: appointed.filter((a) => a.reserveId !== null).length,
      den: appointed.length,
      target: P.poolAppointments,
    });
  if (staff.length > 0)
    out.push({
      rule: 'CADRE_TRAINING_RATE',
      num: staff.filter((p) => judgedYear.trainedIds.has(p.id as string)).length,
      den: staff.length,
      target: P.cadreTraining,
    });
  return out;
}

function row(unitCode: string, f: Figures, judged: boolean, sub: boolean): RefRow {
  const value = COUNT_RULES.has(f.rule) ? f.num : f.den > 0 ? f.num / f.den : 0;
  return {
    unitCode,
    rule: f.rule,
    num: f.num,
    den: f.den,
    value,
    target: f.target,
    gap: Math.max(0, f.target - value),
    status: status(value, f.target, f.rule),
    judged,
    subtree: sub,
  };
}

/** Every row of the report for `root`'s subtree at `asOf`, units in file order. */
export function referenceCompliance(data: Dataset, root: string, asOf: string): RefRow[] {
  const end = plusYears(asOf, P.horizon);
  const people = new Map(data.people.map((p) => [p.id, p]));
  const postsOf = byUnit(data.positions);
  const entriesOf = byUnit(data.reserves.filter((r) => isActive(r, asOf)));
  const rows: RefRow[] = [];
  for (const unit of subtree(data, root)) {
    const code = unit.code as string;
    const posts = postsOf.get(code) ?? [];
    const pool = entriesOf.get(code) ?? [];
    for (const kind of ['PRINCIPAL', 'DEPUTY'] as Kind[]) {
      const kindPosts = posts.filter((p) => p.kind === kind);
      if (kindPosts.length === 0) continue;
      const entries = pool.filter((r) => r.targetKind === kind);
      const target = Math.ceil(RULES.ratio[kind] * kindPosts.length);
      rows.push(row(code, { rule: `RATIO_${kind}`, num: entries.length, den: 0, target }, true, false));
      const vacancies = kindPosts.filter((p) => isExpectedVacancy(p, people, end)).length;
      const ready = entries.filter((r) => isReady(r, kind, people, end)).length;
      rows.push(row(code, { rule: `SUCCESSION_${kind}`, num: ready, den: 0, target: vacancies }, true, false));
    }
    const isPool = P.poolLevels.includes(unit.level as string);
    const units = isPool ? new Set(subtree(data, code).map((u) => u.code)) : new Set([code]);
    for (const f of poolFigures(data, units, asOf, people))
      rows.push(row(code, f, isPool && judgedWithTarget(f), isPool));
  }
  return rows;
}

/**
 * The totals: team rules sum values, targets and gaps; pool rules are the root's whole subtree
 * against the root's policy; units, breaches and warnings count judged rows.
 */
export function referenceTotals(data: Dataset, root: string, asOf: string, rows: RefRow[]) {
  const people = new Map(data.people.map((p) => [p.id, p]));
  const whole = new Map(
    poolFigures(data, new Set(subtree(data, root).map((u) => u.code)), asOf, people).map((f) => [f.rule, f]),
  );
  const byRule = new Map<string, RefRow[]>();
  for (const r of rows) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r]);
  const totals: Record<string, unknown> = {};
  for (const [rule, list] of byRule) {
    const judged = list.filter((r) => r.judged);
    const counts = {
      units: judged.length,
      breaches: judged.filter((r) => r.status === 'BREACH').length,
      warnings: judged.filter((r) => r.status === 'WARNING').length,
    };
    if (TEAM_RULES.has(rule)) {
      const sum = (f: (r: RefRow) => number) => list.reduce((s, r) => s + f(r), 0);
      const [value, target, gap] = [sum((r) => r.value), sum((r) => r.target), sum((r) => r.gap)];
      // Judged on target − gap: a surplus in one unit never offsets a shortage.
      totals[rule] = { ...counts, value, target, gap, status: gap > 0 ? status(target - gap, target) : 'COMPLIANT' };
    } else {
      const { value, target, gap, status: s } = row(root, whole.get(rule)!, true, true);
      totals[rule] = { ...counts, value, target, gap, status: s };
    }
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
    if (!r.judged) return;
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
