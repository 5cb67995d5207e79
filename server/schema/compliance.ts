// The compliance report: every rule for every unit of a subtree, with subtree totals, the worst
// units, and a filterable page of rows — computed in DuckDB, only the asked-for parts returned,
// kept per data version so that repeated and paged requests do not recompute it.

import { z } from 'zod';
import { RULE_NAMES, RULES, type RuleDef, STATUS_NAMES, targetMeasure } from '../../analytics/compliance/registry.ts';
import {
  ComplianceReport,
  type ComplianceRow,
  type ComplianceTotal,
  type ComplianceUnit,
  copyEngine,
} from '../../analytics/compliance/report.ts';
import type { MetricInput } from '../../analytics/metric.ts';
import { addYears } from '../../domain/dates.ts';
import type { Policy } from '../../domain/policy/defaults.ts';
import { policyOf } from '../../domain/policy/effective.ts';
import { judgedTrainingYear } from '../../domain/rules.ts';
import { builder } from '../builder.ts';
import { enumList, SortDirectionEnum, UnitLevelEnum } from './enums.ts';
import { keptOn, metricArgs, metricInput, pageOffset, pageSize } from './metric-input.ts';
import { unitPathText } from './unit-path.ts';

/**
 * The compliance report of a metric input: judged at its date, over the scope unit's succession
 * horizon, on the given training year (omitted: the last one complete by then). Today's report
 * on its judged training year is kept per unit between changes (analytics/compliance/kept.ts);
 * another date's or year's is computed for its scope.
 */
export function complianceReportOf({ copy, scope, asOf, policies }: MetricInput, year?: number | null) {
  const policy = policyOf(policies, scope.unitKind);
  const horizonEnd = addYears(asOf, policy.successionHorizonYears);
  const trainingYear = year ?? judgedTrainingYear(asOf);
  const keep = keptOn(asOf) && trainingYear === judgedTrainingYear(asOf);
  const report = new ComplianceReport(copyEngine(copy, { keep }), policies, {
    path: scope.path!,
    subtree: scope.subtree,
    asOf,
    end: horizonEnd,
    year: trainingYear,
  });
  return { report, asOf, horizonEnd, trainingYear, policyVersions: policies.versions, policy };
}

const RuleEnum = builder.enumType('ComplianceRule', {
  values: Object.fromEntries(RULE_NAMES.map((rule) => [rule, { description: RULES[rule].description }])) as Record<
    (typeof RULE_NAMES)[number],
    { description: string }
  >,
});
const StatusEnum = builder.enumType('ComplianceStatus', { values: STATUS_NAMES });
const MeasureEnum = builder.enumType('ComplianceMeasure', { values: ['COUNT', 'SHARE'] as const });
const OrderEnum = builder.enumType('ComplianceOrderField', { values: ['SEVERITY', 'GAP', 'UNIT', 'RULE'] as const });

const RowRef = builder.objectRef<ComplianceRow>('ComplianceRow').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    unitPath: t.string({
      description: 'The unit’s name with the units above it, from your own unit down (示范市·某县·教育局).',
      resolve: (r, _args, ctx) => unitPathText(ctx, r.unitCode),
    }),
    rule: t.expose('rule', { type: RuleEnum }),
    value: t.exposeFloat('value'),
    target: t.exposeFloat('target'),
    gap: t.exposeFloat('gap'),
    status: t.expose('status', { type: StatusEnum }),
    judged: t.exposeBoolean('judged', {
      description:
        'False where the rule is shown but not judged: pool rules away from pool units. Such a row is no breach and no warning.',
    }),
    subtree: t.exposeBoolean('subtree', {
      description: 'True when the figure counts the unit’s whole subtree (pool rules at pool units).',
    }),
    numerator: t.exposeFloat('numerator', { description: 'The count behind the value (a SHARE rule’s numerator).' }),
    denominator: t.exposeFloat('denominator', { nullable: true, description: 'SHARE rules: the count divided by.' }),
    base: t.exposeFloat('base', {
      nullable: true,
      description:
        'Rules whose target is the policy’s ratio of a count (职数 for the reserve ratios, departments for the village quota): that count.',
    }),
    numeratorMeasure: t.string({
      description: 'The measure to drill for the numerator’s rows (`drill(measure:)`, with `subtree` as this row’s).',
      resolve: (r) => RULES[r.rule].numerator,
    }),
    denominatorMeasure: t.string({
      nullable: true,
      resolve: (r) => (RULES[r.rule] as RuleDef).denominator ?? null,
    }),
    targetMeasure: t.string({
      nullable: true,
      description: 'The measure the target counts, where the target is one (e.g. posts falling vacant).',
      resolve: (r) => targetMeasure(r.rule),
    }),
  }),
});

const JudgedAtEnum = builder.enumType('RuleJudgedAt', {
  values: {
    TEAM: { description: 'Every unit with posts of the kind, over the unit alone.' },
    POOL: { description: 'Pool units (the policy’s pool levels), over their whole subtree.' },
    VILLAGE: { description: 'Village and community units, over the unit alone.' },
  },
});

const TotalRef = builder.objectRef<ComplianceTotal>('ComplianceTotal').implement({
  authScopes: { signedIn: true },
  description:
    'A rule over the whole scope. Team rules sum the units’ values, targets and gaps (gaps never net out); pool rules give the scope unit’s whole pool against its own policy. Breaches and warnings count judged rows only.',
  fields: (t) => ({
    rule: t.expose('rule', { type: RuleEnum }),
    measure: t.expose('measure', { type: MeasureEnum }),
    judgedAt: t.expose('judgedAt', { type: JudgedAtEnum }),
    units: t.exposeInt('units', { description: 'Units where the rule is judged.' }),
    breaches: t.exposeInt('breaches'),
    warnings: t.exposeInt('warnings'),
    value: t.exposeFloat('value'),
    target: t.exposeFloat('target'),
    gap: t.exposeFloat('gap'),
    status: t.expose('status', { type: StatusEnum }),
  }),
});

const UnitRef = builder.objectRef<ComplianceUnit>('ComplianceUnit').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    unitPath: t.string({
      description: 'The unit’s name with the units above it, from your own unit down.',
      resolve: (u, _args, ctx) => unitPathText(ctx, u.unitCode),
    }),
    breaches: t.exposeInt('breaches'),
    warnings: t.exposeInt('warnings'),
    shortfall: t.exposeFloat('shortfall', { description: 'Sum over rules of gap / target.' }),
    rules: t.field({ type: [RowRef], resolve: (u) => u.rules }),
  }),
});

const PageRef = builder.objectRef<{ total: number; rows: ComplianceRow[] }>('ComplianceRowPage').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'Rows matching the filters.' }),
    rows: t.field({ type: [RowRef], resolve: (p) => p.rows }),
  }),
});

interface ReportShape {
  report: ComplianceReport;
  asOf: string;
  horizonEnd: string;
  trainingYear: number;
  policyVersions: number[];
  policy: Policy;
}

const ReportRef = builder.objectRef<ReportShape>('ComplianceReport').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    asOf: t.field({ type: 'Date', resolve: (r) => r.asOf }),
    horizonEnd: t.field({ type: 'Date', description: 'The succession rule’s horizon.', resolve: (r) => r.horizonEnd }),
    trainingYear: t.int({
      description: 'The training year judged: the last calendar year ended on or before asOf unless asked for.',
      resolve: (r) => r.trainingYear,
    }),
    policy: t.field({
      type: 'JSON',
      description: 'The scope unit’s policy in force: the numbers the rules’ labels and targets read.',
      resolve: (r) => r.policy,
    }),
    policyVersions: t.intList({
      description: 'Stored policy versions applied (empty: the defaults).',
      resolve: (r) => r.policyVersions,
    }),
    totals: t.field({ type: [TotalRef], resolve: (r) => r.report.totals() }),
    worstUnits: t.field({
      type: [UnitRef],
      args: {
        first: t.arg.int({ defaultValue: 100, validate: pageSize }),
        level: t.arg({ type: UnitLevelEnum, description: 'Only units of this level.' }),
      },
      resolve: (r, { first, level }) => r.report.worstUnits(first ?? 100, level ?? null),
    }),
    rows: t.field({
      type: PageRef,
      args: {
        rules: t.arg({ type: [RuleEnum], validate: enumList(RULE_NAMES) }),
        statuses: t.arg({
          type: [StatusEnum],
          validate: enumList(STATUS_NAMES),
          description: 'Matches judged rows only.',
        }),
        judged: t.arg.boolean({ description: 'Only judged rows (true), only rows shown and not judged (false).' }),
        orderBy: t.arg({ type: OrderEnum, defaultValue: 'SEVERITY' }),
        direction: t.arg({ type: SortDirectionEnum, defaultValue: 'DESC' }),
        first: t.arg.int({ defaultValue: 100, validate: pageSize }),
        offset: t.arg.int({ defaultValue: 0, validate: pageOffset }),
      },
      resolve: (r, args) =>
        r.report.rows({
          rules: args.rules ?? null,
          statuses: args.statuses ?? null,
          judged: args.judged ?? null,
          order: args.orderBy ?? 'SEVERITY',
          descending: args.direction !== 'ASC',
          limit: args.first ?? 100,
          offset: args.offset ?? 0,
        }),
    }),
  }),
});

builder.queryFields((t) => ({
  complianceReport: t.field({
    authScopes: { signedIn: true },
    type: ReportRef,
    description:
      'Every rule for every unit in scope at `asOf`: value, target, gap and status (COMPLIANT / WARNING / BREACH).',
    args: {
      ...metricArgs,
      trainingYear: t.arg.int({
        validate: z.number().int().min(1900).max(2100),
        description: 'The training year to judge; omitted: the last calendar year ended on or before asOf.',
      }),
    },
    resolve: async (_root, args, ctx) => complianceReportOf(await metricInput(ctx, args), args.trainingYear),
  }),
}));
