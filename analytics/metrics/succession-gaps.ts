// 接续缺口 over H years (E = asOf + H): per unit and kind with positions, expected vacancies
// against ready entries by E (analytics/segments.ts); gap = max(0, vacancies − ready), bench
// strength = ready / vacancies; worst first.
import { addYears } from '../../domain/dates.ts';
import type { PositionKind, UnitLevel } from '../../domain/enums.ts';
import { inScope, keptOrComputed } from '../kept.ts';
import type { MetricInput } from '../metric.ts';
import { kept, share } from '../metric.ts';
import { horizonGroups, keptHorizon } from './horizon.ts';

export interface SuccessionGapRow {
  unitCode: string;
  unitName: string;
  unitLevel: UnitLevel;
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

/** A scope's succession totals by the horizon: the report's totals without its rows. */
export type SuccessionTotals = Omit<SuccessionGapReport, 'rows'>;

/**
 * The totals alone; with `keep` (today's date), summed from the groups kept beside the copy
 * (horizon.ts keptHorizon) instead of counting every group of the scope again.
 */
export function successionTotals(input: MetricInput, horizonYears: number, keep: boolean): Promise<SuccessionTotals> {
  return kept(input, 'successionTotals', { horizonYears, keep }, () =>
    keptOrComputed('succession gaps', keep ? () => keptTotals(input, horizonYears) : null, async () => {
      const { rows: _rows, ...totals } = await successionGaps(input, horizonYears);
      return totals;
    }),
  );
}

/** The totals summed over the scope's groups kept beside the copy (horizon.ts keptHorizon). */
async function keptTotals(input: MetricInput, horizonYears: number): Promise<SuccessionTotals> {
  const groups = keptHorizon(input, horizonYears);
  const [row] = await groups.read(
    `SELECT CAST(coalesce(sum(vacancies), 0) AS INTEGER) AS vacancies, CAST(coalesce(sum(ready), 0) AS INTEGER) AS ready,
       CAST(coalesce(sum(greatest(0, vacancies - ready)), 0) AS INTEGER) AS gap
     FROM ${groups.tables.groups} WHERE ${inScope('id', input.scope.where)}`,
    { scope: input.scope.param },
  );
  return {
    horizonEnd: addYears(input.asOf, horizonYears),
    totalExpectedVacancies: Number(row?.vacancies ?? 0),
    totalReady: Number(row?.ready ?? 0),
    totalGap: Number(row?.gap ?? 0),
  };
}

export function successionGaps(input: MetricInput, horizonYears: number): Promise<SuccessionGapReport> {
  return kept(input, 'successionGaps', horizonYears, () => computeSuccessionGaps(input, horizonYears));
}

async function computeSuccessionGaps(input: MetricInput, horizonYears: number): Promise<SuccessionGapReport> {
  const { horizonEnd, groups } = await horizonGroups(input, horizonYears);
  const out: SuccessionGapRow[] = groups
    .map((g) => ({
      unitCode: g.unitCode,
      unitName: g.unitName,
      unitLevel: g.unitLevel,
      kind: g.kind,
      positions: g.positions,
      expectedVacancies: g.expectedVacancies,
      ready: g.ready,
      gap: Math.max(0, g.expectedVacancies - g.ready),
      benchStrength: share(g.ready, g.expectedVacancies),
      order: g.order,
    }))
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

/** One team's succession by the horizon: both kinds together, and the gap of each. */
export interface TeamSuccession {
  unitCode: string;
  unitName: string;
  unitLevel: UnitLevel;
  expectedVacancies: number;
  ready: number;
  gap: number;
  principalGap: number;
  deputyGap: number;
}

/**
 * The teams with the largest succession gap (the sum of their kinds' gaps, each never netted),
 * optionally of one level: a leader's ranked list. Ties: more vacancies first, then tree order.
 */
export async function successionRanking(
  input: MetricInput,
  horizonYears: number,
  level: UnitLevel | null,
  limit: number,
): Promise<{ total: number; teams: TeamSuccession[] }> {
  const report = await successionGaps(input, horizonYears);
  const teams = new Map<string, TeamSuccession & { order: number }>();
  report.rows.forEach((r, i) => {
    if (level && r.unitLevel !== level) return;
    const t = teams.get(r.unitCode) ?? {
      unitCode: r.unitCode,
      unitName: r.unitName,
      unitLevel: r.unitLevel,
      expectedVacancies: 0,
      ready: 0,
      gap: 0,
      principalGap: 0,
      deputyGap: 0,
      order: i,
    };
    t.expectedVacancies += r.expectedVacancies;
    t.ready += r.ready;
    t.gap += r.gap;
    if (r.kind === 'PRINCIPAL') t.principalGap = r.gap;
    else t.deputyGap = r.gap;
    teams.set(r.unitCode, t);
  });
  const ranked = [...teams.values()]
    .filter((t) => t.gap > 0)
    .sort((a, b) => b.gap - a.gap || b.expectedVacancies - a.expectedVacancies || a.order - b.order);
  return { total: ranked.length, teams: ranked.slice(0, limit).map(({ order: _o, ...t }) => t) };
}
