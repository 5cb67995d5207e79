// 述职 records (docs/decisions/045): a candidate's report on their 德、能、勤、绩、廉 before those
// who will vote on them (「在进行民主推荐或者民意测评前，选拔对象应当述职」). Recorded on an open entry
// of the viewer's subtree, dated between its nomination and today; never deleted, struck out with a
// reason. Where the policy asks for it, the step to inspection reads them (./gates.ts DUTY_REPORT).
import { toDate, todayIso, toIso } from '../../domain/dates.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam } from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import { ownedByScope, type Viewer } from '../auth/viewer.ts';
import type { Db } from '../db/client.ts';
import type { DutyReport } from '../db/generated/sqlite/client.ts';
import { entryForStep } from './lifecycle.ts';
import { name } from './records.ts';

export interface DutyReportInput {
  reserveId: string;
  on: string;
  audience: string;
  outline?: string | null;
}

export async function recordDutyReport(
  db: Db,
  viewer: Viewer,
  input: DutyReportInput,
  options: { requestId?: string | null } = {},
): Promise<DutyReport> {
  const entry = await entryForStep(db, viewer, input.reserveId);
  if (entry.exitedOn)
    throw refusal(
      'BAD_USER_INPUT',
      'duty.exited',
      { entry: entry.code, status: enumParam('ReserveStatus', entry.status) },
      { field: 'reserveId' },
    );
  const nominated = toIso(entry.nominatedOn);
  if (input.on > todayIso() || input.on < nominated)
    throw refusal('BAD_USER_INPUT', 'duty.dates', { entry: entry.code, on: input.on, nominated }, { field: 'on' });
  const audience = name(input.audience, 'audience', 200);
  const outline = input.outline?.trim() ? name(input.outline, 'outline', 2000) : null;
  return db.$transaction(async (tx) => {
    const made = await tx.dutyReport.create({
      data: { reserveCode: entry.code, heldOn: toDate(input.on), audience, outline, recordedBy: viewer.actor },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'duty.record',
      entity: 'ReserveEntry',
      entityCode: entry.code,
      detail: { after: { id: made.id, on: input.on, audience, outline } },
      requestId: options.requestId ?? null,
    });
    return made;
  });
}

export async function strikeDutyReport(
  db: Db,
  viewer: Viewer,
  input: { reportId: number; reason: string },
  options: { requestId?: string | null } = {},
): Promise<DutyReport> {
  const reason = name(input.reason, 'reason', 500);
  const report = await db.dutyReport.findFirst({ where: { id: input.reportId, reserve: ownedByScope(viewer) } });
  if (!report) throw refusal('NOT_FOUND', 'duty.notFound', { id: input.reportId });
  return db.$transaction(async (tx) => {
    const { count } = await tx.dutyReport.updateMany({
      where: { id: report.id, struckReason: null },
      data: { struckReason: reason, struckBy: viewer.actor },
    });
    if (count !== 1) throw refusal('BAD_USER_INPUT', 'duty.alreadyStruck', { id: report.id }, { field: 'reportId' });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'duty.strike',
      entity: 'ReserveEntry',
      entityCode: report.reserveCode,
      detail: { after: { id: report.id, struckReason: reason } },
      requestId: options.requestId ?? null,
    });
    return tx.dutyReport.findUniqueOrThrow({ where: { id: report.id } });
  });
}
