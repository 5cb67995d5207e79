// Planning: the intake each unit needs so that its reserve ratio holds at the horizon
// (docs/domain.md, "Planning"), deterministic or by seeded Monte Carlo runs.
import { z } from 'zod';
import { type IntakeProjection, type IntakeRow, simulateIntake } from '../../analytics/planning/intake.ts';
import { DEFAULT_SCENARIO } from '../../domain/planning.ts';
import { builder } from '../builder.ts';
import { PositionKindEnum } from './enums.ts';
import { metricInput } from './metric-input.ts';

const ModeEnum = builder.enumType('IntakeMode', { values: ['DETERMINISTIC', 'MONTE_CARLO'] as const });

const SimulateIntakeInput = builder.inputType('SimulateIntakeInput', {
  fields: (t) => ({
    unitCode: t.string({ required: true, validate: z.string().max(64) }),
    subtree: t.boolean({ defaultValue: true }),
    asOf: t.field({ type: 'Date', description: 'Omitted: today.' }),
    horizonYears: t.int({ defaultValue: 1, validate: z.number().int().min(1).max(5) }),
    mode: t.field({ type: ModeEnum, defaultValue: 'DETERMINISTIC' }),
    runs: t.int({ description: 'Monte Carlo runs (default 1000).', validate: z.number().int().min(1).max(10_000) }),
    seed: t.int({ description: 'The same seed gives the same answer (default 1).' }),
    promotionProbability: t.float({
      description: 'Share of the fillable vacancies that ready entries fill (default 1).',
      validate: z.number().min(0).max(1),
    }),
    attritionRate: t.float({
      description: 'Yearly share of the remaining entries that leave otherwise (default 0).',
      validate: z.number().min(0).max(1),
    }),
  }),
});

const IntakeRowRef = builder.objectRef<IntakeRow>('IntakeRow').implement({
  authScopes: { signedIn: true },
  description: 'One unit and kind with posts: the pool projected to the horizon and the intake it needs.',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    kind: t.expose('kind', { type: PositionKindEnum }),
    positions: t.exposeInt('positions'),
    target: t.exposeInt('target', { description: 'ceil(ratio × positions).' }),
    expectedVacancies: t.exposeInt('expectedVacancies'),
    stays: t.exposeInt('stays', { description: 'Active entries that stay to the horizon.' }),
    ready: t.exposeInt('ready'),
    promoted: t.exposeInt('promoted', { description: 'floor(promotion probability × min(vacancies, ready)).' }),
    projectedReserves: t.exposeInt('projectedReserves', {
      description: 'floor((stays − promoted) × (1 − attrition)^H).',
    }),
    intake: t.exposeInt('intake', { description: 'max(0, target − projected).' }),
  }),
});

const IntakeProjectionRef = builder.objectRef<IntakeProjection>('IntakeProjection').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    horizonEnd: t.field({ type: 'Date', resolve: (p) => p.horizonEnd }),
    mode: t.field({ type: ModeEnum, resolve: (p) => p.mode }),
    totalIntake: t.exposeInt('totalIntake', {
      description: 'The sum of the rows’ intakes (deterministic), or the P50 of the runs’ totals (Monte Carlo).',
    }),
    p10: t.exposeInt('p10', { nullable: true, description: 'Monte Carlo only: percentiles of the total intake.' }),
    p50: t.exposeInt('p50', { nullable: true }),
    p90: t.exposeInt('p90', { nullable: true }),
    runs: t.exposeInt('runs', { nullable: true }),
    rows: t.field({
      type: [IntakeRowRef],
      description: 'The deterministic projection per unit and kind.',
      resolve: (p) => p.rows,
    }),
  }),
});

builder.queryFields((t) => ({
  simulateIntake: t.field({
    authScopes: { signedIn: true },
    type: IntakeProjectionRef,
    description: 'The intake each unit and kind needs so that its reserve ratio holds at asOf + H years.',
    args: { input: t.arg({ type: SimulateIntakeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const metric = await metricInput(ctx, input);
      return simulateIntake(
        metric,
        {
          horizonYears: input.horizonYears ?? 1,
          promotionProbability: input.promotionProbability ?? DEFAULT_SCENARIO.promotionProbability,
          attritionRate: input.attritionRate ?? DEFAULT_SCENARIO.attritionRate,
        },
        input.mode ?? 'DETERMINISTIC',
        { runs: input.runs ?? 1000, seed: input.seed ?? 1 },
      );
    },
  }),
}));
