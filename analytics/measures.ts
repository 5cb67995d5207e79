// The semantic layer: every figure the API answers is a named measure, defined once here — what it
// counts (entries, posts, people or units), among which rows (the entries active at asOf, or on
// the last day of the judged training year; posts as they stood at asOf; the people working in a
// unit), and the condition, built from the named segments (segments.ts). Metrics, the compliance
// registry and the drill-through all pick measures by name, so a figure and the rows behind it
// cannot disagree (docs/decisions/027-measures-and-judging.md). The model is Cube's: a measure
// knows its source, its filter and its drill members.
import { ymdNumber } from '../domain/dates.ts';
import { EDUCATIONS, type PositionKind, SOURCES } from '../domain/enums.ts';
import type { Policy } from '../domain/policy/defaults.ts';
import {
  EXIT_STATUSES,
  exitMeasure,
  intakeMeasure,
  STAT_AGE_BRACKETS,
  STAT_EDUCATION_GROUPS,
  sourceMeasure,
} from '../domain/statistics.ts';
import { type Dialect, yearsBetween } from './dialect.ts';
import {
  activeAt,
  appointedWithin,
  BACHELOR,
  educationIn,
  endedAs,
  enteredWithin,
  exitedWithin,
  expectedVacancy,
  FROM_POOL,
  fromSource,
  inAgeBand,
  inAgeBracket,
  LONG_TERM_TIER,
  MID_TERM_TIER,
  MINORITY,
  NEAR_TERM_TIER,
  NON_CPC,
  ofKind,
  postOfKind,
  ready,
  SPECIAL,
  staysTo,
  trainingCovered,
  WOMAN,
  young,
} from './segments.ts';

/** The dates a measure may read, as yyyymmdd integer SQL expressions (and years as integers). */
export interface MeasureDates {
  asOf: string;
  /** The horizon end: asOf + the horizon's years. */
  end: string;
  /** The judged training year and its last day (domain.md "Training is judged on a complete year"). */
  year: string;
  yearEnd: string;
  /** The current year (the year of asOf), whose progress is shown against a pro-rated plan. */
  currentYear: string;
}

/**
 * The dates as SQL over the parameters $asOf, $end, $year, $yearEnd and $currentYear (yyyymmdd
 * integers and years), in a dialect: the compliance report's and the metrics' statements alike.
 */
export function paramDates(d: Dialect): MeasureDates {
  return {
    asOf: d.int('$asOf'),
    end: d.int('$end'),
    year: d.int('$year'),
    yearEnd: d.int('$yearEnd'),
    currentYear: d.int('$currentYear'),
  };
}

/**
 * The parameters of a training year as paramDates reads them: the judged year, the day its
 * reserves are counted (its 31 December unless given) and the current year, the year of asOf.
 */
export function trainingYearParams(asOf: string, year: number, countedOn?: string | null) {
  return {
    year,
    yearEnd: countedOn ? ymdNumber(countedOn) : ymdNumber(`${year}-12-31`),
    currentYear: Number(asOf.slice(0, 4)),
  };
}

/**
 * What a measure counts:
 * - `entries` — reserve entries (alias `r`) active at asOf (`at: 'asOf'`) or on the judged
 *   training year's last day (`at: 'yearEnd'`); `py` is the person's judged training year and
 *   `pyc` the current one (person_years);
 * - `posts` — posts as they stood at asOf (alias `p`);
 * - `people` — people by the unit they work in (alias `pe`, with `py`);
 * - `units` — the units themselves (alias `u`);
 * - `appointments` — appointments to the unit's leadership posts (alias `a`, the post `p`).
 * Every source also has the unit (`u`) and its policy row (`pol`).
 */
export type Source = 'entries' | 'posts' | 'people' | 'units' | 'appointments';

export interface MeasureDef {
  source: Source;
  /**
   * Entries: counted among those active at asOf (default) or on the judged training year's last
   * day; `flow` — among all entries, the condition saying which (the year's intake and exits).
   */
  at?: 'asOf' | 'yearEnd' | 'flow';
  where: (d: Dialect, at: MeasureDates) => string;
}

const ALL = () => 'TRUE';

/** Conditions by the `measure` name of each item of a layout list. */
function named<T extends { measure: string }>(
  items: readonly T[],
  condition: (item: T) => Omit<MeasureDef, 'source'>,
): Record<T['measure'], Omit<MeasureDef, 'source'>> {
  return Object.fromEntries(items.map((item) => [item.measure, condition(item)])) as Record<
    T['measure'],
    Omit<MeasureDef, 'source'>
  >;
}

/** Entry measures: each also exists per kind (NAME_PRINCIPAL, NAME_DEPUTY). */
const ENTRY_CONDITIONS = {
  ENTRIES: { where: ALL },
  WOMEN: { where: () => WOMAN },
  MINORITY: { where: () => MINORITY },
  NON_CPC: { where: () => NON_CPC },
  SPECIAL: { where: () => SPECIAL },
  NEAR_TERM: { where: () => NEAR_TERM_TIER },
  MID_TERM: { where: () => MID_TERM_TIER },
  LONG_TERM: { where: () => LONG_TERM_TIER },
  BACHELOR: { where: () => BACHELOR },
  AGE_BAND: { where: (d, at) => inAgeBand(d, at.asOf) },
  YOUNG: { where: (d, at) => young(d, at.asOf) },
  STAYS: { where: (d, at) => staysTo(d, at.end) },
  READY: { where: (d, at) => ready(d, at.end) },
  /** The judged year's reserves (active on its last day) and those covered by its trainings. */
  TRAINING_RESERVES: { at: 'yearEnd', where: ALL },
  TRAINING_COVERED: { at: 'yearEnd', where: () => trainingCovered('py') },
  /** The current year so far: reserves active at asOf covered by this year's trainings. */
  TRAINING_PROGRESS: { where: () => trainingCovered('pyc') },
  // The statistics table's columns (domain/statistics.ts): age brackets at asOf, education
  // groups, source channels, and the current year's intake and exits up to asOf.
  ...named(STAT_AGE_BRACKETS, (b) => ({ where: (d, at) => inAgeBracket(d, at.asOf, b.from, b.to) })),
  ...named(STAT_EDUCATION_GROUPS, (g) => ({ where: () => educationIn(g.educations) })),
  ...named(
    SOURCES.map((s) => ({ measure: sourceMeasure(s), source: s })),
    (c) => ({ where: () => fromSource(c.source) }),
  ),
  INTAKE: { at: 'flow', where: (_d, at) => enteredWithin(yearStart(at), at.asOf) },
  EXITS: { at: 'flow', where: (_d, at) => exitedWithin(yearStart(at), at.asOf) },
  // The year's intake by source channel and exits by how they ended (the annual report).
  ...named(
    SOURCES.map((s) => ({ measure: intakeMeasure(s), source: s })),
    (c) => ({
      at: 'flow',
      where: (_d, at) => `(${enteredWithin(yearStart(at), at.asOf)} AND ${fromSource(c.source)})`,
    }),
  ),
  ...named(
    EXIT_STATUSES.map((status) => ({ measure: exitMeasure(status), status })),
    (c) => ({ at: 'flow', where: (_d, at) => `(${exitedWithin(yearStart(at), at.asOf)} AND ${endedAs(c.status)})` }),
  ),
} satisfies Record<string, Omit<MeasureDef, 'source'>>;

/** 1 January and 31 December of the judged year, as yyyymmdd expressions. */
function judgedYearStart(at: MeasureDates): string {
  return `(${at.year} * 10000 + 101)`;
}
function judgedYearLast(at: MeasureDates): string {
  return `(${at.year} * 10000 + 1231)`;
}

/** 1 January of the current year (the year of asOf), as a yyyymmdd expression. */
function yearStart(at: MeasureDates): string {
  return `(${at.currentYear} * 10000 + 101)`;
}

const POST_CONDITIONS = {
  POSTS: ALL,
  VACANCIES: (d: Dialect, at: MeasureDates) => expectedVacancy(d, at.end),
} satisfies Record<string, MeasureDef['where']>;

export type EntryMeasureBase = keyof typeof ENTRY_CONDITIONS;
export type PostMeasureBase = keyof typeof POST_CONDITIONS;
type Kinded<B extends string> = B | `${B}_PRINCIPAL` | `${B}_DEPUTY`;

function kinded<B extends string>(
  conditions: Record<B, { at?: MeasureDef['at']; where: MeasureDef['where'] }>,
  source: 'entries' | 'posts',
): Record<Kinded<B>, MeasureDef> {
  const out: Record<string, MeasureDef> = {};
  const byKind = source === 'entries' ? ofKind : postOfKind;
  for (const [name, c] of Object.entries(conditions) as [B, { at?: MeasureDef['at']; where: MeasureDef['where'] }][]) {
    out[name] = { source, at: c.at, where: c.where };
    for (const kind of ['PRINCIPAL', 'DEPUTY'] as const)
      out[`${name}_${kind}`] = { source, at: c.at, where: (d, at) => `(${byKind(kind)} AND ${c.where(d, at)})` };
  }
  return out as Record<Kinded<B>, MeasureDef>;
}

export const MEASURES = {
  ...kinded(ENTRY_CONDITIONS, 'entries'),
  ...kinded(
    Object.fromEntries(Object.entries(POST_CONDITIONS).map(([k, where]) => [k, { where }])) as Record<
      PostMeasureBase,
      { where: MeasureDef['where'] }
    >,
    'posts',
  ),
  /** The people working in the unit, and those with a completed training in the judged year. */
  PEOPLE: { source: 'people', where: ALL },
  TRAINED_PEOPLE: { source: 'people', where: () => 'coalesce(py.completed, 0) > 0' },
  /**
   * 「党政领导班子成员一般应当从后备干部中选拔」: appointments to the unit's leadership posts in the
   * judged year, and those from the pool; the same in the current year up to asOf.
   */
  APPOINTMENTS: { source: 'appointments', where: (_d, at) => appointedWithin(judgedYearStart(at), judgedYearLast(at)) },
  APPOINTMENTS_FROM_POOL: {
    source: 'appointments',
    where: (_d, at) => `(${appointedWithin(judgedYearStart(at), judgedYearLast(at))} AND ${FROM_POOL})`,
  },
  APPOINTMENTS_NOW: { source: 'appointments', where: (_d, at) => appointedWithin(yearStart(at), at.asOf) },
  APPOINTMENTS_NOW_FROM_POOL: {
    source: 'appointments',
    where: (_d, at) => `(${appointedWithin(yearStart(at), at.asOf)} AND ${FROM_POOL})`,
  },
  /** Departments (units of level DEPARTMENT), for the optional count-based quota. */
  DEPARTMENTS: { source: 'units', where: () => `u.level = 'DEPARTMENT'` },
} satisfies Record<string, MeasureDef>;

export type MeasureName = keyof typeof MEASURES;
export const MEASURE_NAMES = Object.keys(MEASURES) as MeasureName[];

export function isMeasureName(name: string): name is MeasureName {
  return Object.hasOwn(MEASURES, name);
}

/** An entry or post measure for one kind, or both kinds (null). */
export function ofKindMeasure<B extends EntryMeasureBase | PostMeasureBase>(
  base: B,
  kind: PositionKind | null,
): Kinded<B> & MeasureName {
  return kindedName(base, kind) as Kinded<B> & MeasureName;
}

/** The name of a measure's per-kind variant (WOMEN → WOMEN_PRINCIPAL), or the name itself for both kinds. */
export function kindedName(base: string, kind: PositionKind | null): string {
  return kind ? `${base}_${kind}` : base;
}

/** The row a measure's source reads, with the population filter (who can be counted at all). */
export function population(m: MeasureDef, at: MeasureDates): string {
  if (m.source !== 'entries' || m.at === 'flow') return 'TRUE';
  return activeAt(m.at === 'yearEnd' ? at.yearEnd : at.asOf);
}

/** The condition a row must meet to be counted by the measure: population and filter. */
export function counts(d: Dialect, m: MeasureDef, at: MeasureDates): string {
  const where = m.where(d, at);
  const pop = population(m, at);
  return pop === 'TRUE' ? `(${where})` : `(${pop} AND ${where})`;
}

/**
 * The degree targets' measures (学历结构), one pair per target of the policy in force:
 * DEGREE_PEOPLE_i — the people of the target's category (under its age, if it has one), and
 * DEGREE_MEETING_i — of them, those whose highest education is at least its level.
 */
export function degreeMeasure(name: string, policy: Policy): MeasureDef | null {
  const m = /^DEGREE_(PEOPLE|MEETING)_(\d{1,2})$/.exec(name);
  const target = m ? policy.degreeTargets[Number(m[2])] : undefined;
  if (!m || !target) return null;
  const level = EDUCATIONS.indexOf(target.atLeast as (typeof EDUCATIONS)[number]);
  const category = target.category.replace(/'/g, "''");
  const rank = `CASE pe.education ${EDUCATIONS.map((e, i) => `WHEN '${e}' THEN ${i}`).join(' ')} END`;
  return {
    source: 'people',
    where: (d, at) =>
      [
        `pe.category = '${category}'`,
        target.maxAge === null ? null : `${yearsBetween(d, 'pe.birth_ymd', at.asOf)} < ${Math.trunc(target.maxAge)}`,
        m[1] === 'MEETING' ? `${rank} >= ${level}` : null,
      ]
        .filter(Boolean)
        .join(' AND '),
  };
}

/** A measure by name: a fixed one, or a degree target's of the policy in force. */
export function resolveMeasure(name: string, policy: Policy): MeasureDef | null {
  return isMeasureName(name) ? MEASURES[name] : degreeMeasure(name, policy);
}
