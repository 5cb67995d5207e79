// The optimiser over a multi-year horizon (docs/domain.md "Planning — model 2", "The optimiser"):
// a budget for each year, allocated year by year. Year t's allocation is optimise.ts's plan for
// the pool as model 2 projects it at E_t with the intake already allocated to the years before
// (not with the unconstrained plan's): what year t can still close with its budget. The earlier
// years' intake counts in year t with the share of it still there (the cohorts' expected weight
// over their size), and so do the profile members it was allocated. One year at a time, so a
// year never spends its budget on a shortfall a later year would see first — allocating all the
// years jointly would be a larger integer program for a small gain in a plan that is redone each
// year anyway.
import { factorsOf, intakeProfile, type ProfileRule, type Scenario } from '../../domain/planning.ts';
import { policyOf } from '../../domain/policy/effective.ts';
import { projectFlows, roundHalfUp } from '../../domain/stock-flow.ts';
import type { MetricInput } from '../metric.ts';
import { type HorizonGroup, horizonGroupsByYear } from '../metrics/horizon.ts';
import { flowGroups } from './flows.ts';
import { flowRates } from './intake.ts';
import {
  type BindingConstraint,
  type IntakePlan,
  type OptimiseGroup,
  type OptimiseWeights,
  optimiseIntake,
  type PlannedGroup,
} from './optimise.ts';

/** One year's allocation. */
export interface YearPlan extends IntakePlan {
  year: number;
  end: string;
}

/** A group over the horizon: its intake each year, the profile summed, the shortfalls at the horizon. */
export interface PlannedGroupYears extends PlannedGroup {
  years: { year: number; intake: number }[];
}

export interface YearlyIntakePlan {
  horizonEnd: string;
  /** The budget of each year. */
  budget: number;
  /** Σ of the years' intake. */
  used: number;
  /** The weighted shortfall left at the horizon. */
  objective: number;
  /** FEASIBLE if any year's solve stopped at its time limit. */
  status: IntakePlan['status'];
  method: IntakePlan['method'];
  solveMs: number;
  groups: PlannedGroupYears[];
  /** What binds, year by year (each year's at most 50, budget first). */
  binding: (BindingConstraint & { year: number; unitName: string | null })[];
  years: YearPlan[];
}

export async function optimiseByYear(
  input: MetricInput,
  scenario: Scenario,
  budget: number,
  weights: Partial<OptimiseWeights>,
): Promise<YearlyIntakePlan> {
  const H = scenario.horizonYears;
  const { ends, groups } = await flowGroups(input, H);
  const rates = flowRates(scenario, policyOf(input.policies, input.scope.unitKind).planning.intakeTier);
  const detail = await horizonGroupsByYear(
    input,
    ends.map((_, i) => i + 1),
    true,
  );
  const byKey = detail.years.map(
    (list) => new Map<string, HorizonGroup>(list.map((g) => [`${g.unitCode}|${g.kind}`, g])),
  );
  const G = groups.length;
  const allocated: Int32Array[] = [];
  /** Per year, per group, per rule: the profile members allocated. */
  const allocatedProfile: Map<ProfileRule, number>[][] = [];
  const years: YearPlan[] = [];
  for (let t = 1; t <= H; t++) {
    // Years before t as allocated; year t's own intake does not change its stock.
    const flows = projectFlows(groups, t, rates, (y) => allocated[y - 1] ?? new Int32Array(G));
    const optimiseGroups: OptimiseGroup[] = groups.map((g, gi) => {
      const f = flows.groups[gi]!;
      const y = f[t - 1]!;
      const earlierIntake = allocated.reduce((sum, a) => sum + a[gi]!, 0);
      // The share of the earlier intake still in the pool at E_t.
      const kept = earlierIntake > 0 ? y.cohorts / earlierIntake : 0;
      const d = byKey[t - 1]!.get(`${g.unitCode}|${g.kind}`);
      const needs = d
        ? intakeProfile(
            d,
            {
              readyByHorizon: y.ready,
              promoted: f.reduce((sum, x) => sum + x.promotions, 0),
              projectedReserves: y.stock - y.cohorts,
              intake: y.cohorts,
            },
            factorsOf(scenario, t - 1),
          )
        : [];
      return {
        unitCode: g.unitCode,
        unitName: g.unitName,
        kind: g.kind,
        target: g.target,
        // Whole people: the expected stock at E_t, rounded once.
        projected: roundHalfUp(y.stock),
        structure: needs.map((n) => {
          const carried = allocatedProfile.reduce((sum, year) => sum + (year[gi]?.get(n.rule) ?? 0), 0);
          return {
            rule: n.rule,
            have: n.projected + Math.floor(carried * kept + 1e-9),
            ...(n.share !== null ? { share: n.share } : {}),
            ...(n.count !== null ? { count: n.count } : {}),
          };
        }),
      };
    });
    const plan = await optimiseIntake(optimiseGroups, budget, weights);
    allocated.push(Int32Array.from(plan.groups, (g) => g.intake));
    allocatedProfile.push(plan.groups.map((g) => new Map(g.profile.map((p) => [p.rule, p.count]))));
    years.push({ ...plan, year: t, end: ends[t - 1]! });
  }
  const last = years[H - 1]!;
  const planned: PlannedGroupYears[] = last.groups.map((g, gi) => {
    const profile = new Map<ProfileRule, number>();
    for (const y of years)
      for (const p of y.groups[gi]!.profile) profile.set(p.rule, (profile.get(p.rule) ?? 0) + p.count);
    return {
      ...g,
      intake: years.reduce((sum, y) => sum + y.groups[gi]!.intake, 0),
      profile: [...profile].map(([rule, count]) => ({ rule, count })),
      years: years.map((y) => ({ year: y.year, intake: y.groups[gi]!.intake })),
    };
  });
  const names = new Map(groups.map((g) => [g.unitCode, g.unitName]));
  return {
    horizonEnd: last.end,
    budget,
    used: years.reduce((sum, y) => sum + y.used, 0),
    objective: last.objective,
    status: years.some((y) => y.status === 'FEASIBLE') ? 'FEASIBLE' : 'OPTIMAL',
    method: last.method,
    solveMs: years.reduce((sum, y) => sum + y.solveMs, 0),
    groups: planned,
    binding: years.flatMap((y) =>
      y.binding.map((b) => ({ ...b, year: y.year, unitName: b.unitCode ? (names.get(b.unitCode) ?? null) : null })),
    ),
    years,
  };
}
