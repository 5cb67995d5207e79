// Appointments (任职) and 任前公示 (docs/decisions/041, 042). Before a person is appointed to a
// leadership post the appointment is announced for the policy's number of working days, counted on
// the policy's calendar (domain/calendar.ts); the appointment is allowed from the day after the
// notice ends. From the pool, the notice is an entry's and the appointment is its promotion
// (./promotion.ts, which also checks the post fits the entry); from outside the pool it is the
// person's (appointPerson). Where the policy asks for it, a passed qualification exam is needed
// for the post's rank. A notice is withdrawn with a reason, never deleted. Scoped, audited, one
// transaction each.
import { workingDaysEnd } from '../../domain/calendar.ts';
import { toDate, todayIso, toIso } from '../../domain/dates.ts';
import type { PositionKind, Rank } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam, type MessageParams, storedMessage } from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import { ownedByScope, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { AppointmentNotice, Incumbency } from '../db/generated/sqlite/client.ts';
import { effectivePolicy } from '../policy/store.ts';
import { examMissing, noticeProblem } from './gates.ts';
import { entryForStep } from './lifecycle.ts';
import { checkPostFits, fillPosition, vacatedPosts } from './promotion.ts';
import { name } from './records.ts';

export interface AnnounceInput {
  /** From the pool: the entry announced. */
  reserveId?: string | null;
  /** From outside the pool: the person announced. Exactly one of the two. */
  personCode?: string | null;
  positionCode: string;
  startsOn: string;
  acrossUnits?: boolean | null;
}

/** A leadership post in the viewer's subtree, with what the checks read. */
async function scopedPosition(db: Db, viewer: Viewer, code: string) {
  const position = await db.position.findFirst({
    where: { code: code.trim(), ...ownedByScope(viewer) },
    include: {
      unit: { select: { name: true, kind: true } },
      // The latest dated holder (PostgreSQL sorts nulls first when descending).
      incumbencies: { orderBy: [{ from: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }], take: 1 },
    },
  });
  if (!position) throw refusal('NOT_FOUND', 'position.notFound', { position: code }, { field: 'positionCode' });
  return position;
}

/** A person in the viewer's subtree. */
async function scopedPerson(db: Db, viewer: Viewer, code: string) {
  const person = await db.person.findFirst({ where: { code: code.trim(), ...ownedByScope(viewer) } });
  if (!person) throw refusal('NOT_FOUND', 'person.notFound', { person: code }, { field: 'personCode' });
  return person;
}

/**
 * An appointment from outside the pool is refused when the person has an entry in the pool that the
 * post fits (its kind and target rank): that appointment is the entry's promotion, and recorded as
 * such it counts among the appointments from the pool.
 */
async function refuseFittingEntry(
  db: Db,
  viewer: Viewer,
  person: { code: string; name: string },
  position: { code: string; kind: PositionKind; rank: Rank },
) {
  const entry = await db.reserveEntry.findFirst({
    where: { personCode: person.code, status: 'ACTIVE', targetKind: position.kind, targetRank: position.rank },
    include: { unit: { select: { path: true } } },
  });
  if (!entry) return;
  // An entry outside the viewer's subtree is not named.
  const visible = entry.unit.path.startsWith(viewer.path);
  throw refusal(
    'BAD_USER_INPUT',
    visible ? 'appointment.inPool' : 'appointment.inPoolElsewhere',
    { person: person.name, code: person.code, ...(visible ? { entry: entry.code } : {}), position: position.code },
    { field: 'personCode' },
  );
}

function checkStartsOn(startsOn: string, who: MessageParams) {
  if (startsOn > todayIso())
    throw who.person
      ? refusal('BAD_USER_INPUT', 'appointment.onInFuture', { ...who, on: startsOn }, { field: 'startsOn' })
      : refusal(
          'BAD_USER_INPUT',
          'reserve.onInFuture',
          { entry: String(who.code), on: startsOn },
          { field: 'startsOn' },
        );
}

export async function announceAppointment(
  db: Db,
  viewer: Viewer,
  input: AnnounceInput,
  options: { requestId?: string | null } = {},
): Promise<AppointmentNotice> {
  if (!input.reserveId === !input.personCode)
    throw refusal(
      'BAD_USER_INPUT',
      'appointment.whoRequired',
      {},
      { field: input.reserveId ? 'personCode' : 'reserveId' },
    );
  const position = await scopedPosition(db, viewer, input.positionCode);
  let personCode: string;
  let reserveCode: string | null = null;
  let unitKind: string;
  if (input.reserveId) {
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
    await checkPostFits(db, entry, position, input.acrossUnits ?? false);
    checkStartsOn(input.startsOn, { code: entry.code });
    if (entry.enteredOn && input.startsOn < toIso(entry.enteredOn))
      throw refusal(
        'BAD_USER_INPUT',
        'appointment.beforeEntered',
        { entry: entry.code, on: input.startsOn, entered: toIso(entry.enteredOn) },
        { field: 'startsOn' },
      );
    personCode = entry.personCode;
    reserveCode = entry.code;
    unitKind = entry.unit.kind;
  } else {
    const person = await scopedPerson(db, viewer, input.personCode!);
    await refuseFittingEntry(db, viewer, person, position);
    checkStartsOn(input.startsOn, { person: person.name, code: person.code });
    personCode = person.code;
    unitKind = position.unit.kind;
  }
  if (position.incumbentId === personCode)
    throw refusal(
      'BAD_USER_INPUT',
      'appointment.alreadyHolds',
      { code: personCode, position: position.code },
      { field: 'positionCode' },
    );
  const { policy } = await effectivePolicy(db, unitKind as never, input.startsOn);
  const workingDays = policy.appointmentNoticeWorkingDays;
  const endsOn = workingDaysEnd(input.startsOn, workingDays, policy.calendar);
  return db.$transaction(async (tx) => {
    const made = await tx.appointmentNotice.create({
      data: {
        personCode,
        reserveCode,
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
      entity: reserveCode ? 'ReserveEntry' : 'Person',
      entityCode: reserveCode ?? personCode,
      detail: {
        after: { id: made.id, personCode, positionCode: position.code, startsOn: input.startsOn, endsOn, workingDays },
      },
      requestId: options.requestId ?? null,
    });
    if (reserveCode) await recordChange(tx, { entity: 'Meeting', keys: [reserveCode] });
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
  // An entry's notice is withdrawn by whoever keeps the entry; a person's by whoever sees the post.
  const notice = await db.appointmentNotice.findFirst({
    where: {
      id: input.noticeId,
      OR: [
        { reserveCode: { not: null }, reserve: ownedByScope(viewer) },
        { reserveCode: null, position: ownedByScope(viewer) },
      ],
    },
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
      entity: notice.reserveCode ? 'ReserveEntry' : 'Person',
      entityCode: notice.reserveCode ?? notice.personCode,
      detail: { after: { id: notice.id, withdrawnReason: reason } },
      requestId: options.requestId ?? null,
    });
    if (notice.reserveCode) await recordChange(tx, { entity: 'Meeting', keys: [notice.reserveCode] });
    return tx.appointmentNotice.findUniqueOrThrow({ where: { id: notice.id } });
  });
}

export interface AppointPersonInput {
  personCode: string;
  positionCode: string;
  on: string;
  termEnds?: string | null;
  reason?: string | null;
}

/**
 * Appoints a person from outside the pool to a leadership post of the viewer's subtree: after the
 * notice, with the exam where the post's rank needs it. The previous holder's incumbency ends that
 * day and a post the person held is left vacant (as a promotion does); no entry changes.
 */
export async function appointPerson(
  db: Db,
  viewer: Viewer,
  input: AppointPersonInput,
  options: { requestId?: string | null } = {},
): Promise<Incumbency> {
  const person = await scopedPerson(db, viewer, input.personCode);
  const position = await scopedPosition(db, viewer, input.positionCode);
  const who = { person: person.name, code: person.code };
  await refuseFittingEntry(db, viewer, person, position);
  if (position.incumbentId === person.code)
    throw refusal(
      'BAD_USER_INPUT',
      'appointment.alreadyHolds',
      { code: person.code, position: position.code },
      { field: 'positionCode' },
    );
  if (input.on > todayIso())
    throw refusal('BAD_USER_INPUT', 'appointment.onInFuture', { ...who, on: input.on }, { field: 'on' });
  const latest = position.incumbencies[0];
  if (latest?.from && toIso(latest.from) >= input.on)
    throw refusal(
      'BAD_USER_INPUT',
      'appointment.heldSince',
      { ...who, position: position.code, holder: latest.personCode, since: toIso(latest.from), on: input.on },
      { field: 'on' },
    );
  if (input.termEnds && input.termEnds <= input.on)
    throw refusal(
      'BAD_USER_INPUT',
      'appointment.termEndsBefore',
      { ...who, termEnds: input.termEnds, on: input.on },
      { field: 'termEnds' },
    );
  const reason = input.reason?.trim() ? name(input.reason, 'reason', 500) : null;
  const { policy } = await effectivePolicy(db, position.unit.kind, input.on);
  const notice = await noticeProblem(
    db,
    { personCode: person.code, reserveCode: null },
    position.code,
    input.on,
    policy,
  );
  if (notice)
    throw refusal(
      'ILLEGAL_TRANSITION',
      notice.key === 'missing' ? 'appointment.noticeMissing' : 'appointment.noticeOpen',
      { ...who, ...notice.params },
      { gate: 'APPOINTMENT_NOTICE' },
    );
  const exam = await examMissing(db, person.code, position.rank, input.on, policy);
  if (exam)
    throw refusal(
      'ILLEGAL_TRANSITION',
      exam.lapsed ? 'appointment.examLapsed' : 'appointment.examMissing',
      { ...who, ...exam.params },
      { gate: 'QUALIFICATION_EXAM' },
    );
  const held = await vacatedPosts(db, viewer, person, position.code);
  return db.$transaction(async (tx) => {
    await fillPosition(tx, viewer, {
      position,
      personCode: person.code,
      on: toDate(input.on),
      termEnds: input.termEnds ?? null,
      reserveCode: null,
      held,
      acrossUnits: null,
      reason: reason ?? storedMessage('reason.appointedTo', { post: position.title, code: position.code }),
      requestId: options.requestId,
    });
    return tx.incumbency.findFirstOrThrow({
      where: { positionCode: position.code, personCode: person.code },
      orderBy: { id: 'desc' },
    });
  });
}
