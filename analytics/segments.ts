// Named segments (filters) and per-row measures of the domain rules, each defined once and used
// by every metric and by the compliance registry — Cube's "segments" (docs/domain.md, "Exact
// counting rules"). Each is SQL over the copy's columns with fixed aliases: `r` a reserve
// entry, `p` a post, `pol` the policy row of the record's unit (analytics/policy-table.ts), `py`
// the person's training year (person_years). Dates are yyyymmdd integer expressions; the
// dialect makes the same text run on DuckDB, SQLite and PostgreSQL.

import type { Education, PositionKind, ReserveStatus, Source } from '../domain/enums.ts';
import { BACHELOR_OR_ABOVE, CPC, LONG_TERM, MAJORITY_ETHNICITY, MID_TERM, NEAR_TERM } from '../domain/rules.ts';
import { addYearsYmd, type Dialect, yearsBetween } from './dialect.ts';
import { pol, polByKind } from './policy-table.ts';

const list = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;

/** An entry is active at D: it entered the pool on or before D and had not left it by D. */
export function activeAt(at: string): string {
  return `(r.entered_ymd <= ${at} AND (r.exited_ymd IS NULL OR r.exited_ymd > ${at}))`;
}

/** Entries reserved for posts of one kind. */
export function ofKind(kind: PositionKind): string {
  return `r.kind = '${kind}'`;
}

export const WOMAN = `r.gender = 'F'`;
export const MINORITY = `r.ethnicity <> '${MAJORITY_ETHNICITY}'`;
export const NON_CPC = `r.political_status <> '${CPC}'`;
/** Special structure: a woman, a minority or a non-CPC member, counted once. */
export const SPECIAL = `(${WOMAN} OR ${MINORITY} OR ${NON_CPC})`;
export const BACHELOR = `r.education IN ${list(BACHELOR_OR_ABOVE)}`;
export const NEAR_TERM_TIER = `r.tier = '${NEAR_TERM}'`;
export const MID_TERM_TIER = `r.tier = '${MID_TERM}'`;
export const LONG_TERM_TIER = `r.tier = '${LONG_TERM}'`;

/** The entry's age at D (whole years). */
export function age(d: Dialect, at: string): string {
  return yearsBetween(d, 'r.birth_ymd', at);
}

/** Aged at D within [from, to] whole years, either end open (null): the statistics table's brackets. */
export function inAgeBracket(d: Dialect, at: string, from: number | null, to: number | null): string {
  const bounds = [
    from === null ? null : `${age(d, at)} >= ${Math.trunc(from)}`,
    to === null ? null : `${age(d, at)} <= ${Math.trunc(to)}`,
  ].filter(Boolean);
  return bounds.length ? `(${bounds.join(' AND ')})` : 'TRUE';
}

/** Highest education one of these. */
export function educationIn(educations: readonly Education[]): string {
  return `r.education IN ${list(educations)}`;
}

/** Came to the pool by this source channel. */
export function fromSource(source: Source): string {
  return `r.source = '${source}'`;
}

/** Entered the pool (became ACTIVE) on a day within [from, to]. */
export function enteredWithin(from: string, to: string): string {
  return `(r.entered_ymd >= ${from} AND r.entered_ymd <= ${to})`;
}

/** Ended with this status (PROMOTED, REMOVED, EXPIRED …). */
export function endedAs(status: ReserveStatus): string {
  return `r.status = '${status}'`;
}

/** Left the pool, after having been in it, on a day within [from, to]. */
export function exitedWithin(from: string, to: string): string {
  return `(r.entered_ymd IS NOT NULL AND r.exited_ymd >= ${from} AND r.exited_ymd <= ${to})`;
}

/** Within the main body's age band of its kind at D. */
export function inAgeBand(d: Dialect, at: string): string {
  return `${age(d, at)} BETWEEN ${polByKind('ageBands', 'r.kind', '.from')} AND ${polByKind('ageBands', 'r.kind', '.to')}`;
}

/** Younger at D than its kind's young-member age. */
export function young(d: Dialect, at: string): string {
  return `${age(d, at)} < ${polByKind('ageBands', 'r.kind', '.youngUnder')}`;
}

/** The entry's age limit: its kind's, women's where the policy sets them apart, non-zero (domain/eligibility ageLimitFor). */
export const AGE_LIMIT = `CASE WHEN ${WOMAN} AND ${polByKind('ageLimitWomen', 'r.kind')} > 0
  THEN ${polByKind('ageLimitWomen', 'r.kind')} ELSE ${polByKind('ageLimit', 'r.kind')} END`;

/** Over its age limit at D ("over the limit" means age > limit). */
export function overAge(d: Dialect, at: string): string {
  return `${age(d, at)} > ${AGE_LIMIT}`;
}

/** The end of the entry's management period (entered + the policy's years). */
export function periodEnds(d: Dialect): string {
  return addYearsYmd(d, 'r.entered_ymd', pol('managementPeriodYears'));
}

/**
 * Stays to the horizon E: age at E within its limit, and the management period ends
 * after E (for an entry active at asOf).
 */
export function staysTo(d: Dialect, end: string): string {
  return `(${age(d, end)} <= ${AGE_LIMIT} AND ${periodEnds(d)} > ${end})`;
}

/** The entry's minimum cultivation (entered + the policy's years) ends on or before E. */
export function cultivatedBy(d: Dialect, end: string): string {
  return `${addYearsYmd(d, 'r.entered_ymd', pol('minCultivationYears'))} <= ${end}`;
}

/** Ready by E: stays to the horizon, is near-term, and its minimum cultivation ends on or before E. */
export function ready(d: Dialect, end: string): string {
  return `(${NEAR_TERM_TIER} AND ${staysTo(d, end)}
        AND ${cultivatedBy(d, end)})`;
}

/**
 * Covered by a year's centralized trainings (count and days of the unit's policy); `year` is the
 * alias of the person's row of that year in person_years.
 */
export function trainingCovered(year: string): string {
  return `(${year}.central_n >= ${pol('training.minCentralizedTrainings')} AND ${year}.central_days >= ${pol('training.minCentralizedDays')})`;
}

/** Posts of one kind. */
export function postOfKind(kind: PositionKind): string {
  return `p.kind = '${kind}'`;
}

/**
 * The posts as they stood at date `on`: a post with incumbency records (written by appointments,
 * or imported) has the holder of the record in force then, or none; before its first record, when
 * that one is open at the start (see tables.ts open_start), its first holder; a post without
 * records has its current incumbent. Shaped like the `positions` table, so a metric reads it in its place.
 * `from` names the tables read (a subset of the posts and their records, in their shape).
 */
export function positionsAt(on: string, from = { positions: 'positions', incumbencies: 'incumbencies' }): string {
  const held = (column: string, recorded: string) =>
    `CASE WHEN h.position_code IS NULL THEN p.${column} ELSE i.${recorded} END AS ${column}`;
  return `SELECT p.code, p.unit_id, p.kind, p.rank, p.category, ${held('incumbent_id', 'person_id')},
      ${held('incumbent_birth_ymd', 'birth_ymd')}, ${held('term_ends_ymd', 'term_ends_ymd')}
    FROM ${from.positions} p
    LEFT JOIN (SELECT DISTINCT position_code FROM ${from.incumbencies}) h ON h.position_code = p.code
    LEFT JOIN ${from.incumbencies} i ON i.position_code = p.code
      AND (i.open_start OR i.from_ymd <= ${on}) AND (i.until_ymd IS NULL OR i.until_ymd > ${on})`;
}

/**
 * A post is an expected vacancy by E: no incumbent, or the incumbent reaches the retirement age
 * by E, or the term ends by E.
 */
export function expectedVacancy(d: Dialect, end: string): string {
  return `(p.incumbent_id IS NULL OR ${yearsBetween(d, 'p.incumbent_birth_ymd', end)} >= ${pol('retirementAge')} OR p.term_ends_ymd <= ${end})`;
}

/** ceil(ratio × posts): the reserve target of `posts` posts of the kind in `kindColumn`. */
export function ratioTarget(d: Dialect, kindColumn: string, posts: string): string {
  return d.ceil(`${polByKind('reserveRatio', kindColumn)} * ${posts}`);
}

/**
 * An appointment (an incumbency begun by a recorded appointment, alias `a`) whose first day is
 * from `from` to `to` (yyyymmdd expressions); an incumbency known only from before the records
 * began (no first day) is no appointment.
 */
export function appointedWithin(from: string, to: string): string {
  return `(a.from_ymd IS NOT NULL AND a.from_ymd BETWEEN ${from} AND ${to})`;
}

/** The appointment came from the pool (a promotion of an entry). */
export const FROM_POOL = 'a.from_pool';
