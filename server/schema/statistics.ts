// The 后备干部统计表 through the API: for a unit's subtree at a date, the fixed column groups
// (domain/statistics.ts) and the rows by kind and target rank with their totals. Every cell names
// the measure and target rank that `drill` takes to list the entries it counts.
import { z } from 'zod';
import type { MetricInput } from '../../analytics/metric.ts';
import {
  type StatisticsAnswer,
  type StatisticsCell,
  type StatisticsRow,
  statisticsCells,
  statisticsRowLabel,
  statisticsTable,
} from '../../analytics/statistics.ts';
import { STAT_GROUPS, type StatGroup } from '../../domain/statistics.ts';
import { builder } from '../builder.ts';
import { db } from '../db/client.ts';
import { requestLang } from '../lang.ts';
import { PositionKindEnum, RankEnum } from './enums.ts';
import { metricInput } from './metric-input.ts';

/** The statistics table for an already checked metric input. */
export async function statisticsAnswer(input: MetricInput, unitCode: string): Promise<StatisticsAnswer> {
  const [rows, unit] = await Promise.all([
    statisticsTable(input, { horizonYears: 1 }),
    db.unit.findUnique({ where: { code: unitCode }, select: { name: true } }),
  ]);
  return { unitCode, unitName: unit?.name ?? unitCode, asOf: input.asOf, year: Number(input.asOf.slice(0, 4)), rows };
}

const ColumnRef = builder.objectRef<StatGroup['columns'][number]>('StatisticsColumn').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    measure: t.exposeString('measure', { description: 'The entry measure the column counts.' }),
    label: t.string({ resolve: (c) => c.label[requestLang()] }),
  }),
});

const GroupRef = builder.objectRef<StatGroup>('StatisticsGroup').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.string({ resolve: (g) => g.label[requestLang()] }),
    parts: t.exposeBoolean('parts', { description: 'True when the columns split the total: they add up to it.' }),
    shares: t.exposeBoolean('shares', { description: 'True when the cells carry a share of the row’s total.' }),
    columns: t.field({ type: [ColumnRef], resolve: (g) => [...g.columns] }),
  }),
});

const CellRef = builder.objectRef<StatisticsCell>('StatisticsCell').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    measure: t.exposeString('measure', { description: 'The column’s measure.' }),
    drillMeasure: t.exposeString('drillMeasure', {
      description: 'The measure `drill` takes (with targetRank) to list the entries the cell counts.',
    }),
    targetRank: t.field({ type: RankEnum, nullable: true, resolve: (c) => c.targetRank as never }),
    count: t.exposeInt('count'),
    share: t.exposeFloat('share', { nullable: true, description: 'count ÷ the row’s total, 0–1; null without one.' }),
  }),
});

const RowRef = builder.objectRef<StatisticsRow>('StatisticsRow').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    kind: t.field({ type: PositionKindEnum, nullable: true, resolve: (r) => r.kind }),
    targetRank: t.field({ type: RankEnum, nullable: true, resolve: (r) => r.targetRank as never }),
    label: t.string({ resolve: (r) => statisticsRowLabel(r, requestLang()) }),
    total: t.boolean({ description: 'A kind’s total or the whole total.', resolve: (r) => r.targetRank === null }),
    cells: t.field({ type: [CellRef], resolve: (r) => statisticsCells(r) }),
  }),
});

const TableRef = builder.objectRef<StatisticsAnswer>('StatisticsTable').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    asOf: t.field({ type: 'Date', resolve: (a) => a.asOf }),
    year: t.exposeInt('year', { description: 'The year whose intake and exits (1 January to asOf) are counted.' }),
    groups: t.field({ type: [GroupRef], resolve: () => [...STAT_GROUPS] }),
    rows: t.field({ type: [RowRef], resolve: (a) => a.rows }),
  }),
});

builder.queryFields((t) => ({
  statisticsTable: t.field({
    authScopes: { signedIn: true },
    type: TableRef,
    description:
      '后备干部统计表: the reserves of a unit’s subtree at a date by kind and target rank — structure, age brackets, education, tiers, sources and the year’s intake and exits, with totals.',
    args: {
      unitCode: t.arg.string({ required: true, validate: z.string().max(64) }),
      asOf: t.arg({ type: 'Date', description: 'The reference date; omitted: today.' }),
    },
    resolve: async (_root, args, ctx) => {
      const input = await metricInput(ctx, { unitCode: args.unitCode, subtree: true, asOf: args.asOf });
      return statisticsAnswer(input, args.unitCode);
    },
  }),
}));
