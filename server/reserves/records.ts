// Records kept around an entry (domain rules, "Records around an entry"): its mentors (带培导师,
// the policy wants mentorsPerReserve of them at a time) and its talks (谈话, leadership and HR,
// talksPerYear of each). Recorded, corrected and ended — never deleted — each in one transaction
// with its audit record and the change the analytical copy follows, so the alerts for missing
// mentors and talks clear from the recorded date on.
import { toDate, todayIso, toIso, toIsoOrNull } from '../../domain/dates.ts';
import { OPEN_STATUSES, type ReserveStatus, type TalkKind } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam, fieldParam, listParam, messageParam } from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import { ownedByScope, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { Mentor, Talk } from '../db/generated/sqlite/client.ts';
import { entryCode } from './lifecycle.ts';

interface Options {
  requestId?: string | null;
}

/** The open entry a record is for, inside the viewer's scope. */
export async function openEntry(db: Db, viewer: Viewer, reserveId: string) {
  const code = entryCode(reserveId);
  const entry = await db.reserveEntry.findFirst({ where: { code, ...ownedByScope(viewer) } });
  if (!entry) throw refusal('NOT_FOUND', 'reserve.notFound', { entry: code });
  if (!OPEN_STATUSES.includes(entry.status as ReserveStatus))
    throw refusal(
      'BAD_USER_INPUT',
      'records.entryClosed',
      {
        entry: code,
        status: enumParam('ReserveStatus', entry.status),
        open: listParam(OPEN_STATUSES.map((s) => enumParam('ReserveStatus', s))),
      },
      { field: 'reserveId' },
    );
  return entry;
}

/** A record's date: on or after the entry's nomination, not in the future. */
export function checkDate(code: string, field: string, on: string, nominatedOn: Date): void {
  const nominated = toIso(nominatedOn);
  if (on < nominated)
    throw refusal(
      'BAD_USER_INPUT',
      'records.dateBeforeNomination',
      { entry: code, field: fieldParam(field), on, nominated },
      { field },
    );
  if (on > todayIso())
    throw refusal('BAD_USER_INPUT', 'records.dateInFuture', { entry: code, field: fieldParam(field), on }, { field });
}

export function name(value: string, field: string, max: number): string {
  const v = value.trim();
  if (!v || v.length > max)
    throw refusal('BAD_USER_INPUT', 'input.textLength', { field: fieldParam(field), max }, { field });
  return v;
}

export interface MentorInput {
  reserveId: string;
  mentorName: string;
  /** The mentor's person id, when the mentor is in the data (inside your scope). */
  mentorPersonId?: string | null;
  since: string;
}

export async function assignMentor(db: Db, viewer: Viewer, input: MentorInput, options: Options = {}): Promise<Mentor> {
  const entry = await openEntry(db, viewer, input.reserveId);
  const mentorName = name(input.mentorName, 'mentorName', 50);
  checkDate(entry.code, 'since', input.since, entry.nominatedOn);
  const personCode = input.mentorPersonId?.trim() || null;
  if (personCode) {
    if (personCode === entry.personCode)
      throw refusal('BAD_USER_INPUT', 'mentor.self', { entry: entry.code }, { field: 'mentorPersonId' });
    const mentor = await db.person.findFirst({ where: { code: personCode, ...ownedByScope(viewer) } });
    if (!mentor)
      throw refusal('BAD_USER_INPUT', 'person.notFound', { person: personCode }, { field: 'mentorPersonId' });
  }
  return db.$transaction(async (tx) => {
    const created = await tx.mentor.create({
      data: { reserveCode: entry.code, mentorName, mentorPersonCode: personCode, since: toDate(input.since) },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'mentor.assign',
      entity: 'ReserveEntry',
      entityCode: entry.code,
      detail: { after: { id: created.id, mentorName, mentorPersonCode: personCode, since: input.since } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Mentor', keys: [entry.code] });
    return created;
  });
}

/** Ends a mentorship on a date (a mentor replaced or leaving); the record stays. */
export async function endMentorship(
  db: Db,
  viewer: Viewer,
  input: { mentorId: number; until: string },
  options: Options = {},
): Promise<Mentor> {
  const mentor = await db.mentor.findFirst({ where: { id: input.mentorId, reserve: ownedByScope(viewer) } });
  if (!mentor) throw refusal('NOT_FOUND', 'mentor.notFound', { id: input.mentorId });
  const since = toIso(mentor.since);
  if (mentor.until)
    throw refusal(
      'BAD_USER_INPUT',
      'mentor.alreadyEnded',
      { id: mentor.id, until: toIso(mentor.until) },
      { field: 'mentorId' },
    );
  if (input.until < since)
    throw refusal(
      'BAD_USER_INPUT',
      'mentor.untilBeforeSince',
      { id: mentor.id, until: input.until, since },
      { field: 'until' },
    );
  if (input.until > todayIso())
    throw refusal('BAD_USER_INPUT', 'mentor.untilInFuture', { id: mentor.id, until: input.until }, { field: 'until' });
  return db.$transaction(async (tx) => {
    const { count } = await tx.mentor.updateMany({
      where: { id: mentor.id, until: null },
      data: { until: toDate(input.until) },
    });
    if (count !== 1)
      throw refusal('CONFLICT', 'reserve.changedMeanwhile', {
        what: messageParam('label.mentorship', { id: mentor.id }),
      });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'mentor.end',
      entity: 'ReserveEntry',
      entityCode: mentor.reserveCode,
      detail: { before: { id: mentor.id, until: toIsoOrNull(mentor.until) }, after: { until: input.until } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Mentor', keys: [mentor.reserveCode] });
    return tx.mentor.findUniqueOrThrow({ where: { id: mentor.id } });
  });
}

export interface TalkInput {
  reserveId: string;
  kind: TalkKind;
  on: string;
  notes?: string | null;
}

export async function recordTalk(db: Db, viewer: Viewer, input: TalkInput, options: Options = {}): Promise<Talk> {
  const entry = await openEntry(db, viewer, input.reserveId);
  checkDate(entry.code, 'on', input.on, entry.nominatedOn);
  const notes = input.notes?.trim() ? name(input.notes, 'notes', 2000) : null;
  return db.$transaction(async (tx) => {
    const created = await tx.talk.create({
      data: { reserveCode: entry.code, kind: input.kind, on: toDate(input.on), notes },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'talk.record',
      entity: 'ReserveEntry',
      entityCode: entry.code,
      detail: { after: { id: created.id, kind: input.kind, on: input.on } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Talk', keys: [entry.code] });
    return created;
  });
}

/** Corrects a talk's kind, date or notes; the audit keeps what it said before. */
export async function correctTalk(
  db: Db,
  viewer: Viewer,
  input: { talkId: number; kind?: TalkKind | null; on?: string | null; notes?: string | null },
  options: Options = {},
): Promise<Talk> {
  const talk = await db.talk.findFirst({
    where: { id: input.talkId, reserve: ownedByScope(viewer) },
    include: { reserve: true },
  });
  if (!talk) throw refusal('NOT_FOUND', 'talk.notFound', { id: input.talkId });
  if (input.on) checkDate(talk.reserveCode, 'on', input.on, talk.reserve.nominatedOn);
  const data = {
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.on ? { on: toDate(input.on) } : {}),
    ...(input.notes !== undefined ? { notes: input.notes?.trim() ? name(input.notes, 'notes', 2000) : null } : {}),
  };
  return db.$transaction(async (tx) => {
    const updated = await tx.talk.update({ where: { id: talk.id }, data });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'talk.correct',
      entity: 'ReserveEntry',
      entityCode: talk.reserveCode,
      detail: {
        before: { kind: talk.kind, on: toIso(talk.on), notes: talk.notes },
        after: { kind: updated.kind, on: toIso(updated.on), notes: updated.notes },
      },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Talk', keys: [talk.reserveCode] });
    return updated;
  });
}
