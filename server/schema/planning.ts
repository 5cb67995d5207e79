// Planning: the intake each unit needs so that its reserve ratio and structure hold at the
// horizon (docs/domain.md, "Planning") — deterministic or by seeded Monte Carlo runs in a worker
// thread (as a job that reports progress and can be cancelled), rates learned from history,
// saved scenarios compared side by side, and an intake plan optimised across units.

import { z } from 'zod';
import type { MonteCarloHooks } from '../../analytics/planning/intake.ts';
import {
  type IntakeProjection,
  type IntakeRow,
  type IntakeYear,
  simulateIntake,
  type UnitIntakeRange,
} from '../../analytics/planning/intake.ts';
import type { Percentiles } from '../../analytics/planning/monte-carlo.ts';
import { type LearnedRates, learnedRates } from '../../analytics/planning/rates.ts';
import { todayIso } from '../../domain/dates.ts';
import { PROFILE_RULES, type ProfileNeed, withOverrides } from '../../domain/planning.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { readable } from '../lang.ts';
import { cancelJob, jobOf, type SimulationJob, startJob } from '../planning/jobs.ts';
import { DEFAULT_RUNS, DEFAULT_SEED, PARAM_BOUNDS, type SimulationParams, scenarioOf } from '../planning/params.ts';
import { PositionKindEnum } from './enums.ts';
import { metricInput, pageOffset, pageSize } from './metric-input.ts';
import { unitPathText } from './unit-path.ts';

export const ModeEnum = builder.enumType('IntakeMode', { values: ['DETERMINISTIC', 'MONTE_CARLO'] as const });
export const ProfileRuleEnum = builder.enumType('ProfileRule', {
  values: PROFILE_RULES,
  description:
    'A structure target an intake’s profile answers: SPECIAL (women, minorities or non-CPC, counted once), YOUNG (under the kind’s young age), AGE_BAND (the main age band), NEAR_TERM (近期可用), BACHELOR (本科 or above).',
});

/** The simulation's parameters, shared by SimulateIntakeInput and a saved scenario. */
type ParamFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];
function paramFields(t: ParamFieldBuilder) {
  return {
    subtree: t.boolean({ defaultValue: true }),
    horizonYears: t.int({ defaultValue: 1, validate: PARAM_BOUNDS.horizonYears }),
    mode: t.field({ type: ModeEnum, defaultValue: 'DETERMINISTIC' }),
    runs: t.int({ description: `Monte Carlo runs (default ${DEFAULT_RUNS}).`, validate: PARAM_BOUNDS.runs }),
    seed: t.int({ description: `The same seed gives the same answer (default ${DEFAULT_SEED}).` }),
    promotionProbability: t.float({
      description: 'Share of the fillable vacancies that ready entries fill (default 1).',
      validate: PARAM_BOUNDS.promotionProbability,
    }),
    attritionRate: t.float({
      description: 'Yearly share of the remaining entries that leave otherwise (default 0).',
      validate: PARAM_BOUNDS.attritionRate,
    }),
    midToNearRate: t.float({
      description: 'Yearly probability 中期 → 近期 (default 0).',
      validate: PARAM_BOUNDS.midToNearRate,
    }),
    longToMidRate: t.float({
      description: 'Yearly probability 远期 → 中期 (default 0).',
      validate: PARAM_BOUNDS.longToMidRate,
    }),
    reserveRatioPrincipal: t.float({
      description: 'Overrides the policy’s principal ratio.',
      validate: PARAM_BOUNDS.reserveRatioPrincipal,
    }),
    reserveRatioDeputy: t.float({
      description: 'Overrides the policy’s deputy ratio.',
      validate: PARAM_BOUNDS.reserveRatioDeputy,
    }),
    retirementAge: t.int({
      description: 'Overrides the policy’s retirement age.',
      validate: PARAM_BOUNDS.retirementAge,
    }),
    ageLimitPrincipal: t.int({
      description: 'Overrides the principal reserves’ age limit.',
      validate: PARAM_BOUNDS.ageLimitPrincipal,
    }),
    ageLimitDeputy: t.int({
      description: 'Overrides the deputy reserves’ age limit.',
      validate: PARAM_BOUNDS.ageLimitDeputy,
    }),
    intakeBudget: t.int({
      description: 'The intake budget the optimiser allocates.',
      validate: PARAM_BOUNDS.intakeBudget,
    }),
  };
}

export const SimulateIntakeInput = builder.inputType('SimulateIntakeInput', {
  fields: (t) => ({
    unitCode: t.string({ required: true, validate: PARAM_BOUNDS.unitCode }),
    asOf: t.field({ type: 'Date', description: 'Omitted: today.' }),
    ...paramFields(t),
  }),
});

export const ScenarioParamsInput = builder.inputType('ScenarioParamsInput', {
  description: 'A saved scenario’s parameters: the simulation input without its date.',
  fields: (t) => ({ unitCode: t.string({ required: true, validate: PARAM_BOUNDS.unitCode }), ...paramFields(t) }),
});

const PercentilesRef = builder.objectRef<Percentiles>('Percentiles').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({ p10: t.exposeInt('p10'), p50: t.exposeInt('p50'), p90: t.exposeInt('p90') }),
});

const ProfileNeedRef = builder.objectRef<ProfileNeed>('IntakeProfileNeed').implement({
  authScopes: { signedIn: true },
  description: 'How many of the intake must have an attribute so that a structure target holds at the horizon.',
  fields: (t) => ({
    rule: t.expose('rule', { type: ProfileRuleEnum }),
    share: t.exposeFloat('share', { nullable: true, description: 'The target share (share rules).' }),
    count: t.exposeInt('count', { nullable: true, description: 'The target count (YOUNG).' }),
    projected: t.exposeInt('projected', { description: 'Members with it projected at the horizon, without intake.' }),
    required: t.exposeInt('required', { description: 'The minimum number of the intake with it.' }),
    extraIntake: t.exposeInt('extraIntake', {
      nullable: true,
      description: 'Intake beyond the ratio’s the target needs (0: none); null: no intake can reach it.',
    }),
  }),
});

type IntakeRowYear = IntakeRow['years'][number] & { year: number; profile: () => Promise<ProfileNeed[]> };
const IntakeRowYearRef = builder.objectRef<IntakeRowYear>('IntakeRowYear').implement({
  authScopes: { signedIn: true },
  description:
    'One unit and kind in one year of the horizon (planning model 2): expected values, and the planned intake.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    vacancies: t.exposeInt('vacancies', { description: 'Posts falling vacant this year (each at its first date).' }),
    ready: t.exposeFloat('ready', { description: 'Near-term weight of cultivated members before promotions.' }),
    promotions: t.exposeFloat('promotions', { description: 'p × min(vacancies, ready).' }),
    stock: t.exposeFloat('stock', { description: 'After promotions and attrition, before this year’s intake.' }),
    cohorts: t.exposeFloat('cohorts', { description: 'Of the stock, the weight of earlier years’ intake.' }),
    need: t.exposeFloat('need', { description: 'max(0, target − stock): a real number.' }),
    intake: t.exposeInt('intake', { description: 'This year’s planned intake: the scope’s shortfall apportioned.' }),
    profile: t.field({
      type: [ProfileNeedRef],
      description:
        'What this year’s intake must contain: the members the structure targets at this year’s end need from all the intake so far, less what the year before needed.',
      resolve: (y) => y.profile(),
    }),
  }),
});

const IntakeRowRef = builder.objectRef<IntakeRow>('IntakeRow').implement({
  authScopes: { signedIn: true },
  description:
    'One unit and kind with posts over the horizon (planning model 2): its flows year by year and its planned intake.',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    unitPath: t.string({
      description: 'The unit’s name with the units above it, from your own unit down (示范市·某县·教育局).',
      resolve: (r, _args, ctx) => unitPathText(ctx, r.unitCode),
    }),
    kind: t.expose('kind', { type: PositionKindEnum }),
    positions: t.exposeInt('positions'),
    target: t.exposeInt('target', { description: 'ceil(ratio × positions at asOf).' }),
    expectedVacancies: t.exposeInt('expectedVacancies', { description: 'Posts falling vacant by the horizon.' }),
    stays: t.exposeInt('stays', { description: 'Active entries that stay to the horizon.' }),
    ready: t.exposeInt('ready', { description: 'Of them, ready by the horizon without tier progress.' }),
    readyByHorizon: t.exposeFloat('readyByHorizon', {
      description: 'The ready weight in the horizon’s last year, with tier progress and earlier intake.',
    }),
    promoted: t.exposeFloat('promoted', { description: 'Σ of the years’ expected promotions.' }),
    projectedReserves: t.exposeFloat('projectedReserves', {
      description: 'The expected stock in the horizon’s last year, before its intake.',
    }),
    need: t.exposeFloat('need', { description: 'Σ of the years’ needs (real).' }),
    intake: t.exposeInt('intake', { description: 'Σ of the years’ planned intakes.' }),
    years: t.field({
      type: [IntakeRowYearRef],
      resolve: (r) => r.years.map((y, i) => ({ ...y, year: i + 1, profile: () => r.yearProfile(i + 1) })),
    }),
    profile: t.field({ type: [ProfileNeedRef], resolve: (r) => r.profile() }),
  }),
});

const IntakeYearRef = builder.objectRef<IntakeYear>('IntakeYear').implement({
  authScopes: { signedIn: true },
  description: 'The scope’s totals in one year of the horizon (planning model 2).',
  fields: (t) => ({
    year: t.exposeInt('year'),
    end: t.field({ type: 'Date', resolve: (y) => y.end }),
    positions: t.exposeInt('positions'),
    target: t.exposeInt('target'),
    pool: t.exposeFloat('pool', { description: 'Σ expected stock, before the year’s intake.' }),
    need: t.exposeFloat('need', { description: 'Σ need: the year’s expected shortfall (real).' }),
    intake: t.exposeInt('intake', { description: 'The year’s planned intake: round-half-up(Σ need), apportioned.' }),
    expectedVacancies: t.exposeInt('expectedVacancies', { description: 'Posts falling vacant this year.' }),
    ready: t.exposeFloat('ready'),
    promoted: t.exposeFloat('promoted'),
    successionGap: t.exposeFloat('successionGap', {
      description: 'Σ max(0, vacancies − ready): posts falling vacant this year with nobody ready.',
    }),
    intakeRange: t.field({ type: PercentilesRef, nullable: true, resolve: (y) => y.intakeRange }),
    poolRange: t.field({ type: PercentilesRef, nullable: true, resolve: (y) => y.poolRange }),
  }),
});

const UnitIntakeRangeRef = builder.objectRef<UnitIntakeRange>('UnitIntakeRange').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    unitPath: t.string({
      description: 'The unit’s name with the units above it, from your own unit down (示范市·某县·教育局).',
      resolve: (r, _args, ctx) => unitPathText(ctx, r.unitCode),
    }),
    p10: t.exposeInt('p10'),
    p50: t.exposeInt('p50'),
    p90: t.exposeInt('p90'),
    meetsWithoutIntake: t.exposeFloat('meetsWithoutIntake', {
      description:
        'Share of the runs in which the unit meets its ratio targets without intake; over a one-year horizon, the exact probability.',
    }),
  }),
});

export const IntakeProjectionRef = builder.objectRef<IntakeProjection>('IntakeProjection').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    horizonEnd: t.field({ type: 'Date', resolve: (p) => p.horizonEnd }),
    mode: t.field({ type: ModeEnum, resolve: (p) => p.mode }),
    totalIntake: t.exposeInt('totalIntake', {
      description: 'Σ of the years’ planned intakes (deterministic), or the P50 of the runs’ totals (Monte Carlo).',
    }),
    p10: t.exposeInt('p10', { nullable: true, description: 'Monte Carlo only: percentiles of the total intake.' }),
    p50: t.exposeInt('p50', { nullable: true }),
    p90: t.exposeInt('p90', { nullable: true }),
    runs: t.exposeInt('runs', { nullable: true }),
    seed: t.exposeInt('seed', { nullable: true }),
    rowCount: t.int({
      args: { onlyWithIntake: t.arg.boolean({ description: 'Only rows that need intake.' }) },
      resolve: (p, args) => (args.onlyWithIntake ? p.rows.filter((r) => r.intake > 0).length : p.rows.length),
    }),
    rows: t.field({
      type: [IntakeRowRef],
      // The projection was checked; its 97 000 rows need not be, one by one.
      skipTypeScopes: true,
      description: 'The deterministic projection per unit and kind; every row unless paged.',
      args: {
        onlyWithIntake: t.arg.boolean({ description: 'Only rows that need intake.' }),
        first: t.arg.int({ validate: z.number().int().min(0).max(200_000) }),
        offset: t.arg.int({ validate: pageOffset }),
      },
      resolve: (p, args) => {
        const rows = args.onlyWithIntake ? p.rows.filter((r) => r.intake > 0) : p.rows;
        const from = args.offset ?? 0;
        return rows.slice(from, args.first == null ? undefined : from + args.first);
      },
    }),
    years: t.field({ type: [IntakeYearRef], resolve: (p) => p.years }),
    units: t.field({
      type: [UnitIntakeRangeRef],
      nullable: true,
      description:
        'Monte Carlo only: per unit, the percentiles of its intake and how often it needs none (over the runs; over a one-year horizon, of its exact law).',
      args: { first: t.arg.int({ validate: pageSize }), offset: t.arg.int({ validate: pageOffset }) },
      resolve: (p, args) => {
        if (!p.units) return null;
        const from = args.offset ?? 0;
        return p.units.slice(from, from + (args.first ?? 100));
      },
    }),
  }),
});

/** The projection of a simulation's parameters at a date, within the viewer's scope. */
export async function project(
  ctx: Context,
  params: SimulationParams,
  asOf: string | null | undefined,
  hooks?: MonteCarloHooks,
): Promise<IntakeProjection> {
  const metric = await metricInput(ctx, { unitCode: params.unitCode, subtree: params.subtree, asOf });
  const { scenario, overrides } = scenarioOf(params);
  return simulateIntake(
    { ...metric, policies: withOverrides(metric.policies, overrides) },
    scenario,
    params.mode ?? 'DETERMINISTIC',
    { runs: params.runs ?? DEFAULT_RUNS, seed: params.seed ?? DEFAULT_SEED },
    hooks,
  );
}

const JobStatusEnum = builder.enumType('SimulationStatus', {
  values: ['RUNNING', 'DONE', 'CANCELLED', 'FAILED'] as const,
});

const SimulationJobRef = builder.objectRef<SimulationJob<IntakeProjection>>('SimulationJob').implement({
  authScopes: { signedIn: true },
  description: 'A Monte Carlo simulation running in the background: its progress, then its answer.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.field({ type: JobStatusEnum, resolve: (j) => j.status }),
    runs: t.exposeInt('runs'),
    runsDone: t.exposeInt('runsDone'),
    progress: t.float({ resolve: (j) => (j.runs ? j.runsDone / j.runs : 1) }),
    startedAt: t.string({ resolve: (j) => j.startedAt.toISOString() }),
    finishedAt: t.string({ nullable: true, resolve: (j) => j.finishedAt?.toISOString() ?? null }),
    error: t.exposeString('error', { nullable: true }),
    result: t.field({ type: IntakeProjectionRef, nullable: true, resolve: (j) => j.result }),
  }),
});

/**
 * Starts a projection as a job (simulateIntake in Monte Carlo mode, startSimulation). The scope
 * is checked before the job starts, so an error there is the request's own; the date is fixed
 * now, so a job that runs past midnight still answers for the day it was asked.
 */
async function startProjection(
  ctx: Context,
  input: SimulationParams & { asOf?: string | null },
): Promise<SimulationJob<IntakeProjection>> {
  await metricInput(ctx, { unitCode: input.unitCode, subtree: input.subtree, asOf: input.asOf });
  const asOf = input.asOf ?? todayIso();
  const runs = input.mode === 'MONTE_CARLO' ? (input.runs ?? DEFAULT_RUNS) : 0;
  return startJob(owner(ctx), runs, (hooks) => project(ctx, input, asOf, hooks));
}

/** Whose a job or a heavy request is: the account (jobs and limits are per account). */
export const owner = (ctx: Context) => `${ctx.viewer.userId ?? ctx.viewer.actor}`;

const LearnedRateRef = builder
  .objectRef<{ perEntryYear: number; yearly: number; events: number }>('LearnedRate')
  .implement({
    authScopes: { signedIn: true },
    fields: (t) => ({
      perEntryYear: t.exposeFloat('perEntryYear'),
      yearly: t.exposeFloat('yearly', { description: '1 − e^(−perEntryYear): a yearly probability.' }),
      events: t.exposeInt('events'),
    }),
  });

const KindRatesRef = builder.objectRef<LearnedRates['kinds'][number]>('KindRates').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    kind: t.expose('kind', { type: PositionKindEnum }),
    exposureYears: t.exposeFloat('exposureYears', { description: 'Entry-years active in the window.' }),
    entries: t.exposeInt('entries'),
    promotion: t.field({ type: LearnedRateRef, resolve: (k) => k.promotion }),
    removal: t.field({
      type: LearnedRateRef,
      resolve: (k) => k.removal,
      description: 'Removals: the scenario’s attrition.',
    }),
    expiry: t.field({ type: LearnedRateRef, resolve: (k) => k.expiry }),
    promotionShare: t.exposeFloat('promotionShare', {
      nullable: true,
      description: 'promoted / (promoted + expired): offered as the promotion probability.',
    }),
    removalReasons: t.field({
      type: [
        builder.objectRef<{ reason: string; events: number; perEntryYear: number }>('RemovalReason').implement({
          authScopes: { signedIn: true },
          fields: (u) => ({
            reason: u.string({ resolve: (r) => readable(r.reason) ?? '' }),
            events: u.exposeInt('events'),
            perEntryYear: u.exposeFloat('perEntryYear'),
          }),
        }),
      ],
      resolve: (k) => k.removalReasons,
    }),
  }),
});

const UnitRatesRef = builder.objectRef<LearnedRates['units'][number]>('UnitRates').implement({
  authScopes: { signedIn: true },
  description: 'One unit’s rates, shrunk toward its kind’s: (events + k × overall) / (exposure + k).',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    unitPath: t.string({
      description: 'The unit’s name with the units above it, from your own unit down (示范市·某县·教育局).',
      resolve: (r, _args, ctx) => unitPathText(ctx, r.unitCode),
    }),
    kind: t.expose('kind', { type: PositionKindEnum }),
    exposureYears: t.exposeFloat('exposureYears'),
    promotions: t.exposeInt('promotions'),
    removals: t.exposeInt('removals'),
    promotionYearly: t.exposeFloat('promotionYearly'),
    removalYearly: t.exposeFloat('removalYearly'),
  }),
});

const LearnedRatesRef = builder.objectRef<LearnedRates>('LearnedRates').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    windowStart: t.field({ type: 'Date', resolve: (r) => r.windowStart }),
    windowEnd: t.field({ type: 'Date', resolve: (r) => r.windowEnd }),
    priorWeight: t.exposeFloat('priorWeight'),
    kinds: t.field({ type: [KindRatesRef], resolve: (r) => r.kinds }),
    units: t.field({ type: [UnitRatesRef], resolve: (r) => r.units }),
    unitCount: t.exposeInt('unitCount'),
    suggested: t.field({
      type: builder.objectRef<LearnedRates>('SuggestedScenario').implement({
        authScopes: { signedIn: true },
        description: 'Scenario defaults from the learned rates (all kinds together).',
        fields: (u) => ({
          promotionProbability: u.float({
            nullable: true,
            resolve: (r) => {
              const promoted = r.kinds.reduce((s, k) => s + k.promotion.events, 0);
              const expired = r.kinds.reduce((s, k) => s + k.expiry.events, 0);
              return promoted + expired ? promoted / (promoted + expired) : null;
            },
          }),
          attritionRate: u.float({
            resolve: (r) => {
              const years = r.kinds.reduce((s, k) => s + k.exposureYears, 0);
              const removed = r.kinds.reduce((s, k) => s + k.removal.events, 0);
              return years ? 1 - Math.exp(-removed / years) : 0;
            },
          }),
          midToNearRate: u.float({
            nullable: true,
            description: 'Not learnable: no dated tier history.',
            resolve: () => null,
          }),
          longToMidRate: u.float({
            nullable: true,
            description: 'Not learnable: no dated tier history.',
            resolve: () => null,
          }),
        }),
      }),
      resolve: (r) => r,
    }),
  }),
});

builder.queryFields((t) => ({
  simulateIntake: t.field({
    authScopes: { signedIn: true },
    type: IntakeProjectionRef,
    description:
      'The intake each unit and kind needs so that its reserve ratio holds at asOf + H years, with the profile the structure targets want. Monte Carlo runs in a worker thread; for long runs use startSimulation.',
    args: { input: t.arg({ type: SimulateIntakeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.mode !== 'MONTE_CARLO') return project(ctx, input, input.asOf);
      // Monte Carlo runs as a job (the same limits as startSimulation: one per account, two on
      // the server), awaited here; a client that goes away cancels it.
      const job = await startProjection(ctx, input);
      const onAbort = () => cancelJob(owner(ctx), job.id);
      ctx.request?.signal?.addEventListener('abort', onAbort);
      try {
        await job.done;
      } finally {
        ctx.request?.signal?.removeEventListener('abort', onAbort);
      }
      if (job.status !== 'DONE') throw new Error(job.error ?? 'the simulation did not finish');
      return job.result!;
    },
  }),
  simulationJob: t.field({
    authScopes: { signedIn: true },
    type: SimulationJobRef,
    description: 'A simulation you started: its progress, then its answer.',
    args: { id: t.arg.id({ required: true, validate: z.string().max(64) }) },
    resolve: (_root, { id }, ctx) => jobOf(owner(ctx), String(id)) as SimulationJob<IntakeProjection>,
  }),
  learnedRates: t.field({
    authScopes: { signedIn: true },
    type: LearnedRatesRef,
    description: 'Promotion, removal and expiry rates learned from the dated history of the subtree.',
    args: {
      unitCode: t.arg.string({ required: true, validate: z.string().max(64) }),
      subtree: t.arg.boolean({ defaultValue: true }),
      asOf: t.arg({ type: 'Date' }),
      windowYears: t.arg.int({ defaultValue: 3, validate: z.number().int().min(1).max(10) }),
      priorWeight: t.arg.float({
        defaultValue: 5,
        description: 'Entry-years the overall rate weighs in a unit’s.',
        validate: z.number().min(0).max(1000),
      }),
      first: t.arg.int({ defaultValue: 100, validate: pageSize }),
      offset: t.arg.int({ defaultValue: 0, validate: pageOffset }),
    },
    resolve: async (_root, args, ctx) =>
      learnedRates(await metricInput(ctx, args), {
        windowYears: args.windowYears ?? 3,
        priorWeight: args.priorWeight ?? 5,
        first: args.first ?? 100,
        offset: args.offset ?? 0,
      }),
  }),
}));

builder.mutationFields((t) => ({
  startSimulation: t.field({
    authScopes: { signedIn: true },
    type: SimulationJobRef,
    description:
      'Starts a simulation in the background (give mode: MONTE_CARLO for runs); poll simulationJob, or cancelSimulation.',
    args: { input: t.arg({ type: SimulateIntakeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return startProjection(ctx, input);
    },
  }),
  cancelSimulation: t.field({
    authScopes: { signedIn: true },
    type: SimulationJobRef,
    args: { id: t.arg.id({ required: true, validate: z.string().max(64) }) },
    resolve: (_root, { id }, ctx) => cancelJob(owner(ctx), String(id)) as SimulationJob<IntakeProjection>,
  }),
}));
