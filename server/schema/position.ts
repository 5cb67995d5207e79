import { todayIso, toIso } from '../../domain/dates.ts';
import { policyOf } from '../../domain/policy/effective.ts';
import { retirementDate } from '../../domain/rules.ts';
import { ownedByScope, unitFilter, type Viewer } from '../auth/viewer.ts';
import { builder, WHOLE } from '../builder.ts';
import { db } from '../db/client.ts';
import { countAtVersion } from '../db/counts.ts';
import { CategoryEnum, PositionKindEnum, RankEnum } from './enums.ts';
import { checkPage } from './paging.ts';

builder.prismaNode('Position', {
  id: { field: 'code' },
  // Wherever a post is reached, its unit must be inside the viewer's subtree.
  select: { code: true, unitCode: true },
  authScopes: async (post, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.unitPath.load(post.unitCode)] },
  // Absent or out of scope: node(id) answers null, as for any unknown id.
  nullable: true,
  findUnique: (code, ctx) => ({ code, ...ownedByScope(ctx.viewer) }),
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    kind: t.expose('kind', { type: PositionKindEnum }),
    rank: t.expose('rank', { type: RankEnum }),
    category: t.expose('category', { type: CategoryEnum }),
    termEnds: t.expose('termEnds', { type: 'Date', nullable: true }),
    vacant: t.boolean({ select: { incumbentId: true }, resolve: (p) => p.incumbentId === null }),
    unit: t.relation('unit'),
    incumbent: t.relation('incumbent', { nullable: true }),
    retiresOn: t.field({
      type: 'Date',
      nullable: true,
      description:
        'The incumbent’s retirement date (birth date + the retirement age of the policy in force today for the unit’s kind); null when vacant.',
      select: { incumbent: { select: { birthDate: true } }, unit: { select: { kind: true } } },
      resolve: async (p, _args, ctx) => {
        if (!p.incumbent) return null;
        const policy = policyOf(await ctx.policiesAt(todayIso()), p.unit.kind);
        return retirementDate(toIso(p.incumbent.birthDate), policy.retirementAge);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  positions: t.prismaConnection({
    authScopes: { signedIn: true },
    type: 'Position',
    cursor: 'code',
    args: {
      unitCode: t.arg.string(),
      subtree: t.arg.boolean({ defaultValue: true }),
      kind: t.arg({ type: PositionKindEnum }),
      vacant: t.arg.boolean(),
    },
    totalCount: async (_parent, args, ctx) => {
      checkPage(args);
      const where = await positionWhere(args, ctx.viewer);
      return countAtVersion(db, `position|${JSON.stringify(where)}`, () => db.position.count({ where }));
    },
    resolve: async (query, _root, args, ctx) => {
      checkPage(args);
      return db.position.findMany({ ...query, where: await positionWhere(args, ctx.viewer), orderBy: { id: 'asc' } });
    },
  }),
}));

async function positionWhere(
  args: {
    unitCode?: string | null;
    subtree?: boolean | null;
    kind?: 'PRINCIPAL' | 'DEPUTY' | null;
    vacant?: boolean | null;
  },
  viewer: Viewer,
) {
  return {
    AND: [
      await unitFilter(db, args.unitCode, args.subtree !== false, viewer),
      args.kind ? { kind: args.kind } : {},
      args.vacant === true ? { incumbentId: null } : args.vacant === false ? { incumbentId: { not: null } } : {},
    ],
  };
}
