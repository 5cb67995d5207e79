// Records kept around a person or an entry: trainings, assessments, practice, status history.
import { builder, WHOLE } from '../builder.ts';
import { GradeEnum, PracticeKindEnum, ReserveStatusEnum, TrainingKindEnum } from './enums.ts';

builder.prismaObject('Training', {
  select: { personCode: true },
  authScopes: async (r, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: await ctx.loaders.personUnitPaths.load(r.personCode) },
  fields: (t) => ({
    program: t.exposeString('program'),
    kind: t.expose('kind', { type: TrainingKindEnum }),
    start: t.expose('start', { type: 'Date' }),
    days: t.exposeFloat('days'),
    hours: t.exposeFloat('hours', { nullable: true }),
    credits: t.exposeFloat('credits', { nullable: true }),
    completed: t.exposeBoolean('completed'),
  }),
});

export const AssessmentRef = builder.prismaObject('Assessment', {
  select: { personCode: true },
  authScopes: async (r, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: await ctx.loaders.personUnitPaths.load(r.personCode) },
  fields: (t) => ({
    year: t.exposeInt('year'),
    grade: t.expose('grade', { type: GradeEnum }),
    incompetentVoteShare: t.exposeFloat('incompetentVoteShare', { nullable: true }),
    deptPercentile: t.exposeFloat('deptPercentile', { nullable: true }),
  }),
});

builder.prismaObject('Practice', {
  select: { personCode: true },
  authScopes: async (r, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: await ctx.loaders.personUnitPaths.load(r.personCode) },
  fields: (t) => ({
    kind: t.expose('kind', { type: PracticeKindEnum }),
    unitCode: t.exposeString('unitCode', { nullable: true }),
    start: t.expose('start', { type: 'Date' }),
    end: t.expose('end', { type: 'Date', nullable: true }),
    reportScore: t.exposeFloat('reportScore', { nullable: true }),
  }),
});

builder.prismaObject('ReserveStatusChange', {
  name: 'StatusChange',
  select: { reserveCode: true },
  authScopes: async (c, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.entryUnitPath.load(c.reserveCode)] },
  fields: (t) => ({
    from: t.expose('from', { type: ReserveStatusEnum, nullable: true }),
    to: t.expose('to', { type: ReserveStatusEnum }),
    on: t.expose('on', { type: 'Date' }),
    reason: t.exposeString('reason', { nullable: true }),
    actor: t.exposeString('actor'),
    recordedAt: t.string({ select: { recordedAt: true }, resolve: (c) => c.recordedAt.toISOString() }),
  }),
});
