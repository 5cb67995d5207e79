// Metric fields on a unit (the unit alone), for dashboards that list many units: each family is
// answered for all the units of a request in one DuckDB query (DataLoader), not one per unit.
// The subtree's succession gap is the exception: one query per unit (a tree shows a few at a time).
// A unit reached here is already one the viewer may see (its type checks the scope).
import { z } from 'zod';
import { EMPTY_STRUCTURE, type PoolStructure, poolStructureByUnit } from '../../analytics/metrics/pool-structure.ts';
import { type ReserveRatioRow, reserveRatio } from '../../analytics/metrics/reserve-ratio.ts';
import { successionTotals } from '../../analytics/metrics/succession-gaps.ts';
import { todayIso } from '../../domain/dates.ts';
import { builder } from '../builder.ts';
import { PoolStructureRef, ReserveRatioRowRef } from './analytics.ts';
import { PositionKindEnum } from './enums.ts';
import { batchInput, keptOn, metricInput } from './metric-input.ts';

builder.prismaObjectFields('Unit', (t) => ({
  reserveRatio: t.field({
    type: [ReserveRatioRowRef],
    description: 'This unit’s own 配备比例 rows (not its subtree), batched across the units of a request.',
    args: { asOf: t.arg({ type: 'Date' }) },
    select: { code: true },
    resolve: (unit, args, ctx) => {
      const asOf = args.asOf ?? todayIso();
      return ctx.loaders
        .named<ReserveRatioRow[]>(
          `ratio|${asOf}`,
          async (codes) => {
            const rows = await reserveRatio(await batchInput(ctx, codes, asOf));
            const byUnit = new Map<string, ReserveRatioRow[]>();
            for (const r of rows) byUnit.set(r.unitCode, [...(byUnit.get(r.unitCode) ?? []), r]);
            return byUnit;
          },
          [],
        )
        .load(unit.code);
    },
  }),
  poolStructure: t.field({
    type: PoolStructureRef,
    description: 'The structure of the pool reserved for this unit alone, batched across the units of a request.',
    args: { asOf: t.arg({ type: 'Date' }), kind: t.arg({ type: PositionKindEnum }) },
    select: { code: true },
    resolve: (unit, args, ctx) => {
      const asOf = args.asOf ?? todayIso();
      const kind = args.kind ?? null;
      return ctx.loaders
        .named<PoolStructure>(
          `structure|${asOf}|${kind}`,
          async (codes) => poolStructureByUnit(await batchInput(ctx, codes, asOf), kind),
          EMPTY_STRUCTURE,
        )
        .load(unit.code);
    },
  }),
  successionGap: t.int({
    description:
      'The total 接续缺口 of this unit’s subtree by the horizon (as successionGaps(unitCode, subtree: true).totalGap): for badges in a unit tree.',
    args: {
      asOf: t.arg({ type: 'Date' }),
      horizonYears: t.arg.int({ defaultValue: 1, validate: z.number().int().min(0).max(30) }),
    },
    select: { code: true },
    resolve: async (unit, args, ctx) => {
      const input = await metricInput(ctx, { unitCode: unit.code, asOf: args.asOf });
      return (await successionTotals(input, args.horizonYears ?? 1, keptOn(input.asOf))).totalGap;
    },
  }),
}));
