// 班子后备结构: the active pool's women, ethnic minorities, non-CPC members, the special-structure
// share (at least one of the three, counted once), readiness tiers and education, per kind or
// both kinds together. The segments are the compliance rules' own (analytics/segments.ts).
import { ymdNumber } from '../../domain/dates.ts';
import type { PositionKind } from '../../domain/enums.ts';
import { duckdb } from '../dialect.ts';
import { int, kept, type MetricInput, share } from '../metric.ts';
import {
  activeAt,
  BACHELOR,
  LONG_TERM_TIER,
  MID_TERM_TIER,
  MINORITY,
  NEAR_TERM_TIER,
  NON_CPC,
  ofKind,
  SPECIAL,
  WOMAN,
} from '../segments.ts';

export interface PoolStructure {
  total: number;
  women: number;
  minority: number;
  nonCpc: number;
  special: number;
  specialShare: number;
  nearTerm: number;
  nearTermShare: number;
  midTerm: number;
  longTerm: number;
  bachelorOrAbove: number;
  bachelorShare: number;
}

export const EMPTY_STRUCTURE: PoolStructure = toStructure(undefined);

/** The structure of the pool in scope (of one kind, or both: null). */
export function poolStructure(input: MetricInput, kind: PositionKind | null): Promise<PoolStructure> {
  return kept(input, 'poolStructure', kind, async () => {
    const [r] = await input.copy.query(structureSql(input, kind), params(input));
    return toStructure(r);
  });
}

/** The structure of each unit's own pool, for a batch of units (a units scope). */
export async function poolStructureByUnit(
  input: MetricInput,
  kind: PositionKind | null,
): Promise<Map<string, PoolStructure>> {
  const rows = await input.copy.query(`${structureSql(input, kind)} GROUP BY u.code`, params(input));
  return new Map(rows.map((r) => [r.unit_code as string, toStructure(r)]));
}

const params = ({ scope, asOf }: MetricInput) => ({ scope: scope.param, asOf: ymdNumber(asOf) });

function structureSql({ scope }: MetricInput, kind: PositionKind | null): string {
  // Person attributes are copied onto each entry (analytics/tables.ts): no join with people.
  return `SELECT any_value(u.code) AS unit_code, count(*) AS total,
       count(*) FILTER (WHERE ${WOMAN}) AS women,
       count(*) FILTER (WHERE ${MINORITY}) AS minority,
       count(*) FILTER (WHERE ${NON_CPC}) AS non_cpc,
       count(*) FILTER (WHERE ${SPECIAL}) AS special,
       count(*) FILTER (WHERE ${NEAR_TERM_TIER}) AS near_term,
       count(*) FILTER (WHERE ${MID_TERM_TIER}) AS mid_term,
       count(*) FILTER (WHERE ${LONG_TERM_TIER}) AS long_term,
       count(*) FILTER (WHERE ${BACHELOR}) AS bachelor
     FROM reserves r
     JOIN units u ON u.id = r.unit_id
     WHERE ${scope.where} AND ${activeAt(duckdb.int('$asOf'))} ${kind ? `AND ${ofKind(kind)}` : ''}`;
}

function toStructure(r: Record<string, unknown> | undefined): PoolStructure {
  const total = int(r?.total);
  const special = int(r?.special);
  const nearTerm = int(r?.near_term);
  const bachelor = int(r?.bachelor);
  return {
    total,
    women: int(r?.women),
    minority: int(r?.minority),
    nonCpc: int(r?.non_cpc),
    special,
    specialShare: share(special, total),
    nearTerm,
    nearTermShare: share(nearTerm, total),
    midTerm: int(r?.mid_term),
    longTerm: int(r?.long_term),
    bachelorOrAbove: bachelor,
    bachelorShare: share(bachelor, total),
  };
}
