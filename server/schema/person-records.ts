// A person's trainings, annual assessments and practice assignments, recorded and corrected
// through the API (server/reserves/person-records.ts). The inputs are bounded by the dataset
// format's own field rules (server/dataset/format.ts): one definition for the import and the API.
import { z } from 'zod';
import { formatMessage } from '../../domain/messages.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { builder } from '../builder.ts';
import { type ArrayName, fieldSpec } from '../dataset/format.ts';
import { valueProblem } from '../dataset/validate.ts';
import { db } from '../db/client.ts';
import { requestLang } from '../lang.ts';
import {
  correctAssessment,
  correctPractice,
  correctTraining,
  recordAssessment,
  recordPractice,
  recordTraining,
} from '../reserves/person-records.ts';
import { GradeEnum, PracticeKindEnum, TrainingKindEnum } from './enums.ts';

/** A zod check of one dataset field (its type's bounds and length), with the import's words (in the request's language). */
function rule(array: ArrayName, name: string) {
  const spec = fieldSpec(array, name);
  return (value: unknown, ctx: z.RefinementCtx) => {
    const problem = valueProblem(spec, value);
    if (problem) ctx.addIssue({ code: 'custom', message: formatMessage(problem.key, problem.params, requestLang()) });
  };
}
const num = (array: ArrayName, name: string) => z.number().superRefine(rule(array, name));
const int = (array: ArrayName, name: string) => z.number().int().superRefine(rule(array, name));
const text = (array: ArrayName, name: string) => z.string().superRefine(rule(array, name));
/** A score of 0–100, as a report score is. */
const score = () => num('practices', 'reportScore');

const personId = { required: true, description: 'The person’s id ("E0001") or global id.' } as const;
const CLEARS = 'null clears it; left out, it stays as it is.';
const KEEPS = 'Left out, it stays as it is.';

const RecordTrainingInput = builder.inputType('RecordTrainingInput', {
  fields: (t) => ({
    personId: t.id(personId),
    program: t.string({ required: true, validate: text('trainings', 'program') }),
    kind: t.field({ type: TrainingKindEnum, required: true }),
    start: t.field({ type: 'Date', required: true, description: 'The training counts for the year it starts in.' }),
    days: t.float({ required: true, validate: num('trainings', 'days') }),
    hours: t.float({ validate: num('trainings', 'hours') }),
    credits: t.float({ validate: num('trainings', 'credits') }),
    completed: t.boolean({ required: true, description: 'A completed training has started (not in the future).' }),
  }),
});
const CorrectTrainingInput = builder.inputType('CorrectTrainingInput', {
  description: `Each field left out stays as it is; for hours and credits, ${CLEARS}`,
  fields: (t) => ({
    trainingId: t.int({ required: true }),
    program: t.string({ validate: text('trainings', 'program') }),
    kind: t.field({ type: TrainingKindEnum }),
    start: t.field({ type: 'Date' }),
    days: t.float({ validate: num('trainings', 'days') }),
    hours: t.float({ validate: num('trainings', 'hours') }),
    credits: t.float({ validate: num('trainings', 'credits') }),
    completed: t.boolean(),
  }),
});

const RecordAssessmentInput = builder.inputType('RecordAssessmentInput', {
  fields: (t) => ({
    personId: t.id(personId),
    year: t.int({
      required: true,
      validate: int('assessments', 'year'),
      description: 'One assessment per person and year; not a year to come.',
    }),
    grade: t.field({ type: GradeEnum, required: true }),
    incompetentVoteShare: t.float({
      validate: num('assessments', 'incompetentVoteShare'),
      description: 'Share of 不称职 votes, 0 to 1.',
    }),
    deptPercentile: t.float({
      validate: num('assessments', 'deptPercentile'),
      description: 'Percentile within the department, 0 to 1.',
    }),
  }),
});
const CorrectAssessmentInput = builder.inputType('CorrectAssessmentInput', {
  description: `Each field left out stays as it is; for the vote share and the percentile, ${CLEARS}`,
  fields: (t) => ({
    assessmentId: t.int({ required: true }),
    year: t.int({ validate: int('assessments', 'year') }),
    grade: t.field({ type: GradeEnum }),
    incompetentVoteShare: t.float({ validate: num('assessments', 'incompetentVoteShare') }),
    deptPercentile: t.float({ validate: num('assessments', 'deptPercentile') }),
  }),
});

const REPORT =
  'The report score, 0 to 100, given once the assignment has ended (with `end`, not in the future). ' +
  'For a rotation it may instead be computed from `managerScore` and `hrScore`.';
const PARTS =
  'ROTATION only, with the other part: the report score is computed as manager × weight + HR × weight, ' +
  'with the policy’s `rotationReportWeights` (default 0.6 and 0.4) in force on the end date for the person’s unit kind.';

const RecordPracticeInput = builder.inputType('RecordPracticeInput', {
  fields: (t) => ({
    personId: t.id(personId),
    kind: t.field({ type: PracticeKindEnum, required: true }),
    unitCode: t.string({
      validate: z.string().max(64),
      description: 'Where the assignment is: a unit of your scope.',
    }),
    start: t.field({ type: 'Date', required: true }),
    end: t.field({ type: 'Date', description: 'On or after `start`.' }),
    reportScore: t.float({ validate: score(), description: REPORT }),
    managerScore: t.float({ validate: score(), description: `The department manager’s score, 0 to 100. ${PARTS}` }),
    hrScore: t.float({ validate: score(), description: `HR’s score, 0 to 100. ${PARTS}` }),
  }),
});
const CorrectPracticeInput = builder.inputType('CorrectPracticeInput', {
  description: `${KEEPS} For unitCode, end and reportScore, ${CLEARS} managerScore with hrScore recompute the report score.`,
  fields: (t) => ({
    practiceId: t.int({ required: true }),
    kind: t.field({ type: PracticeKindEnum }),
    unitCode: t.string({ validate: z.string().max(64) }),
    start: t.field({ type: 'Date' }),
    end: t.field({ type: 'Date' }),
    reportScore: t.float({ validate: score() }),
    managerScore: t.float({ validate: score() }),
    hrScore: t.float({ validate: score() }),
  }),
});

const write = { authScopes: scopeOf('KEEP_RESERVES') } as const;

builder.mutationFields((t) => ({
  recordTraining: t.prismaField({
    ...write,
    type: 'Training',
    description: 'Records a training of a person who works in your subtree.',
    args: { input: t.arg({ type: RecordTrainingInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      recordTraining(db, ctx.viewer, { ...input, personId: String(input.personId) }, { requestId: ctx.requestId }),
  }),
  correctTraining: t.prismaField({
    ...write,
    type: 'Training',
    description: 'Corrects a training in place; the audit log keeps the values it replaced.',
    args: { input: t.arg({ type: CorrectTrainingInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => correctTraining(db, ctx.viewer, input, { requestId: ctx.requestId }),
  }),
  recordAssessment: t.prismaField({
    ...write,
    type: 'Assessment',
    description: 'Records a person’s annual assessment; a second one for the same year is refused (CONFLICT).',
    args: { input: t.arg({ type: RecordAssessmentInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      recordAssessment(db, ctx.viewer, { ...input, personId: String(input.personId) }, { requestId: ctx.requestId }),
  }),
  correctAssessment: t.prismaField({
    ...write,
    type: 'Assessment',
    description: 'Corrects an assessment in place; the audit log keeps the values it replaced.',
    args: { input: t.arg({ type: CorrectAssessmentInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => correctAssessment(db, ctx.viewer, input, { requestId: ctx.requestId }),
  }),
  recordPractice: t.prismaField({
    ...write,
    type: 'Practice',
    description: 'Records a practice assignment (挂职, 轮岗, 兼职) of a person who works in your subtree.',
    args: { input: t.arg({ type: RecordPracticeInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      recordPractice(db, ctx.viewer, { ...input, personId: String(input.personId) }, { requestId: ctx.requestId }),
  }),
  correctPractice: t.prismaField({
    ...write,
    type: 'Practice',
    description: 'Corrects a practice assignment in place; the audit log keeps the values it replaced.',
    args: { input: t.arg({ type: CorrectPracticeInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => correctPractice(db, ctx.viewer, input, { requestId: ctx.requestId }),
  }),
}));
