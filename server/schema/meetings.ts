// Party committee meetings through GraphQL (server/reserves/meetings.ts): a unit's meetings and
// their items with the votes, the item that decided a step referenced from the entry's history,
// and the two writes (record a meeting with its items, strike one out). A meeting is reached only
// through a unit inside the viewer's subtree.
import { z } from 'zod';
import { toIso } from '../../domain/dates.ts';
import { MEETING_SUBJECTS, votesNeeded } from '../../domain/decisions.ts';
import { policyOf } from '../../domain/policy/effective.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { canSee, scopedUnit, under } from '../auth/viewer.ts';
import { builder, WHOLE } from '../builder.ts';
import type { Context } from '../context.ts';
import { db } from '../db/client.ts';
import { LIMITS } from '../limits-config.ts';
import { MAX_MEETING_ITEMS, recordMeeting, strikeMeeting } from '../reserves/meetings.ts';

export const MeetingSubjectEnum = builder.enumType('MeetingSubject', {
  values: MEETING_SUBJECTS,
  description: 'What an item decides: an entry’s admission to the pool or removal from it, or a selection plan.',
});

const unitScope = async (unitCode: string, ctx: Context) =>
  ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.unitPath.load(unitCode)] };

builder.prismaObject('Meeting', {
  description:
    '党委（党组）会议: a meeting of a unit’s Party committee, its attendance and the items it decided on the pool.',
  select: { unitCode: true },
  authScopes: (m, ctx) => unitScope(m.unitCode, ctx),
  fields: (t) => ({
    id: t.exposeInt('id'),
    unit: t.relation('unit'),
    heldOn: t.expose('heldOn', { type: 'Date' }),
    body: t.exposeString('body', { description: 'The body as the minutes name it (县委常委会, 乡党委会 …).' }),
    members: t.exposeInt('members', { description: '应到: the body’s members expected.' }),
    present: t.exposeInt('present', { description: '实到: the members present.' }),
    votesNeeded: t.int({
      description: 'The votes in favour an item needed: more than the policy’s share of the members expected.',
      select: { members: true, present: true, heldOn: true, unit: { select: { kind: true } } },
      resolve: async (m, _args, ctx) => {
        const policies = await ctx.policiesAt(toIso(m.heldOn));
        return votesNeeded(m, policyOf(policies, m.unit.kind).procedure);
      },
    }),
    note: t.exposeString('note', { nullable: true }),
    recordedBy: t.exposeString('recordedBy'),
    recordedAt: t.string({ select: { recordedAt: true }, resolve: (m) => m.recordedAt.toISOString() }),
    struckReason: t.exposeString('struckReason', {
      nullable: true,
      description: 'Why it was struck out (its items no longer count); null while it stands.',
    }),
    struckBy: t.exposeString('struckBy', { nullable: true }),
    items: t.relation('items', { query: { orderBy: { id: 'asc' } } }),
  }),
});

builder.prismaObject('MeetingItem', {
  description:
    'One item decided at a meeting: its subject, the entry it is about, the votes and the result. Open to whoever sees the meeting’s unit or the entry’s (a township reads the county’s decision on its reserve; the county’s meeting itself stays closed to it).',
  select: { reserveCode: true, meeting: { select: { unitCode: true } } },
  authScopes: async (i, ctx) => {
    if (ctx.viewer.path === '') return WHOLE;
    const units = [await ctx.loaders.unitPath.load(i.meeting.unitCode)];
    if (i.reserveCode) units.push(await ctx.loaders.entryUnitPath.load(i.reserveCode));
    return { units };
  },
  fields: (t) => ({
    id: t.exposeInt('id'),
    subject: t.field({
      type: MeetingSubjectEnum,
      select: { subject: true },
      resolve: (i) => i.subject as (typeof MEETING_SUBJECTS)[number],
    }),
    reserve: t.relation('reserve', { nullable: true }),
    title: t.exposeString('title'),
    favour: t.exposeInt('favour'),
    against: t.exposeInt('against'),
    abstain: t.exposeInt('abstain'),
    adopted: t.exposeBoolean('adopted', {
      description: 'More in favour than the policy’s share of the members expected (the meeting was quorate).',
    }),
    meeting: t.relation('meeting', {
      description: 'Open inside the meeting unit’s subtree; elsewhere read heldOn, body and members here.',
    }),
    heldOn: t.field({
      type: 'Date',
      description: 'The meeting’s date.',
      select: { meeting: { select: { heldOn: true } } },
      resolve: (i) => i.meeting.heldOn,
    }),
    body: t.string({
      description: 'The meeting’s body (县委常委会 …).',
      select: { meeting: { select: { body: true } } },
      resolve: (i) => i.meeting.body,
    }),
    members: t.int({
      description: 'The members the meeting expected.',
      select: { meeting: { select: { members: true } } },
      resolve: (i) => i.meeting.members,
    }),
    meetingUnitCode: t.string({
      nullable: true,
      description: 'The meeting’s unit, when it is inside your subtree (null above it).',
      select: { meeting: { select: { unit: { select: { code: true, path: true } } } } },
      resolve: (i, _a, ctx) => (canSee(ctx.viewer, i.meeting.unit.path) ? i.meeting.unit.code : null),
    }),
  }),
});

builder.prismaObjectFields('ReserveStatusChange', (t) => ({
  decision: t.relation('decision', {
    nullable: true,
    description: 'The meeting item that decided the step (admission, removal), where one was required.',
  }),
}));

builder.prismaObjectFields('ReserveEntry', (t) => ({
  decisions: t.relation('decisions', {
    description: 'The meeting items on this entry (admission, removal), oldest first, struck-out meetings included.',
    query: { orderBy: { id: 'asc' } },
  }),
}));

const MeetingItemInput = builder.inputType('MeetingItemInput', {
  fields: (t) => ({
    subject: t.field({ type: MeetingSubjectEnum, required: true }),
    reserveId: t.id({ description: 'The entry decided on (ADMISSION, REMOVAL).' }),
    title: t.string({ validate: z.string().max(200) }),
    favour: t.int({ required: true }),
    against: t.int({ required: true }),
    abstain: t.int({ required: true }),
  }),
});

const RecordMeetingInput = builder.inputType('RecordMeetingInput', {
  fields: (t) => ({
    unitCode: t.string({ required: true, validate: z.string().max(64) }),
    heldOn: t.field({ type: 'Date', required: true }),
    body: t.string({ required: true, validate: z.string().max(40) }),
    members: t.int({ required: true }),
    present: t.int({ required: true }),
    note: t.string({ validate: z.string().max(2000) }),
    items: t.field({
      type: [MeetingItemInput],
      required: true,
      validate: z.array(z.unknown()).max(MAX_MEETING_ITEMS),
    }),
  }),
});

const StrikeMeetingInput = builder.inputType('StrikeMeetingInput', {
  fields: (t) => ({
    meetingId: t.int({ required: true }),
    reason: t.string({ required: true, validate: z.string().max(500) }),
  }),
});

builder.queryFields((t) => ({
  meetings: t.prismaField({
    type: ['Meeting'],
    authScopes: { signedIn: true },
    description: 'The Party committee meetings of a unit (and, with `subtree`, of the units below it), latest first.',
    args: {
      unitCode: t.arg.string({ required: true, validate: z.string().max(64) }),
      subtree: t.arg.boolean({ defaultValue: false }),
      first: t.arg.int({ defaultValue: 100, validate: z.number().int().min(1).max(LIMITS.maxPage) }),
    },
    resolve: async (query, _root, args, ctx) => {
      const unit = await scopedUnit(db, args.unitCode, ctx.viewer);
      return db.meeting.findMany({
        ...query,
        where: args.subtree ? { unit: { path: under(unit.path) } } : { unitCode: unit.code },
        orderBy: [{ heldOn: 'desc' }, { id: 'desc' }],
        take: args.first ?? 100,
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  recordMeeting: t.prismaField({
    type: 'Meeting',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Records a Party committee meeting with its items and votes, all or nothing (a meeting below the policy’s quorum is refused).',
    args: { input: t.arg({ type: RecordMeetingInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await recordMeeting(
        db,
        ctx.viewer,
        { ...input, items: input.items.map((i) => ({ ...i, reserveId: i.reserveId ? String(i.reserveId) : null })) },
        { requestId: ctx.requestId },
      );
      return db.meeting.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  strikeMeeting: t.prismaField({
    type: 'Meeting',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Strikes out a meeting entered by mistake, with a reason; refused once a step rests on its items.',
    args: { input: t.arg({ type: StrikeMeetingInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await strikeMeeting(db, ctx.viewer, input, { requestId: ctx.requestId });
      return db.meeting.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
}));
