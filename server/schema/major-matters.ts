// 重大事项报告 through GraphQL (server/reserves/major-matters.ts): an entry's reported matters with
// the organization department's findings, recording one and recording the finding. Reached through
// the entry, inside the viewer's subtree.
import { z } from 'zod';
import { MAJOR_MATTER_KINDS, type MajorMatterKind } from '../../domain/procedure.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { builder, WHOLE } from '../builder.ts';
import { db } from '../db/client.ts';
import { recordMajorMatter, reviewMajorMatter } from '../reserves/major-matters.ts';

const MajorMatterKindEnum = builder.enumType('MajorMatterKind', {
  values: MAJOR_MATTER_KINDS,
  description:
    'UNIT_CHANGE 工作单位变动, EDUCATION 参加学历教育, HONOUR 获得荣誉称号, PENALTY 受到党纪政纪处分, COMPLAINT 群众来信来访反映问题 (the last two wait for a finding).',
});

builder.prismaObject('MajorMatter', {
  description: '重大事项报告: a matter the reserve reported, and the organization department’s finding.',
  select: { reserveCode: true },
  authScopes: async (m, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.entryUnitPath.load(m.reserveCode)] },
  fields: (t) => ({
    id: t.exposeInt('id'),
    kind: t.field({ type: MajorMatterKindEnum, select: { kind: true }, resolve: (m) => m.kind as MajorMatterKind }),
    occurredOn: t.expose('occurredOn', { type: 'Date' }),
    reportedOn: t.expose('reportedOn', { type: 'Date' }),
    summary: t.exposeString('summary'),
    recordedBy: t.exposeString('recordedBy'),
    finding: t.exposeString('finding', { nullable: true }),
    reviewedOn: t.expose('reviewedOn', { type: 'Date', nullable: true }),
    reviewedBy: t.exposeString('reviewedBy', { nullable: true }),
    disqualifying: t.exposeBoolean('disqualifying', {
      nullable: true,
      description:
        'The finding holds the matter disqualifying: an elimination ground (DISQUALIFYING_MATTER) until a decision on the entry after it. Null until the finding.',
    }),
  }),
});

builder.prismaObjectFields('ReserveEntry', (t) => ({
  majorMatters: t.relation('majorMatters', {
    description: 'Its major-matter reports, oldest first.',
    query: { orderBy: [{ reportedOn: 'asc' }, { id: 'asc' }] },
  }),
}));

const RecordInput = builder.inputType('RecordMajorMatterInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true }),
    kind: t.field({ type: MajorMatterKindEnum, required: true }),
    occurredOn: t.field({ type: 'Date', required: true }),
    reportedOn: t.field({ type: 'Date', required: true }),
    summary: t.string({ required: true, validate: z.string().max(2000) }),
  }),
});

const ReviewInput = builder.inputType('ReviewMajorMatterInput', {
  fields: (t) => ({
    matterId: t.int({ required: true }),
    finding: t.string({ required: true, validate: z.string().max(2000) }),
    on: t.field({ type: 'Date', required: true }),
    disqualifying: t.boolean({
      description:
        'The matter disqualifies the reserve (违纪违法: 取消资格), for a penalty or a complaint only; false by default.',
    }),
  }),
});

builder.mutationFields((t) => ({
  recordMajorMatter: t.prismaField({
    type: 'MajorMatter',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Records a matter an entry’s reserve reported (重大事项报告).',
    args: { input: t.arg({ type: RecordInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await recordMajorMatter(
        db,
        ctx.viewer,
        { ...input, reserveId: String(input.reserveId) },
        { requestId: ctx.requestId },
      );
      return db.majorMatter.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  reviewMajorMatter: t.prismaField({
    type: 'MajorMatter',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Records the organization department’s finding on a matter (once); it clears MAJOR_MATTER_OPEN. A finding that holds it disqualifying makes the entry an elimination candidate (DISQUALIFYING_MATTER).',
    args: { input: t.arg({ type: ReviewInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await reviewMajorMatter(db, ctx.viewer, input, { requestId: ctx.requestId });
      return db.majorMatter.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
}));
