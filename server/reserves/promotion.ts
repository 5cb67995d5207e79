// Dynamic management (domain.md): a promotion fills a position. In one transaction the entry
// leaves the pool as PROMOTED, the position's previous holder's incumbency ends on the date and
// the promoted person's begins (Incumbency rows, so the metrics read who held a post at any
// date), and a post the person held before is left vacant from that day.
import { addDays, toDate, todayIso, toIso } from '../../domain/dates.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam, storedMessage } from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ownedByScope } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db, Tx } from '../db/client.ts';
import type { ReserveEntry } from '../db/generated/sqlite/client.ts';
import { checkStep, entryForStep, stepInTransaction } from './lifecycle.ts';

export interface PromotionInput {
  reserveId: string;
  positionCode: string;
  on: string;
  /** The new incumbent's term end, when the appointment has one. */
  termEnds?: string | null;
  /**
   * 交流任职: the post is in another unit than the one the entry is reserved for (「本村暂无合适人选
   * 的，可在乡范围内统筹调配」); without it such a post is refused.
   */
  acrossUnits?: boolean | null;
  reason?: string | null;
}

/** Ends `personCode`'s incumbency of a position on `on`, writing the row it lacked if it had none. */
async function endIncumbency(
  tx: Tx,
  position: { code: string; termEnds: Date | null },
  personCode: string,
  on: Date,
  actor: string,
): Promise<void> {
  const { count } = await tx.incumbency.updateMany({
    where: { positionCode: position.code, personCode, until: null },
    data: { until: on },
  });
  if (count === 0)
    await tx.incumbency.create({
      data: {
        positionCode: position.code,
        personCode,
        from: null,
        until: on,
        termEnds: position.termEnds,
        recordedBy: actor,
      },
    });
}

type Entry = { code: string; unitCode: string; targetKind: string; targetRank: string };
type Post = { code: string; kind: string; rank: string; unitCode: string; unit: { name: string } };

function kindMismatch(entry: Entry, position: Post): never {
  throw refusal(
    'BAD_USER_INPUT',
    'promotion.kindMismatch',
    {
      entry: entry.code,
      kind: enumParam('PositionKind', entry.targetKind),
      position: position.code,
      positionKind: enumParam('PositionKind', position.kind),
    },
    { field: 'positionCode' },
  );
}

/**
 * The post fits the entry: its kind, its target rank, and its unit unless the appointment says it
 * crosses units (交流任职). Throws the first misfit.
 */
export async function checkPostFits(db: Db, entry: Entry, position: Post, acrossUnits: boolean): Promise<void> {
  if (position.kind !== entry.targetKind) kindMismatch(entry, position);
  if (position.rank !== entry.targetRank)
    throw refusal(
      'BAD_USER_INPUT',
      'promotion.rankMismatch',
      {
        entry: entry.code,
        target: enumParam('Rank', entry.targetRank),
        position: position.code,
        rank: enumParam('Rank', position.rank),
      },
      { field: 'positionCode' },
    );
  if (position.unitCode !== entry.unitCode && !acrossUnits) {
    const unit = await db.unit.findUniqueOrThrow({ where: { code: entry.unitCode }, select: { name: true } });
    throw refusal(
      'BAD_USER_INPUT',
      'promotion.otherUnit',
      { entry: entry.code, unit: unit.name, position: position.code, positionUnit: position.unit.name },
      { field: 'acrossUnits' },
    );
  }
}

export async function promoteReserve(
  db: Db,
  viewer: Viewer,
  input: PromotionInput,
  options: { requestId?: string | null } = {},
): Promise<ReserveEntry> {
  const entry = await entryForStep(db, viewer, input.reserveId);
  const at = entry.code;
  const position = await db.position.findFirst({
    where: { code: input.positionCode.trim(), ...ownedByScope(viewer) },
    include: {
      incumbencies: { orderBy: [{ from: 'desc' }, { id: 'desc' }], take: 1 },
      unit: { select: { name: true } },
    },
  });
  if (!position)
    throw refusal('NOT_FOUND', 'position.notFound', { position: input.positionCode }, { field: 'positionCode' });
  if (position.kind !== entry.targetKind) kindMismatch(entry, position);
  if (position.incumbentId === entry.personCode)
    throw refusal(
      'BAD_USER_INPUT',
      'promotion.alreadyHolds',
      { entry: at, position: position.code },
      { field: 'positionCode' },
    );
  if (input.on > todayIso())
    throw refusal('BAD_USER_INPUT', 'reserve.onInFuture', { entry: at, on: input.on }, { field: 'on' });
  const latest = position.incumbencies[0];
  if (latest?.from && toIso(latest.from) > input.on)
    throw refusal(
      'BAD_USER_INPUT',
      'promotion.heldSince',
      { entry: at, position: position.code, holder: latest.personCode, since: toIso(latest.from), on: input.on },
      { field: 'on' },
    );
  if (input.termEnds && input.termEnds <= input.on)
    throw refusal(
      'BAD_USER_INPUT',
      'promotion.termEndsBefore',
      { entry: at, termEnds: input.termEnds, on: input.on },
      { field: 'termEnds' },
    );
  const reason =
    input.reason?.trim() || storedMessage('reason.promotedTo', { post: position.title, code: position.code });
  const policy = await checkStep(db, entry, 'PROMOTED', input.on, reason);
  await checkPostFits(db, entry, position, input.acrossUnits ?? false);
  // 任前公示: announced for this post, and over before the appointment's day.
  if (policy.appointmentNoticeWorkingDays > 0) {
    const notice = await db.appointmentNotice.findFirst({
      where: { reserveCode: at, positionCode: position.code, withdrawnReason: null },
      orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
    });
    if (!notice)
      throw refusal(
        'ILLEGAL_TRANSITION',
        'promotion.noticeMissing',
        { entry: at, position: position.code, days: policy.appointmentNoticeWorkingDays },
        { from: entry.status, to: 'PROMOTED', gate: 'APPOINTMENT_NOTICE' },
      );
    const endsOn = toIso(notice.endsOn);
    if (input.on <= endsOn)
      throw refusal(
        'ILLEGAL_TRANSITION',
        'promotion.noticeOpen',
        { entry: at, startsOn: toIso(notice.startsOn), endsOn, days: notice.workingDays, from: addDays(endsOn, 1) },
        { from: entry.status, to: 'PROMOTED', gate: 'APPOINTMENT_NOTICE' },
      );
  }
  const on = toDate(input.on);
  const held = await db.position.findMany({
    where: { incumbentId: entry.personCode, code: { not: position.code } },
    select: { code: true, termEnds: true },
  });
  return db.$transaction(async (tx) => {
    if (position.incumbentId) await endIncumbency(tx, position, position.incumbentId, on, viewer.actor);
    for (const old of held) {
      await endIncumbency(tx, old, entry.personCode, on, viewer.actor);
      await tx.position.update({ where: { code: old.code }, data: { incumbentId: null, termEnds: null } });
    }
    await tx.incumbency.create({
      data: {
        positionCode: position.code,
        personCode: entry.personCode,
        from: on,
        termEnds: input.termEnds ? toDate(input.termEnds) : null,
        reserveCode: entry.code,
        recordedBy: viewer.actor,
      },
    });
    await tx.position.update({
      where: { code: position.code },
      data: { incumbentId: entry.personCode, termEnds: input.termEnds ? toDate(input.termEnds) : null },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'position.fill',
      entity: 'Position',
      entityCode: position.code,
      detail: {
        before: { incumbentId: position.incumbentId, termEnds: position.termEnds ? toIso(position.termEnds) : null },
        after: {
          incumbentId: entry.personCode,
          termEnds: input.termEnds ?? null,
          on: input.on,
          reserveCode: entry.code,
        },
        vacated: held.map((h) => h.code),
        ...(position.unitCode !== entry.unitCode
          ? { acrossUnits: { from: entry.unitCode, to: position.unitCode } }
          : {}),
      },
      requestId: options.requestId ?? null,
    });
    const codes = [position.code, ...held.map((h) => h.code)];
    await recordChange(tx, { entity: 'Position', keys: codes });
    await recordChange(tx, { entity: 'Incumbency', keys: codes });
    await stepInTransaction(tx, viewer, entry, {
      to: 'PROMOTED',
      on: input.on,
      reason,
      policy,
      action: 'reserve.promote',
      detail: { positionCode: position.code },
      requestId: options.requestId,
    });
    return tx.reserveEntry.findUniqueOrThrow({ where: { code: entry.code } });
  });
}
