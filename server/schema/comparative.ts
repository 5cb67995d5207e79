// 差额推荐 through GraphQL (server/reserves/comparative.ts): a unit's comparative recommendation
// rounds with their count per voter group and their ranking, the rounds an entry stood in, and
// recording or striking one out. A round is reached through its unit, inside the viewer's subtree;
// each candidate's entry carries its own access checks.
import { z } from 'zod';
import { toIso } from '../../domain/dates.ts';
import { policyOf } from '../../domain/policy/effective.ts';
import type { CandidateStanding, ComparativeTally } from '../../domain/procedure.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { scopedUnit, under } from '../auth/viewer.ts';
import { builder, WHOLE } from '../builder.ts';
import { db } from '../db/client.ts';
import { LIMITS } from '../limits-config.ts';
import { MAX_CANDIDATES, recordComparativeRound, strikeComparativeRound } from '../reserves/comparative.ts';
import { tallyStored } from '../reserves/gates.ts';
import { entryByCode } from './drill.ts';
import { PositionKindEnum } from './enums.ts';

const count = z.number().int().min(0).max(100_000);
const key = z.string().max(32);

const ComparativeGroupRef = builder.objectRef<ComparativeTally['groups'][number]>('ComparativeGroup').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    group: t.exposeString('group'),
    expected: t.exposeInt('expected', { description: '应到' }),
    cast: t.exposeInt('cast', { description: '实到: ballots cast.' }),
    invalid: t.exposeInt('invalid'),
    valid: t.exposeInt('valid'),
    turnout: t.exposeFloat('turnout'),
  }),
});

const GroupVotesRef = builder.objectRef<CandidateStanding['groups'][number]>('CandidateGroupVotes').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    group: t.exposeString('group'),
    votes: t.exposeInt('votes'),
    share: t.exposeFloat('share', { description: 'Of the group’s valid ballots.' }),
  }),
});

const StandingRef = builder.objectRef<CandidateStanding>('CandidateStanding').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    reserveCode: t.exposeString('reserveCode'),
    reserve: t.prismaField({
      type: 'ReserveEntry',
      nullable: true,
      resolve: (query, s, _args, ctx) => entryByCode(ctx, query, s.reserveCode),
    }),
    groups: t.field({ type: [GroupVotesRef], resolve: (s) => s.groups }),
    votes: t.exposeInt('votes', { description: 'Over all groups.' }),
    share: t.exposeFloat('share', { description: 'Of all valid ballots.' }),
    rank: t.exposeInt('rank', { description: '1 for the most votes; equal votes share a rank.' }),
    shortlisted: t.exposeBoolean('shortlisted', { description: 'A candidate for inspection.' }),
  }),
});

const TallyRef = builder.objectRef<ComparativeTally>('ComparativeTally').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    groups: t.field({ type: [ComparativeGroupRef], resolve: (x) => x.groups }),
    expected: t.exposeInt('expected'),
    cast: t.exposeInt('cast'),
    valid: t.exposeInt('valid'),
    turnout: t.exposeFloat('turnout'),
    quorate: t.exposeBoolean('quorate'),
    shortlist: t.exposeInt('shortlist', { description: 'The best ranks that go on to inspection.' }),
    standings: t.field({ type: [StandingRef], resolve: (x) => x.standings, description: 'Best first.' }),
  }),
});

builder.prismaObject('ComparativeRound', {
  description: '差额推荐: several candidates on one ballot, counted per voter group and ranked.',
  select: { unitCode: true },
  authScopes: async (r, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.unitPath.load(r.unitCode)] },
  fields: (t) => ({
    id: t.exposeInt('id'),
    unit: t.relation('unit'),
    kind: t.field({ type: PositionKindEnum, select: { kind: true }, resolve: (r) => r.kind }),
    heldOn: t.expose('heldOn', { type: 'Date' }),
    note: t.exposeString('note', { nullable: true }),
    recordedBy: t.exposeString('recordedBy'),
    struckReason: t.exposeString('struckReason', { nullable: true }),
    struckBy: t.exposeString('struckBy', { nullable: true }),
    tally: t.field({
      type: TallyRef,
      description: 'Counted under the policy in force on its date for the unit’s kind.',
      select: {
        id: true,
        unitCode: true,
        kind: true,
        heldOn: true,
        groups: true,
        votes: true,
        unit: { select: { kind: true } },
      },
      resolve: async (r, _args, ctx) => {
        const policy = policyOf(await ctx.policiesAt(toIso(r.heldOn)), r.unit.kind);
        return tallyStored(db, r as never, policy);
      },
    }),
  }),
});

builder.prismaObjectFields('ReserveEntry', (t) => ({
  comparativeRounds: t.prismaField({
    type: ['ComparativeRound'],
    description: 'The comparative rounds it stood in, oldest first (struck-out ones included).',
    select: { code: true },
    resolve: (query, e) =>
      db.comparativeRound.findMany({
        ...query,
        where: { votes: { some: { reserveCode: e.code } } },
        orderBy: [{ heldOn: 'asc' }, { id: 'asc' }],
      }),
  }),
}));

const GroupInput = builder.inputType('ComparativeGroupInput', {
  fields: (t) => ({
    group: t.string({ required: true, validate: key, description: 'A voter group of the policy, e.g. MASSES.' }),
    expected: t.int({ required: true, validate: count }),
    cast: t.int({ required: true, validate: count }),
    invalid: t.int({ required: true, validate: count }),
  }),
});

const VotesInput = builder.inputType('CandidateVotesInput', {
  fields: (t) => ({
    group: t.string({ required: true, validate: key }),
    votes: t.int({ required: true, validate: count }),
  }),
});

const CandidateInput = builder.inputType('ComparativeCandidateInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true }),
    votes: t.field({ type: [VotesInput], required: true, validate: z.array(z.unknown()).max(12) }),
  }),
});

const RecordInput = builder.inputType('RecordComparativeRoundInput', {
  fields: (t) => ({
    unitCode: t.string({ required: true, validate: z.string().max(64) }),
    kind: t.field({ type: PositionKindEnum, required: true }),
    heldOn: t.field({ type: 'Date', required: true }),
    note: t.string({ validate: z.string().max(500) }),
    groups: t.field({ type: [GroupInput], required: true, validate: z.array(z.unknown()).max(12) }),
    candidates: t.field({
      type: [CandidateInput],
      required: true,
      validate: z.array(z.unknown()).max(MAX_CANDIDATES),
    }),
  }),
});

const StrikeInput = builder.inputType('StrikeComparativeRoundInput', {
  fields: (t) => ({
    roundId: t.int({ required: true }),
    reason: t.string({ required: true, validate: z.string().max(500) }),
  }),
});

builder.queryFields((t) => ({
  comparativeRounds: t.prismaField({
    type: ['ComparativeRound'],
    authScopes: { signedIn: true },
    description: 'The comparative rounds of a unit (and, with `subtree`, the units below it), newest first.',
    args: {
      unitCode: t.arg.string({ required: true, validate: z.string().max(64) }),
      subtree: t.arg.boolean({ defaultValue: false }),
      kind: t.arg({ type: PositionKindEnum }),
      first: t.arg.int({ defaultValue: 50, validate: z.number().int().min(1).max(LIMITS.maxPage) }),
    },
    resolve: async (query, _root, args, ctx) => {
      const unit = await scopedUnit(db, args.unitCode, ctx.viewer);
      return db.comparativeRound.findMany({
        ...query,
        where: {
          ...(args.subtree ? { unit: { path: under(unit.path) } } : { unitCode: unit.code }),
          ...(args.kind ? { kind: args.kind } : {}),
        },
        orderBy: [{ heldOn: 'desc' }, { id: 'desc' }],
        take: args.first ?? 50,
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  recordComparativeRound: t.prismaField({
    type: 'ComparativeRound',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      '差额推荐: records a round of a unit for one kind — the voter groups’ ballots and each nominated candidate’s votes per group — all or nothing.',
    args: { input: t.arg({ type: RecordInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await recordComparativeRound(
        db,
        ctx.viewer,
        { ...input, candidates: input.candidates.map((c) => ({ ...c, reserveId: String(c.reserveId) })) },
        { requestId: ctx.requestId },
      );
      return db.comparativeRound.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  strikeComparativeRound: t.prismaField({
    type: 'ComparativeRound',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Strikes out a round entered by mistake, with a reason; it stays, and no longer counts.',
    args: { input: t.arg({ type: StrikeInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await strikeComparativeRound(db, ctx.viewer, input, { requestId: ctx.requestId });
      return db.comparativeRound.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
}));
