// Party committee meetings (docs/decisions/039): a unit's committee decides on the pool — an
// entry's admission or removal, a selection plan — and the lifecycle's gates (./gates.ts) read
// what it adopted. A meeting is recorded with all its items or not at all, against the policy
// in force on its date for its unit's kind; it is scoped to the viewer's subtree (its unit, and
// every entry it decides on, inside it and inside the meeting unit's subtree), audited, and never
// deleted: one entered by mistake is struck out with a reason, unless a step already rests on it.

import type { Authority } from '../../domain/authority.ts';
import { toDate, todayIso, toIso } from '../../domain/dates.ts';
import {
  adopted,
  attendanceProblems,
  ENTRY_SUBJECTS,
  ITEM_STAGES,
  type MeetingSubject,
  quorate,
  voteProblems,
} from '../../domain/decisions.ts';
import type { Rank, UnitLevel } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam, listParam, type MessageRef } from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import { canSee, ownedByScope, scopedUnit, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { Meeting } from '../db/generated/sqlite/client.ts';
import { effectivePolicy } from '../policy/store.ts';
import { authoritiesOf, sendUp } from './filings.ts';
import { pct } from './gates.ts';
import { entryCode } from './lifecycle.ts';
import { name } from './records.ts';

/** The most items one meeting record takes (a committee's agenda, not a bulk import). */
export const MAX_MEETING_ITEMS = 100;

export interface MeetingItemInput {
  subject: MeetingSubject;
  /** The entry decided on (ADMISSION, REMOVAL). */
  reserveId?: string | null;
  /** The item's title; for an entry's item, defaults to the subject and the person's name. */
  title?: string | null;
  favour: number;
  against: number;
  abstain: number;
}

export interface MeetingInput {
  unitCode: string;
  heldOn: string;
  body: string;
  members: number;
  present: number;
  note?: string | null;
  items: MeetingItemInput[];
}

interface Options {
  requestId?: string | null;
}

const bad = (key: Parameters<typeof refusal>[1], params: Record<string, unknown>, field: string): never => {
  throw refusal('BAD_USER_INPUT', key, params as never, { field });
};

/** A list of problems as one refusal naming the first field. */
function refuseProblems(problems: { field: string; message: MessageRef }[], item: number | null): void {
  if (!problems.length) return;
  const problem = listParam(
    problems.map((p) => p.message),
    'sentences',
  );
  if (item === null) bad('meeting.invalid', { problem }, problems[0]!.field);
  else bad('meeting.itemInvalid', { n: item + 1, problem }, `items.${item}.${problems[0]!.field}`);
}

export async function recordMeeting(
  db: Db,
  viewer: Viewer,
  input: MeetingInput,
  options: Options = {},
): Promise<Meeting> {
  const unit = await scopedUnit(db, input.unitCode, viewer);
  const body = name(input.body, 'body', 40);
  const note = input.note?.trim() ? name(input.note, 'note', 2000) : null;
  if (input.heldOn > todayIso()) bad('meeting.inFuture', { on: input.heldOn }, 'heldOn');
  const attendance = { members: input.members, present: input.present };
  refuseProblems(attendanceProblems(attendance), null);
  const { policy } = await effectivePolicy(db, unit.kind, input.heldOn);
  const rules = policy.procedure;
  if (!quorate(attendance, rules))
    bad('meeting.inquorate', { ...attendance, quorum: pct(rules.meetingQuorum) }, 'present');
  if (!input.items.length) bad('meeting.noItems', {}, 'items');
  if (input.items.length > MAX_MEETING_ITEMS) bad('meeting.tooManyItems', { max: MAX_MEETING_ITEMS }, 'items');

  // Each item checked, and its entry found inside the meeting unit's subtree and the viewer's scope.
  const seen = new Set<string>();
  // Where each adopted entry item goes up to (the entry's target rank, managed higher up).
  const upward = new Map<number, Authority[]>();
  const items: {
    subject: MeetingSubject;
    reserveCode: string | null;
    title: string;
    favour: number;
    against: number;
    abstain: number;
    adopted: boolean;
  }[] = [];
  for (const [i, item] of input.items.entries()) {
    refuseProblems(voteProblems(item, input.present), i);
    const subject = enumParam('MeetingSubject', item.subject);
    let reserveCode: string | null = null;
    let title = item.title?.trim() ? name(item.title, `items.${i}.title`, 200) : null;
    if (ENTRY_SUBJECTS.includes(item.subject)) {
      if (!item.reserveId) bad('meeting.entryNeeded', { subject }, `items.${i}.reserveId`);
      const code = entryCode(item.reserveId!);
      const entry = await db.reserveEntry.findFirst({
        where: { code, ...ownedByScope(viewer) },
        include: { unit: { select: { path: true, name: true } }, person: { select: { name: true } } },
      });
      if (!entry) throw refusal('NOT_FOUND', 'reserve.notFound', { entry: code });
      if (!entry.unit.path.startsWith(unit.path))
        bad('meeting.entryOutside', { entry: code, unit: unit.name }, `items.${i}.reserveId`);
      const stages = ITEM_STAGES[item.subject as 'ADMISSION' | 'REMOVAL'];
      if (!stages.includes(entry.status))
        bad(
          'meeting.entryStage',
          {
            entry: code,
            status: enumParam('ReserveStatus', entry.status),
            subject,
            statuses: listParam(
              stages.map((s) => enumParam('ReserveStatus', s)),
              'or',
            ),
          },
          `items.${i}.reserveId`,
        );
      if (input.heldOn < toIso(entry.nominatedOn))
        bad(
          'meeting.beforeNomination',
          { on: input.heldOn, entry: code, nominated: toIso(entry.nominatedOn) },
          'heldOn',
        );
      if (item.subject === 'REMOVAL' && entry.enteredOn && input.heldOn < toIso(entry.enteredOn))
        bad('meeting.beforeEntered', { on: input.heldOn, entry: code, entered: toIso(entry.enteredOn) }, 'heldOn');
      const key = `${item.subject}|${code}`;
      if (seen.has(key)) bad('meeting.entryTwice', { entry: code, subject }, `items.${i}.reserveId`);
      seen.add(key);
      reserveCode = code;
      title ??= `${entry.person.name}（${entry.unit.name}）`;
      if (adopted(attendance, item, rules))
        upward.set(
          i,
          await authoritiesOf(
            db,
            entry.unit.path,
            entry.targetRank as Rank,
            { code: unit.code, level: unit.level as UnitLevel, path: unit.path },
            policy,
          ),
        );
    } else if (!title) bad('meeting.titleNeeded', { subject }, `items.${i}.title`);
    items.push({
      subject: item.subject,
      reserveCode,
      title: title!,
      favour: item.favour,
      against: item.against,
      abstain: item.abstain,
      adopted: adopted(attendance, item, rules),
    });
  }

  return db.$transaction(async (tx) => {
    const meeting = await tx.meeting.create({
      data: {
        unitCode: unit.code,
        heldOn: toDate(input.heldOn),
        body,
        members: input.members,
        present: input.present,
        note,
        recordedBy: viewer.actor,
      },
    });
    // One by one (at most MAX_MEETING_ITEMS): a decision managed higher up goes up with its item's id.
    const sent: { reserveCode: string; to: string; kind: string }[] = [];
    for (const [i, item] of items.entries()) {
      const made = await tx.meetingItem.create({ data: { meetingId: meeting.id, ...item } });
      const authorities = upward.get(i) ?? [];
      await sendUp(
        tx,
        viewer,
        { id: made.id, reserveCode: item.reserveCode!, subject: item.subject },
        unit,
        input.heldOn,
        authorities,
      );
      for (const a of authorities) sent.push({ reserveCode: item.reserveCode!, to: a.unit.code, kind: a.mode });
    }
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'meeting.record',
      entity: 'Meeting',
      entityCode: String(meeting.id),
      detail: { after: { unitCode: unit.code, heldOn: input.heldOn, body, ...attendance, note, items, sent } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Meeting', keys: items.flatMap((i) => (i.reserveCode ? [i.reserveCode] : [])) });
    return meeting;
  });
}

/** Strikes out a meeting entered by mistake: kept with the reason, its items no longer count. */
export async function strikeMeeting(
  db: Db,
  viewer: Viewer,
  input: { meetingId: number; reason: string },
  options: Options = {},
): Promise<Meeting> {
  const reason = name(input.reason, 'reason', 500);
  const meeting = await db.meeting.findFirst({
    where: { id: input.meetingId },
    include: {
      unit: { select: { path: true } },
      items: { include: { steps: { select: { reserveCode: true } }, filings: { select: { id: true, status: true } } } },
    },
  });
  // Absent and out of scope get the same answer.
  if (!meeting || !canSee(viewer, meeting.unit.path))
    throw refusal('NOT_FOUND', 'meeting.notFound', { id: input.meetingId });
  if (meeting.struckReason) bad('meeting.alreadyStruck', { id: meeting.id }, 'meetingId');
  const used = [...new Set(meeting.items.flatMap((i) => i.steps.map((s) => s.reserveCode)))];
  if (used.length) bad('meeting.strikeUsed', { id: meeting.id, entries: listParam(used) }, 'meetingId');
  // A higher level has acted on what it sent up: that act stands, so the meeting does too.
  const decided = meeting.items.flatMap((i) => i.filings.filter((f) => f.status !== 'PENDING').map((f) => f.id));
  if (decided.length) bad('meeting.strikeDecided', { id: meeting.id, filings: listParam(decided) }, 'meetingId');
  return db.$transaction(async (tx) => {
    // Guarded: a concurrent strike (or a step taken meanwhile on its items) makes this one fail.
    const { count } = await tx.meeting.updateMany({
      where: {
        id: meeting.id,
        struckReason: null,
        items: { none: { OR: [{ steps: { some: {} } }, { filings: { some: { status: { not: 'PENDING' } } } }] } },
      },
      data: { struckReason: reason, struckBy: viewer.actor },
    });
    if (count !== 1) bad('meeting.alreadyStruck', { id: meeting.id }, 'meetingId');
    // What it sent up and nobody acted on is withdrawn with it.
    await tx.filing.updateMany({
      where: { itemId: { in: meeting.items.map((i) => i.id) }, status: 'PENDING' },
      data: { status: 'WITHDRAWN', reason, decidedBy: viewer.actor },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'meeting.strike',
      entity: 'Meeting',
      entityCode: String(meeting.id),
      detail: { after: { struckReason: reason } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, {
      entity: 'Meeting',
      keys: meeting.items.flatMap((i) => (i.reserveCode ? [i.reserveCode] : [])),
    });
    return tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
  });
}
