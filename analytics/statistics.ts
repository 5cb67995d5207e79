// The 后备干部统计表 for a unit's subtree at a date (domain/statistics.ts): one row per kind and
// target rank with the entries of the scope, then each kind's total and the whole total — every
// cell the count of a named entry measure (measures.ts), so the drill behind a cell lists exactly
// the people it counts. Totals are sums of the rows above them, and each kind's total row is also
// the measure of that kind (NAME_PRINCIPAL), which a test holds equal.
import { POSITION_KINDS, type PositionKind, RANKS } from '../domain/enums.ts';
import { enumLabel, type Lang } from '../domain/messages.ts';
import { STAT_GROUPS, STAT_MEASURES } from '../domain/statistics.ts';
import { countEntryMeasuresByKindAndRank, type MeasureArgs } from './measure-query.ts';
import { kindedName } from './measures.ts';
import type { MetricInput } from './metric.ts';

export interface StatisticsRow {
  /** Null on the whole total. */
  kind: PositionKind | null;
  /** Null on a kind's total and the whole total. */
  targetRank: string | null;
  /** Each column's count by its measure name (STAT_MEASURES). */
  counts: Record<string, number>;
}

const zero = () => Object.fromEntries(STAT_MEASURES.map((m) => [m, 0])) as Record<string, number>;

function sum(rows: readonly StatisticsRow[]): Record<string, number> {
  const out = zero();
  for (const r of rows) for (const m of STAT_MEASURES) out[m] = (out[m] ?? 0) + (r.counts[m] ?? 0);
  return out;
}

/**
 * The table's rows in print order: for each kind its target ranks that have any count (in the
 * rank order), then the kind's total; last the total of both kinds.
 */
export async function statisticsTable(input: MetricInput, args: MeasureArgs): Promise<StatisticsRow[]> {
  const groups = await countEntryMeasuresByKindAndRank(input, STAT_MEASURES, args);
  const rows: StatisticsRow[] = [];
  const kindTotals: StatisticsRow[] = [];
  for (const kind of POSITION_KINDS) {
    const ranks: StatisticsRow[] = [];
    for (const rank of RANKS) {
      const counts = groups.get(`${kind}:${rank}`);
      if (counts && STAT_MEASURES.some((m) => (counts[m] ?? 0) > 0))
        ranks.push({ kind, targetRank: rank, counts: { ...zero(), ...counts } });
    }
    const total: StatisticsRow = { kind, targetRank: null, counts: sum(ranks) };
    rows.push(...ranks, total);
    kindTotals.push(total);
  }
  rows.push({ kind: null, targetRank: null, counts: sum(kindTotals) });
  return rows;
}

export interface StatisticsCell {
  measure: string;
  drillMeasure: string;
  targetRank: string | null;
  count: number;
  share: number | null;
}

export interface StatisticsAnswer {
  unitCode: string;
  unitName: string;
  asOf: string;
  year: number;
  rows: StatisticsRow[];
}

/** A row's label in a language: the target rank, or 正职合计 / 副职合计 / 总计. */
export function statisticsRowLabel(row: Pick<StatisticsRow, 'kind' | 'targetRank'>, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if (row.kind === null) return zh ? '总计' : 'Total';
  const kind = enumLabel('PositionKind', row.kind, lang);
  if (row.targetRank === null) return zh ? `${kind}合计` : `${kind}, total`;
  return `${kind} · ${enumLabel('Rank', row.targetRank, lang)}`;
}

/** The row's cells in column order: counts, shares of the row's total where the group has them. */
export function statisticsCells(row: StatisticsRow): StatisticsCell[] {
  const total = row.counts.ENTRIES ?? 0;
  return STAT_GROUPS.flatMap((g) =>
    g.columns.map((c) => {
      const count = row.counts[c.measure] ?? 0;
      return {
        measure: c.measure,
        drillMeasure: kindedName(c.measure, row.kind),
        targetRank: row.targetRank,
        count,
        share: g.shares && total > 0 ? count / total : null,
      };
    }),
  );
}
