// 班子后备结构: the active pool's women, ethnic minorities (民族 ≠ 汉族), non-CPC members, the
// special-structure share (at least one of the three, counted once), near-term readiness and
// education, per kind or both kinds together.
import type { AnalyticsCopy } from '../copy.ts';
import type { MetricScope } from '../scope.ts';
import { ACTIVE_AT, int, share } from './common.ts';

export interface PoolStructure {
  total: number;
  women: number;
  minority: number;
  nonCpc: number;
  special: number;
  specialShare: number;
  nearTerm: number;
  nearTermShare: number;
  bachelorOrAbove: number;
  bachelorShare: number;
}

// Person attributes are copied onto each entry (analytics/tables.ts): no join with people.
const MINORITY = `r.ethnicity <> '汉族'`;
const NON_CPC = `r.political_status <> 'CPC'`;
const WOMAN = `r.gender = 'F'`;

/** The structure of each unit's own pool (unit alone), for a batch of units. */
export async function poolStructureByUnit(
  copy: AnalyticsCopy,
  scope: MetricScope,
  asOf: string,
  kind: 'PRINCIPAL' | 'DEPUTY' | null,
): Promise<Map<string, PoolStructure>> {
  const rows = await copy.query(
    `${structureSql(scope, kind)} GROUP BY u.code`,
    kind ? { scope: scope.param, asOf, kind } : { scope: scope.param, asOf },
  );
  return new Map(rows.map((r) => [r.unit_code as string, toStructure(r)]));
}

export async function poolStructure(
  copy: AnalyticsCopy,
  scope: MetricScope,
  asOf: string,
  kind: 'PRINCIPAL' | 'DEPUTY' | null,
): Promise<PoolStructure> {
  const [r] = await copy.query(
    structureSql(scope, kind),
    kind ? { scope: scope.param, asOf, kind } : { scope: scope.param, asOf },
  );
  return toStructure(r);
}

function structureSql(scope: MetricScope, kind: 'PRINCIPAL' | 'DEPUTY' | null): string {
  return `SELECT any_value(u.code) AS unit_code, count(*) AS total,
       count(*) FILTER (WHERE ${WOMAN}) AS women,
       count(*) FILTER (WHERE ${MINORITY}) AS minority,
       count(*) FILTER (WHERE ${NON_CPC}) AS non_cpc,
       count(*) FILTER (WHERE ${WOMAN} OR ${MINORITY} OR ${NON_CPC}) AS special,
       count(*) FILTER (WHERE r.tier = 'NEAR_TERM') AS near_term,
       count(*) FILTER (WHERE r.education IN ('BACHELOR', 'MASTER', 'DOCTORATE')) AS bachelor
     FROM reserves r
     JOIN units u ON u.id = r.unit_id
     WHERE ${scope.where} AND ${ACTIVE_AT} ${kind ? 'AND r.kind = $kind' : ''}`;
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
    bachelorOrAbove: bachelor,
    bachelorShare: share(bachelor, total),
  };
}
