// Planning model 2's inputs from the copy (docs/domain.md "Planning — model 2"): per unit and kind
// with posts, the ratio target at asOf, the posts falling vacant in each horizon year (each at its
// first expected vacancy), and the active entries grouped into classes alike for the model — how
// many years each stays (its exit: past its kind's age limit or the end of its management
// period), from which year it is cultivated, and its tier. The segments are the succession
// gaps' own (stays to the horizon, cultivated by, expected vacancy), evaluated at each year end.
import { addYears, ymdNumber } from '../../domain/dates.ts';
import type { PositionKind } from '../../domain/enums.ts';
import type { FlowGroup, Tier } from '../../domain/stock-flow.ts';
import { duckdb } from '../dialect.ts';
import type { MetricInput } from '../metric.ts';
import { pol, policyCte } from '../policy-table.ts';
import { activeAt, cultivatedBy, expectedVacancy, positionsAt, ratioTarget, staysTo } from '../segments.ts';

export interface FlowGroupRow extends FlowGroup {
  unitName: string;
  /** Posts of the kind at asOf. */
  posts: number;
  /** The unit's place in the tree (ties keep it). */
  order: number;
}

/** The groups in tree order, PRINCIPAL before DEPUTY; `ends` are E_1..E_H. */
export async function flowGroups(
  { copy, scope, asOf, policies }: MetricInput,
  horizonYears: number,
): Promise<{ ends: string[]; groups: FlowGroupRow[] }> {
  const ends = Array.from({ length: horizonYears }, (_, i) => addYears(asOf, i + 1));
  const e = ends.map((d) => String(ymdNumber(d)));
  const years = e.map((end) => `CASE WHEN ${staysTo(duckdb, end)} THEN 1 ELSE 0 END`).join(' + ');
  const cultivated = `CASE ${e.map((end, i) => `WHEN ${cultivatedBy(duckdb, end)} THEN ${i + 1}`).join(' ')} ELSE ${horizonYears + 1} END`;
  const vacant = e.map((end, i) => `count(*) FILTER (WHERE ${expectedVacancy(duckdb, end)}) AS v${i + 1}`).join(', ');
  const sql = `WITH ${policyCte(policies)},
    scoped AS (SELECT u.id, u.code, u.name, u.kind FROM units u WHERE ${scope.where}),
    pos AS (
      SELECT p.unit_id, p.kind, count(*) AS posts, ${vacant}
      FROM (${positionsAt(duckdb.int('$asOf'))}) p JOIN scoped s ON s.id = p.unit_id JOIN pol ON pol.unit_kind = s.kind
      GROUP BY ALL
    ),
    mem AS (
      SELECT r.unit_id, r.kind, r.tier, ${years} AS years, ${cultivated} AS cult, count(*) AS n
      FROM reserves r JOIN scoped s ON s.id = r.unit_id JOIN pol ON pol.unit_kind = s.kind
      WHERE ${activeAt(duckdb.int('$asOf'))}
      GROUP BY ALL
    )
    SELECT 'G' AS part, CAST(s.id AS INTEGER) AS id, s.code, s.name, pos.kind, CAST(pos.posts AS INTEGER) AS posts,
      CAST(${ratioTarget(duckdb, 'pos.kind', 'pos.posts')} AS INTEGER) AS target,
      CAST(${pol('managementPeriodYears')} AS INTEGER) AS period, CAST(${pol('minCultivationYears')} AS INTEGER) AS cultivation,
      ${e.map((_, i) => `CAST(pos.v${i + 1} AS INTEGER) AS v${i + 1}`).join(', ')},
      NULL AS tier, NULL AS years, NULL AS cult, NULL AS n
    FROM pos JOIN scoped s ON s.id = pos.unit_id JOIN pol ON pol.unit_kind = s.kind
    UNION ALL
    SELECT 'M', CAST(m.unit_id AS INTEGER), NULL, NULL, m.kind, NULL, NULL, NULL, NULL,
      ${e.map(() => 'NULL').join(', ')},
      m.tier, CAST(m.years AS INTEGER), CAST(m.cult AS INTEGER), CAST(m.n AS INTEGER)
    FROM mem m
    ORDER BY part, id, kind DESC, tier, years, cult`;
  const rows = await copy.query(sql, { scope: scope.param, asOf: ymdNumber(asOf) });
  const byKey = new Map<string, FlowGroupRow>();
  const groups: FlowGroupRow[] = [];
  for (const r of rows) {
    const key = `${r.id}|${r.kind}`;
    if (r.part === 'G') {
      // Cumulative counts by E_t make each year's own: a post falls vacant once, at its first date.
      const cumulative = e.map((_, i) => Number(r[`v${i + 1}`]));
      const g: FlowGroupRow = {
        order: Number(r.id),
        unitCode: r.code as string,
        unitName: r.name as string,
        kind: r.kind as PositionKind,
        posts: Number(r.posts),
        target: Number(r.target),
        vacancies: cumulative.map((v, i) => v - (i > 0 ? cumulative[i - 1]! : 0)),
        members: [],
        periodYears: Number(r.period),
        cultivationYears: Number(r.cultivation),
      };
      byKey.set(key, g);
      groups.push(g);
    } else {
      // Entries reserved for a kind the unit has no post of count in no group (as in the ratio).
      byKey.get(key)?.members.push({
        tier: r.tier as Tier,
        years: Number(r.years),
        cultivatedFrom: Number(r.cult),
        count: Number(r.n),
      });
    }
  }
  return { ends, groups };
}
