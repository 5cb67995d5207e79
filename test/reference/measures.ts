// Every named measure (analytics/measures.ts) as a plain predicate over dataset records, written
// from domain.md: the rows each figure counts, for the drill-through test. Keys are the codes a
// drill row carries (entry ids, post codes, person ids, unit codes).
import type { Dataset, DatasetRecord } from '../../server/dataset/format.ts';
import {
  age,
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

const BAND = { PRINCIPAL: [35, 45], DEPUTY: [30, 40] } as const;
/** The source channels of the dataset format. */
const SOURCES = [
  'DEMOCRATIC_RECOMMENDATION',
  'OPEN_SELECTION',
  'EXAM_SELECTION',
  'SELF_NOMINATION',
  'ORG_NOMINATION',
  'SELECTED_GRADUATE',
  'OTHER',
];
const YOUNG_UNDER = { PRINCIPAL: 35, DEPUTY: 30 } as const;

/** The codes each measure counts for `root` (with its subtree, or alone) at `asOf`. */
export function referenceMeasures(
  data: Dataset,
  root: string,
  withSubtree: boolean,
  asOf: string,
  horizonYears: number,
): Map<string, Set<string>> {
  const units = new Set(withSubtree ? subtree(data, root).map((u) => u.code as string) : [root]);
  const end = plusYears(asOf, horizonYears);
  const year = asOf.endsWith('-12-31') ? Number(asOf.slice(0, 4)) : Number(asOf.slice(0, 4)) - 1;
  const yearEnd = `${year}-12-31`;
  const judged = trainingsIn(data, year);
  const current = trainingsIn(data, Number(asOf.slice(0, 4)));
  const people = new Map(data.people.map((p) => [p.id, p]));
  const person = (r: R) => people.get(r.personId)!;
  const kindOf = (r: R) => r.targetKind as Kind;
  const ageAt = (r: R, d: string) => age(person(r).birthDate as string, d);

  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  const within = (d: unknown) => typeof d === 'string' && d >= yearStart && d <= asOf;
  const edu = (r: R, ...levels: string[]) => levels.includes(person(r).education as string);
  const entryTests: Record<string, { at: 'asOf' | 'yearEnd' | 'any'; test: (r: R) => boolean }> = {
    // The statistics table's columns: brackets ≤30, 31–35, 36–40, 41–45, 46–50, >50 at asOf.
    AGE_UPTO_30: { at: 'asOf', test: (r) => ageAt(r, asOf) <= 30 },
    AGE_31_35: { at: 'asOf', test: (r) => ageAt(r, asOf) >= 31 && ageAt(r, asOf) <= 35 },
    AGE_36_40: { at: 'asOf', test: (r) => ageAt(r, asOf) >= 36 && ageAt(r, asOf) <= 40 },
    AGE_41_45: { at: 'asOf', test: (r) => ageAt(r, asOf) >= 41 && ageAt(r, asOf) <= 45 },
    AGE_46_50: { at: 'asOf', test: (r) => ageAt(r, asOf) >= 46 && ageAt(r, asOf) <= 50 },
    AGE_OVER_50: { at: 'asOf', test: (r) => ageAt(r, asOf) > 50 },
    EDU_GRADUATE: { at: 'asOf', test: (r) => edu(r, 'MASTER', 'DOCTORATE') },
    EDU_UNIVERSITY: { at: 'asOf', test: (r) => edu(r, 'BACHELOR') },
    EDU_COLLEGE: { at: 'asOf', test: (r) => edu(r, 'ASSOCIATE') },
    EDU_SECONDARY_OR_BELOW: { at: 'asOf', test: (r) => edu(r, 'SECONDARY', 'HIGH_SCHOOL') },
    ...Object.fromEntries(SOURCES.map((s) => [`SOURCE_${s}`, { at: 'asOf' as const, test: (r: R) => r.source === s }])),
    // The year's flows: entered, or left after having entered, from 1 January to asOf.
    INTAKE: { at: 'any', test: (r) => within(r.enteredOn) },
    EXITS: { at: 'any', test: (r) => r.enteredOn !== null && within(r.exitedOn) },
    ...Object.fromEntries(
      SOURCES.map((s) => [
        `INTAKE_${s}`,
        { at: 'any' as const, test: (r: R) => within(r.enteredOn) && r.source === s },
      ]),
    ),
    ...Object.fromEntries(
      ['PROMOTED', 'REMOVED', 'EXPIRED'].map((st) => [
        `EXITS_${st}`,
        { at: 'any' as const, test: (r: R) => r.enteredOn !== null && within(r.exitedOn) && r.status === st },
      ]),
    ),
    ENTRIES: { at: 'asOf', test: () => true },
    WOMEN: { at: 'asOf', test: (r) => person(r).gender === 'F' },
    MINORITY: { at: 'asOf', test: (r) => person(r).ethnicity !== '汉族' },
    NON_CPC: { at: 'asOf', test: (r) => person(r).politicalStatus !== 'CPC' },
    SPECIAL: {
      at: 'asOf',
      test: (r) => person(r).gender === 'F' || person(r).ethnicity !== '汉族' || person(r).politicalStatus !== 'CPC',
    },
    NEAR_TERM: { at: 'asOf', test: (r) => r.tier === 'NEAR_TERM' },
    MID_TERM: { at: 'asOf', test: (r) => r.tier === 'MID_TERM' },
    LONG_TERM: { at: 'asOf', test: (r) => r.tier === 'LONG_TERM' },
    BACHELOR: { at: 'asOf', test: (r) => ['BACHELOR', 'MASTER', 'DOCTORATE'].includes(person(r).education as string) },
    AGE_BAND: {
      at: 'asOf',
      test: (r) => ageAt(r, asOf) >= BAND[kindOf(r)][0] && ageAt(r, asOf) <= BAND[kindOf(r)][1],
    },
    YOUNG: { at: 'asOf', test: (r) => ageAt(r, asOf) < YOUNG_UNDER[kindOf(r)] },
    STAYS: {
      at: 'asOf',
      test: (r) =>
        ageAt(r, end) <= RULES.ageLimit[kindOf(r)] && plusYears(r.enteredOn as string, RULES.managementYears) > end,
    },
    READY: { at: 'asOf', test: (r) => isReady(r, kindOf(r), people, end) },
    TRAINING_RESERVES: { at: 'yearEnd', test: () => true },
    TRAINING_COVERED: { at: 'yearEnd', test: (r) => isCovered(judged.central, r) },
    TRAINING_PROGRESS: { at: 'asOf', test: (r) => isCovered(current.central, r) },
  };

  const out = new Map<string, Set<string>>();
  const mine = (x: R) => units.has(x.unitCode as string);
  for (const [name, { at, test }] of Object.entries(entryTests)) {
    const pool = data.reserves.filter(
      (r) => mine(r) && (at === 'any' || isActive(r, at === 'asOf' ? asOf : yearEnd)) && test(r),
    );
    out.set(name, new Set(pool.map((r) => r.id as string)));
    for (const kind of ['PRINCIPAL', 'DEPUTY'])
      out.set(`${name}_${kind}`, new Set(pool.filter((r) => r.targetKind === kind).map((r) => r.id as string)));
  }
  const postTests: Record<string, (p: R) => boolean> = {
    POSTS: () => true,
    VACANCIES: (p) => isExpectedVacancy(p, people, end),
  };
  for (const [name, test] of Object.entries(postTests)) {
    const posts = data.positions.filter((p) => mine(p) && test(p));
    out.set(name, new Set(posts.map((p) => p.code as string)));
    for (const kind of ['PRINCIPAL', 'DEPUTY'])
      out.set(`${name}_${kind}`, new Set(posts.filter((p) => p.kind === kind).map((p) => p.code as string)));
  }
  const staff = data.people.filter(mine);
  out.set('PEOPLE', new Set(staff.map((p) => p.id as string)));
  out.set(
    'TRAINED_PEOPLE',
    new Set(staff.filter((p) => judged.trainedIds.has(p.id as string)).map((p) => p.id as string)),
  );
  // Appointments to the scope's posts: the judged year's and this year's up to asOf, and of them
  // those from the pool (an entry promoted); keyed post@yyyymmdd as a drill row is.
  const posts = new Map(data.positions.map((p) => [p.code as string, p]));
  const appointments = data.appointments.filter((a) => a.on !== null && mine(posts.get(a.positionCode as string)!));
  const key = (a: R) => `${a.positionCode}@${(a.on as string).replaceAll('-', '')}`;
  const appointed = (from: string, to: string, pool: boolean) =>
    new Set(
      appointments
        .filter((a) => (a.on as string) >= from && (a.on as string) <= to && (!pool || a.reserveId !== null))
        .map(key),
    );
  out.set('APPOINTMENTS', appointed(`${year}-01-01`, `${year}-12-31`, false));
  out.set('APPOINTMENTS_FROM_POOL', appointed(`${year}-01-01`, `${year}-12-31`, true));
  out.set('APPOINTMENTS_NOW', appointed(yearStart, asOf, false));
  out.set('APPOINTMENTS_NOW_FROM_POOL', appointed(yearStart, asOf, true));
  out.set(
    'DEPARTMENTS',
    new Set(
      data.units.filter((u) => units.has(u.code as string) && u.level === 'DEPARTMENT').map((u) => u.code as string),
    ),
  );
  return out;
}

/** The default policy's degree targets' measures (DEGREE_PEOPLE_i, DEGREE_MEETING_i), by hand. */
export function referenceDegreeMeasures(data: Dataset, root: string, asOf: string): Map<string, Set<string>> {
  const levels = ['HIGH_SCHOOL', 'SECONDARY', 'ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE'];
  const targets = [
    { category: 'PARTY_GOV', maxAge: 50, atLeast: 'ASSOCIATE' },
    { category: 'PARTY_GOV', maxAge: 50, atLeast: 'BACHELOR' },
    { category: 'ENTERPRISE_MANAGER', maxAge: null, atLeast: 'BACHELOR' },
    { category: 'MANAGEMENT', maxAge: null, atLeast: 'BACHELOR' },
    { category: 'TECHNICAL', maxAge: null, atLeast: 'BACHELOR' },
  ];
  const units = new Set(subtree(data, root).map((u) => u.code as string));
  const out = new Map<string, Set<string>>();
  targets.forEach((t, i) => {
    const people = data.people.filter(
      (p) =>
        units.has(p.unitCode as string) &&
        p.category === t.category &&
        (t.maxAge === null || age(p.birthDate as string, asOf) < t.maxAge),
    );
    out.set(`DEGREE_PEOPLE_${i}`, new Set(people.map((p) => p.id as string)));
    const meeting = people.filter((p) => levels.indexOf(p.education as string) >= levels.indexOf(t.atLeast));
    out.set(`DEGREE_MEETING_${i}`, new Set(meeting.map((p) => p.id as string)));
  });
  return out;
}
