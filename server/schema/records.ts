// Records kept around a person or an entry: trainings, assessments, practice, status history,
// mentors and talks (mentors and talks recorded, ended and corrected through
// server/reserves/records.ts; a person's records through server/schema/person-records.ts).

import { z } from 'zod';
import { scopeOf } from '../auth/capabilities.ts';
import { builder, WHOLE } from '../builder.ts';
import { db } from '../db/client.ts';
import { readable } from '../lang.ts';
import { assignMentor, correctTalk, endMentorship, recordTalk } from '../reserves/records.ts';
import { GradeEnum, PracticeKindEnum, ReserveStatusEnum, TalkKindEnum, TrainingKindEnum } from './enums.ts';

builder.prismaObject('Training', {
  select: { personCode: true },
  authScopes: async (r, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: await ctx.loaders.personUnitPaths.load(r.personCode) },
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'Names the record for `correctTraining`.' }),
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
    id: t.exposeInt('id', { description: 'Names the record for `correctAssessment`.' }),
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
    id: t.exposeInt('id', { description: 'Names the record for `correctPractice`.' }),
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
    reason: t.string({ nullable: true, select: { reason: true }, resolve: (c) => readable(c.reason) }),
    actor: t.exposeString('actor'),
    recordedAt: t.string({ select: { recordedAt: true }, resolve: (c) => c.recordedAt.toISOString() }),
  }),
});

builder.prismaObject('Mentor', {
  name: 'MentorRecord',
  description: '带培导师: a mentor of an entry from `since` (until `until`, when it ended).',
  select: { reserveCode: true },
  authScopes: async (m, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.entryUnitPath.load(m.reserveCode)] },
  fields: (t) => ({
    id: t.exposeInt('id'),
    mentorName: t.exposeString('mentorName'),
    mentorPersonId: t.exposeString('mentorPersonCode', { nullable: true }),
    since: t.expose('since', { type: 'Date' }),
    until: t.expose('until', { type: 'Date', nullable: true }),
  }),
});

builder.prismaObject('Talk', {
  name: 'TalkRecord',
  description: '谈话: a leadership or HR talk with an entry.',
  select: { reserveCode: true },
  authScopes: async (m, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.entryUnitPath.load(m.reserveCode)] },
  fields: (t) => ({
    id: t.exposeInt('id'),
    kind: t.expose('kind', { type: TalkKindEnum }),
    on: t.expose('on', { type: 'Date' }),
    notes: t.exposeString('notes', { nullable: true }),
  }),
});

builder.prismaObjectFields('ReserveEntry', (t) => ({
  mentors: t.relation('mentors', { query: { orderBy: [{ since: 'asc' }, { id: 'asc' }] } }),
  talks: t.relation('talks', { query: { orderBy: [{ on: 'asc' }, { id: 'asc' }] } }),
}));

const dateArg = { type: 'Date', required: true } as const;

const AssignMentorInput = builder.inputType('AssignMentorInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true, description: 'The entry’s id ("R0001") or global id.' }),
    mentorName: t.string({ required: true, validate: z.string().max(50) }),
    mentorPersonId: t.string({
      description: 'The mentor’s person id, when the mentor is in the data.',
      validate: z.string().max(64),
    }),
    since: t.field(dateArg),
  }),
});
const EndMentorshipInput = builder.inputType('EndMentorshipInput', {
  fields: (t) => ({ mentorId: t.int({ required: true }), until: t.field(dateArg) }),
});
const RecordTalkInput = builder.inputType('RecordTalkInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true }),
    kind: t.field({ type: TalkKindEnum, required: true }),
    on: t.field(dateArg),
    notes: t.string({ validate: z.string().max(2000) }),
  }),
});
const CorrectTalkInput = builder.inputType('CorrectTalkInput', {
  fields: (t) => ({
    talkId: t.int({ required: true }),
    kind: t.field({ type: TalkKindEnum }),
    on: t.field({ type: 'Date' }),
    notes: t.string({ validate: z.string().max(2000), description: 'An empty string clears the notes.' }),
  }),
});

builder.mutationFields((t) => ({
  assignMentor: t.prismaField({
    type: 'Mentor',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Records a mentor of an open entry from a date (not before its nomination, not in the future).',
    args: { input: t.arg({ type: AssignMentorInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      assignMentor(db, ctx.viewer, { ...input, reserveId: String(input.reserveId) }, { requestId: ctx.requestId }),
  }),
  endMentorship: t.prismaField({
    type: 'Mentor',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Ends a mentorship on a date; the record stays.',
    args: { input: t.arg({ type: EndMentorshipInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => endMentorship(db, ctx.viewer, input, { requestId: ctx.requestId }),
  }),
  recordTalk: t.prismaField({
    type: 'Talk',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Records a talk with an open entry (LEADERSHIP or HR).',
    args: { input: t.arg({ type: RecordTalkInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      recordTalk(db, ctx.viewer, { ...input, reserveId: String(input.reserveId) }, { requestId: ctx.requestId }),
  }),
  correctTalk: t.prismaField({
    type: 'Talk',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Corrects a talk’s kind, date or notes; the audit log keeps what it said before.',
    args: { input: t.arg({ type: CorrectTalkInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => correctTalk(db, ctx.viewer, input, { requestId: ctx.requestId }),
  }),
}));
