// The compliance report: every rule for every unit of a subtree, with subtree totals, the worst
// units, and a filterable page of rows — computed in DuckDB, only the asked-for parts returned.
import { duckEngine } from '../../analytics/copy.ts';
import { analytics } from '../../analytics/instance.ts';
import { RULES } from '../../analytics/metrics/compliance.ts';
import {
  ComplianceReport,
  type ComplianceRow,
  type ComplianceTotal,
  type ComplianceUnit,
} from '../../analytics/metrics/compliance-report.ts';
import { policiesAt } from '../../analytics/policy.ts';
import { builder } from '../builder.ts';
import { db } from '../db/client.ts';
import { addYears, todayIso } from '../domain/dates.ts';
import type { UnitKind } from '../domain/enums.ts';
import { userError } from '../errors.ts';
import { SortDirectionEnum } from './enums.ts';
import { metricArgs, scopeOf } from './metric-args.ts';

const RuleEnum = builder.enumType('ComplianceRule', { values: RULES });
const StatusEnum = builder.enumType('ComplianceStatus', { values: ['COMPLIANT', 'WARNING', 'BREACH'] as const });
const MeasureEnum = builder.enumType('ComplianceMeasure', { values: ['COUNT', 'SHARE'] as const });
const OrderEnum = builder.enumType('ComplianceOrderField', { values: ['SEVERITY', 'GAP', 'UNIT', 'RULE'] as const });

const RowRef = builder.objectRef<ComplianceRow>('ComplianceRow').implement({
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
      args: { first: t.arg.int({ defaultValue: 100 }) },
      resolve: (r, { first }) => r.report.worstUnits(clamp(first ?? 100)),
    }),
    rows: t.field({
      type: PageRef,
      args: {
        rules: t.arg({ type: [RuleEnum] }),
        statuses: t.arg({ type: [StatusEnum] }),
        orderBy: t.arg({ type: OrderEnum, defaultValue: 'SEVERITY' }),
        direction: t.arg({ type: SortDirectionEnum, defaultValue: 'DESC' }),
        first: t.arg.int({ defaultValue: 100 }),
        offset: t.arg.int({ defaultValue: 0 }),
      },
      resolve: (r, args) =>
        r.report.rows({
          rules: args.rules ?? null,
          statuses: args.statuses ?? null,
          order: args.orderBy ?? 'SEVERITY',
          descending: args.direction !== 'ASC',
          limit: clamp(args.first ?? 100),
          offset: Math.max(0, args.offset ?? 0),
        }),
    }),
  }),
});

function clamp(n: number): number {
  if (n < 0 || n > 1000) throw userError('BAD_USER_INPUT', `first must be between 0 and 1000, got ${n}`);
  return n;
}

builder.queryFields((t) => ({
  complianceReport: t.field({
    type: ReportRef,
    description:
      'Every rule for every unit in scope at `asOf`: value, target, gap and status (COMPLIANT / WARNING / BREACH).',
    args: {
      ...metricArgs,
    },
    resolve: async (_root, args, ctx) => {
      const asOf = args.asOf ?? todayIso();
      const scope = await scopeOf(ctx, args);
      const policies = await policiesAt(db, asOf);
      const rootPolicy = policies.byKind[scope.unitKind as UnitKind];
      const horizonEnd = addYears(asOf, rootPolicy.successionHorizonYears);
      const year = asOf.slice(0, 4);
      const report = new ComplianceReport(duckEngine(await analytics()), policies, rootPolicy, {
        scope: scope.param as string,
        subtree: args.subtree !== false,
        asOf,
        end: horizonEnd,
        year: Number(year),
      });
      return { report, asOf, horizonEnd, policyVersions: policies.versions };
    },
  }),
}));
