// 后备干部补充规划: the pool projected to asOf + H years per unit and kind with posts, and the intake
// each needs to meet its ratio target (docs/domain.md, "Planning"). The counts come from the copy,
// with the same segments as the succession gaps (who stays, who is ready, which posts fall vacant);
// the arithmetic is the domain's (domain/planning.ts).
import { addYears, ymdNumber } from '../../domain/dates.ts';
import type { PositionKind } from '../../domain/enums.ts';
import {
  drawGroup,
  type GroupCounts,
  percentile,
  projectGroup,
  type Scenario,
  seededRandom,
} from '../../domain/planning.ts';
import { duckdb } from '../dialect.ts';
import { int, type MetricInput } from '../metric.ts';
import { policyCte } from '../policy-table.ts';
import { activeAt, expectedVacancy, ratioTarget, ready, staysTo } from '../segments.ts';

export interface IntakeRow extends GroupCounts {
  unitCode: string;
  unitName: string;
  kind: PositionKind;
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

/** Posts, expected vacancies, entries that stay and ready ones, per unit and kind with posts. */
export async function intakeGroups(input: MetricInput, horizonYears: number) {
  const { copy, scope, asOf, policies } = input;
  const horizonEnd = addYears(asOf, horizonYears);
  const end = duckdb.int('$end');
  const rows = await copy.query(
    `WITH ${policyCte(policies)},
     scoped AS (SELECT u.id, u.code, u.name, u.kind FROM units u WHERE ${scope.where}),
     pos AS (
       SELECT p.unit_id, p.kind, count(*) AS positions,
         count(*) FILTER (WHERE ${expectedVacancy(duckdb, end)}) AS vacancies
       FROM positions p JOIN scoped s ON s.id = p.unit_id JOIN pol ON pol.unit_kind = s.kind
       GROUP BY ALL
     ),
     pool AS (
       SELECT r.unit_id, r.kind,
         count(*) FILTER (WHERE ${staysTo(duckdb, end)}) AS stays,
         count(*) FILTER (WHERE ${ready(duckdb, end)}) AS ready
       FROM reserves r JOIN scoped s ON s.id = r.unit_id JOIN pol ON pol.unit_kind = s.kind
       WHERE ${activeAt(duckdb.int('$asOf'))}
       GROUP BY ALL
     )
     SELECT s.id, s.code AS unit_code, s.name AS unit_name, pos.kind, pos.positions, pos.vacancies,
       coalesce(pool.stays, 0) AS stays, coalesce(pool.ready, 0) AS ready,
       CAST(CASE pos.kind WHEN 'PRINCIPAL' THEN ${ratioTarget(duckdb, 'PRINCIPAL', 'pos.positions')}
                          ELSE ${ratioTarget(duckdb, 'DEPUTY', 'pos.positions')} END AS BIGINT) AS target
     FROM pos
     JOIN scoped s ON s.id = pos.unit_id
     JOIN pol ON pol.unit_kind = s.kind
     LEFT JOIN pool ON pool.unit_id = pos.unit_id AND pool.kind = pos.kind
     ORDER BY s.id, pos.kind DESC`,
    { scope: scope.param, asOf: ymdNumber(asOf), end: ymdNumber(horizonEnd) },
  );
  return {
    horizonEnd,
    groups: rows.map((r) => ({
      unitCode: r.unit_code as string,
      unitName: r.unit_name as string,
      kind: r.kind as PositionKind,
      positions: int(r.positions),
      target: int(r.target),
      expectedVacancies: int(r.vacancies),
      stays: int(r.stays),
      ready: int(r.ready),
    })),
  };
}

export async function simulateIntake(
  input: MetricInput,
  scenario: Scenario,
  mode: 'DETERMINISTIC' | 'MONTE_CARLO',
  monteCarlo: { runs: number; seed: number },
): Promise<IntakeProjection> {
  const { horizonEnd, groups } = await intakeGroups(input, scenario.horizonYears);
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
