// The compliance rules: one entry each. From this list come the report's SQL (compliance/sql.ts),
// the GraphQL enum ComplianceRule, the subtree totals and the status thresholds. A rule names
// what it counts with measures built from the shared segments (analytics/segments.ts) and its
// target from the policy, so adding a rule is one entry here plus its test
// (docs/decisions/011-compliance-registry.md shows one).
import type { PolicyNumberPath } from '../../domain/policy/defaults.ts';
import type { Dialect } from '../dialect.ts';
import {
  BACHELOR,
  expectedVacancy,
  inAgeBand,
  NEAR_TERM_TIER,
  ofKind,
  postOfKind,
  ready,
  SPECIAL,
  TRAINING_COVERED,
  young,
} from '../segments.ts';

/**
 * What a measure counts, per unit in scope, given the report's dates as SQL expressions:
 * `entries` — active entries (alias r, with pol and py) matching a condition;
 * `posts` — posts (alias p, with pol) matching a condition;
 * `people` — people working in the unit; `trained` — of them, trained in the year.
 */
export type Measure =
  | { source: 'entries'; where: (d: Dialect, at: ReportDates) => string }
  | { source: 'posts'; where: (d: Dialect, at: ReportDates) => string }
  | { source: 'people' }
  | { source: 'trained' };

export interface ReportDates {
  /** asOf and the horizon end, as yyyymmdd integer SQL expressions. */
  asOf: string;
  end: string;
}

const entries = (where: (d: Dialect, at: ReportDates) => string) => ({ source: 'entries', where }) as const;
const posts = (where: (d: Dialect, at: ReportDates) => string) => ({ source: 'posts', where }) as const;

export const ALL_ENTRIES = entries(() => 'TRUE');
const PRINCIPAL_ENTRIES = entries(() => ofKind('PRINCIPAL'));
const DEPUTY_ENTRIES = entries(() => ofKind('DEPUTY'));
const ANY_POSTS = posts(() => 'TRUE');
const PRINCIPAL_POSTS = posts(() => postOfKind('PRINCIPAL'));
const DEPUTY_POSTS = posts(() => postOfKind('DEPUTY'));

/**
 * The target: a policy number (for COUNT rules optionally times a measure, rounded up), or a
 * measure itself (the succession rule wants as many ready as posts falling vacant).
 */
export type Target = { policy: PolicyNumberPath; times?: Measure } | { measure: Measure };

export interface RuleDef {
  /** COUNT rules compare a number of people with a number; SHARE rules a fraction with a fraction. */
  measure: 'COUNT' | 'SHARE';
  /** The rule judges a unit when this measure is above zero. */
  appliesWhen: Measure;
  numerator: Measure;
  /** SHARE rules only. */
  denominator?: Measure;
  target: Target;
  description: string;
}

export const RULES = {
  RATIO_PRINCIPAL: {
    measure: 'COUNT',
    appliesWhen: PRINCIPAL_POSTS,
    numerator: PRINCIPAL_ENTRIES,
    target: { policy: 'reserveRatio.PRINCIPAL', times: PRINCIPAL_POSTS },
    description: '正职后备配备比例: principal reserves ≥ ceil(ratio × principal posts)',
  },
  RATIO_DEPUTY: {
    measure: 'COUNT',
    appliesWhen: DEPUTY_POSTS,
    numerator: DEPUTY_ENTRIES,
    target: { policy: 'reserveRatio.DEPUTY', times: DEPUTY_POSTS },
    description: '副职后备配备比例: deputy reserves ≥ ceil(ratio × deputy posts)',
  },
  SPECIAL_SHARE: {
    measure: 'SHARE',
    appliesWhen: ANY_POSTS,
    numerator: entries(() => SPECIAL),
    denominator: ALL_ENTRIES,
    target: { policy: 'specialStructureShare' },
    description: '特殊结构: share of women, minorities or non-CPC members',
  },
  NEAR_TERM_PRINCIPAL: {
    measure: 'SHARE',
    appliesWhen: PRINCIPAL_POSTS,
    numerator: entries(() => `${ofKind('PRINCIPAL')} AND ${NEAR_TERM_TIER}`),
    denominator: PRINCIPAL_ENTRIES,
    target: { policy: 'nearTermShare' },
    description: '近期可用 share of principal reserves',
  },
  NEAR_TERM_DEPUTY: {
    measure: 'SHARE',
    appliesWhen: DEPUTY_POSTS,
    numerator: entries(() => `${ofKind('DEPUTY')} AND ${NEAR_TERM_TIER}`),
    denominator: DEPUTY_ENTRIES,
    target: { policy: 'nearTermShare' },
    description: '近期可用 share of deputy reserves',
  },
  AGE_BAND_PRINCIPAL: {
    measure: 'SHARE',
    appliesWhen: PRINCIPAL_POSTS,
    numerator: entries((d, at) => `${ofKind('PRINCIPAL')} AND ${inAgeBand(d, at.asOf)}`),
    denominator: PRINCIPAL_ENTRIES,
    target: { policy: 'ageBands.PRINCIPAL.share' },
    description: 'principal reserves in the main age band (35–45)',
  },
  AGE_BAND_DEPUTY: {
    measure: 'SHARE',
    appliesWhen: DEPUTY_POSTS,
    numerator: entries((d, at) => `${ofKind('DEPUTY')} AND ${inAgeBand(d, at.asOf)}`),
    denominator: DEPUTY_ENTRIES,
    target: { policy: 'ageBands.DEPUTY.share' },
    description: 'deputy reserves in the main age band (30–40)',
  },
  YOUNG_PRINCIPAL: {
    measure: 'COUNT',
    appliesWhen: PRINCIPAL_POSTS,
    numerator: entries((d, at) => `${ofKind('PRINCIPAL')} AND ${young(d, at.asOf)}`),
    target: { policy: 'ageBands.PRINCIPAL.minYoung' },
    description: 'principal reserves under 35',
  },
  YOUNG_DEPUTY: {
    measure: 'COUNT',
    appliesWhen: DEPUTY_POSTS,
    numerator: entries((d, at) => `${ofKind('DEPUTY')} AND ${young(d, at.asOf)}`),
    target: { policy: 'ageBands.DEPUTY.minYoung' },
    description: 'deputy reserves under 30',
  },
  BACHELOR_SHARE: {
    measure: 'SHARE',
    appliesWhen: ANY_POSTS,
    numerator: entries(() => BACHELOR),
    denominator: ALL_ENTRIES,
    target: { policy: 'bachelorShare' },
    description: 'reserves with 本科 or above',
  },
  TRAINING_COVERAGE: {
    measure: 'SHARE',
    appliesWhen: ANY_POSTS,
    numerator: entries(() => TRAINING_COVERED),
    denominator: ALL_ENTRIES,
    target: { policy: 'reserveTrainingCoverage' },
    description: 'reserves covered by the year’s centralized trainings',
  },
  CADRE_TRAINING_RATE: {
    measure: 'SHARE',
    appliesWhen: { source: 'people' },
    numerator: { source: 'trained' },
    denominator: { source: 'people' },
    target: { policy: 'training.cadreTrainingRate' },
    description: 'people working in the unit trained in the year',
  },
  SUCCESSION_PRINCIPAL: {
    measure: 'COUNT',
    appliesWhen: PRINCIPAL_POSTS,
    numerator: entries((d, at) => `${ofKind('PRINCIPAL')} AND ${ready(d, at.end)}`),
    target: { measure: posts((d, at) => `${postOfKind('PRINCIPAL')} AND ${expectedVacancy(d, at.end)}`) },
    description: 'ready principal reserves ≥ principal posts falling vacant by the horizon',
  },
  SUCCESSION_DEPUTY: {
    measure: 'COUNT',
    appliesWhen: DEPUTY_POSTS,
    numerator: entries((d, at) => `${ofKind('DEPUTY')} AND ${ready(d, at.end)}`),
    target: { measure: posts((d, at) => `${postOfKind('DEPUTY')} AND ${expectedVacancy(d, at.end)}`) },
    description: 'ready deputy reserves ≥ deputy posts falling vacant by the horizon',
  },
} as const satisfies Record<string, RuleDef>;

export type Rule = keyof typeof RULES;
/** The rules in registry order; SQL carries a rule as its index here. */
export const RULE_NAMES = Object.keys(RULES) as Rule[];

export type Status = 'COMPLIANT' | 'WARNING' | 'BREACH';
/** Statuses in SQL are their index here. */
export const STATUS_NAMES: readonly Status[] = ['COMPLIANT', 'WARNING', 'BREACH'];

/**
 * The one definition of the thresholds, as SQL: compliant at the target, a warning within the
 * policy's tolerance below it (target × (1 − tolerance)), a breach beyond.
 */
export function statusSql(value: string, target: string, tolerance: string): string {
  return `CASE WHEN ${value} >= ${target} - 1e-9 THEN 0
           WHEN ${value} >= ${target} * (1 - ${tolerance}) - 1e-9 THEN 1
           ELSE 2 END`;
}
