// The compliance rules: one entry each. From this list come the report's SQL (compliance/sql.ts),
// the GraphQL enum ComplianceRule, the subtree totals and the status thresholds. A rule names
// what it counts with measures built from the shared segments (analytics/segments.ts) and its
// target from the policy, so adding a rule is one entry here plus its test
// (docs/decisions/011-compliance-registry.md shows one).
import type { PolicyNumberPath } from '../../domain/policy/defaults.ts';
import type { MeasureName } from '../measures.ts';

/**
 * Where a rule is judged (domain.md "Where each rule is judged"): TEAM rules for every unit, over
 * the unit alone; POOL rules only at pool units (the policy's pool levels), over the unit's whole
 * subtree — elsewhere their figure is shown, not judged; VILLAGE rules at village units alone.
 */
export type JudgedAt = 'TEAM' | 'POOL' | 'VILLAGE';

/**
 * The target: a policy number (for COUNT rules optionally times a measure, rounded up; for the
 * current year's progress times the elapsed share of the year), or a measure itself (the
 * succession rule wants as many ready as posts falling vacant).
 */
export type Target = { policy: PolicyNumberPath; times?: MeasureName; proRated?: true } | { measure: MeasureName };

export interface RuleDef {
  /** COUNT rules compare a number of people with a number; SHARE rules a fraction with a fraction. */
  measure: 'COUNT' | 'SHARE';
  judgedAt: JudgedAt;
  /** The rule applies to a unit when this measure is above zero (over what the rule judges). */
  appliesWhen: MeasureName;
  /** An optional rule: it applies only where this policy setting is above zero. */
  enabledBy?: PolicyNumberPath;
  /**
   * A figure always shown, judged only where this policy setting (its target) is above zero: the
   * documents ask for it without a number (「一般应当」), so a target is the deployment's choice.
   */
  judgedBy?: PolicyNumberPath;
  numerator: MeasureName;
  /** SHARE rules only. */
  denominator?: MeasureName;
  target: Target;
  /** A miss is a warning, never a breach (progress against a pro-rated plan). */
  warnOnly?: true;
  /** What the rule asks, without numbers: the numbers are the policy's (ComplianceReport.policy). */
  description: string;
}

export const RULES = {
  RATIO_PRINCIPAL: {
    measure: 'COUNT',
    judgedAt: 'TEAM',
    appliesWhen: 'POSTS_PRINCIPAL',
    numerator: 'ENTRIES_PRINCIPAL',
    target: { policy: 'reserveRatio.PRINCIPAL', times: 'POSTS_PRINCIPAL' },
    description: '正职后备配备比例: principal reserves ≥ ceil(the policy’s ratio × principal posts), per team',
  },
  RATIO_DEPUTY: {
    measure: 'COUNT',
    judgedAt: 'TEAM',
    appliesWhen: 'POSTS_DEPUTY',
    numerator: 'ENTRIES_DEPUTY',
    target: { policy: 'reserveRatio.DEPUTY', times: 'POSTS_DEPUTY' },
    description: '副职后备配备比例: deputy reserves ≥ ceil(the policy’s ratio × deputy posts), per team',
  },
  SPECIAL_SHARE: {
    measure: 'SHARE',
    judgedAt: 'POOL',
    appliesWhen: 'POSTS',
    numerator: 'SPECIAL',
    denominator: 'ENTRIES',
    target: { policy: 'specialStructureShare' },
    description: '特殊结构: share of women, minorities or non-CPC members in the pool',
  },
  NEAR_TERM_PRINCIPAL: {
    measure: 'SHARE',
    judgedAt: 'POOL',
    appliesWhen: 'POSTS_PRINCIPAL',
    numerator: 'NEAR_TERM_PRINCIPAL',
    denominator: 'ENTRIES_PRINCIPAL',
    target: { policy: 'nearTermShare' },
    description: '近期可用 share of the pool’s principal reserves',
  },
  NEAR_TERM_DEPUTY: {
    measure: 'SHARE',
    judgedAt: 'POOL',
    appliesWhen: 'POSTS_DEPUTY',
    numerator: 'NEAR_TERM_DEPUTY',
    denominator: 'ENTRIES_DEPUTY',
    target: { policy: 'nearTermShare' },
    description: '近期可用 share of the pool’s deputy reserves',
  },
  AGE_BAND_PRINCIPAL: {
    measure: 'SHARE',
    judgedAt: 'POOL',
    appliesWhen: 'POSTS_PRINCIPAL',
    numerator: 'AGE_BAND_PRINCIPAL',
    denominator: 'ENTRIES_PRINCIPAL',
    target: { policy: 'ageBands.PRINCIPAL.share' },
    description: 'principal reserves in the policy’s main age band',
  },
  AGE_BAND_DEPUTY: {
    measure: 'SHARE',
    judgedAt: 'POOL',
    appliesWhen: 'POSTS_DEPUTY',
    numerator: 'AGE_BAND_DEPUTY',
    denominator: 'ENTRIES_DEPUTY',
    target: { policy: 'ageBands.DEPUTY.share' },
    description: 'deputy reserves in the policy’s main age band',
  },
  YOUNG_PRINCIPAL: {
    measure: 'COUNT',
    judgedAt: 'POOL',
    appliesWhen: 'POSTS_PRINCIPAL',
    numerator: 'YOUNG_PRINCIPAL',
    target: { policy: 'ageBands.PRINCIPAL.minYoung' },
    description: 'principal reserves under the policy’s young age, in the pool',
  },
  YOUNG_DEPUTY: {
    measure: 'COUNT',
    judgedAt: 'POOL',
    appliesWhen: 'POSTS_DEPUTY',
    numerator: 'YOUNG_DEPUTY',
    target: { policy: 'ageBands.DEPUTY.minYoung' },
    description: 'deputy reserves under the policy’s young age, in the pool',
  },
  BACHELOR_SHARE: {
    measure: 'SHARE',
    judgedAt: 'POOL',
    appliesWhen: 'POSTS',
    numerator: 'BACHELOR',
    denominator: 'ENTRIES',
    target: { policy: 'bachelorShare' },
    description: 'reserves with 本科 or above, in the pool',
  },
  TRAINING_COVERAGE: {
    measure: 'SHARE',
    judgedAt: 'POOL',
    appliesWhen: 'POSTS',
    numerator: 'TRAINING_COVERED',
    denominator: 'TRAINING_RESERVES',
    target: { policy: 'reserveTrainingCoverage' },
    description: 'reserves covered by the judged (complete) year’s centralized trainings',
  },
  TRAINING_PROGRESS: {
    measure: 'SHARE',
    judgedAt: 'POOL',
    appliesWhen: 'POSTS',
    numerator: 'TRAINING_PROGRESS',
    denominator: 'ENTRIES',
    target: { policy: 'reserveTrainingCoverage', proRated: true },
    warnOnly: true,
    description:
      'this year so far against the coverage target pro-rated to the elapsed share of the year (a warning, never a breach)',
  },
  CADRE_TRAINING_RATE: {
    measure: 'SHARE',
    judgedAt: 'POOL',
    appliesWhen: 'PEOPLE',
    numerator: 'TRAINED_PEOPLE',
    denominator: 'PEOPLE',
    target: { policy: 'training.cadreTrainingRate' },
    description: 'people working in the pool’s units trained in the judged year',
  },
  SUCCESSION_PRINCIPAL: {
    measure: 'COUNT',
    judgedAt: 'TEAM',
    appliesWhen: 'POSTS_PRINCIPAL',
    numerator: 'READY_PRINCIPAL',
    target: { measure: 'VACANCIES_PRINCIPAL' },
    description: 'ready principal reserves ≥ principal posts falling vacant by the horizon, per team',
  },
  SUCCESSION_DEPUTY: {
    measure: 'COUNT',
    judgedAt: 'TEAM',
    appliesWhen: 'POSTS_DEPUTY',
    numerator: 'READY_DEPUTY',
    target: { measure: 'VACANCIES_DEPUTY' },
    description: 'ready deputy reserves ≥ deputy posts falling vacant by the horizon, per team',
  },
  POOL_APPOINTMENTS: {
    measure: 'SHARE',
    judgedAt: 'POOL',
    appliesWhen: 'APPOINTMENTS',
    numerator: 'APPOINTMENTS_FROM_POOL',
    denominator: 'APPOINTMENTS',
    target: { policy: 'poolAppointmentShare' },
    judgedBy: 'poolAppointmentShare',
    description:
      '从后备干部中选拔: share of the judged year’s appointments to the pool’s leadership posts that came from the pool',
  },
  DEPARTMENT_QUOTA: {
    measure: 'COUNT',
    judgedAt: 'POOL',
    appliesWhen: 'DEPARTMENTS',
    enabledBy: 'unitQuotas.perDepartment',
    numerator: 'ENTRIES',
    target: { policy: 'unitQuotas.perDepartment', times: 'DEPARTMENTS' },
    description: 'optional: the pool holds at least the policy’s share of reserves per department',
  },
  VILLAGE_QUOTA: {
    measure: 'COUNT',
    judgedAt: 'VILLAGE',
    appliesWhen: 'POSTS',
    enabledBy: 'unitQuotas.perVillage',
    numerator: 'ENTRIES',
    target: { policy: 'unitQuotas.perVillage' },
    description: 'optional: each village or community holds at least the policy’s number of reserves',
  },
} as const satisfies Record<string, RuleDef>;

export type Rule = keyof typeof RULES;

/** The measure a rule's target counts, where it is one (posts falling vacant, posts, departments). */
export function targetMeasure(rule: Rule): MeasureName | null {
  const t: Target = RULES[rule].target;
  return 'measure' in t ? t.measure : (t.times ?? null);
}

/** Every measure a rule reads: applicability, numerator, denominator and target base. */
export function ruleMeasures(rule: Rule): MeasureName[] {
  const def: RuleDef = RULES[rule];
  return [def.appliesWhen, def.numerator, def.denominator ?? null, targetMeasure(rule)].filter(
    (m): m is MeasureName => m !== null,
  );
}
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
