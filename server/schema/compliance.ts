// The compliance report: every rule for every unit of a subtree, with subtree totals, the worst
// units, and a filterable page of rows — computed in DuckDB, only the asked-for parts returned,
// kept per data version so that repeated and paged requests do not recompute it.

import { RULE_NAMES, RULES, STATUS_NAMES } from '../../analytics/compliance/registry.ts';
import {
  ComplianceReport,
  type ComplianceRow,
  type ComplianceTotal,
  type ComplianceUnit,
  copyEngine,
} from '../../analytics/compliance/report.ts';
import { addYears } from '../../domain/dates.ts';
import { policyOf } from '../../domain/policy/effective.ts';
import { builder } from '../builder.ts';
import { enumList, SortDirectionEnum } from './enums.ts';
import { metricArgs, metricInput, pageOffset, pageSize } from './metric-input.ts';

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
    rule: t.expose('rule', { type: RuleEnum }),
    value: t.exposeFloat('value'),
    target: t.exposeFloat('target'),
    gap: t.exposeFloat('gap'),
    status: t.expose('status', { type: StatusEnum }),
  }),
});

const TotalRef = builder.objectRef<ComplianceTotal>('ComplianceTotal').implement({
  authScopes: { signedIn: true },
  description:
    'A rule over the whole scope. COUNT rules sum the units’ values, targets and gaps (gaps never net out); SHARE rules pool the units’ numerators and denominators.',
  fields: (t) => ({
    rule: t.expose('rule', { type: RuleEnum }),
    measure: t.expose('measure', { type: MeasureEnum }),
    units: t.exposeInt('units', { description: 'Units the rule applies to.' }),
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
  policyVersions: number[];
}

const ReportRef = builder.objectRef<ReportShape>('ComplianceReport').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    asOf: t.field({ type: 'Date', resolve: (r) => r.asOf }),
    horizonEnd: t.field({ type: 'Date', description: 'The succession rule’s horizon.', resolve: (r) => r.horizonEnd }),
    policyVersions: t.intList({
      description: 'Stored policy versions applied (empty: the defaults).',
      resolve: (r) => r.policyVersions,
    }),
    totals: t.field({ type: [TotalRef], resolve: (r) => r.report.totals() }),
    worstUnits: t.field({
      type: [UnitRef],
      args: { first: t.arg.int({ defaultValue: 100, validate: pageSize }) },
      resolve: (r, { first }) => r.report.worstUnits(first ?? 100),
    }),
    rows: t.field({
      type: PageRef,
      args: {
        rules: t.arg({ type: [RuleEnum], validate: enumList(RULE_NAMES) }),
        statuses: t.arg({ type: [StatusEnum], validate: enumList(STATUS_NAMES) }),
        orderBy: t.arg({ type: OrderEnum, defaultValue: 'SEVERITY' }),
        direction: t.arg({ type: SortDirectionEnum, defaultValue: 'DESC' }),
        first: t.arg.int({ defaultValue: 100, validate: pageSize }),
        offset: t.arg.int({ defaultValue: 0, validate: pageOffset }),
      },
      resolve: (r, args) =>
        r.report.rows({
          rules: args.rules ?? null,
          statuses: args.statuses ?? null,
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
    },
    resolve: async (_root, args, ctx) => {
      const { copy, scope, asOf, policies } = await metricInput(ctx, args);
      const rootPolicy = policyOf(policies, scope.unitKind);
      const horizonEnd = addYears(asOf, rootPolicy.successionHorizonYears);
      const report = new ComplianceReport(copyEngine(copy), policies, rootPolicy, {
        scope: String(scope.param),
        subtree: scope.subtree,
        asOf,
        end: horizonEnd,
        year: Number(asOf.slice(0, 4)),
      });
      return { report, asOf, horizonEnd, policyVersions: policies.versions };
    },
  }),
}));
