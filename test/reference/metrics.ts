// An independent, plain implementation of domain.md's metrics over dataset records, written
// from the rules without looking at the SQL: the cross-check for the DuckDB answers.
import type { Dataset, DatasetRecord } from '../../server/dataset/format.ts';

type R = DatasetRecord;
export type Kind = 'PRINCIPAL' | 'DEPUTY';
const KINDS: Kind[] = ['PRINCIPAL', 'DEPUTY'];

export const RULES = {
  ratio: { PRINCIPAL: 2, DEPUTY: 1 },
  ageLimit: { PRINCIPAL: 45, DEPUTY: 40 },
  managementYears: 3,
  cultivationYears: 1,
  retirementAge: 60,
  minTrainings: 2,
  minTrainingDays: 3,
};

export function age(birth: string, at: string): number {
  let years = Number(at.slice(0, 4)) - Number(birth.slice(0, 4));
  if (at.slice(5) < birth.slice(5)) years -= 1;
  return years;
}

export function plusYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  let md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (md === '02-29' && !leap) md = '02-28';
  return `${y}-${md}`;
}

export function byUnit(records: R[]): Map<unknown, R[]> {
  const m = new Map<unknown, R[]>();
  for (const r of records) m.set(r.unitCode, [...(m.get(r.unitCode) ?? []), r]);
  return m;
}

export function isActive(r: R, d: string): boolean {
  return r.enteredOn !== null && (r.enteredOn as string) <= d && (r.exitedOn === null || (r.exitedOn as string) > d);
}

/** Units in `root`'s subtree, in file order. */
export function subtree(data: Dataset, root: string): R[] {
  const children = new Map<string, string[]>();
  for (const u of data.units) {
    if (u.parentCode)
      children.set(u.parentCode as string, [...(children.get(u.parentCode as string) ?? []), u.code as string]);
  }
  const inTree = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const c = stack.pop()!;
    inTree.add(c);
    stack.push(...(children.get(c) ?? []));
  }
  return data.units.filter((u) => inTree.has(u.code as string));
}

export function referenceRatio(data: Dataset, root: string, asOf: string) {
  const rows = [];
  const positionsOf = byUnit(data.positions);
  const reservesOf = byUnit(data.reserves);
  for (const u of subtree(data, root)) {
    for (const kind of KINDS) {
      const positions = (positionsOf.get(u.code) ?? []).filter((p) => p.kind === kind).length;
      if (positions === 0) continue;
      const reserves = (reservesOf.get(u.code) ?? []).filter((r) => r.targetKind === kind && isActive(r, asOf)).length;
      const target = Math.ceil(RULES.ratio[kind] * positions);
      rows.push({
        unitCode: u.code,
        kind,
        positions,
        reserves,
        target,
        gap: Math.max(0, target - reserves),
        compliant: reserves >= target,
      });
    }
  }
  return rows;
}

export function referenceStructure(data: Dataset, root: string, asOf: string, kind: Kind | null) {
  const units = new Set(subtree(data, root).map((u) => u.code));
  const people = new Map(data.people.map((p) => [p.id, p]));
  const pool = data.reserves.filter(
    (r) => units.has(r.unitCode) && isActive(r, asOf) && (!kind || r.targetKind === kind),
  );
  const persons = pool.map((r) => people.get(r.personId)!);
  const women = persons.filter((p) => p.gender === 'F').length;
  const minority = persons.filter((p) => p.ethnicity !== '汉族').length;
  const nonCpc = persons.filter((p) => p.politicalStatus !== 'CPC').length;
  const special = persons.filter(
    (p) => p.gender === 'F' || p.ethnicity !== '汉族' || p.politicalStatus !== 'CPC',
  ).length;
  const nearTerm = pool.filter((r) => r.tier === 'NEAR_TERM').length;
  const bachelor = persons.filter((p) => ['BACHELOR', 'MASTER', 'DOCTORATE'].includes(p.education as string)).length;
  const total = pool.length;
  const share = (n: number) => (total ? n / total : 0);
  return {
    total,
    women,
    minority,
    nonCpc,
    special,
    specialShare: share(special),
    nearTerm,
    nearTermShare: share(nearTerm),
    midTerm: pool.filter((r) => r.tier === 'MID_TERM').length,
    longTerm: pool.filter((r) => r.tier === 'LONG_TERM').length,
    bachelorOrAbove: bachelor,
  };
}

/** Year Y's completed trainings: centralized ones per person (count, days), and who trained at all. */
export function trainingsIn(data: Dataset, year: number) {
  const central = new Map<string, { n: number; days: number }>();
  const trainedIds = new Set<string>();
  for (const t of data.trainings) {
    if (t.completed !== true || !(t.start as string).startsWith(`${year}-`)) continue;
    trainedIds.add(t.personId as string);
    if (!['CENTRALIZED', 'PARTY_SCHOOL', 'ASSIGNED'].includes(t.kind as string)) continue;
    const c = central.get(t.personId as string) ?? { n: 0, days: 0 };
    c.n += 1;
    c.days += t.days as number;
    central.set(t.personId as string, c);
  }
  return { central, trainedIds };
}

/** An entry is covered by ≥ 2 centralized trainings of ≥ 3 days together in the year. */
export function isCovered(central: Map<string, { n: number; days: number }>, r: R): boolean {
  const c = central.get(r.personId as string);
  return c !== undefined && c.n >= RULES.minTrainings && c.days >= RULES.minTrainingDays;
}

export function referenceTraining(data: Dataset, root: string, year: number) {
  const asOf = `${year}-12-31`;
  const units = new Set(subtree(data, root).map((u) => u.code));
  const { central, trainedIds } = trainingsIn(data, year);
  const active = data.reserves.filter((r) => units.has(r.unitCode) && isActive(r, asOf));
  const covered = active.filter((r) => isCovered(central, r)).length;
  const people = data.people.filter((p) => units.has(p.unitCode));
  const trained = people.filter((p) => trainedIds.has(p.id as string)).length;
  return {
    activeReserves: active.length,
    covered,
    coverage: active.length ? covered / active.length : 0,
    people: people.length,
    trained,
    cadreTrainingRate: people.length ? trained / people.length : 0,
  };
}

/** A post is an expected vacancy by `end`: no incumbent, the incumbent turns 60, or the term ends. */
export function isExpectedVacancy(p: R, people: Map<unknown, R>, end: string): boolean {
  if (p.incumbentId === null) return true;
  if (age(people.get(p.incumbentId)!.birthDate as string, end) >= RULES.retirementAge) return true;
  return p.termEnds !== null && (p.termEnds as string) <= end;
}

/** An entry is ready by `end`: stays to the horizon, NEAR_TERM, cultivation year over. */
export function isReady(r: R, kind: Kind, people: Map<unknown, R>, end: string): boolean {
  const stays =
    age(people.get(r.personId)!.birthDate as string, end) <= RULES.ageLimit[kind] &&
    plusYears(r.enteredOn as string, RULES.managementYears) > end;
  return stays && r.tier === 'NEAR_TERM' && plusYears(r.enteredOn as string, RULES.cultivationYears) <= end;
}

export function referenceGaps(data: Dataset, root: string, asOf: string, horizon: number) {
  const end = plusYears(asOf, horizon);
  const people = new Map(data.people.map((p) => [p.id, p]));
  const rows = [];
  const positionsOf = byUnit(data.positions);
  const reservesOf = byUnit(data.reserves);
  for (const u of subtree(data, root)) {
    for (const kind of KINDS) {
      const posts = (positionsOf.get(u.code) ?? []).filter((p) => p.kind === kind);
      if (posts.length === 0) continue;
      const vacancies = posts.filter((p) => isExpectedVacancy(p, people, end)).length;
      const ready = (reservesOf.get(u.code) ?? []).filter(
        (r) => r.targetKind === kind && isActive(r, asOf) && isReady(r, kind, people, end),
      ).length;
      rows.push({
        unitCode: u.code as string,
        kind,
        expectedVacancies: vacancies,
        ready,
        gap: Math.max(0, vacancies - ready),
      });
    }
  }
  return {
    totalExpectedVacancies: rows.reduce((s, r) => s + r.expectedVacancies, 0),
    totalReady: rows.reduce((s, r) => s + r.ready, 0),
    totalGap: rows.reduce((s, r) => s + r.gap, 0),
    rows,
  };
}
