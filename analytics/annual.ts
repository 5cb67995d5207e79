// A year of the pool for the annual analysis report: its size on the last day of the year before
// and of the year, the year's intake (by source) and exits (by how they ended), and the
// structure at the year's end — every figure a named measure (measures.ts), the same ones the
// dashboard's figures and the statistics table drill through. Start + intake − exits = end holds
// by the measures' definitions (an entry exited on D is no longer active on D).

import { SOURCES } from '../domain/enums.ts';
import { EXIT_STATUSES, exitMeasure, intakeMeasure } from '../domain/statistics.ts';
import { countMeasures } from './measure-query.ts';
import { kindedName } from './measures.ts';
import type { MetricInput } from './metric.ts';

export interface KindCounts {
  total: number;
  principal: number;
  deputy: number;
}

export interface AnnualPool {
  start: KindCounts;
  end: KindCounts;
  intake: KindCounts;
  exits: KindCounts;
  intakeBySource: { source: string; count: number }[];
  exitsByStatus: { status: string; count: number }[];
  /** At the year's end. */
  structure: { women: number; minority: number; nonCpc: number; special: number; nearTerm: number; bachelor: number };
}

const KINDED = (base: string) => [kindedName(base, null), kindedName(base, 'PRINCIPAL'), kindedName(base, 'DEPUTY')];

/** `start`: the scope on the last day of the year before; `end`: on the year's last day. */
export async function annualPool(start: MetricInput, end: MetricInput): Promise<AnnualPool> {
  const args = { horizonYears: 1 };
  const endNames = [
    ...KINDED('ENTRIES'),
    ...KINDED('INTAKE'),
    ...KINDED('EXITS'),
    ...SOURCES.map(intakeMeasure),
    ...EXIT_STATUSES.map(exitMeasure),
    'WOMEN',
    'MINORITY',
    'NON_CPC',
    'SPECIAL',
    'NEAR_TERM',
    'BACHELOR',
  ];
  const [before, after] = await Promise.all([
    countMeasures(start, KINDED('ENTRIES'), args),
    countMeasures(end, endNames, args),
  ]);
  const kinds = (m: Record<string, number>, base: string): KindCounts => {
    const [all, principal, deputy] = KINDED(base);
    return { total: m[all!] ?? 0, principal: m[principal!] ?? 0, deputy: m[deputy!] ?? 0 };
  };
  return {
    start: kinds(before, 'ENTRIES'),
    end: kinds(after, 'ENTRIES'),
    intake: kinds(after, 'INTAKE'),
    exits: kinds(after, 'EXITS'),
    intakeBySource: SOURCES.map((source) => ({ source, count: after[intakeMeasure(source)] ?? 0 })),
    exitsByStatus: EXIT_STATUSES.map((status) => ({ status, count: after[exitMeasure(status)] ?? 0 })),
    structure: {
      women: after.WOMEN ?? 0,
      minority: after.MINORITY ?? 0,
      nonCpc: after.NON_CPC ?? 0,
      special: after.SPECIAL ?? 0,
      nearTerm: after.NEAR_TERM ?? 0,
      bachelor: after.BACHELOR ?? 0,
    },
  };
}
