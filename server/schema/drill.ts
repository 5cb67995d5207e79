// Drill-through: the rows a named measure counts (analytics/measures.ts) for a unit, alone or
// with its subtree, at a date — the entries, posts, people or units behind a figure, a page at a
// time. totalCount is the figure itself: the count and the rows are one condition.
import { z } from 'zod';
import { type DrillKey, drillMeasure } from '../../analytics/measure-query.ts';
import { MEASURE_NAMES, resolveMeasure, type Source } from '../../analytics/measures.ts';
import { refusal } from '../../domain/errors.ts';
import { listParam } from '../../domain/messages.ts';
import { policyOf } from '../../domain/policy/effective.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { db } from '../db/client.ts';
import { PositionKindEnum, RankEnum } from './enums.ts';
import { metricInput } from './metric-input.ts';

const SourceEnum = builder.enumType('DrillSource', {
  values: {
    ENTRIES: { value: 'entries', description: 'Reserve entries (后备干部).' },
    POSTS: { value: 'posts', description: 'Leadership posts (职位).' },
    PEOPLE: { value: 'people', description: 'People, by the unit they work in.' },
    UNITS: { value: 'units', description: 'Units.' },
    APPOINTMENTS: {
      value: 'appointments',
      description: 'Appointments to leadership posts (任职): code is the post’s code @ the first day.',
    },
  } as const,
});

const RowRef = builder.objectRef<DrillKey & { source: Source }>('DrillRow').implement({
  authScopes: { signedIn: true },
  description: 'One row a measure counts. Its entry, post or person carries the access checks of its own type.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The entry’s, post’s, person’s or unit’s code.' }),
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    kind: t.field({ type: PositionKindEnum, nullable: true, resolve: (r) => r.kind as 'PRINCIPAL' | 'DEPUTY' | null }),
    tier: t.exposeString('tier', { nullable: true }),
    enteredOn: t.field({ type: 'Date', nullable: true, resolve: (r) => r.enteredOn }),
    age: t.exposeInt('age', { nullable: true, description: 'The person’s (or the incumbent’s) age at asOf.' }),
    termEnds: t.field({ type: 'Date', nullable: true, resolve: (r) => r.termEnds }),
    fromPool: t.boolean({
      nullable: true,
      description: 'Appointments: the appointment came from the pool (a promotion of an entry).',
      resolve: (r) => r.fromPool ?? null,
    }),
    entry: t.prismaField({
      type: 'ReserveEntry',
      nullable: true,
      resolve: (query, r, _args, ctx) =>
        r.source === 'entries'
          ? byCode(
              ctx,
              'drill-entry',
              (codes) => db.reserveEntry.findMany({ ...query, where: { code: { in: codes } } }),
              r.code,
            )
          : null,
    }),
    post: t.prismaField({
      type: 'Position',
      nullable: true,
      resolve: (query, r, _args, ctx) =>
        r.source === 'posts' || r.source === 'appointments'
          ? byCode(
              ctx,
              'drill-post',
              (codes) => db.position.findMany({ ...query, where: { code: { in: codes } } }),
              r.positionCode ?? r.code,
            )
          : null,
    }),
    person: t.prismaField({
      type: 'Person',
      nullable: true,
      description: 'The entry’s person, the post’s incumbent, or the person counted.',
      resolve: (query, r, _args, ctx) =>
        r.personCode
          ? byCode(
              ctx,
              'drill-person',
              (codes) => db.person.findMany({ ...query, where: { code: { in: codes } } }),
              r.personCode,
            )
          : null,
    }),
  }),
});

/**
 * A record by its code, batched per request under `name` (the Prisma selection of the batch's
 * first caller serves the batch).
 */
function byCode<T extends { code: string }>(
  ctx: Context,
  name: string,
  find: (codes: string[]) => Promise<T[]>,
  code: string,
): Promise<T | null> {
  return ctx.loaders
    .named<T | null>(name, async (codes) => new Map((await find([...codes])).map((x) => [x.code, x])), null)
    .load(code);
}

/** An entry by its code (drill rows, alert items). */
export function entryByCode(ctx: Context, query: object, code: string) {
  return byCode(
    ctx,
    'entry-by-code',
    (codes) => db.reserveEntry.findMany({ ...query, where: { code: { in: codes } } }),
    code,
  );
}

interface Page {
  measure: string;
  source: Source;
  totalCount: number;
  rows: (DrillKey & { source: Source })[];
  offset: number;
}

const PageInfoRef = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>('DrillPageInfo').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

const PageRef = builder.objectRef<Page>('DrillPage').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    measure: t.exposeString('measure'),
    source: t.field({ type: SourceEnum, resolve: (p) => p.source }),
    totalCount: t.exposeInt('totalCount', {
      description: 'The figure the measure gives for the same arguments: every row it counts.',
    }),
    rows: t.field({ type: [RowRef], resolve: (p) => p.rows }),
    pageInfo: t.field({
      type: PageInfoRef,
      resolve: (p) => {
        const end = p.offset + p.rows.length;
        return { hasNextPage: end < p.totalCount, endCursor: p.rows.length ? cursor(end) : null };
      },
    }),
  }),
});

const cursor = (offset: number) => Buffer.from(`drill:${offset}`).toString('base64url');

function offsetOf(after: string | null | undefined): number {
  if (!after) return 0;
  const m = /^drill:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString());
  if (!m) throw refusal('BAD_USER_INPUT', 'input.badCursor', {}, { field: 'after' });
  return Number(m[1]);
}

builder.queryFields((t) => ({
  drill: t.field({
    authScopes: { signedIn: true },
    type: PageRef,
    description:
      'The rows a named measure counts (entries, posts, people or units), a page at a time; totalCount is the figure. Compliance rows name their measures (numeratorMeasure, denominatorMeasure, targetMeasure).',
    args: {
      measure: t.arg.string({ required: true, validate: z.string().max(64) }),
      unitCode: t.arg.string({ required: true, validate: z.string().max(64) }),
      asOf: t.arg({ type: 'Date' }),
      subtree: t.arg.boolean({ defaultValue: false }),
      horizonYears: t.arg.int({ defaultValue: 1, validate: z.number().int().min(0).max(30) }),
      trainingYear: t.arg.int({
        validate: z.number().int().min(1900).max(2100),
        description: 'For the training measures; omitted: the last calendar year ended on or before asOf.',
      }),
      targetRank: t.arg({
        type: RankEnum,
        description: 'Entry measures only: just the entries for this target rank (the statistics table’s cells).',
      }),
      first: t.arg.int({ defaultValue: 50, validate: z.number().int().min(0).max(500) }),
      after: t.arg.string({ validate: z.string().max(64) }),
    },
    resolve: async (_root, args, ctx) => {
      const input = await metricInput(ctx, args);
      if (!resolveMeasure(args.measure, policyOf(input.policies, input.scope.unitKind)))
        throw refusal(
          'BAD_USER_INPUT',
          'drill.unknownMeasure',
          { measure: JSON.stringify(args.measure), known: listParam([...MEASURE_NAMES]) },
          { field: 'measure' },
        );
      const measure = resolveMeasure(args.measure, policyOf(input.policies, input.scope.unitKind));
      if (args.targetRank && measure?.source !== 'entries')
        throw refusal(
          'BAD_USER_INPUT',
          'drill.rankOfEntries',
          { measure: JSON.stringify(args.measure) },
          { field: 'targetRank' },
        );
      const offset = offsetOf(args.after);
      const page = await drillMeasure(
        input,
        args.measure,
        { horizonYears: args.horizonYears ?? 1, trainingYear: args.trainingYear, targetRank: args.targetRank },
        { limit: args.first ?? 50, offset },
      );
      return {
        measure: args.measure,
        source: page.source,
        totalCount: page.total,
        rows: page.rows.map((r) => ({ ...r, source: page.source })),
        offset,
      };
    },
  }),
}));
