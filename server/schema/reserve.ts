import { z } from 'zod';
import { toDate } from '../../domain/dates.ts';
import { RESERVE_STATUSES } from '../../domain/enums.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { ownedByScope, unitFilter, type Viewer } from '../auth/viewer.ts';
import { builder, WHOLE } from '../builder.ts';
import { db } from '../db/client.ts';
import { countAtVersion } from '../db/counts.ts';
import { nameContains } from '../db/search.ts';
import { readable } from '../lang.ts';
import { entryCode, TRANSITIONS, transitionReserve } from '../reserves/lifecycle.ts';
import {
  DirectionEnum,
  EducationEnum,
  enumList,
  GenderEnum,
  PositionKindEnum,
  RankEnum,
  ReserveStatusEnum,
  SortDirectionEnum,
  SourceEnum,
  TierEnum,
} from './enums.ts';
import { checkPage } from './paging.ts';
import { type PersonFilterShape, personAttributes } from './person.ts';

builder.prismaNode('ReserveEntry', {
  id: { field: 'code' },
  // Wherever an entry is reached, the unit it is reserved for must be inside the viewer's subtree.
  select: { code: true, unitCode: true },
  authScopes: async (entry, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.unitPath.load(entry.unitCode)] },
  // Absent or out of scope: node(id) answers null, as for any unknown id.
  nullable: true,
  findUnique: (code, ctx) => ({ code, ...ownedByScope(ctx.viewer) }),
  fields: (t) => ({
    code: t.exposeString('code', { description: "The entry's id in the dataset." }),
    status: t.expose('status', { type: ReserveStatusEnum }),
    targetKind: t.expose('targetKind', { type: PositionKindEnum }),
    targetRank: t.expose('targetRank', { type: RankEnum }),
    tier: t.expose('tier', { type: TierEnum }),
    direction: t.expose('direction', { type: DirectionEnum }),
    source: t.expose('source', { type: SourceEnum }),
    nominatedOn: t.expose('nominatedOn', { type: 'Date' }),
    enteredOn: t.expose('enteredOn', { type: 'Date', nullable: true }),
    exitedOn: t.expose('exitedOn', { type: 'Date', nullable: true }),
    exitReason: t.string({ nullable: true, select: { exitReason: true }, resolve: (e) => readable(e.exitReason) }),
    person: t.relation('person'),
    unit: t.relation('unit', { description: 'The unit whose team the entry is reserved for.' }),
    targetPositions: t.prismaField({
      type: ['Position'],
      description: 'The positions of the target kind in that unit’s team.',
      select: { unitCode: true, targetKind: true },
      resolve: (query, entry, _args, ctx) =>
        ctx.loaders.positionsByUnitKind(query).load(`${entry.targetKind}|${entry.unitCode}`),
    }),
    history: t.relation('history', { query: { orderBy: [{ on: 'asc' }, { id: 'asc' }] } }),
    nextStatuses: t.field({
      type: [ReserveStatusEnum],
      description: 'The statuses the lifecycle allows this entry to move to next (transitionReserve).',
      select: { status: true },
      resolve: (entry) => [...TRANSITIONS[entry.status]],
    }),
  }),
});

const ReserveFilter = builder.inputType('ReserveFilter', {
  fields: (t) => ({
    unitCode: t.string({
      description: 'The unit the entries are reserved for (and, with `subtree`, its descendants).',
    }),
    subtree: t.boolean({ defaultValue: true }),
    kind: t.field({ type: PositionKindEnum }),
    tier: t.field({ type: TierEnum }),
    status: t.field({
      type: [ReserveStatusEnum],
      description: 'Any of these statuses.',
      validate: enumList(RESERVE_STATUSES),
    }),
    activeAt: t.field({
      type: 'Date',
      description: 'Only entries in the pool on that date (entered on or before it, not exited by it).',
    }),
    direction: t.field({ type: DirectionEnum }),
    source: t.field({ type: SourceEnum }),
    gender: t.field({ type: GenderEnum }),
    ageMin: t.int({ validate: z.number().int().min(0).max(120) }),
    ageMax: t.int({ validate: z.number().int().min(0).max(120) }),
    asOf: t.field({ type: 'Date', description: 'The date ages are taken at; default today.' }),
    educationAtLeast: t.field({ type: EducationEnum }),
    search: t.string({
      description: "Part of the person's name, or the exact person id or entry id.",
      validate: z.string().max(100),
    }),
  }),
});

const ReserveOrderField = builder.enumType('ReserveOrderField', {
  values: ['CODE', 'NOMINATED_ON', 'ENTERED_ON', 'BIRTH_DATE', 'NAME'] as const,
});

const ReserveOrder = builder.inputType('ReserveOrder', {
  fields: (t) => ({
    field: t.field({ type: ReserveOrderField, required: true }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'ASC' }),
  }),
});

export type ReserveFilterShape = PersonFilterShape & {
  kind?: 'PRINCIPAL' | 'DEPUTY' | null;
  tier?: 'NEAR_TERM' | 'MID_TERM' | 'LONG_TERM' | null;
  status?: string[] | null;
  activeAt?: string | null;
  direction?: string | null;
  source?: string | null;
};

export async function reserveWhere(f: ReserveFilterShape, viewer: Viewer) {
  const { search, ...personOnly } = f;
  return {
    AND: [
      await unitFilter(db, f.unitCode, f.subtree !== false, viewer),
      f.kind ? { targetKind: f.kind } : {},
      f.tier ? { tier: f.tier } : {},
      f.status?.length ? { status: { in: f.status as never[] } } : {},
      f.direction ? { direction: f.direction as never } : {},
      f.source ? { source: f.source as never } : {},
      f.activeAt
        ? { enteredOn: { lte: toDate(f.activeAt) }, OR: [{ exitedOn: null }, { exitedOn: { gt: toDate(f.activeAt) } }] }
        : {},
      await personAttributes(personOnly).then((p) => (p ? { person: p } : {})),
      search
        ? { OR: [{ person: await nameContains(db, 'Person', search) }, { personCode: search }, { code: search }] }
        : {},
    ],
  };
}

function reserveOrder(order: { field: string; direction?: string | null } | null | undefined) {
  const dir = order?.direction === 'DESC' ? ('desc' as const) : ('asc' as const);
  // Ties keep insertion order whatever the direction, so pages are stable.
  const tie = { id: 'asc' as const };
  switch (order?.field) {
    case 'NOMINATED_ON':
      return [{ nominatedOn: dir }, tie];
    case 'ENTERED_ON':
      return [{ enteredOn: dir }, tie];
    case 'BIRTH_DATE':
      return [{ person: { birthDate: dir } }, tie];
    case 'NAME':
      return [{ person: { name: dir } }, tie];
    default:
      return [tie];
  }
}

builder.queryFields((t) => ({
  reserves: t.prismaConnection({
    authScopes: { signedIn: true },
    type: 'ReserveEntry',
    cursor: 'code',
    description: 'Reserve entries in your scope, filtered and ordered (ties broken by insertion order).',
    args: {
      filter: t.arg({ type: ReserveFilter }),
      orderBy: t.arg({ type: ReserveOrder }),
    },
    totalCount: async (_parent, args, ctx) => {
      checkPage(args);
      const where = await reserveWhere(args.filter ?? {}, ctx.viewer);
      return countAtVersion(db, `reserveEntry|${JSON.stringify(where)}`, () => db.reserveEntry.count({ where }));
    },
    resolve: async (query, _root, args, ctx) => {
      checkPage(args);
      return db.reserveEntry.findMany({
        ...query,
        where: await reserveWhere(args.filter ?? {}, ctx.viewer),
        orderBy: reserveOrder(args.orderBy),
      });
    },
  }),
  reserve: t.prismaField({
    authScopes: { signedIn: true },
    type: 'ReserveEntry',
    nullable: true,
    description: 'An entry by its id ("R0001") or global id; null when absent or outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      db.reserveEntry.findFirst({ ...query, where: { code: entryCode(String(id)), ...ownedByScope(ctx.viewer) } }),
  }),
}));

const TransitionReserveInput = builder.inputType('TransitionReserveInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true, description: 'The entry’s id ("R0001") or global id.' }),
    to: t.field({ type: ReserveStatusEnum, required: true }),
    on: t.field({ type: 'Date', required: true }),
    reason: t.string(),
  }),
});

builder.mutationFields((t) => ({
  transitionReserve: t.prismaField({
    authScopes: scopeOf('KEEP_RESERVES'),
    type: 'ReserveEntry',
    description: 'Moves an entry one step along its lifecycle; refuses illegal steps (ILLEGAL_TRANSITION).',
    args: { input: t.arg({ type: TransitionReserveInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const entry = await transitionReserve(
        db,
        ctx.viewer,
        { ...input, reserveId: String(input.reserveId) },
        { requestId: ctx.requestId },
      );
      return db.reserveEntry.findUniqueOrThrow({ ...query, where: { code: entry.code } });
    },
  }),
}));
