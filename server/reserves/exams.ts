// 任职资格考试 records (docs/decisions/042): a person's qualification exam, its result and its
// certificate. Recorded for a person working in the viewer's subtree; never deleted, struck out
// with a reason (the gate no longer counts it). Where the policy names a rank, admission to a pool
// for it and appointment to a post of it read these records (./gates.ts examMissing).
import { toDate, todayIso } from '../../domain/dates.ts';
import { refusal } from '../../domain/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { ownedByScope, type Viewer } from '../auth/viewer.ts';
import type { Db } from '../db/client.ts';
import type { QualificationExam } from '../db/generated/sqlite/client.ts';
import { name } from './records.ts';

export interface RecordExamInput {
  personCode: string;
  heldOn: string;
  passed: boolean;
  score?: number | null;
  certificateNo?: string | null;
}

export async function recordExam(
  db: Db,
  viewer: Viewer,
  input: RecordExamInput,
  options: { requestId?: string | null } = {},
): Promise<QualificationExam> {
  const person = await db.person.findFirst({ where: { code: input.personCode.trim(), ...ownedByScope(viewer) } });
  if (!person) throw refusal('NOT_FOUND', 'person.notFound', { person: input.personCode }, { field: 'personCode' });
  if (input.heldOn > todayIso())
    throw refusal('BAD_USER_INPUT', 'exam.inFuture', { person: person.name, on: input.heldOn }, { field: 'heldOn' });
  if (input.score !== null && input.score !== undefined && !(input.score >= 0 && input.score <= 1000))
    throw refusal('BAD_USER_INPUT', 'exam.score', { person: person.name, score: input.score }, { field: 'score' });
  const certificateNo = input.certificateNo?.trim() ? name(input.certificateNo, 'certificateNo', 64) : null;
  if (certificateNo && !input.passed)
    throw refusal('BAD_USER_INPUT', 'exam.certificateWithoutPass', { person: person.name }, { field: 'certificateNo' });
  return db.$transaction(async (tx) => {
    const made = await tx.qualificationExam.create({
      data: {
        personCode: person.code,
        heldOn: toDate(input.heldOn),
        passed: input.passed,
        score: input.score ?? null,
        certificateNo,
        recordedBy: viewer.actor,
      },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'exam.record',
      entity: 'Person',
      entityCode: person.code,
      detail: {
        after: { id: made.id, heldOn: input.heldOn, passed: input.passed, score: input.score ?? null, certificateNo },
      },
      requestId: options.requestId ?? null,
    });
    return made;
  });
}

export async function strikeExam(
  db: Db,
  viewer: Viewer,
  input: { examId: number; reason: string },
  options: { requestId?: string | null } = {},
): Promise<QualificationExam> {
  const reason = name(input.reason, 'reason', 500);
  const exam = await db.qualificationExam.findFirst({ where: { id: input.examId, person: ownedByScope(viewer) } });
  if (!exam) throw refusal('NOT_FOUND', 'exam.notFound', { id: input.examId });
  return db.$transaction(async (tx) => {
    const { count } = await tx.qualificationExam.updateMany({
      where: { id: exam.id, struckReason: null },
      data: { struckReason: reason, struckBy: viewer.actor },
    });
    if (count !== 1) throw refusal('BAD_USER_INPUT', 'exam.alreadyStruck', { id: exam.id }, { field: 'examId' });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'exam.strike',
      entity: 'Person',
      entityCode: exam.personCode,
      detail: { after: { id: exam.id, struckReason: reason } },
      requestId: options.requestId ?? null,
    });
    return tx.qualificationExam.findUniqueOrThrow({ where: { id: exam.id } });
  });
}
