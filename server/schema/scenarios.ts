// Saved planning scenarios: save, list, re-run, compare side by side, archive; and the intake
// plan optimised across units for a budget (analytics/planning/optimise.ts).
import { z } from 'zod';
import type { IntakeProjection } from '../../analytics/planning/intake.ts';
import {
  optimiseByYear,
  type PlannedGroupYears,
  type YearlyIntakePlan,
  type YearPlan,
} from '../../analytics/planning/optimise-years.ts';
import { todayIso } from '../../domain/dates.ts';
import type { PositionKind } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import { withOverrides } from '../../domain/planning.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { db } from '../db/client.ts';
import { oneAtATime } from '../planning/jobs.ts';
import { type SimulationParams, scenarioOf } from '../planning/params.ts';
import {
  archiveScenario,
  listScenarios,
  paramsOf,
  type ScenarioRow,
  saveScenario,
  scenarioFor,
} from '../planning/scenarios.ts';
import { PositionKindEnum } from './enums.ts';
import { metricInput, pageOffset, pageSize } from './metric-input.ts';
import {
  IntakeProjectionRef,
  ModeEnum,
  owner,
  ProfileRuleEnum,
  project,
  ScenarioParamsInput,
  SimulateIntakeInput,
} from './planning.ts';

const ScenarioParamsRef = builder.objectRef<SimulationParams>('ScenarioParams').implement({
  authScopes: { signedIn: true },
  description: 'A scenario’s parameters as saved (null: the default).',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    subtree: t.boolean({ nullable: true, resolve: (p) => p.subtree ?? null }),
    horizonYears: t.int({ nullable: true, resolve: (p) => p.horizonYears ?? null }),
    mode: t.field({ type: ModeEnum, nullable: true, resolve: (p) => p.mode ?? null }),
    runs: t.int({ nullable: true, resolve: (p) => p.runs ?? null }),
    seed: t.int({ nullable: true, resolve: (p) => p.seed ?? null }),
    promotionProbability: t.float({ nullable: true, resolve: (p) => p.promotionProbability ?? null }),
    attritionRate: t.float({ nullable: true, resolve: (p) => p.attritionRate ?? null }),
    midToNearRate: t.float({ nullable: true, resolve: (p) => p.midToNearRate ?? null }),
    longToMidRate: t.float({ nullable: true, resolve: (p) => p.longToMidRate ?? null }),
    reserveRatioPrincipal: t.float({ nullable: true, resolve: (p) => p.reserveRatioPrincipal ?? null }),
    reserveRatioDeputy: t.float({ nullable: true, resolve: (p) => p.reserveRatioDeputy ?? null }),
    retirementAge: t.int({ nullable: true, resolve: (p) => p.retirementAge ?? null }),
    ageLimitPrincipal: t.int({ nullable: true, resolve: (p) => p.ageLimitPrincipal ?? null }),
    ageLimitDeputy: t.int({ nullable: true, resolve: (p) => p.ageLimitDeputy ?? null }),
    intakeBudget: t.int({ nullable: true, resolve: (p) => p.intakeBudget ?? null }),
  }),
});

const ScenarioRef = builder.objectRef<ScenarioRow>('PlanningScenario').implement({
  // Wherever a scenario is reached, its unit must be inside the viewer's subtree.
  authScopes: async (s, ctx) => ({ units: [await ctx.loaders.unitPath.load(s.unitCode)] }),
  description: 'A named set of simulation parameters, saved with its author and the policy versions then in force.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    unitCode: t.exposeString('unitCode'),
    params: t.field({ type: ScenarioParamsRef, resolve: (s) => paramsOf(s) }),
    author: t.string({ resolve: (s) => s.author.username }),
    policyVersions: t.intList({ resolve: (s) => JSON.parse(s.policyVersions) as number[] }),
    model: t.exposeInt('model', {
      description:
        'The planning model it was saved under: 1 (one step to the horizon, before 2026-12-04) or 2 (year by year). Runs use the current model.',
    }),
    createdAt: t.string({ resolve: (s) => s.createdAt.toISOString() }),
    updatedAt: t.string({ resolve: (s) => s.updatedAt.toISOString() }),
    archivedAt: t.string({ nullable: true, resolve: (s) => s.archivedAt?.toISOString() ?? null }),
  }),
});

interface ComparedRow {
  unitCode: string;
  unitName: string;
  kind: PositionKind;
  order: number;
  intakes: (number | null)[];
  gaps: (number | null)[];
  spread: number;
}
interface Comparison {
  asOf: string;
  scenarios: ScenarioRow[];
  projections: IntakeProjection[];
  rows: ComparedRow[];
}

const ComparedRowRef = builder.objectRef<ComparedRow>('ScenarioComparisonRow').implement({
  authScopes: { signedIn: true },
  description: 'One unit and kind under each scenario, in the order asked (null: not in that scenario’s scope).',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    kind: t.expose('kind', { type: PositionKindEnum }),
    intakes: t.field({ type: ['Int'], nullable: { list: false, items: true }, resolve: (r) => r.intakes }),
    successionGaps: t.field({
      type: ['Float'],
      nullable: { list: false, items: true },
      description: 'Σ over the years of max(0, vacancies − ready): expected posts falling vacant with nobody ready.',
      resolve: (r) => r.gaps,
    }),
    spread: t.exposeInt('spread', { description: 'The largest intake less the smallest.' }),
  }),
});

const ScenarioTotalsRef = builder
  .objectRef<{ scenario: ScenarioRow; projection: IntakeProjection }>('ScenarioTotals')
  .implement({
    authScopes: { signedIn: true },
    fields: (t) => ({
      scenario: t.field({ type: ScenarioRef, resolve: (x) => x.scenario }),
      totalIntake: t.int({ resolve: (x) => x.projection.totalIntake }),
      intakeByYear: t.intList({
        description: 'Each year’s planned intake (model 2): the years compare one by one.',
        resolve: (x) => x.projection.years.map((y) => y.intake),
      }),
      successionGap: t.float({ resolve: (x) => x.projection.years.at(-1)?.successionGap ?? 0 }),
      pool: t.float({ resolve: (x) => x.projection.years.at(-1)?.pool ?? 0 }),
      horizonEnd: t.field({ type: 'Date', resolve: (x) => x.projection.horizonEnd }),
    }),
  });

const ComparisonRef = builder.objectRef<Comparison>('ScenarioComparison').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    asOf: t.field({ type: 'Date', resolve: (c) => c.asOf }),
    scenarios: t.field({
      type: [ScenarioTotalsRef],
      resolve: (c) => c.scenarios.map((scenario, i) => ({ scenario, projection: c.projections[i]! })),
    }),
    differingRows: t.int({ resolve: (c) => c.rows.filter((r) => r.spread > 0).length }),
    rows: t.field({
      type: [ComparedRowRef],
      description: 'Largest spread first; only rows that differ unless `all`.',
      args: {
        all: t.arg.boolean({ defaultValue: false }),
        first: t.arg.int({ defaultValue: 100, validate: pageSize }),
        offset: t.arg.int({ defaultValue: 0, validate: pageOffset }),
      },
      resolve: (c, args) => {
        const rows = args.all ? c.rows : c.rows.filter((r) => r.spread > 0);
        const from = args.offset ?? 0;
        return rows.slice(from, from + (args.first ?? 100));
      },
    }),
  }),
});

const PlannedGroupRef = builder.objectRef<PlannedGroupYears>('PlannedIntake').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    kind: t.expose('kind', { type: PositionKindEnum }),
    intake: t.exposeInt('intake', { description: 'Σ of the years’ intake.' }),
    years: t.field({
      type: [
        builder.objectRef<{ year: number; intake: number }>('PlannedIntakeYear').implement({
          authScopes: { signedIn: true },
          fields: (u) => ({ year: u.exposeInt('year'), intake: u.exposeInt('intake') }),
        }),
      ],
      resolve: (g) => g.years,
    }),
    profile: t.field({
      type: [
        builder.objectRef<{ rule: string; count: number }>('PlannedProfile').implement({
          authScopes: { signedIn: true },
          fields: (u) => ({
            rule: u.field({ type: ProfileRuleEnum, resolve: (p) => p.rule as never }),
            count: u.exposeInt('count'),
          }),
        }),
      ],
      resolve: (g) => g.profile,
    }),
    ratioShortfall: t.exposeInt('ratioShortfall'),
    structureShortfalls: t.field({
      type: [
        builder.objectRef<{ rule: string; shortfall: number }>('StructureShortfall').implement({
          authScopes: { signedIn: true },
          fields: (u) => ({
            rule: u.field({ type: ProfileRuleEnum, resolve: (p) => p.rule as never }),
            shortfall: u.exposeFloat('shortfall'),
          }),
        }),
      ],
      resolve: (g) => g.structureShortfalls,
    }),
  }),
});

type Binding = YearlyIntakePlan['binding'][number];

const BindingRef = builder.objectRef<Binding>('BindingConstraint').implement({
  authScopes: { signedIn: true },
  description: 'What binds, with its parts (for a message in the reader’s language) and an English sentence.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'BUDGET_EXHAUSTED, RATIO_SHORT or STRUCTURE_SHORT.' }),
    unitCode: t.exposeString('unitCode', { nullable: true }),
    unitName: t.exposeString('unitName', { nullable: true }),
    shortfall: t.exposeFloat('shortfall', {
      description: 'Reserves or members short; for BUDGET_EXHAUSTED the reserves missing in all.',
    }),
    kind: t.field({ type: PositionKindEnum, nullable: true, resolve: (b) => b.kind }),
    rule: t.field({ type: ProfileRuleEnum, nullable: true, resolve: (b) => b.rule as never }),
    year: t.exposeInt('year', { description: 'The horizon year whose allocation this binds.' }),
    message: t.exposeString('message'),
  }),
});

const IntakePlanYearRef = builder.objectRef<YearPlan>('IntakePlanYear').implement({
  authScopes: { signedIn: true },
  description: 'One year’s allocation of its budget.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    end: t.field({ type: 'Date', resolve: (y) => y.end }),
    status: t.exposeString('status'),
    used: t.exposeInt('used'),
    objective: t.exposeFloat('objective', { description: 'The weighted shortfall left at this year’s end.' }),
  }),
});

const IntakePlanRef = builder.objectRef<YearlyIntakePlan>('IntakePlan').implement({
  authScopes: { signedIn: true },
  description:
    'Intake allocated to units and profiles within a budget each year, year by year, minimising the weighted shortfall (HiGHS).',
  fields: (t) => ({
    status: t.exposeString('status'),
    horizonEnd: t.field({ type: 'Date', resolve: (p) => p.horizonEnd }),
    budget: t.exposeInt('budget', { description: 'The budget of each year.' }),
    used: t.exposeInt('used', { description: 'Σ of the years’ intake.' }),
    objective: t.exposeFloat('objective', { description: 'The weighted shortfall left at the horizon.' }),
    solveMs: t.exposeFloat('solveMs'),
    years: t.field({ type: [IntakePlanYearRef], resolve: (p) => p.years }),
    groups: t.field({
      type: [PlannedGroupRef],
      description: 'Groups given intake or left short, largest intake first.',
      args: {
        first: t.arg.int({ defaultValue: 100, validate: pageSize }),
        offset: t.arg.int({ defaultValue: 0, validate: pageOffset }),
      },
      resolve: (p, args) => {
        const rows = p.groups
          .filter((g) => g.intake > 0 || g.ratioShortfall > 0 || g.structureShortfalls.some((s) => s.shortfall > 0))
          .sort((a, b) => b.intake - a.intake || b.ratioShortfall - a.ratioShortfall);
        const from = args.offset ?? 0;
        return rows.slice(from, from + (args.first ?? 100));
      },
    }),
    binding: t.field({ type: [BindingRef], resolve: (p) => p.binding }),
  }),
});

const idArg = z.string().regex(/^\d{1,9}$/, 'must be a scenario id');

async function compare(ctx: Context, ids: number[], asOf: string): Promise<Comparison> {
  const scenarios = await Promise.all(ids.map((id) => scenarioFor(db, ctx.viewer, id)));
  const projections: IntakeProjection[] = [];
  // One after another: each is a full projection of its subtree.
  for (const s of scenarios) projections.push(await project(ctx, { ...paramsOf(s), mode: 'DETERMINISTIC' }, asOf));
  const rows = new Map<string, ComparedRow>();
  projections.forEach((p, i) => {
    for (const r of p.rows) {
      const key = `${r.unitCode}\u0000${r.kind}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          unitCode: r.unitCode,
          unitName: r.unitName,
          kind: r.kind,
          order: r.order,
          intakes: ids.map(() => null),
          gaps: ids.map(() => null),
          spread: 0,
        };
        rows.set(key, row);
      }
      row.intakes[i] = r.intake;
      row.gaps[i] = r.years.reduce((sum, y) => sum + Math.max(0, y.vacancies - y.ready), 0);
    }
  });
  const list = [...rows.values()];
  for (const r of list) {
    const values = r.intakes.map((x) => x ?? 0);
    r.spread = Math.max(...values) - Math.min(...values);
  }
  list.sort((a, b) => b.spread - a.spread || a.order - b.order || (a.kind < b.kind ? 1 : -1));
  return { asOf, scenarios, projections, rows: list };
}

/** The optimiser's groups: each unit and kind's target, projection and structure needs. */
builder.queryFields((t) => ({
  scenarios: t.field({
    authScopes: { signedIn: true },
    type: [ScenarioRef],
    description: 'Saved scenarios of units in your subtree (of one unit if given), newest first.',
    args: {
      unitCode: t.arg.string({ validate: z.string().max(64) }),
      includeArchived: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_root, args, ctx) =>
      listScenarios(db, ctx.viewer, { unitCode: args.unitCode, includeArchived: args.includeArchived ?? false }),
  }),
  scenario: t.field({
    authScopes: { signedIn: true },
    type: ScenarioRef,
    args: { id: t.arg.id({ required: true, validate: idArg }) },
    resolve: (_root, { id }, ctx) => scenarioFor(db, ctx.viewer, Number(id)),
  }),
  runScenario: t.field({
    authScopes: { signedIn: true },
    type: IntakeProjectionRef,
    description: 'A saved scenario re-run on today’s data (or at asOf).',
    args: { id: t.arg.id({ required: true, validate: idArg }), asOf: t.arg({ type: 'Date' }) },
    resolve: async (_root, { id, asOf }, ctx) =>
      project(ctx, paramsOf(await scenarioFor(db, ctx.viewer, Number(id))), asOf),
  }),
  compareScenarios: t.field({
    authScopes: { signedIn: true },
    type: ComparisonRef,
    description:
      'Two or three saved scenarios side by side (deterministic): totals, and per unit the intakes and gaps.',
    args: {
      ids: t.arg.idList({ required: true, validate: z.array(idArg).min(2).max(3) }),
      asOf: t.arg({ type: 'Date' }),
    },
    resolve: (_root, { ids, asOf }, ctx) =>
      oneAtATime(owner(ctx), 'comparison', () => compare(ctx, ids.map(Number), asOf ?? todayIso())),
  }),
  optimiseIntake: t.field({
    authScopes: { signedIn: true },
    type: IntakePlanRef,
    description:
      'Allocates an intake budget for each year (input.intakeBudget, or the saved scenario’s) to the subtree’s units and profiles, year by year, so that the weighted shortfall against the ratio and structure targets at each year’s end is least (planning model 2, HiGHS).',
    args: {
      input: t.arg({ type: SimulateIntakeInput }),
      scenarioId: t.arg.id({ validate: idArg }),
      asOf: t.arg({ type: 'Date', description: 'With scenarioId: the date (default today).' }),
      ratioWeight: t.arg.float({ defaultValue: 10, validate: z.number().min(0).max(1000) }),
      structureWeight: t.arg.float({ defaultValue: 1, validate: z.number().min(0).max(1000) }),
    },
    resolve: (_root, args, ctx) => oneAtATime(owner(ctx), 'optimisation', () => optimise(ctx, args)),
  }),
}));

/** An intake plan for a budget each year: model 2 year by year, the optimiser on each year. */
async function optimise(
  ctx: Context,
  args: {
    input?: (SimulationParams & { asOf?: string | null }) | null;
    scenarioId?: string | number | null;
    asOf?: string | null;
    ratioWeight?: number | null;
    structureWeight?: number | null;
  },
): Promise<YearlyIntakePlan> {
  if (!args.input === !args.scenarioId) throw refusal('BAD_USER_INPUT', 'planning.inputOrScenario');
  const params = args.input ?? paramsOf(await scenarioFor(db, ctx.viewer, Number(args.scenarioId)));
  const asOf = args.input ? args.input.asOf : args.asOf;
  if (params.intakeBudget == null)
    throw refusal('BAD_USER_INPUT', 'planning.budgetMissing', {}, { field: 'intakeBudget' });
  const metric = await metricInput(ctx, { unitCode: params.unitCode, subtree: params.subtree, asOf });
  const { scenario, overrides } = scenarioOf(params);
  return optimiseByYear(
    { ...metric, policies: withOverrides(metric.policies, overrides) },
    scenario,
    params.intakeBudget,
    { ratio: args.ratioWeight ?? 10, structure: args.structureWeight ?? 1 },
  );
}

const SaveScenarioInput = builder.inputType('SaveScenarioInput', {
  fields: (t) => ({
    id: t.id({ description: 'Omitted: a new scenario.', validate: idArg }),
    name: t.string({ required: true, validate: z.string().trim().min(1).max(100) }),
    params: t.field({ type: ScenarioParamsInput, required: true }),
  }),
});

builder.mutationFields((t) => ({
  saveScenario: t.field({
    authScopes: scopeOf('SAVE_SCENARIOS'),
    type: ScenarioRef,
    description: 'Saves a scenario (new, or an update of yours or a colleague’s in your subtree); audited.',
    args: { input: t.arg({ type: SaveScenarioInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      saveScenario(
        db,
        { ...ctx.viewer, userId: ctx.viewer.userId! },
        { id: input.id ? Number(input.id) : null, name: input.name, params: input.params },
        { requestId: ctx.requestId, asOf: todayIso() },
      ),
  }),
  archiveScenario: t.field({
    authScopes: scopeOf('SAVE_SCENARIOS'),
    type: ScenarioRef,
    description: 'Hides a scenario from the list; it stays readable with includeArchived.',
    args: { id: t.arg.id({ required: true, validate: idArg }) },
    resolve: (_root, { id }, ctx) => archiveScenario(db, ctx.viewer, Number(id), ctx.requestId),
  }),
}));
