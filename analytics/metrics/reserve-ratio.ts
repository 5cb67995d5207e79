// 配备比例: per unit and kind, positions P, active reserves R, target T = ceil(ratio × P),
// gap = max(0, T − R). Rows exist for each unit and kind with P > 0; subtree totals are sums of
// the rows, so a surplus in one unit never hides a shortage in another.
import { ymdNumber } from '../../domain/dates.ts';
import type { PositionKind } from '../../domain/enums.ts';
import { duckdb } from '../dialect.ts';
import { PARAM_DATES } from '../measure-query.ts';
import { counts, MEASURES } from '../measures.ts';
import { int, type MetricInput } from '../metric.ts';
import { policyCte } from '../policy-table.ts';
import { positionsAt, ratioTarget } from '../segments.ts';

export interface ReserveRatioRow {
  unitCode: string;
  unitName: string;
  kind: PositionKind;
  positions: number;
  reserves: number;
  target: number;
  gap: number;
  compliant: boolean;
}

export async function reserveRatio({ copy, scope, asOf, policies }: MetricInput): Promise<ReserveRatioRow[]> {
  const rows = await copy.query(
    `WITH ${policyCte(policies)},
    scoped AS (SELECT u.id, u.code, u.name, u.kind FROM units u WHERE ${scope.where}),
    pos AS (
      SELECT p.unit_id, p.kind, count(*) AS n FROM (${positionsAt(PARAM_DATES.asOf)}) p JOIN scoped s ON s.id = p.unit_id GROUP BY ALL
    ),
    res AS (
      SELECT r.unit_id, r.kind, count(*) AS n FROM reserves r JOIN scoped s ON s.id = r.unit_id
      WHERE ${counts(duckdb, MEASURES.ENTRIES, PARAM_DATES)} GROUP BY ALL
    )
    SELECT s.code AS unit_code, s.name AS unit_name, pos.kind, pos.n AS positions, coalesce(res.n, 0) AS reserves,
      CAST(${ratioTarget(duckdb, 'pos.kind', 'pos.n')} AS BIGINT) AS target
    FROM pos
    JOIN scoped s ON s.id = pos.unit_id
    JOIN pol ON pol.unit_kind = s.kind
    LEFT JOIN res ON res.unit_id = pos.unit_id AND res.kind = pos.kind
    ORDER BY s.id, pos.kind DESC`,
    { scope: scope.param, asOf: ymdNumber(asOf) },
  );
  return rows.map((r) => {
    const reserves = int(r.reserves);
    const target = int(r.target);
    return {
      unitCode: r.unit_code as string,
      unitName: r.unit_name as string,
      kind: r.kind as PositionKind,
      positions: int(r.positions),
      reserves,
      target,
      gap: Math.max(0, target - reserves),
      compliant: reserves >= target,
    };
  });
}
