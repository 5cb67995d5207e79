// 接续缺口 over H years (E = asOf + H): per unit and kind with positions, expected vacancies
// against ready entries by E (analytics/segments.ts); gap = max(0, vacancies − ready), bench
// strength = ready / vacancies; worst first.
import { addYears, ymdNumber } from '../../domain/dates.ts';
import type { PositionKind } from '../../domain/enums.ts';
import { duckdb } from '../dialect.ts';
import { int, type MetricInput, share } from '../metric.ts';
import { policyCte } from '../policy-table.ts';
import { activeAt, expectedVacancy, ready } from '../segments.ts';

export interface SuccessionGapRow {
  unitCode: string;
  unitName: string;
  kind: PositionKind;
  positions: number;
  expectedVacancies: number;
  ready: number;
  gap: number;
  benchStrength: number;
}

export interface SuccessionGapReport {
  horizonEnd: string;
  totalExpectedVacancies: number;
  totalReady: number;
  totalGap: number;
  rows: SuccessionGapRow[];
}

export async function successionGaps(
  { copy, scope, asOf, policies }: MetricInput,
  horizonYears: number,
): Promise<SuccessionGapReport> {
  const horizonEnd = addYears(asOf, horizonYears);
  const end = duckdb.int('$end');
  const rows = await copy.query(
    `WITH ${policyCte(policies)},
     scoped AS (SELECT u.id, u.code, u.name, u.kind FROM units u WHERE ${scope.where}),
     vac AS (
       SELECT p.unit_id, p.kind, count(*) AS positions,
         count(*) FILTER (WHERE ${expectedVacancy(duckdb, end)}) AS vacancies
       FROM positions p
       JOIN scoped s ON s.id = p.unit_id
       JOIN pol ON pol.unit_kind = s.kind
       GROUP BY ALL
     ),
     ready AS (
       SELECT r.unit_id, r.kind, count(*) AS n
       FROM reserves r
       JOIN scoped s ON s.id = r.unit_id
       JOIN pol ON pol.unit_kind = s.kind
       WHERE ${activeAt(duckdb.int('$asOf'))} AND ${ready(duckdb, end)}
       GROUP BY ALL
     )
     SELECT s.code AS unit_code, s.name AS unit_name, s.id, vac.kind, vac.positions, vac.vacancies, coalesce(ready.n, 0) AS ready
     FROM vac
     JOIN scoped s ON s.id = vac.unit_id
     LEFT JOIN ready ON ready.unit_id = vac.unit_id AND ready.kind = vac.kind`,
    { scope: scope.param, asOf: ymdNumber(asOf), end: ymdNumber(horizonEnd) },
  );
  const out: SuccessionGapRow[] = rows
    .map((r) => {
      const expectedVacancies = int(r.vacancies);
      const readyCount = int(r.ready);
      return {
        unitCode: r.unit_code as string,
        unitName: r.unit_name as string,
        kind: r.kind as PositionKind,
        positions: int(r.positions),
        expectedVacancies,
        ready: readyCount,
        gap: Math.max(0, expectedVacancies - readyCount),
        benchStrength: share(readyCount, expectedVacancies),
        order: int(r.id),
      };
    })
    .sort(worstFirst)
    .map(({ order: _order, ...row }) => row);
  return {
    horizonEnd,
    totalExpectedVacancies: out.reduce((s, r) => s + r.expectedVacancies, 0),
    totalReady: out.reduce((s, r) => s + r.ready, 0),
    totalGap: out.reduce((s, r) => s + r.gap, 0),
    rows: out,
  };
}

type Sortable = SuccessionGapRow & { order: number };

/** Largest gap first; then rows with vacancies before rows without; weaker bench first. */
function worstFirst(a: Sortable, b: Sortable): number {
  return (
    b.gap - a.gap ||
    Number(b.expectedVacancies > 0) - Number(a.expectedVacancies > 0) ||
    a.benchStrength - b.benchStrength ||
    b.expectedVacancies - a.expectedVacancies ||
    a.order - b.order ||
    (a.kind === b.kind ? 0 : a.kind === 'PRINCIPAL' ? -1 : 1)
  );
}
