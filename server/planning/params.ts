// A simulation's parameters: what SimulateIntakeInput carries and a saved scenario keeps (all but
// the date), with their bounds — one zod schema for the GraphQL edge and the stored JSON.
import { z } from 'zod';
import { DEFAULT_SCENARIO, type PolicyOverrides, type Scenario } from '../../domain/planning.ts';

const probability = z.number().min(0).max(1);

export const PARAM_BOUNDS = {
  unitCode: z.string().min(1).max(64),
  subtree: z.boolean(),
  horizonYears: z.number().int().min(1).max(5),
  mode: z.enum(['DETERMINISTIC', 'MONTE_CARLO']),
  runs: z.number().int().min(1).max(10_000),
  seed: z.number().int().min(-2147483648).max(2147483647),
  promotionProbability: probability,
  attritionRate: probability,
  midToNearRate: probability,
  longToMidRate: probability,
  reserveRatioPrincipal: z.number().min(0).max(10),
  reserveRatioDeputy: z.number().min(0).max(10),
  retirementAge: z.number().int().min(40).max(80),
  ageLimitPrincipal: z.number().int().min(20).max(80),
  ageLimitDeputy: z.number().int().min(20).max(80),
  intakeBudget: z.number().int().min(0).max(1_000_000),
} as const;

export const simulationParams = z.object({
  unitCode: PARAM_BOUNDS.unitCode,
  subtree: PARAM_BOUNDS.subtree.nullish(),
  horizonYears: PARAM_BOUNDS.horizonYears.nullish(),
  mode: PARAM_BOUNDS.mode.nullish(),
  runs: PARAM_BOUNDS.runs.nullish(),
  seed: PARAM_BOUNDS.seed.nullish(),
  promotionProbability: PARAM_BOUNDS.promotionProbability.nullish(),
  attritionRate: PARAM_BOUNDS.attritionRate.nullish(),
  midToNearRate: PARAM_BOUNDS.midToNearRate.nullish(),
  longToMidRate: PARAM_BOUNDS.longToMidRate.nullish(),
  reserveRatioPrincipal: PARAM_BOUNDS.reserveRatioPrincipal.nullish(),
  reserveRatioDeputy: PARAM_BOUNDS.reserveRatioDeputy.nullish(),
  retirementAge: PARAM_BOUNDS.retirementAge.nullish(),
  ageLimitPrincipal: PARAM_BOUNDS.ageLimitPrincipal.nullish(),
  ageLimitDeputy: PARAM_BOUNDS.ageLimitDeputy.nullish(),
  intakeBudget: PARAM_BOUNDS.intakeBudget.nullish(),
});
export type SimulationParams = z.infer<typeof simulationParams>;

export const DEFAULT_RUNS = 1000;
export const DEFAULT_SEED = 1;

/** The scenario and the policy overrides the parameters make (defaults filled in). */
export function scenarioOf(p: SimulationParams): { scenario: Scenario; overrides: PolicyOverrides } {
  return {
    scenario: {
      horizonYears: p.horizonYears ?? 1,
      promotionProbability: p.promotionProbability ?? DEFAULT_SCENARIO.promotionProbability,
      attritionRate: p.attritionRate ?? DEFAULT_SCENARIO.attritionRate,
      tierProgress: {
        midToNear: p.midToNearRate ?? DEFAULT_SCENARIO.tierProgress.midToNear,
        longToMid: p.longToMidRate ?? DEFAULT_SCENARIO.tierProgress.longToMid,
      },
    },
    overrides: {
      reserveRatio: { PRINCIPAL: p.reserveRatioPrincipal ?? undefined, DEPUTY: p.reserveRatioDeputy ?? undefined },
      ageLimit: { PRINCIPAL: p.ageLimitPrincipal ?? undefined, DEPUTY: p.ageLimitDeputy ?? undefined },
      retirementAge: p.retirementAge ?? undefined,
    },
  };
}

/** Only the parameters that were given, for storing. */
export function storedParams(p: SimulationParams): string {
  return JSON.stringify(Object.fromEntries(Object.entries(simulationParams.parse(p)).filter(([, v]) => v != null)));
}
