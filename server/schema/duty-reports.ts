// 述职 through GraphQL (server/reserves/duty-reports.ts): an entry's duty reports, recording one and
// striking one out. Reached through the entry, inside the viewer's subtree.
import { z } from 'zod';
import { scopeOf } from '../auth/capabilities.ts';
import { builder, WHOLE } from '../builder.ts';
import { db } from '../db/client.ts';
import { recordDutyReport, strikeDutyReport } from '../reserves/duty-reports.ts';

builder.prismaObject('DutyReport', {
  description:
    '述职: the candidate’s report on their duties before those who will vote on them; where the policy asks for it, the step to inspection needs one between the nomination and the recommendation.',
  select: { reserveCode: true },
  authScopes: async (r, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.entryUnitPath.load(r.reserveCode)] },
  fields: (t) => ({
    id: t.exposeInt('id'),
    on: t.expose('heldOn', { type: 'Date' }),
    audience: t.exposeString('audience'),
    outline: t.exposeString('outline', { nullable: true }),
    recordedBy: t.exposeString('recordedBy'),
    struckReason: t.exposeString('struckReason', { nullable: true }),
    struckBy: t.exposeString('struckBy', { nullable: true }),
  }),
});

builder.prismaObjectFields('ReserveEntry', (t) => ({
  dutyReports: t.relation('dutyReports', {
    description: 'Its duty reports (述职), oldest first (struck-out ones included).',
    query: { orderBy: [{ heldOn: 'asc' }, { id: 'asc' }] },
  }),
}));

const RecordInput = builder.inputType('RecordDutyReportInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true }),
    on: t.field({ type: 'Date', required: true }),
    audience: t.string({ required: true, validate: z.string().max(200) }),
    outline: t.string({ validate: z.string().max(2000) }),
  }),
});

const StrikeInput = builder.inputType('StrikeDutyReportInput', {
  fields: (t) => ({
    reportId: t.int({ required: true }),
    reason: t.string({ required: true, validate: z.string().max(500) }),
  }),
});

builder.mutationFields((t) => ({
  recordDutyReport: t.prismaField({
    type: 'DutyReport',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Records a candidate’s duty report (述职) on an open entry of your subtree.',
    args: { input: t.arg({ type: RecordInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await recordDutyReport(
        db,
        ctx.viewer,
        { ...input, reserveId: String(input.reserveId) },
        { requestId: ctx.requestId },
      );
      return db.dutyReport.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  strikeDutyReport: t.prismaField({
    type: 'DutyReport',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Strikes out a duty report recorded by mistake, with a reason; it stays, and no longer counts.',
    args: { input: t.arg({ type: StrikeInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await strikeDutyReport(db, ctx.viewer, input, { requestId: ctx.requestId });
      return db.dutyReport.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
}));
