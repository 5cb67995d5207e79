// The analytics fields of the public contract (docs/api.md), answered from the DuckDB copy.
// Every one is bounded by the viewer's scope and computed at `asOf` (default today), through the
// one metric step (metric-input.ts).
import { z } from 'zod';
import { type DegreeTargetRow, degreeTargets } from '../../analytics/metrics/degree-targets.ts';
import { type PoolStructure, poolStructure } from '../../analytics/metrics/pool-structure.ts';
import { type ReserveRatioRow, reserveRatio } from '../../analytics/metrics/reserve-ratio.ts';
import {
  type SuccessionGapReport,
  type SuccessionGapRow,
  type SuccessionTotals,
  successionGaps,
  successionRanking,
  successionTotals,
  type TeamSuccession,
} from '../../analytics/metrics/succession-gaps.ts';
import { type TrainingCoverage, trainingCoverage } from '../../analytics/metrics/training-coverage.ts';
import { addYears } from '../../domain/dates.ts';
import { builder } from '../builder.ts';
import { PositionKindEnum, UnitLevelEnum } from './enums.ts';
import { keptOn, metricArgs, metricInput } from './metric-input.ts';
import { unitPathText } from './unit-path.ts';

export const ReserveRatioRowRef = builder.objectRef<ReserveRatioRow>('ReserveRatioRow').implement({
  authScopes: { signedIn: true },
  description: '配备比例 of one unit and kind: target = ceil(ratio × positions), gap = max(0, target − reserves).',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    unitPath: t.string({
      description: 'The unit’s name with the units above it, from your own unit down (示范市·某县·教育局).',
      resolve: (r, _args, ctx) => unitPathText(ctx, r.unitCode),
    }),
    kind: t.expose('kind', { type: PositionKindEnum }),
    positions: t.exposeInt('positions'),
    reserves: t.exposeInt('reserves'),
    target: t.exposeInt('target'),
    gap: t.exposeInt('gap'),
    compliant: t.exposeBoolean('compliant'),
  }),
});

export const PoolStructureRef = builder.objectRef<PoolStructure>('PoolStructure').implement({
  authScopes: { signedIn: true },
  description: 'The active pool at `asOf`: counts, and shares in [0, 1] (0 for an empty pool).',
  fields: (t) => ({
    total: t.exposeInt('total'),
    women: t.exposeInt('women'),
    minority: t.exposeInt('minority'),
    nonCpc: t.exposeInt('nonCpc'),
    special: t.exposeInt('special', { description: 'Women, minorities or non-CPC members, each counted once.' }),
    specialShare: t.exposeFloat('specialShare'),
    nearTerm: t.exposeInt('nearTerm'),
    nearTermShare: t.exposeFloat('nearTermShare'),
    midTerm: t.exposeInt('midTerm'),
    longTerm: t.exposeInt('longTerm'),
    bachelorOrAbove: t.exposeInt('bachelorOrAbove'),
    bachelorShare: t.exposeFloat('bachelorShare'),
  }),
});

const TrainingCoverageRef = builder.objectRef<TrainingCoverage>('TrainingCoverage').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    activeReserves: t.exposeInt('activeReserves'),
    covered: t.exposeInt('covered'),
    coverage: t.exposeFloat('coverage'),
    people: t.exposeInt('people'),
    trained: t.exposeInt('trained'),
    cadreTrainingRate: t.exposeFloat('cadreTrainingRate'),
    daysPerHead: t.exposeFloat('daysPerHead'),
    creditsPerHead: t.exposeFloat('creditsPerHead'),
    technicalStaff: t.exposeInt('technicalStaff'),
    technicalMeetingDays: t.exposeInt('technicalMeetingDays', {
      description: 'Technical staff with the policy’s training days (12) in the year.',
    }),
    technicalCoverage: t.exposeFloat('technicalCoverage'),
  }),
});

const DegreeTargetRowRef = builder.objectRef<DegreeTargetRow>('DegreeTargetRow').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    category: t.exposeString('category'),
    maxAge: t.exposeInt('maxAge', { nullable: true, description: 'Only people under this age; null: everyone.' }),
    atLeast: t.exposeString('atLeast'),
    people: t.exposeInt('people'),
    meeting: t.exposeInt('meeting'),
    share: t.exposeFloat('share'),
    target: t.exposeFloat('target'),
    gap: t.exposeFloat('gap'),
    compliant: t.exposeBoolean('compliant'),
    peopleMeasure: t.exposeString('peopleMeasure', { description: 'The measure to drill for `people`.' }),
    meetingMeasure: t.exposeString('meetingMeasure', { description: 'The measure to drill for `meeting`.' }),
  }),
});

const SuccessionGapRowRef = builder.objectRef<SuccessionGapRow>('SuccessionGapRow').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    unitPath: t.string({
      description: 'The unit’s name with the units above it, from your own unit down (示范市·某县·教育局).',
      resolve: (r, _args, ctx) => unitPathText(ctx, r.unitCode),
    }),
    kind: t.expose('kind', { type: PositionKindEnum }),
    positions: t.exposeInt('positions'),
    expectedVacancies: t.exposeInt('expectedVacancies'),
    ready: t.exposeInt('ready'),
    gap: t.exposeInt('gap'),
    benchStrength: t.exposeFloat('benchStrength', {
      description: 'ready / expected vacancies (0 when none are expected).',
    }),
  }),
});

/** The succession gaps of a scope: the totals and the rows, each computed when asked. */
interface SuccessionGapsAnswer {
  horizonEnd: string;
  totals(): Promise<SuccessionTotals>;
  rows(): Promise<SuccessionGapReport['rows']>;
}

const SuccessionGapReportRef = builder.objectRef<SuccessionGapsAnswer>('SuccessionGapReport').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    horizonEnd: t.expose('horizonEnd', { type: 'Date' }),
    totalExpectedVacancies: t.int({ resolve: async (r) => (await r.totals()).totalExpectedVacancies }),
    totalReady: t.int({ resolve: async (r) => (await r.totals()).totalReady }),
    totalGap: t.int({
      description: 'The sum of the rows’ gaps: never netted across units.',
      resolve: async (r) => (await r.totals()).totalGap,
    }),
    rows: t.field({ type: [SuccessionGapRowRef], resolve: (r) => r.rows(), description: 'Worst first.' }),
  }),
});

const TeamSuccessionRef = builder.objectRef<TeamSuccession>('TeamSuccession').implement({
  authScopes: { signedIn: true },
  description: 'One team by the horizon, both kinds together; gap = principal gap + deputy gap (each never netted).',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    unitPath: t.string({
      description: 'The unit’s name with the units above it, from your own unit down (示范市·某县·教育局).',
      resolve: (r, _args, ctx) => unitPathText(ctx, r.unitCode),
    }),
    unitLevel: t.expose('unitLevel', { type: UnitLevelEnum }),
    expectedVacancies: t.exposeInt('expectedVacancies'),
    ready: t.exposeInt('ready'),
    gap: t.exposeInt('gap'),
    principalGap: t.exposeInt('principalGap'),
    deputyGap: t.exposeInt('deputyGap'),
  }),
});

const TeamRankingRef = builder.objectRef<{ total: number; teams: TeamSuccession[] }>('SuccessionRanking').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'Teams in scope (of the level asked for) with a gap.' }),
    teams: t.field({ type: [TeamSuccessionRef], resolve: (r) => r.teams, description: 'Largest gap first.' }),
  }),
});

builder.queryFields((t) => ({
  successionRanking: t.field({
    authScopes: { signedIn: true },
    type: TeamRankingRef,
    description:
      'The teams in scope with the largest succession gap by the horizon (their own posts and reserves), optionally of one level: the worst first.',
    args: {
      ...metricArgs,
      horizonYears: t.arg.int({ defaultValue: 1, validate: z.number().int().min(0).max(30) }),
      level: t.arg({ type: UnitLevelEnum }),
      first: t.arg.int({ defaultValue: 20, validate: z.number().int().min(0).max(500) }),
    },
    resolve: async (_root, args, ctx) =>
      successionRanking(await metricInput(ctx, args), args.horizonYears ?? 1, args.level ?? null, args.first ?? 20),
  }),
  degreeTargets: t.field({
    authScopes: { signedIn: true },
    type: [DegreeTargetRowRef],
    description: '学历结构: each degree target of the policy (of the unit’s kind) against the people in scope.',
    args: metricArgs,
    resolve: async (_root, args, ctx) => degreeTargets(await metricInput(ctx, args)),
  }),
  reserveRatio: t.field({
    authScopes: { signedIn: true },
    type: [ReserveRatioRowRef],
    description: 'One row per unit in scope that has positions of a kind, per kind.',
    args: metricArgs,
    resolve: async (_root, args, ctx) => reserveRatio(await metricInput(ctx, args)),
  }),
  poolStructure: t.field({
    authScopes: { signedIn: true },
    type: PoolStructureRef,
    args: {
      ...metricArgs,
      kind: t.arg({ type: PositionKindEnum, description: 'Omitted: both kinds together.' }),
    },
    resolve: async (_root, args, ctx) => {
      const input = await metricInput(ctx, args);
      // Today's counts are kept per unit and patched after each change (analytics/kept.ts).
      return poolStructure(input, args.kind ?? null, keptOn(input.asOf));
    },
  }),
  trainingCoverage: t.field({
    authScopes: { signedIn: true },
    type: TrainingCoverageRef,
    args: {
      ...metricArgs,
      year: t.arg.int({ required: true, validate: z.number().int().min(1900).max(2999) }),
      asOf: t.arg({ type: 'Date', description: 'Omitted: 31 December of `year`.' }),
    },
    resolve: async (_root, args, ctx) =>
      trainingCoverage(await metricInput(ctx, args, () => `${args.year}-12-31`), args.year),
  }),
  successionGaps: t.field({
    authScopes: { signedIn: true },
    type: SuccessionGapReportRef,
    args: {
      ...metricArgs,
      horizonYears: t.arg.int({ defaultValue: 1, validate: z.number().int().min(0).max(30) }),
    },
    resolve: async (_root, args, ctx): Promise<SuccessionGapsAnswer> => {
      const input = await metricInput(ctx, args);
      const horizonYears = args.horizonYears ?? 1;
      return {
        horizonEnd: addYears(input.asOf, horizonYears),
        // Today's totals are summed from groups kept per unit and patched after each change.
        totals: () => successionTotals(input, horizonYears, keptOn(input.asOf)),
        rows: async () => (await successionGaps(input, horizonYears)).rows,
      };
    },
  }),
}));
