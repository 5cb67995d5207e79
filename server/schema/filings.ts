// Filing with and approval by the higher level through GraphQL (server/reserves/filings.ts): a
// unit's inbox of requests sent up to it (and the requests its subtree sent), the request on an
// entry and on its meeting item, and the higher level's act on one. A request is reached only
// through a unit inside the viewer's subtree: its sender's or its receiver's.
import { z } from 'zod';
import { FILING_ACTIONS, FILING_KINDS, FILING_STATUSES } from '../../domain/authority.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { canSee, under } from '../auth/viewer.ts';
import { builder, WHOLE } from '../builder.ts';
import type { Context } from '../context.ts';
import { db } from '../db/client.ts';
import { LIMITS } from '../limits-config.ts';
import { decideFiling } from '../reserves/filings.ts';
import { MeetingSubjectEnum } from './meetings.ts';

const FilingKindEnum = builder.enumType('FilingKind', {
  values: FILING_KINDS,
  description: 'FILING (备案): the higher level acknowledges it; APPROVAL (审批): it approves or returns it.',
});
const FilingStatusEnum = builder.enumType('FilingStatus', { values: FILING_STATUSES });
const FilingActionEnum = builder.enumType('FilingAction', {
  values: FILING_ACTIONS,
  description: 'ACKNOWLEDGE a filing; APPROVE or RETURN (with a reason) an approval.',
});
const FilingBoxEnum = builder.enumType('FilingBox', {
  values: ['INBOX', 'OUTBOX'] as const,
  description: 'INBOX: sent to units of your subtree (to act on); OUTBOX: sent by units of your subtree.',
});

/** Visible to whoever sees the sending or the receiving unit, or the entry it is about. */
const filingScope = async (f: { fromUnitCode: string; toUnitCode: string; reserveCode: string }, ctx: Context) => {
  if (ctx.viewer.path === '') return WHOLE;
  const [from, to, entry] = await Promise.all([
    ctx.loaders.unitPath.load(f.fromUnitCode),
    ctx.loaders.unitPath.load(f.toUnitCode),
    ctx.loaders.entryUnitPath.load(f.reserveCode),
  ]);
  return { units: [from, to, entry] };
};

builder.prismaObject('Filing', {
  description: '报备 / 报批: a committee’s decision on an entry sent up to the level that manages its target rank.',
  select: { fromUnitCode: true, toUnitCode: true, reserveCode: true },
  authScopes: (f, ctx) => filingScope(f, ctx),
  fields: (t) => ({
    id: t.exposeInt('id'),
    kind: t.field({
      type: FilingKindEnum,
      select: { kind: true },
      resolve: (f) => f.kind as (typeof FILING_KINDS)[number],
    }),
    status: t.field({
      type: FilingStatusEnum,
      select: { status: true },
      resolve: (f) => f.status as (typeof FILING_STATUSES)[number],
    }),
    subject: t.field({
      type: MeetingSubjectEnum,
      select: { subject: true },
      resolve: (f) => f.subject as 'ADMISSION' | 'REMOVAL',
    }),
    reserve: t.relation('reserve'),
    item: t.relation('item'),
    fromUnit: t.relation('fromUnit'),
    toUnit: t.relation('toUnit', {
      description:
        'The receiving unit; outside the viewer’s subtree (a request sent up) only its name, `toUnitName`, is given.',
    }),
    toUnitName: t.string({
      description: 'The receiving unit’s name: whoever sent a request may know where it went.',
      select: { toUnit: { select: { name: true } } },
      resolve: (f) => f.toUnit.name,
    }),
    submittedOn: t.expose('submittedOn', { type: 'Date' }),
    submittedBy: t.exposeString('submittedBy'),
    decidedOn: t.expose('decidedOn', { type: 'Date', nullable: true }),
    decidedBy: t.exposeString('decidedBy', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why it was returned (or a note with the act).' }),
    canDecide: t.boolean({
      description:
        'The viewer may act on it now: pending, its meeting standing, the receiving unit in the viewer’s subtree.',
      select: {
        status: true,
        toUnit: { select: { path: true } },
        item: { select: { meeting: { select: { struckReason: true } } } },
      },
      resolve: (f, _args, ctx) =>
        f.status === 'PENDING' && !f.item.meeting.struckReason && canSee(ctx.viewer, f.toUnit.path),
    }),
  }),
});

builder.prismaObjectFields('ReserveEntry', (t) => ({
  filings: t.relation('filings', {
    description: 'The requests its committee decisions sent up (待审批 / 已备案 …), oldest first.',
    query: { orderBy: { id: 'asc' } },
  }),
}));

builder.prismaObjectFields('MeetingItem', (t) => ({
  filings: t.relation('filings', { query: { orderBy: { id: 'asc' } } }),
}));

const DecideFilingInput = builder.inputType('DecideFilingInput', {
  fields: (t) => ({
    filingId: t.int({ required: true }),
    action: t.field({ type: FilingActionEnum, required: true }),
    on: t.field({ type: 'Date', required: true }),
    reason: t.string({ validate: z.string().max(1000), description: 'Required to RETURN.' }),
  }),
});

builder.queryFields((t) => ({
  filings: t.prismaField({
    type: ['Filing'],
    authScopes: { signedIn: true },
    description:
      'Requests sent to (INBOX) or by (OUTBOX) the units of your subtree: those PENDING alone oldest first, otherwise newest first.',
    args: {
      box: t.arg({ type: FilingBoxEnum, defaultValue: 'INBOX' }),
      status: t.arg({ type: [FilingStatusEnum], validate: z.array(z.string()).max(4) }),
      first: t.arg.int({ defaultValue: 100, validate: z.number().int().min(1).max(LIMITS.maxPage) }),
    },
    resolve: (query, _root, args, ctx) => {
      const side = args.box === 'OUTBOX' ? 'fromUnit' : 'toUnit';
      return db.filing.findMany({
        ...query,
        where: {
          ...(ctx.viewer.path ? { [side]: { path: under(ctx.viewer.path) } } : {}),
          ...(args.status?.length ? { status: { in: args.status } } : {}),
        },
        // What waits, oldest first; the rest, newest first.
        orderBy:
          args.status?.length === 1 && args.status[0] === 'PENDING'
            ? [{ submittedOn: 'asc' }, { id: 'asc' }]
            : [{ submittedOn: 'desc' }, { id: 'desc' }],
        take: args.first ?? 100,
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  decideFiling: t.prismaField({
    type: 'Filing',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'The higher level’s act on a request sent to a unit of your subtree: acknowledge a filing, approve or return an approval.',
    args: { input: t.arg({ type: DecideFilingInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await decideFiling(db, ctx.viewer, input, { requestId: ctx.requestId });
      return db.filing.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
}));
