import { canSee, scopedUnit, under as underPath, unitScope } from '../auth/viewer.ts';
import { builder, WHOLE } from '../builder.ts';
import { db } from '../db/client.ts';
import type { Unit } from '../db/generated/sqlite/client.ts';
import { nameContains } from '../db/search.ts';
import { UnitKindEnum, UnitLevelEnum } from './enums.ts';
import { checkPage } from './paging.ts';

export const UnitRef = builder.prismaNode('Unit', {
  id: { field: 'code' },
  // Wherever a unit is reached, it must be inside the viewer's subtree.
  select: { code: true, path: true },
  authScopes: (unit, ctx) => (ctx.viewer.path === '' ? WHOLE : { units: [unit.path] }),
  // Absent or out of scope: node(id) answers null, as for any unknown id.
  nullable: true,
  findUnique: (code, ctx) => ({ code, ...unitScope(ctx.viewer) }),
  fields: (t) => ({
    code: t.exposeString('code', { description: "The unit's key in the dataset." }),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: UnitKindEnum }),
    level: t.expose('level', { type: UnitLevelEnum }),
    depth: t.exposeInt('depth', { description: 'Levels below the root of the tree (the root is 0).' }),
    children: t.relation('children', { query: { orderBy: { id: 'asc' } } }),
    childCount: t.relationCount('children'),
    positions: t.relation('positions', { query: { orderBy: { id: 'asc' } } }),
  }),
});

builder.prismaObjectFields('Unit', (t) => ({
  parent: t.field({
    type: UnitRef,
    nullable: true,
    description: 'Null at the root, and above the top of the viewer’s scope.',
    // The nested selection loads the parent with what its own fields ask (one query per level).
    select: (_args, _ctx, nestedSelection) => ({ parent: nestedSelection() }),
    resolve: (unit, _args, ctx) => {
      const parent = unit.parent as (typeof unit.parent & { path: string }) | null;
      return parent && canSee(ctx.viewer, parent.path) ? parent : null;
    },
  }),
  ancestors: t.field({
    type: [UnitRef],
    description: 'From the top of the viewer’s scope down to the parent.',
    select: { path: true },
    resolve: async (unit, _args, ctx) => {
      const ids = unit.path.split('.').filter(Boolean).map(Number).slice(0, -1);
      const units = await ctx.loaders.unitById.loadMany(ids);
      return units.filter((u): u is Unit => !!u && !(u instanceof Error) && canSee(ctx.viewer, u.path));
    },
  }),
}));

builder.queryFields((t) => ({
  unit: t.prismaField({
    authScopes: { signedIn: true },
    type: 'Unit',
    nullable: true,
    description: 'A unit by code; null when it does not exist or is outside your scope.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) =>
      db.unit.findFirst({ ...query, where: { code, ...unitScope(ctx.viewer) } }),
  }),
  rootUnits: t.prismaField({
    authScopes: { signedIn: true },
    type: ['Unit'],
    description: 'The top of the tree the viewer sees: the viewer’s unit, or the roots of the whole tree.',
    resolve: (query, _root, _args, ctx) =>
      db.unit.findMany({
        ...query,
        where: ctx.viewer.unitCode ? { code: ctx.viewer.unitCode } : { parentCode: null },
        orderBy: { id: 'asc' },
      }),
  }),
  units: t.prismaConnection({
    authScopes: { signedIn: true },
    type: 'Unit',
    cursor: 'code',
    description: 'Units in scope, in tree order within a level, filtered.',
    args: {
      underCode: t.arg.string({ description: 'Only this unit’s subtree (the unit included).' }),
      level: t.arg({ type: UnitLevelEnum }),
      kind: t.arg({ type: UnitKindEnum }),
      search: t.arg.string({ description: 'Part of the name, or the exact code.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      checkPage(args);
      const under = args.underCode ? await scopedUnit(db, args.underCode, ctx.viewer) : null;
      return db.unit.findMany({
        ...query,
        where: {
          AND: [
            unitScope(ctx.viewer),
            under ? { path: underPath(under.path) } : {},
            args.level ? { level: args.level } : {},
            args.kind ? { kind: args.kind } : {},
            args.search ? { OR: [await nameContains(db, 'Unit', args.search), { code: args.search }] } : {},
          ],
        },
        orderBy: [{ depth: 'asc' }, { id: 'asc' }],
      });
    },
  }),
}));
