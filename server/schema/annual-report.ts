// The 年度分析报告 through the API: the year's figures of a unit's subtree (annualReport) — each
// from the measures, compliance report, training coverage and scenario projection the dashboard
// shows for the same dates — and the report itself for print or as a Word file with its charts
// (exportAnnualReport, audited).
import { z } from 'zod';
import { type AnnualPool, annualPool, type KindCounts } from '../../analytics/annual.ts';
import { trainingCoverage } from '../../analytics/metrics/training-coverage.ts';
import { refusal } from '../../domain/errors.ts';
import { enumLabel } from '../../domain/messages.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { db } from '../db/client.ts';
import { type AnnualFigures, annualReportModel, type ComplianceLine, idleRate } from '../documents/annual-report.ts';
import { paramsOf, scenarioFor } from '../planning/scenarios.ts';
import { complianceReportOf } from './compliance.ts';
import { deliver, FileRef, FormatEnum } from './documents.ts';
import { metricInput } from './metric-input.ts';
import { project } from './planning.ts';

/** Units listed in the plan's table of the largest intakes. */
const PLAN_UNITS = 10;

const year = z.number().int().min(1990).max(2100);
const scenarioId = z.string().regex(/^\d{1,9}$/, 'must be a scenario id');

/** The report's figures: the pool on the last days of the year before and of the year, and the rest at the year's end. */
export async function annualFigures(
  ctx: Context,
  args: { unitCode: string; year: number; scenarioId?: string | null },
): Promise<AnnualFigures> {
  const end = `${args.year}-12-31`;
  const [before, after] = await Promise.all([
    metricInput(ctx, { unitCode: args.unitCode, subtree: true, asOf: `${args.year - 1}-12-31` }),
    metricInput(ctx, { unitCode: args.unitCode, subtree: true, asOf: end }),
  ]);
  const scenario = args.scenarioId ? await scenarioFor(db, ctx.viewer, Number(args.scenarioId)) : null;
  // A plan of another unit would be printed under this unit's title.
  if (scenario && (paramsOf(scenario).unitCode !== args.unitCode || paramsOf(scenario).subtree === false))
    throw refusal(
      'BAD_USER_INPUT',
      'report.scenarioOfOtherUnit',
      { scenario: scenario.name, unit: paramsOf(scenario).unitCode },
      { field: 'scenarioId' },
    );
  const { report, policy } = complianceReportOf(after);
  const [pool, totals, training, unit] = await Promise.all([
    annualPool(before, after),
    report.totals(),
    trainingCoverage(after, args.year),
    db.unit.findUnique({ where: { code: args.unitCode }, select: { name: true } }),
  ]);
  const projection = scenario ? await project(ctx, { ...paramsOf(scenario), mode: 'DETERMINISTIC' }, end) : null;
  const ages = (rule: string) => {
    const band = rule.endsWith('_PRINCIPAL') ? policy.ageBands.PRINCIPAL : policy.ageBands.DEPUTY;
    return enumLabel('ComplianceRule', rule, 'zh-CN')
      .replace('{{from}}', String(band.from))
      .replace('{{to}}', String(band.to))
      .replace('{{under}}', String(band.youngUnder));
  };
  const compliance: ComplianceLine[] = totals.map((t) => ({
    rule: t.rule,
    label: ages(t.rule),
    measure: t.measure,
    units: t.units,
    breaches: t.breaches,
    warnings: t.warnings,
    value: t.value,
    target: t.target,
  }));
  return {
    unitCode: args.unitCode,
    unitName: unit?.name ?? args.unitCode,
    year: args.year,
    pool,
    compliance,
    training: {
      year: args.year,
      reserves: training.activeReserves,
      covered: training.covered,
      coverage: training.coverage,
      people: training.people,
      trained: training.trained,
    },
    plan: projection
      ? {
          scenario: scenario?.name ?? '',
          // The projection counts years from its date (1, 2 …): as calendar years after the report's.
          years: projection.years.map((y) => ({
            year: args.year + y.year,
            pool: y.pool,
            target: y.target,
            need: y.need,
            intake: y.intake,
            expectedVacancies: y.expectedVacancies,
            promoted: y.promoted,
            successionGap: y.successionGap,
          })),
          // The next year's intake of each unit (the projection's first year), not the horizon's sum.
          units: projection.rows
            .map((r) => ({ r, intake: r.years[0]?.intake ?? 0 }))
            .filter((x) => x.intake > 0)
            .sort((a, b) => b.intake - a.intake || a.r.order - b.r.order)
            .slice(0, PLAN_UNITS)
            .map(({ r, intake }) => ({ unitName: `${r.unitName}（${r.unitCode}）`, kind: r.kind, intake })),
        }
      : null,
  };
}

const KindCountsRef = builder.objectRef<KindCounts>('KindCounts').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({ total: t.exposeInt('total'), principal: t.exposeInt('principal'), deputy: t.exposeInt('deputy') }),
});
const CountRef = builder.objectRef<{ key: string; count: number }>('KeyedCount').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({ key: t.exposeString('key'), count: t.exposeInt('count') }),
});
const StructureRef = builder.objectRef<AnnualPool['structure']>('AnnualStructure').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    women: t.exposeInt('women'),
    minority: t.exposeInt('minority'),
    nonCpc: t.exposeInt('nonCpc'),
    special: t.exposeInt('special'),
    nearTerm: t.exposeInt('nearTerm'),
    bachelor: t.exposeInt('bachelor'),
  }),
});
const ComplianceLineRef = builder.objectRef<ComplianceLine>('AnnualComplianceLine').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    rule: t.exposeString('rule'),
    label: t.exposeString('label'),
    units: t.exposeInt('units'),
    breaches: t.exposeInt('breaches'),
    warnings: t.exposeInt('warnings'),
    value: t.exposeFloat('value'),
    target: t.exposeFloat('target'),
  }),
});
const TrainingRef = builder.objectRef<AnnualFigures['training']>('AnnualTraining').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    year: t.exposeInt('year'),
    reserves: t.exposeInt('reserves'),
    covered: t.exposeInt('covered'),
    coverage: t.exposeFloat('coverage'),
    people: t.exposeInt('people'),
    trained: t.exposeInt('trained'),
  }),
});
const PlanYearRef = builder.objectRef<NonNullable<AnnualFigures['plan']>['years'][number]>('AnnualPlanYear').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    year: t.exposeInt('year'),
    pool: t.exposeFloat('pool'),
    target: t.exposeInt('target'),
    need: t.exposeFloat('need'),
    intake: t.exposeInt('intake'),
    expectedVacancies: t.exposeInt('expectedVacancies'),
    promoted: t.exposeFloat('promoted'),
    successionGap: t.exposeFloat('successionGap', { description: 'Expected: a real number.' }),
  }),
});
const PlanRef = builder.objectRef<NonNullable<AnnualFigures['plan']>>('AnnualPlan').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    scenario: t.exposeString('scenario'),
    years: t.field({ type: [PlanYearRef], resolve: (p) => p.years }),
  }),
});

const ReportRef = builder.objectRef<AnnualFigures>('AnnualReport').implement({
  authScopes: { signedIn: true },
  description: 'The figures of the 年度分析报告: the same measures as the dashboard’s, for the year’s dates.',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    year: t.exposeInt('year'),
    poolStart: t.field({
      type: KindCountsRef,
      description: 'In the pool on 31 December of the year before (ENTRIES).',
      resolve: (f) => f.pool.start,
    }),
    poolEnd: t.field({
      type: KindCountsRef,
      description: 'In the pool on 31 December (ENTRIES).',
      resolve: (f) => f.pool.end,
    }),
    intake: t.field({
      type: KindCountsRef,
      description: 'Entered in the year (INTAKE).',
      resolve: (f) => f.pool.intake,
    }),
    exits: t.field({
      type: KindCountsRef,
      description: 'Left in the year after having entered (EXITS).',
      resolve: (f) => f.pool.exits,
    }),
    intakeBySource: t.field({
      type: [CountRef],
      description: 'INTAKE_<source>.',
      resolve: (f) => f.pool.intakeBySource.map((s) => ({ key: s.source, count: s.count })),
    }),
    exitsByStatus: t.field({
      type: [CountRef],
      description: 'EXITS_PROMOTED, EXITS_REMOVED, EXITS_EXPIRED.',
      resolve: (f) => f.pool.exitsByStatus.map((s) => ({ key: s.status, count: s.count })),
    }),
    idleRate: t.float({
      nullable: true,
      description: '备而不用: the share of the year’s exits that left at the end of their period.',
      resolve: (f) => idleRate(f.pool),
    }),
    structure: t.field({ type: StructureRef, description: 'At the year’s end.', resolve: (f) => f.pool.structure }),
    compliance: t.field({
      type: [ComplianceLineRef],
      description: 'The compliance report’s totals at 31 December.',
      resolve: (f) => f.compliance,
    }),
    training: t.field({ type: TrainingRef, resolve: (f) => f.training }),
    plan: t.field({
      type: PlanRef,
      nullable: true,
      description: 'The chosen scenario run at 31 December.',
      resolve: (f) => f.plan,
    }),
  }),
});

const reportArgs = builder.args((t) => ({
  unitCode: t.string({ required: true, validate: z.string().max(64) }),
  year: t.int({ required: true, validate: year }),
  scenarioId: t.id({ validate: scenarioId, description: 'A saved scenario for the next year’s intake plan.' }),
}));

builder.queryFields((t) => ({
  annualReport: t.field({
    authScopes: { signedIn: true },
    type: ReportRef,
    description: 'The year’s figures of a unit’s subtree for the 年度分析报告.',
    args: reportArgs,
    resolve: (_root, args, ctx) => annualFigures(ctx, args),
  }),
}));

builder.mutationFields((t) => ({
  exportAnnualReport: t.field({
    authScopes: { signedIn: true },
    type: FileRef,
    description: 'The 年度分析报告 for print (PRINT) or as a Word file with its charts (DOCX). Audited.',
    args: {
      ...reportArgs,
      format: t.arg({ type: FormatEnum, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const figures = await annualFigures(ctx, args);
      const model = annualReportModel(figures, {
        footer: `${ctx.viewer.actor} · ${new Date().toISOString().slice(0, 10)}`,
      });
      return deliver(ctx, model, args.format, {
        action: 'report.export',
        entity: 'Unit',
        entityCode: args.unitCode,
        detail: { year: args.year, scenarioId: args.scenarioId ?? null },
      });
    },
  }),
}));
