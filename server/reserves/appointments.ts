// 任前公示 (docs/decisions/041): before a reserve is appointed to a post (promoteReserve), the
// appointment is announced for the policy's number of working days, counted on the policy's
// calendar (domain/calendar.ts); the promotion is allowed from the day after the notice ends. A
// notice is for one entry and one post that fits it (./promotion.ts postFitProblem); it is
// withdrawn with a reason, never deleted. Scoped, audited, one transaction each.
import { workingDaysEnd } from '../../domain/calendar.ts';
import { toDate, todayIso, toIso } from '../../domain/dates.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam } from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import { ownedByScope, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { AppointmentNotice } from '../db/generated/sqlite/client.ts';
import { effectivePolicy } from '../policy/store.ts';
import { entryForStep } from './lifecycle.ts';
import { checkPostFits } from './promotion.ts';
import { name } from './records.ts';

export interface AnnounceInput {
  reserveId: string;
  positionCode: string;
  startsOn: string;
  acrossUnits?: boolean | null;
}

export async function announceAppointment(
  db: Db,
  viewer: Viewer,
  input: AnnounceInput,
  options: { requestId?: string | null } = {},
): Promise<AppointmentNotice> {
  const entry = await entryForStep(db, viewer, input.reserveId);
  if (entry.status !== 'ACTIVE')
    throw refusal(
      'BAD_USER_INPUT',
      'appointment.notActive',
      {
        entry: entry.code,
        status: enumParam('ReserveStatus', entry.status),
        active: enumParam('ReserveStatus', 'ACTIVE'),
      },
      { field: 'reserveId' },
    );
  const position = await db.position.findFirst({
    where: { code: input.positionCode.trim(), ...ownedByScope(viewer) },
    include: { unit: { select: { name: true } } },
  });
  if (!position)
    throw refusal('NOT_FOUND', 'position.notFound', { position: input.positionCode }, { field: 'positionCode' });
  await checkPostFits(db, entry, position, input.acrossUnits ?? false);
  if (input.startsOn > todayIso())
    throw refusal(
      'BAD_USER_INPUT',
      'reserve.onInFuture',
      { entry: entry.code, on: input.startsOn },
      { field: 'startsOn' },
    );
  if (entry.enteredOn && input.startsOn < toIso(entry.enteredOn))
    throw refusal(
      'BAD_USER_INPUT',
      'appointment.beforeEntered',
      { entry: entry.code, on: input.startsOn, entered: toIso(entry.enteredOn) },
      { field: 'startsOn' },
    );
  const { policy } = await effectivePolicy(db, entry.unit.kind, input.startsOn);
  const workingDays = policy.appointmentNoticeWorkingDays;
  const endsOn = workingDaysEnd(input.startsOn, workingDays, policy.calendar);
  return db.$transaction(async (tx) => {
    const made = await tx.appointmentNotice.create({
      data: {
        reserveCode: entry.code,
        positionCode: position.code,
        startsOn: toDate(input.startsOn),
        endsOn: toDate(endsOn),
        workingDays,
        recordedBy: viewer.actor,
      },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'appointment.announce',
      entity: 'ReserveEntry',
      entityCode: entry.code,
      detail: { after: { id: made.id, positionCode: position.code, startsOn: input.startsOn, endsOn, workingDays } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Meeting', keys: [entry.code] });
    return made;
  });
}

/** Withdraws a notice (announced by mistake, or the appointment dropped): kept with the reason. */
export async function withdrawAppointmentNotice(
  db: Db,
  viewer: Viewer,
  input: { noticeId: number; reason: string },
  options: { requestId?: string | null } = {},
): Promise<AppointmentNotice> {
  const reason = name(input.reason, 'reason', 500);
  const notice = await db.appointmentNotice.findFirst({
    where: { id: input.noticeId, reserve: ownedByScope(viewer) },
  });
  if (!notice) throw refusal('NOT_FOUND', 'appointment.notFound', { id: input.noticeId });
  return db.$transaction(async (tx) => {
    const { count } = await tx.appointmentNotice.updateMany({
      where: { id: notice.id, withdrawnReason: null },
      data: { withdrawnReason: reason, withdrawnBy: viewer.actor },
    });
    if (count !== 1)
      throw refusal('BAD_USER_INPUT', 'appointment.alreadyWithdrawn', { id: notice.id }, { field: 'noticeId' });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'appointment.withdraw',
      entity: 'ReserveEntry',
      entityCode: notice.reserveCode,
      detail: { after: { id: notice.id, withdrawnReason: reason } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Meeting', keys: [notice.reserveCode] });
    return tx.appointmentNotice.findUniqueOrThrow({ where: { id: notice.id } });
  });
}
