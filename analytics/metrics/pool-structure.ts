// 班子后备结构: the active pool's women, ethnic minorities, non-CPC members, the special-structure
// share (at least one of the three, counted once), readiness tiers and education, per kind or
// both kinds together. The segments are the compliance rules' own (analytics/segments.ts).
import type { PositionKind } from '../../domain/enums.ts';
import { countMeasures, countMeasuresByUnit } from '../measure-query.ts';
import { type EntryMeasureBase, ofKindMeasure } from '../measures.ts';
import { type MetricInput, share } from '../metric.ts';

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

/** The figures of a structure, by the measure each is. */
const FIGURES = {
  total: 'ENTRIES',
  women: 'WOMEN',
  minority: 'MINORITY',
  nonCpc: 'NON_CPC',
  special: 'SPECIAL',
  nearTerm: 'NEAR_TERM',
  midTerm: 'MID_TERM',
  longTerm: 'LONG_TERM',
  bachelorOrAbove: 'BACHELOR',
} as const satisfies Record<string, EntryMeasureBase>;
type Figure = keyof typeof FIGURES;

/** The measure behind each figure, for one kind or both (null): the drill-through names them. */
export function structureMeasures(kind: PositionKind | null) {
  return Object.fromEntries(Object.entries(FIGURES).map(([f, base]) => [f, ofKindMeasure(base, kind)])) as {
    [F in Figure]: ReturnType<typeof ofKindMeasure<(typeof FIGURES)[F]>>;
  };
}

const ARGS = { horizonYears: 0 };

/**
 * The structure of the pool in scope (of one kind, or both: null); with `keep` (today's date),
 * from per-unit counts kept beside the copy and patched after each change.
 */
export async function poolStructure(
  input: MetricInput,
  kind: PositionKind | null,
  keep = false,
): Promise<PoolStructure> {
  const names = structureMeasures(kind);
  const counted = await countMeasures(input, Object.values(names), ARGS, keep);
  return toStructure((f) => counted[names[f]]);
}

/** The structure of each unit's own pool, for a batch of units (a units scope). */
export async function poolStructureByUnit(
  input: MetricInput,
  kind: PositionKind | null,
): Promise<Map<string, PoolStructure>> {
  const names = structureMeasures(kind);
  const byUnit = await countMeasuresByUnit(input, Object.values(names), ARGS);
  return new Map(
    [...byUnit].filter(([, c]) => c[names.total] > 0).map(([code, c]) => [code, toStructure((f) => c[names[f]])]),
  );
}

function toStructure(count: ((f: Figure) => number) | undefined): PoolStructure {
  const n = (f: Figure) => count?.(f) ?? 0;
  const total = n('total');
  return {
    total,
    women: n('women'),
    minority: n('minority'),
    nonCpc: n('nonCpc'),
    special: n('special'),
    specialShare: share(n('special'), total),
    nearTerm: n('nearTerm'),
    nearTermShare: share(n('nearTerm'), total),
    midTerm: n('midTerm'),
    longTerm: n('longTerm'),
    bachelorOrAbove: n('bachelorOrAbove'),
    bachelorShare: share(n('bachelorOrAbove'), total),
  };
}
