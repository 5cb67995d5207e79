// 后备干部补充规划: the pool projected to asOf + H years per unit and kind with posts, and the intake
// each needs to meet its ratio target, with the profile that intake must have for the structure
// targets, year by year (docs/domain.md, "Planning"). The counts are the succession gaps' own
// (metrics/horizon.ts: who stays, who is ready, which posts fall vacant); the arithmetic is the
// domain's (domain/planning.ts). Monte Carlo runs go to a worker thread (monte-carlo-runner.ts).
import {
  type Factors,
  factorsOf,
  intakeProfile,
  PROFILE_RULES,
  type ProfileNeed,
  type ProfileRule,
  type Projection,
  projectedAttributes,
  projectGroup,
  type Scenario,
} from '../../domain/planning.ts';
import type { MetricInput } from '../metric.ts';
import { type HorizonGroup, horizonGroupsByYear } from '../metrics/horizon.ts';
import type { MonteCarloSummary, Percentiles } from './monte-carlo.ts';
import { packGroups } from './monte-carlo.ts';
import { type MonteCarloRun, startMonteCarlo } from './monte-carlo-runner.ts';

/**
 * A group with its projection. Who among the stayers has each attribute is read only when a
 * profile or a structure count is asked for (`withDetail`): at national scale that read costs
 * twice the projection itself.
 */
export interface IntakeRow extends HorizonGroup, Projection {
  factors: Factors;
  withDetail: () => Promise<void>;
}

/** The profile the row's intake must have (domain/planning.ts intakeProfile). */
export async function profileOf(row: IntakeRow): Promise<ProfileNeed[]> {
  await row.withDetail();
  return intakeProfile(row, row, row.factors);
}

/** The subtree's totals at one horizon year, for charts. */
export interface IntakeYear {
  year: number;
  end: string;
  positions: number;
  target: number;
  /** Σ projected reserves, and Σ intake (each group's max(0, target − projected)). */
  pool: number;
  intake: number;
  expectedVacancies: number;
  ready: number;
  promoted: number;
  /** Σ max(0, expected vacancies − ready): posts falling vacant with nobody ready. */
  successionGap: number;
  /** Projected members with each attribute (without intake); shares are these over pool. */
  structure: () => Promise<Record<ProfileRule, number>>;
  /** Monte Carlo only: percentiles of the total intake and of the pool at this year. */
  intakeRange: Percentiles | null;
  poolRange: Percentiles | null;
}

export interface UnitIntakeRange extends Percentiles {
  unitCode: string;
  unitName: string;
  /** Share of the runs in which the unit needs no intake (both kinds meet their ratio targets). */
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

function yearTotals(
  year: number,
  end: string,
  groups: HorizonGroup[],
  s: Scenario,
  withDetail: () => Promise<void>,
): IntakeYear {
  const scenario = { ...s, horizonYears: year };
  const f = factorsOf(scenario);
  let structure: Promise<Record<ProfileRule, number>> | null = null;
  const t: IntakeYear = {
    year,
    end,
    positions: 0,
    target: 0,
    pool: 0,
    intake: 0,
    expectedVacancies: 0,
    ready: 0,
    promoted: 0,
    successionGap: 0,
    structure: () => {
      structure ??= withDetail().then(() => {
        const sum: Record<ProfileRule, number> = { SPECIAL: 0, YOUNG: 0, AGE_BAND: 0, NEAR_TERM: 0, BACHELOR: 0 };
        for (const g of groups) {
          const have = projectedAttributes(g, projectGroup(g, scenario, f), f);
          for (const rule of PROFILE_RULES) sum[rule] += have[rule];
        }
        return sum;
      });
      return structure;
    },
    intakeRange: null,
    poolRange: null,
  };
  for (const g of groups) {
    const p = projectGroup(g, scenario, f);
    t.positions += g.positions;
    t.target += g.target;
    t.pool += p.projectedReserves;
    t.intake += p.intake;
    t.expectedVacancies += g.expectedVacancies;
    t.ready += p.readyByHorizon;
    t.promoted += p.promoted;
    t.successionGap += Math.max(0, g.expectedVacancies - p.readyByHorizon);
  }
  return t;
}

export async function simulateIntake(
  input: MetricInput,
  scenario: Scenario,
  mode: 'DETERMINISTIC' | 'MONTE_CARLO',
  monteCarlo: { runs: number; seed: number },
  hooks: MonteCarloHooks = {},
): Promise<IntakeProjection> {
  const H = scenario.horizonYears;
  const yearNumbers = Array.from({ length: H }, (_, i) => i + 1);
  const { ends, years: byYear } = await horizonGroupsByYear(input, yearNumbers, false);
  // The attributes, read once when first asked for, joined to the groups by position (the same
  // order); a change to the data in between is refused rather than mixed in.
  let detailed: Promise<void> | null = null;
  const withDetail = () => {
    detailed ??= horizonGroupsByYear(input, yearNumbers, true).then((d) => {
      d.years.forEach((gs, y) => {
        const base = byYear[y]!;
        if (gs.length !== base.length) throw new Error('the data changed during the simulation: run it again');
        gs.forEach((g, i) => {
          const b = base[i]!;
          if (b.order !== g.order || b.kind !== g.kind || b.stays !== g.stays)
            throw new Error('the data changed during the simulation: run it again');
          b.attributes = g.attributes;
          b.targets = g.targets;
        });
      });
    });
    return detailed;
  };
  const groups = byYear[H - 1]!;
  const f = factorsOf(scenario);
  // The groups become the rows (no copy: at national scale there are 97 000).
  const rows = groups.map((g) =>
    Object.assign(g, projectGroup(g, scenario, f), { factors: f, withDetail }),
  ) as IntakeRow[];
  const years = yearNumbers.map((y, i) => yearTotals(y, ends[i]!, byYear[i]!, scenario, withDetail));
  const projection: IntakeProjection = {
    horizonEnd: ends[H - 1]!,
    mode,
    scenario,
    totalIntake: rows.reduce((sum, r) => sum + r.intake, 0),
    rows,
    years,
    runs: null,
    seed: null,
    p10: null,
    p50: null,
    p90: null,
    units: null,
  };
  if (mode === 'DETERMINISTIC') return projection;

  const { packed, units } = packGroups(byYear, yearNumbers);
  const run = startMonteCarlo(packed, scenario, monteCarlo.runs, monteCarlo.seed, hooks.onProgress);
  hooks.started?.(run);
  const summary: MonteCarloSummary = await run.result;
  const names = new Map(groups.map((g) => [g.unitCode, g.unitName]));
  summary.years.forEach((y, i) => {
    years[i]!.intakeRange = y.intake;
    years[i]!.poolRange = y.pool;
  });
  const total = summary.years[H - 1]!.intake;
  return {
    ...projection,
    totalIntake: total.p50,
    runs: monteCarlo.runs,
    seed: monteCarlo.seed,
    ...total,
    units: summary.units.map((u, i) => ({ unitCode: units[i]!, unitName: names.get(units[i]!) ?? '', ...u })),
  };
}
