// Each unit's team seen from the horizon E = asOf + H, per unit and kind with posts: posts and
// their reserve target, posts falling vacant by E, active entries that stay to E and those ready
// by E (analytics/segments.ts). The succession gaps and the intake simulation both read these.
import { addYears, ymdNumber } from '../../domain/dates.ts';
import type { PositionKind } from '../../domain/enums.ts';
import { duckdb } from '../dialect.ts';
import { int, type MetricInput } from '../metric.ts';
import { policyCte } from '../policy-table.ts';
import { activeAt, expectedVacancy, ratioTarget, ready, staysTo } from '../segments.ts';

export interface HorizonGroup {
  /** The unit's place in the tree (its id): ties in orderings keep it. */
  order: number;
  unitCode: string;
  unitName: string;
  kind: PositionKind;
  positions: number;
  /** ceil(ratio × positions). */
  target: number;
  expectedVacancies: number;
  stays: number;
  ready: number;
}

export async function horizonGroups(
  { copy, scope, asOf, policies }: MetricInput,
  horizonYears: number,
): Promise<{ horizonEnd: string; groups: HorizonGroup[] }> {
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
       CAST(${ratioTarget(duckdb, 'pos.kind', 'pos.positions')} AS BIGINT) AS target
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
      order: int(r.id),
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
