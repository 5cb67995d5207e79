// Metric fields on a unit (the unit alone), for dashboards that list many units: each family is
// answered for all the units of a request in one DuckDB query (DataLoader), not one per unit.
import { analytics } from '../../analytics/instance.ts';
import { type PoolStructure, poolStructureByUnit } from '../../analytics/metrics/pool-structure.ts';
import { type ReserveRatioRow, reserveRatio } from '../../analytics/metrics/reserve-ratio.ts';
import { policiesAt } from '../../analytics/policy.ts';
import { unitsScope } from '../../analytics/scope.ts';
import { builder } from '../builder.ts';
import { db } from '../db/client.ts';
import { todayIso } from '../domain/dates.ts';
import { PoolStructureRef, ReserveRatioRowRef } from './analytics.ts';
import { PositionKindEnum } from './enums.ts';

const EMPTY_STRUCTURE: PoolStructure = {
  total: 0,
  women: 0,
  minority: 0,
  nonCpc: 0,
  special: 0,
  specialShare: 0,
  nearTerm: 0,
  nearTermShare: 0,
  bachelorOrAbove: 0,
  bachelorShare: 0,
};

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
            const rows = await reserveRatio(await analytics(), await policiesAt(db, asOf), unitsScope(codes), asOf);
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
          async (codes) => poolStructureByUnit(await analytics(), unitsScope(codes), asOf, kind),
          EMPTY_STRUCTURE,
        )
        .load(unit.code);
    },
  }),
}));
