// 后备干部补充规划 on planning model 2 (docs/domain.md "Planning — model 2"): per unit and kind with
// posts and per year of the horizon, the posts falling vacant, the ready, the promotions, the stock,
// the real-valued need and the planned intake (the year's shortfall rounded once and apportioned
// by largest remainder), with totals per year; the horizon's intake is the sum of the years'.
// The inputs are the copy's (flows.ts), the arithmetic the domain's (domain/stock-flow.ts); Monte
// Carlo draws the same flows in a worker thread (monte-carlo.ts, monte-carlo-runner.ts). The
// profile the intake must have is read from the stayers' attributes at the horizon.

import DataLoader from 'dataloader';
import { factorsOf, intakeProfile, type ProfileNeed, type Scenario, type TierProgress } from '../../domain/planning.ts';
import { policyOf } from '../../domain/policy/effective.ts';
import {
  type FlowColumns,
  type FlowGroup,
  type FlowRates,
  type FlowYear,
  flowYear,
  projectFlowColumns,
  type Tier,
} from '../../domain/stock-flow.ts';
import { UNITS_LISTED_AT_MOST } from '../kept.ts';
import type { MetricInput } from '../metric.ts';
import { type HorizonGroup, horizonGroupsByYear } from '../metrics/horizon.ts';
import { type FlowGroupRow, flowGroups } from './flows.ts';
import type { MonteCarloSummary, Percentiles } from './monte-carlo.ts';
import { packFlows } from './monte-carlo.ts';
import { type MonteCarloRun, startMonteCarlo } from './monte-carlo-runner.ts';

/** One unit and kind over the horizon. */
export interface IntakeRow {
  order: number;
  unitCode: string;
  unitName: string;
  kind: 'PRINCIPAL' | 'DEPUTY';
  positions: number;
  target: number;
  /** Σ of the years' vacancies: posts falling vacant by the horizon. */
  expectedVacancies: number;
  /** Active entries that stay to the horizon, and those of them ready by it (no tier progress). */
  stays: number;
  ready: number;
  /** The ready weight in the horizon's last year, with tier progress. */
  readyByHorizon: number;
  /** Σ of the years' promotions (expected). */
  promoted: number;
  /** The stock in the horizon's last year, before that year's intake (expected: a real number). */
  projectedReserves: number;
  /** Σ of the years' needs (real). */
  need: number;
  /** Σ of the years' planned intakes. */
  intake: number;
  years: FlowYear[];
  /** The profile the horizon's intake must have for the structure targets at the horizon. */
  profile: () => Promise<ProfileNeed[]>;
  /** The profile year t's intake must have: what the targets at E_t add to those of E_(t−1). */
  yearProfile: (year: number) => Promise<ProfileNeed[]>;
}

/** The scope's totals in one year of the horizon. */
export interface IntakeYear {
  year: number;
  end: string;
  positions: number;
  target: number;
  /** Σ stock (before the year's intake), Σ need (real) and the year's planned intake. */
  pool: number;
  need: number;
  intake: number;
  expectedVacancies: number;
  ready: number;
  promoted: number;
  /** Σ max(0, vacancies − ready): posts falling vacant that year with nobody ready. */
  successionGap: number;
  /** Monte Carlo only: percentiles of the year's total intake and of the pool. */
  intakeRange: Percentiles | null;
  poolRange: Percentiles | null;
}

export interface UnitIntakeRange extends Percentiles {
  unitCode: string;
  unitName: string;
  /** Share of the runs in which the unit needs no intake over the horizon. */
  meetsWithoutIntake: number;
}

export interface IntakeProjection {
  horizonEnd: string;
  mode: 'DETERMINISTIC' | 'MONTE_CARLO';
  scenario: Scenario;
  totalIntake: number;
  rows: IntakeRow[];
  years: IntakeYear[];
  runs: number | null;
  seed: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  units: UnitIntakeRange[] | null;
}

export interface MonteCarloHooks {
  /** Called with the run when it starts (to cancel it or watch its progress). */
  started?: (run: MonteCarloRun) => void;
  onProgress?: (done: number) => void;
}

/** The model's rates from a scenario and the policy of the scope (the tier an intake starts on). */
export function flowRates(s: Scenario, intakeTier: Tier): FlowRates {
  const t: TierProgress = s.tierProgress ?? { midToNear: 0, longToMid: 0 };
  return {
    promotion: s.promotionProbability,
    attrition: s.attritionRate,
    midToNear: t.midToNear,
    longToMid: t.longToMid,
    intakeTier,
  };
}

/**
 * What a row's profiles are read from: the stayers' attributes at each year end, by
 * `unitCode|kind`, for the unit `unitId` (and the others asked for with it).
 */
interface ProfileSource {
  detail(unitId: number): Promise<Map<string, HorizonGroup>[]>;
  scenario: Scenario;
}

/**
 * One unit and kind's projection. Its profiles are methods, not closures made per row: the
 * server runs under tsx, which names every function it makes (97 000 rows nationally).
 */
class ProjectedRow implements IntakeRow {
  order: number;
  unitCode: string;
  unitName: string;
  kind: 'PRINCIPAL' | 'DEPUTY';
  positions: number;
  target: number;
  expectedVacancies: number;
  stays: number;
  ready: number;
  readyByHorizon: number;
  promoted: number;
  projectedReserves: number;
  need: number;
  intake: number;

  /** Its years, made from the projection's columns when first read (a page of rows, not all). */
  private yearList: FlowYear[] | null = null;

  constructor(
    g: FlowGroupRow,
    private readonly columns: FlowColumns,
    private readonly index: number,
    private readonly source: ProfileSource,
  ) {
    const H = columns.horizonYears;
    const from = index * H;
    const last = from + H - 1;
    this.order = g.order;
    this.unitCode = g.unitCode;
    this.unitName = g.unitName;
    this.kind = g.kind;
    this.positions = g.posts;
    this.target = g.target;
    this.expectedVacancies = g.vacancies.reduce((s, v) => s + v, 0);
    this.stays = 0;
    this.ready = 0;
    for (const c of g.members) {
      if (c.years < H) continue;
      this.stays += c.count;
      if (c.tier === 'NEAR_TERM' && c.cultivatedFrom <= H) this.ready += c.count;
    }
    this.readyByHorizon = columns.ready[last]!;
    this.projectedReserves = columns.stock[last]!;
    this.promoted = 0;
    this.need = 0;
    this.intake = 0;
    for (let at = from; at <= last; at++) {
      this.promoted += columns.promotions[at]!;
      this.need += columns.need[at]!;
      this.intake += columns.intake[at]!;
    }
  }

  get years(): FlowYear[] {
    this.yearList ??= Array.from({ length: this.columns.horizonYears }, (_, i) =>
      flowYear(this.columns, this.index, i + 1),
    );
    return this.yearList;
  }

  /**
   * The profile of all the intake by E_t: the entries of asOf still there (the stock less the
   * cohorts) with the attributes they have, and every intake member present at E_t (earlier
   * cohorts' weight and this year's intake). Model 2 moves tiers from the second year on: t − 1
   * years of progress by E_t.
   */
  async profileAt(t: number): Promise<ProfileNeed[]> {
    const d = (await this.source.detail(this.order))[t - 1]!.get(`${this.unitCode}|${this.kind}`);
    if (!d) return [];
    const y = this.years[t - 1]!;
    return intakeProfile(
      d,
      {
        readyByHorizon: y.ready,
        promoted: this.years.slice(0, t).reduce((sum, f) => sum + f.promotions, 0),
        projectedReserves: y.stock - y.cohorts,
        intake: y.cohorts + y.intake,
      },
      factorsOf(this.source.scenario, t - 1),
    );
  }

  profile(): Promise<ProfileNeed[]> {
    return this.profileAt(this.years.length);
  }

  async yearProfile(year: number): Promise<ProfileNeed[]> {
    const [now, before] = await Promise.all([this.profileAt(year), year > 1 ? this.profileAt(year - 1) : []]);
    return now.map((p) => {
      const earlier = before.find((b) => b.rule === p.rule)?.required ?? 0;
      return { ...p, required: Math.max(0, p.required - earlier) };
    });
  }
}

/**
 * The groups packed for the workers, kept with the groups they were packed from (flows.ts keeps
 * the last groups read, each for one horizon): a planner's next run, with other rates or another
 * seed, starts its workers without packing again (60–110 ms at national scale). The workers only
 * read the packed arrays.
 */
const packs = new WeakMap<readonly FlowGroup[], ReturnType<typeof packFlows>>();

function packedFor(groups: FlowGroup[], horizonYears: number): ReturnType<typeof packFlows> {
  let packed = packs.get(groups);
  if (!packed) {
    packed = packFlows(groups, horizonYears);
    packs.set(groups, packed);
  }
  return packed;
}

export async function simulateIntake(
  input: MetricInput,
  scenario: Scenario,
  mode: 'DETERMINISTIC' | 'MONTE_CARLO',
  monteCarlo: { runs: number; seed: number },
  hooks: MonteCarloHooks = {},
): Promise<IntakeProjection> {
  const H = scenario.horizonYears;
  const { ends, groups } = await flowGroups(input, H);
  const rates = flowRates(scenario, policyOf(input.policies, input.scope.unitKind).planning.intakeTier);
  if (mode === 'DETERMINISTIC') return expectedProjection(input, scenario, mode, ends, groups, rates);
  // Monte Carlo: the runs start on the worker threads first; the expected projection (its rows
  // and years are part of the answer) is worked out here meanwhile.
  const { packed, units } = packedFor(groups, H);
  const run = startMonteCarlo(packed, rates, monteCarlo.runs, monteCarlo.seed, hooks.onProgress);
  hooks.started?.(run);
  let projection: IntakeProjection;
  try {
    projection = expectedProjection(input, scenario, mode, ends, groups, rates);
  } catch (e) {
    run.cancel();
    throw e;
  }
  const summary: MonteCarloSummary = await run.result;
  const names = new Map(groups.map((g) => [g.unitCode, g.unitName]));
  summary.years.forEach((y, i) => {
    projection.years[i]!.intakeRange = y.intake;
    projection.years[i]!.poolRange = y.pool;
  });
  return {
    ...projection,
    totalIntake: summary.total.p50,
    runs: monteCarlo.runs,
    seed: monteCarlo.seed,
    ...summary.total,
    units: summary.units.map((u, i) => ({ unitCode: units[i]!, unitName: names.get(units[i]!) ?? '', ...u })),
  };
}

/** The expected (deterministic) projection of the groups: its rows and year totals. */
function expectedProjection(
  input: MetricInput,
  scenario: Scenario,
  mode: 'DETERMINISTIC' | 'MONTE_CARLO',
  ends: string[],
  groups: FlowGroupRow[],
  rates: FlowRates,
): IntakeProjection {
  const H = scenario.horizonYears;
  const result = projectFlowColumns(groups, H, rates);
  const c = result.columns;
  // The stayers' attributes at each year end, read when profiles are asked for: only of the units
  // asked for together (a page of rows reads its 100 units, not the scope's 48 000), all of them
  // when more are asked at once than a narrowed read is worth. Each page reads the copy as it is
  // then: a page asked for after a change shows the profiles of the data since.
  const detail = new DataLoader<number, Map<string, HorizonGroup>[]>(async (ids) => {
    const d = await horizonGroupsByYear(
      input,
      ends.map((_, i) => i + 1),
      true,
      ids.length <= UNITS_LISTED_AT_MOST ? ids : undefined,
    );
    const maps = d.years.map((list) => new Map(list.map((g) => [`${g.unitCode}|${g.kind}`, g])));
    return ids.map(() => maps);
  });
  const source: ProfileSource = { scenario, detail: (unitId) => detail.load(unitId) };
  const rows: IntakeRow[] = groups.map((g, gi) => new ProjectedRow(g, c, gi, source));
  const years: IntakeYear[] = ends.map((end, t) => {
    const y: IntakeYear = {
      year: t + 1,
      end,
      positions: 0,
      target: 0,
      pool: 0,
      need: result.years[t]!.need,
      intake: result.years[t]!.intake,
      expectedVacancies: 0,
      ready: 0,
      promoted: 0,
      successionGap: 0,
      intakeRange: null,
      poolRange: null,
    };
    groups.forEach((g, gi) => {
      const at = gi * H + t;
      y.positions += g.posts;
      y.target += g.target;
      y.pool += c.stock[at]!;
      y.expectedVacancies += c.vacancies[at]!;
      y.ready += c.ready[at]!;
      y.promoted += c.promotions[at]!;
      y.successionGap += Math.max(0, c.vacancies[at]! - c.ready[at]!);
    });
    return y;
  });
  const projection: IntakeProjection = {
    horizonEnd: ends[H - 1]!,
    mode,
    scenario,
    totalIntake: result.totalIntake,
    rows,
    years,
    runs: null,
    seed: null,
    p10: null,
    p50: null,
    p90: null,
    units: null,
  };
  return projection;
}
