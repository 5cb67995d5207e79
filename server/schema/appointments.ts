// Appointments (任职) through GraphQL (server/reserves/appointments.ts, exams.ts): the appointments
// to the leadership posts of a unit's subtree in a period, each saying whether it came from the
// pool; the notices before them; appointing a person from outside the pool; and the qualification
// exams that gate admission and appointment where the policy asks for them. Reached only through a
// unit inside the viewer's subtree (the post's, or the person's).
import { z } from 'zod';
import {
  APPOINTMENT_MEASURES,
  type AppointmentShare,
  appointmentShare,
} from '../../analytics/metrics/appointment-share.ts';
import { todayIso } from '../../domain/dates.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { scopedUnit, under } from '../auth/viewer.ts';
import { builder, WHOLE } from '../builder.ts';
import { db } from '../db/client.ts';
import { LIMITS } from '../limits-config.ts';
import { appointPerson } from '../reserves/appointments.ts';
import { recordExam, strikeExam } from '../reserves/exams.ts';
import { metricArgs, metricInput } from './metric-input.ts';

builder.prismaObject('QualificationExam', {
  description:
    '任职资格考试: a person’s qualification exam and certificate; where the policy names a rank, admission and appointment need a passed one.',
  select: { personCode: true },
  authScopes: async (e, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: await ctx.loaders.personUnitPaths.load(e.personCode) },
  fields: (t) => ({
    id: t.exposeInt('id'),
    heldOn: t.expose('heldOn', { type: 'Date' }),
    passed: t.exposeBoolean('passed'),
    score: t.exposeFloat('score', { nullable: true }),
    certificateNo: t.exposeString('certificateNo', { nullable: true }),
    recordedBy: t.exposeString('recordedBy'),
    struckReason: t.exposeString('struckReason', { nullable: true }),
    struckBy: t.exposeString('struckBy', { nullable: true }),
  }),
});

builder.prismaObjectFields('Person', (t) => ({
  qualificationExams: t.relation('exams', {
    description: 'Its qualification exams, oldest first (struck-out ones included).',
    query: { orderBy: [{ heldOn: 'asc' }, { id: 'asc' }] },
  }),
}));

builder.prismaObjectFields('Incumbency', (t) => ({
  position: t.relation('position'),
  fromPool: t.boolean({
    description: 'The appointment was a promotion from the pool (从后备干部中选拔).',
    select: { reserveCode: true },
    resolve: (r) => r.reserveCode !== null,
  }),
}));

const AppointmentShareRef = builder.objectRef<AppointmentShare>('AppointmentShare').implement({
  authScopes: { signedIn: true },
  description:
    '从后备干部中选拔: appointments to the scope’s leadership posts in the judged year and this year so far, and those from the pool. Each count is a measure the drill answers (`measures`).',
  fields: (t) => ({
    year: t.exposeInt('year'),
    appointments: t.exposeInt('appointments'),
    fromPool: t.exposeInt('fromPool'),
    share: t.exposeFloat('share', { nullable: true, description: 'Null without appointments.' }),
    currentYear: t.exposeInt('currentYear'),
    appointmentsNow: t.exposeInt('appointmentsNow'),
    fromPoolNow: t.exposeInt('fromPoolNow'),
    shareNow: t.exposeFloat('shareNow', { nullable: true }),
    measures: t.stringList({
      description: 'The measures of appointments, fromPool, appointmentsNow and fromPoolNow, in that order.',
      resolve: () => Object.values(APPOINTMENT_MEASURES),
    }),
  }),
});

const dateRange = {
  from: z.iso.date().optional().nullable(),
  to: z.iso.date().optional().nullable(),
};

builder.queryFields((t) => ({
  appointmentShare: t.field({
    authScopes: { signedIn: true },
    type: AppointmentShareRef,
    args: {
      ...metricArgs,
      year: t.arg.int({
        validate: z.number().int().min(1900).max(2100),
        description: 'The year judged; omitted: the last calendar year ended on or before asOf.',
      }),
    },
    resolve: async (_root, args, ctx) => appointmentShare(await metricInput(ctx, args), args.year),
  }),
  appointments: t.prismaField({
    type: ['Incumbency'],
    authScopes: { signedIn: true },
    description:
      'Appointments to the leadership posts of a unit (and its subtree) that began from `from` (default 1 January of this year) to `to` (default today), newest first; `fromPool` narrows to those from the pool or not.',
    args: {
      unitCode: t.arg.string({ required: true, validate: z.string().max(64) }),
      subtree: t.arg.boolean({ defaultValue: true }),
      from: t.arg({ type: 'Date', validate: dateRange.from }),
      to: t.arg({ type: 'Date', validate: dateRange.to }),
      fromPool: t.arg.boolean(),
      first: t.arg.int({ defaultValue: 100, validate: z.number().int().min(1).max(LIMITS.maxPage) }),
    },
    resolve: async (query, _root, args, ctx) => {
      const unit = await scopedUnit(db, args.unitCode, ctx.viewer);
      const today = todayIso();
      const from = args.from ?? `${today.slice(0, 4)}-01-01`;
      const to = args.to ?? today;
      return db.incumbency.findMany({
        ...query,
        where: {
          position: args.subtree ? { unit: { path: under(unit.path) } } : { unitCode: unit.code },
          from: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) },
          ...(args.fromPool === null || args.fromPool === undefined
            ? {}
            : { reserveCode: args.fromPool ? { not: null } : null }),
        },
        orderBy: [{ from: 'desc' }, { id: 'desc' }],
        take: args.first ?? 100,
      });
    },
  }),
  appointmentNotices: t.prismaField({
    type: ['AppointmentNotice'],
    authScopes: { signedIn: true },
    description:
      '任前公示 for the posts of a unit’s subtree, newest first; `current` keeps those not withdrawn whose post the person does not hold yet.',
    args: {
      unitCode: t.arg.string({ required: true, validate: z.string().max(64) }),
      current: t.arg.boolean({ defaultValue: true }),
      first: t.arg.int({ defaultValue: 100, validate: z.number().int().min(1).max(LIMITS.maxPage) }),
    },
    resolve: async (query, _root, args, ctx) => {
      const unit = await scopedUnit(db, args.unitCode, ctx.viewer);
      const orderBy = [{ startsOn: 'desc' as const }, { id: 'desc' as const }];
      const rows = await db.appointmentNotice.findMany({
        where: {
          position: { unit: { path: under(unit.path) } },
          ...(args.current ? { withdrawnReason: null } : {}),
        },
        orderBy,
        take: args.current ? LIMITS.maxPage * 5 : (args.first ?? 100),
        select: { id: true, personCode: true, position: { select: { incumbentId: true } } },
      });
      const ids = rows
        .filter((n) => !args.current || n.position.incumbentId !== n.personCode)
        .slice(0, args.first ?? 100)
        .map((n) => n.id);
      return db.appointmentNotice.findMany({ ...query, where: { id: { in: ids } }, orderBy });
    },
  }),
}));

const AppointPersonInput = builder.inputType('AppointPersonInput', {
  fields: (t) => ({
    personCode: t.string({ required: true, validate: z.string().max(64) }),
    positionCode: t.string({ required: true, validate: z.string().max(64) }),
    on: t.field({ type: 'Date', required: true }),
    termEnds: t.field({ type: 'Date' }),
    reason: t.string({ validate: z.string().max(500) }),
  }),
});

const RecordExamInput = builder.inputType('RecordExamInput', {
  fields: (t) => ({
    personCode: t.string({ required: true, validate: z.string().max(64) }),
    heldOn: t.field({ type: 'Date', required: true }),
    passed: t.boolean({ required: true }),
    score: t.float({ validate: z.number().min(0).max(1000) }),
    certificateNo: t.string({ validate: z.string().max(64) }),
  }),
});

const StrikeExamInput = builder.inputType('StrikeExamInput', {
  fields: (t) => ({
    examId: t.int({ required: true }),
    reason: t.string({ required: true, validate: z.string().max(500) }),
  }),
});

builder.mutationFields((t) => ({
  appointPerson: t.prismaField({
    type: 'Incumbency',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Appoints a person from outside the pool to a leadership post of your subtree, after its notice (announceAppointment with personCode) and, where the post’s rank needs it, a passed qualification exam. Someone in the pool for such a post is appointed by promoteReserve.',
    args: { input: t.arg({ type: AppointPersonInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await appointPerson(db, ctx.viewer, input, { requestId: ctx.requestId });
      return db.incumbency.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  recordQualificationExam: t.prismaField({
    type: 'QualificationExam',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Records a qualification exam (任职资格考试) of a person of your subtree.',
    args: { input: t.arg({ type: RecordExamInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await recordExam(db, ctx.viewer, input, { requestId: ctx.requestId });
      return db.qualificationExam.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  strikeQualificationExam: t.prismaField({
    type: 'QualificationExam',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Strikes out an exam recorded by mistake, with a reason; it stays, and no longer counts.',
    args: { input: t.arg({ type: StrikeExamInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await strikeExam(db, ctx.viewer, input, { requestId: ctx.requestId });
      return db.qualificationExam.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
}));
