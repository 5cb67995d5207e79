// 接续缺口 over H years (E = asOf + H): per unit and kind with positions, expected vacancies
// against ready entries by E (analytics/segments.ts); gap = max(0, vacancies − ready), bench
// strength = ready / vacancies; worst first.
import type { PositionKind } from '../../domain/enums.ts';
import type { MetricInput } from '../metric.ts';
import { kept, share } from '../metric.ts';
import { horizonGroups } from './horizon.ts';

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

export function successionGaps(input: MetricInput, horizonYears: number): Promise<SuccessionGapReport> {
  return kept(input, 'successionGaps', horizonYears, () => computeSuccessionGaps(input, horizonYears));
}

async function computeSuccessionGaps(input: MetricInput, horizonYears: number): Promise<SuccessionGapReport> {
  const { horizonEnd, groups } = await horizonGroups(input, horizonYears);
  const out: SuccessionGapRow[] = groups
    .map((g) => ({
      unitCode: g.unitCode,
      unitName: g.unitName,
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
