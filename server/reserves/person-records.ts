// A person's records (domain rules, "Records around an entry"): trainings, annual assessments
// and practice assignments (挂职, 轮岗, 兼职), recorded and corrected — never deleted — under the
// KEEP_RESERVES capability, for people who work in the writer's subtree. Every value is checked
// against the dataset format's own field rules (server/dataset/format.ts), so a record the API
// accepts is one the import would accept. Each write is one transaction: the record, its audit
// record (a correction keeps the values it replaced) and the change the analytical copy follows
// (keyed by the person, docs/decisions/021).
import { toDate, todayIso, toIso, toIsoOrNull } from '../../domain/dates.ts';
import type { Grade, PracticeKind, TrainingKind, UnitKind } from '../../domain/enums.ts';
import { type DomainError, refusal } from '../../domain/errors.ts';
import { fieldParam, type MessageRef, messageParam } from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import { canSee, ownedByScope, type Viewer } from '../auth/viewer.ts';
import { type ArrayName, fieldSpec } from '../dataset/format.ts';
import { valueProblem } from '../dataset/validate.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { Assessment, Practice, Training } from '../db/generated/sqlite/client.ts';
import { effectivePolicy } from '../policy/store.ts';

interface Options {
  requestId?: string | null;
}

/** A person's id: the dataset id ("E0001") or the global id ("Person:E0001"). */
export function personCode(personId: string): string {
  return personId.startsWith('Person:') ? personId.slice('Person:'.length) : personId;
}

/** The person a record is for, working in the viewer's subtree (with the unit's kind). */
async function scopedPerson(db: Db, viewer: Viewer, personId: string) {
  const code = personCode(personId.trim());
  const person = await db.person.findFirst({
    where: { code, ...ownedByScope(viewer) },
    select: { code: true, unit: { select: { kind: true } } },
  });
  if (!person) throw refusal('NOT_FOUND', 'person.notFound', { person: code });
  return person;
}

/** `training of person "E06"`, `training 12` — how messages name the record. */
type Label = MessageRef;

function bad(record: Label, field: string, problem: MessageRef): DomainError {
  return refusal('BAD_USER_INPUT', 'record.fieldProblem', { record, field: fieldParam(field), problem }, { field });
}

/**
 * Checks each field of a record against the dataset's rules for its array (type, bounds,
 * required), as the import does.
 */
function checkFields(array: ArrayName, record: Label, values: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(values)) {
    const spec = fieldSpec(array, name);
    if (value === null || value === undefined) {
      if (!spec.nullable) throw bad(record, name, messageParam('value.notNull'));
      continue;
    }
    const problem = valueProblem(spec, value);
    if (problem) throw bad(record, name, problem);
  }
}

/** A correction's value: absent keeps the stored one; null clears a nullable field. */
function merged<T>(given: T | null | undefined, stored: T): T | null {
  return given === undefined ? stored : given;
}

const trimmed = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : v);

// ——— Trainings ———

export interface TrainingFields {
  program: string;
  kind: TrainingKind;
  start: string;
  days: number;
  hours: number | null;
  credits: number | null;
  completed: boolean;
}

export type TrainingInput = { personId: string } & Omit<TrainingFields, 'hours' | 'credits'> & {
    hours?: number | null;
    credits?: number | null;
  };

function checkTraining(record: Label, t: TrainingFields): void {
  checkFields('trainings', record, { ...t });
  // A training counted as completed has begun (coverage counts it for the year it starts in).
  if (t.completed && t.start > todayIso())
    throw bad(record, 'start', messageParam('training.completedInFuture', { start: t.start }));
}

const trainingValues = (t: Training): TrainingFields => ({
  program: t.program,
  kind: t.kind,
  start: toIso(t.start),
  days: t.days,
  hours: t.hours,
  credits: t.credits,
  completed: t.completed,
});

export async function recordTraining(
  db: Db,
  viewer: Viewer,
  input: TrainingInput,
  options: Options = {},
): Promise<Training> {
  const person = await scopedPerson(db, viewer, input.personId);
  const values: TrainingFields = {
    program: trimmed(input.program) as string,
    kind: input.kind,
    start: input.start,
    days: input.days,
    hours: input.hours ?? null,
    credits: input.credits ?? null,
    completed: input.completed,
  };
  checkTraining(messageParam('record.trainingOf', { person: person.code }), values);
  return db.$transaction(async (tx) => {
    const created = await tx.training.create({
      data: { personCode: person.code, ...values, start: toDate(values.start) },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'training.record',
      entity: 'Person',
      entityCode: person.code,
      detail: { after: { id: created.id, ...values } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Training', keys: [person.code] });
    return created;
  });
}

export type TrainingCorrection = { trainingId: number } & { [K in keyof TrainingFields]?: TrainingFields[K] | null };

export async function correctTraining(
  db: Db,
  viewer: Viewer,
  input: TrainingCorrection,
  options: Options = {},
): Promise<Training> {
  const stored = await db.training.findFirst({ where: { id: input.trainingId, person: ownedByScope(viewer) } });
  if (!stored) throw refusal('NOT_FOUND', 'training.notFound', { id: input.trainingId });
  const before = trainingValues(stored);
  const after = {
    program: merged(trimmed(input.program), before.program),
    kind: merged(input.kind, before.kind),
    start: merged(input.start, before.start),
    days: merged(input.days, before.days),
    hours: merged(input.hours, before.hours),
    credits: merged(input.credits, before.credits),
    completed: merged(input.completed, before.completed),
  } as TrainingFields;
  checkTraining(messageParam('record.training', { id: stored.id }), after);
  return db.$transaction(async (tx) => {
    const updated = await tx.training.update({
      where: { id: stored.id },
      data: { ...after, start: toDate(after.start) },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'training.correct',
      entity: 'Person',
      entityCode: stored.personCode,
      detail: { id: stored.id, before, after },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Training', keys: [stored.personCode] });
    return updated;
  });
}

// ——— Annual assessments: one per person and year ———

export interface AssessmentFields {
  year: number;
  grade: Grade;
  incompetentVoteShare: number | null;
  deptPercentile: number | null;
}

export type AssessmentInput = { personId: string; year: number; grade: Grade } & {
  incompetentVoteShare?: number | null;
  deptPercentile?: number | null;
};

function checkAssessment(record: Label, a: AssessmentFields): void {
  checkFields('assessments', record, { ...a });
  const thisYear = Number(todayIso().slice(0, 4));
  if (a.year > thisYear) throw bad(record, 'year', messageParam('assessment.yearNotBegun', { year: a.year }));
}

const assessmentValues = (a: Assessment): AssessmentFields => ({
  year: a.year,
  grade: a.grade,
  incompetentVoteShare: a.incompetentVoteShare,
  deptPercentile: a.deptPercentile,
});

function yearTaken(record: Label, personCode: string, year: number): DomainError {
  return refusal(
    'CONFLICT',
    'record.fieldProblem',
    {
      record,
      field: fieldParam('year'),
      problem: messageParam('assessment.yearTaken', { person: personCode, year }),
    },
    { field: 'year' },
  );
}

/** The unique key (person, year) refused by the database: another write took the year meanwhile. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

export async function recordAssessment(
  db: Db,
  viewer: Viewer,
  input: AssessmentInput,
  options: Options = {},
): Promise<Assessment> {
  const person = await scopedPerson(db, viewer, input.personId);
  const record = messageParam('record.assessmentOf', { person: person.code });
  const values: AssessmentFields = {
    year: input.year,
    grade: input.grade,
    incompetentVoteShare: input.incompetentVoteShare ?? null,
    deptPercentile: input.deptPercentile ?? null,
  };
  checkAssessment(record, values);
  if (await db.assessment.findFirst({ where: { personCode: person.code, year: values.year }, select: { id: true } }))
    throw yearTaken(record, person.code, values.year);
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.assessment.create({ data: { personCode: person.code, ...values } });
      await appendAudit(tx, {
        actor: viewer.actor,
        action: 'assessment.record',
        entity: 'Person',
        entityCode: person.code,
        detail: { after: { id: created.id, ...values } },
        requestId: options.requestId ?? null,
      });
      await recordChange(tx, { entity: 'Assessment', keys: [person.code] });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw yearTaken(record, person.code, values.year);
    throw error;
  }
}

export type AssessmentCorrection = { assessmentId: number } & {
  [K in keyof AssessmentFields]?: AssessmentFields[K] | null;
};

export async function correctAssessment(
  db: Db,
  viewer: Viewer,
  input: AssessmentCorrection,
  options: Options = {},
): Promise<Assessment> {
  const stored = await db.assessment.findFirst({ where: { id: input.assessmentId, person: ownedByScope(viewer) } });
  if (!stored) throw refusal('NOT_FOUND', 'assessment.notFound', { id: input.assessmentId });
  const record = messageParam('record.assessment', { id: stored.id });
  const before = assessmentValues(stored);
  const after = {
    year: merged(input.year, before.year),
    grade: merged(input.grade, before.grade),
    incompetentVoteShare: merged(input.incompetentVoteShare, before.incompetentVoteShare),
    deptPercentile: merged(input.deptPercentile, before.deptPercentile),
  } as AssessmentFields;
  checkAssessment(record, after);
  if (
    after.year !== before.year &&
    (await db.assessment.findFirst({
      where: { personCode: stored.personCode, year: after.year },
      select: { id: true },
    }))
  )
    throw yearTaken(record, stored.personCode, after.year);
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.assessment.update({ where: { id: stored.id }, data: after });
      await appendAudit(tx, {
        actor: viewer.actor,
        action: 'assessment.correct',
        entity: 'Person',
        entityCode: stored.personCode,
        detail: { id: stored.id, before, after },
        requestId: options.requestId ?? null,
      });
      await recordChange(tx, { entity: 'Assessment', keys: [stored.personCode] });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw yearTaken(record, stored.personCode, after.year);
    throw error;
  }
}

// ——— Practice assignments ———

export interface PracticeFields {
  kind: PracticeKind;
  unitCode: string | null;
  start: string;
  end: string | null;
  reportScore: number | null;
}

/** 轮岗's report from its two parts: the department manager's and HR's scores (0–100 each). */
export interface RotationScores {
  managerScore?: number | null;
  hrScore?: number | null;
}

export type PracticeInput = { personId: string; kind: PracticeKind; start: string } & {
  unitCode?: string | null;
  end?: string | null;
  reportScore?: number | null;
} & RotationScores;

export type PracticeCorrection = { practiceId: number } & {
  [K in keyof PracticeFields]?: PracticeFields[K] | null;
} & RotationScores;

/** How a rotation's report score was computed, for the audit record. */
interface ReportBasis {
  managerScore: number;
  hrScore: number;
  weights: { manager: number; hr: number };
  policyVersions: number[];
}

/**
 * The checks of a practice assignment, and its report score: given directly, or — for a
 * rotation — weighted from the manager's and HR's scores by the policy in force for the
 * person's unit kind on the assignment's end date.
 */
async function settlePractice(
  db: Db,
  viewer: Viewer,
  record: Label,
  unitKind: UnitKind,
  p: PracticeFields,
  scores: RotationScores,
): Promise<{ values: PracticeFields; basis: ReportBasis | null }> {
  checkFields('practices', record, { ...p });
  if (p.end !== null && p.end < p.start)
    throw bad(record, 'end', messageParam('practice.endBeforeStart', { end: p.end, start: p.start }));
  if (p.unitCode !== null) {
    const unit = await db.unit.findUnique({ where: { code: p.unitCode }, select: { path: true } });
    // Absent and out of scope get the same answer (server/auth/viewer.ts, scopedUnit).
    if (!unit || !canSee(viewer, unit.path))
      throw bad(record, 'unitCode', messageParam('auth.unitNotFound', { unit: p.unitCode }));
  }
  const parts = [scores.managerScore, scores.hrScore].filter((s) => s !== null && s !== undefined).length;
  let basis: ReportBasis | null = null;
  let values = p;
  if (parts > 0) {
    if (p.kind !== 'ROTATION')
      throw bad(
        record,
        scores.managerScore != null ? 'managerScore' : 'hrScore',
        messageParam('practice.scoresOnlyRotation'),
      );
    if (parts < 2)
      throw bad(record, scores.managerScore == null ? 'managerScore' : 'hrScore', messageParam('practice.bothScores'));
    const bound = fieldSpec('practices', 'reportScore');
    for (const name of ['managerScore', 'hrScore'] as const) {
      const problem = valueProblem(bound, scores[name]);
      if (problem) throw bad(record, name, problem);
    }
    if (p.end === null) throw bad(record, 'end', messageParam('practice.scoreNeedsEnd'));
    const { policy, versions } = await effectivePolicy(db, unitKind, p.end);
    const weights = policy.rotationReportWeights;
    const score = Math.round((scores.managerScore! * weights.manager + scores.hrScore! * weights.hr) * 100) / 100;
    basis = { managerScore: scores.managerScore!, hrScore: scores.hrScore!, weights, policyVersions: versions };
    values = { ...p, reportScore: score };
  } else if (p.reportScore !== null && p.end === null) {
    throw bad(record, 'reportScore', messageParam('practice.scoreNeedsEnd'));
  }
  if (values.reportScore !== null && values.end! > todayIso())
    throw bad(record, 'end', messageParam('practice.endInFuture', { end: values.end }));
  return { values, basis };
}

const practiceValues = (p: Practice): PracticeFields => ({
  kind: p.kind,
  unitCode: p.unitCode,
  start: toIso(p.start),
  end: toIsoOrNull(p.end),
  reportScore: p.reportScore,
});

const practiceData = (p: PracticeFields) => ({
  ...p,
  start: toDate(p.start),
  end: p.end === null ? null : toDate(p.end),
});

export async function recordPractice(
  db: Db,
  viewer: Viewer,
  input: PracticeInput,
  options: Options = {},
): Promise<Practice> {
  const person = await scopedPerson(db, viewer, input.personId);
  if (input.reportScore != null && (input.managerScore != null || input.hrScore != null))
    throw bad(
      messageParam('record.practiceOf', { person: person.code }),
      'reportScore',
      messageParam('practice.scoresNotBoth'),
    );
  const { values, basis } = await settlePractice(
    db,
    viewer,
    messageParam('record.practiceOf', { person: person.code }),
    person.unit.kind,
    {
      kind: input.kind,
      unitCode: trimmed(input.unitCode) || null,
      start: input.start,
      end: input.end ?? null,
      reportScore: input.reportScore ?? null,
    },
    input,
  );
  return db.$transaction(async (tx) => {
    const created = await tx.practice.create({ data: { personCode: person.code, ...practiceData(values) } });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'practice.record',
      entity: 'Person',
      entityCode: person.code,
      detail: { after: { id: created.id, ...values }, ...(basis ? { report: basis } : {}) },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Practice', keys: [person.code] });
    return created;
  });
}

export async function correctPractice(
  db: Db,
  viewer: Viewer,
  input: PracticeCorrection,
  options: Options = {},
): Promise<Practice> {
  const stored = await db.practice.findFirst({
    where: { id: input.practiceId, person: ownedByScope(viewer) },
    include: { person: { select: { unit: { select: { kind: true } } } } },
  });
  if (!stored) throw refusal('NOT_FOUND', 'practice.notFound', { id: input.practiceId });
  const record = messageParam('record.practice', { id: stored.id });
  if (input.reportScore != null && (input.managerScore != null || input.hrScore != null))
    throw bad(record, 'reportScore', messageParam('practice.scoresNotBoth'));
  const before = practiceValues(stored);
  const unitCode = input.unitCode === undefined ? before.unitCode : trimmed(input.unitCode) || null;
  const { values: after, basis } = await settlePractice(
    db,
    viewer,
    record,
    stored.person.unit.kind,
    {
      kind: merged(input.kind, before.kind),
      unitCode,
      start: merged(input.start, before.start),
      end: merged(input.end, before.end),
      reportScore: merged(input.reportScore, before.reportScore),
    } as PracticeFields,
    input,
  );
  return db.$transaction(async (tx) => {
    const updated = await tx.practice.update({ where: { id: stored.id }, data: practiceData(after) });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'practice.correct',
      entity: 'Person',
      entityCode: stored.personCode,
      detail: { id: stored.id, before, after, ...(basis ? { report: basis } : {}) },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Practice', keys: [stored.personCode] });
    return updated;
  });
}
