// 后备干部补充规划: the pool projected to asOf + H years per unit and kind with posts, and the intake
// each needs to meet its ratio target (docs/domain.md, "Planning"). The counts are the succession
// gaps' own (metrics/horizon.ts: who stays, who is ready, which posts fall vacant); the arithmetic
// is the domain's (domain/planning.ts).
import { drawGroup, percentile, projectGroup, type Scenario, seededRandom } from '../../domain/planning.ts';
import type { MetricInput } from '../metric.ts';
import { type HorizonGroup, horizonGroups } from '../metrics/horizon.ts';

export interface IntakeRow extends HorizonGroup {
  promoted: number;
  projectedReserves: number;
  intake: number;
}

export interface IntakeProjection {
  horizonEnd: string;
  mode: 'DETERMINISTIC' | 'MONTE_CARLO';
  totalIntake: number;
  rows: IntakeRow[];
  runs: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export async function simulateIntake(
  input: MetricInput,
  scenario: Scenario,
  mode: 'DETERMINISTIC' | 'MONTE_CARLO',
  monteCarlo: { runs: number; seed: number },
): Promise<IntakeProjection> {
  const { horizonEnd, groups } = await horizonGroups(input, scenario.horizonYears);
  const rows: IntakeRow[] = groups.map((g) => ({ ...g, ...projectGroup(g, scenario) }));
  if (mode === 'DETERMINISTIC')
    return {
      horizonEnd,
      mode,
      totalIntake: rows.reduce((sum, r) => sum + r.intake, 0),
      rows,
      runs: null,
      p10: null,
      p50: null,
      p90: null,
    };
  const random = seededRandom(monteCarlo.seed);
  const totals: number[] = [];
  for (let run = 0; run < monteCarlo.runs; run++) {
    let total = 0;
    for (const g of groups) total += drawGroup(g, scenario, random).intake;
    totals.push(total);
  }
  const p50 = percentile(totals, 50);
  return {
    horizonEnd,
    mode,
    totalIntake: p50,
    rows,
    runs: monteCarlo.runs,
    p10: percentile(totals, 10),
    p50,
    p90: percentile(totals, 90),
  };
}
