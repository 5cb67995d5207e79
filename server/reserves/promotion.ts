// Dynamic management (domain.md): a promotion fills a position. In one transaction the entry
// leaves the pool as PROMOTED, the position's previous holder's incumbency ends on the date and
// the promoted person's begins (Incumbency rows, so the metrics read who held a post at any
// date), and a post the person held before is left vacant from that day.
import { toDate, todayIso, toIso } from '../../domain/dates.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam, storedMessage } from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ownedByScope } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db, Tx } from '../db/client.ts';
import type { ReserveEntry } from '../db/generated/sqlite/client.ts';
import { examMissing, noticeProblem } from './gates.ts';
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

/**
 * The posts the person holds besides this one, which the appointment leaves vacant: all inside the
 * viewer's subtree, or refused (an appointment never changes a post the viewer cannot see).
 */
export async function vacatedPosts(
  db: Db,
  viewer: Viewer,
  person: { code: string; name: string },
  positionCode: string,
) {
  const held = await db.position.findMany({
    where: { incumbentId: person.code, code: { not: positionCode } },
    select: { code: true, termEnds: true, unit: { select: { path: true } } },
  });
  const outside = held.find((h) => !h.unit.path.startsWith(viewer.path));
  if (outside)
    throw refusal(
      'BAD_USER_INPUT',
      'appointment.holdsOutside',
      { person: person.name, code: person.code, position: outside.code },
      { field: 'personCode' },
    );
  return held.map(({ code, termEnds }) => ({ code, termEnds }));
}

/**
 * The appointment's writes (任职), inside the caller's transaction: the previous holder's
 * incumbency ends on the day, a post the person held is left vacant, and the person's incumbency
 * begins (with the entry when the appointment is from the pool, which is what the share of
 * appointments from the pool counts). Audited as position.fill.
 */
export async function fillPosition(
  tx: Tx,
  viewer: Viewer,
  a: {
    position: { code: string; incumbentId: string | null; termEnds: Date | null };
    personCode: string;
    on: Date;
    termEnds: string | null;
    reserveCode: string | null;
    held: { code: string; termEnds: Date | null }[];
    acrossUnits: { from: string; to: string } | null;
    reason?: string | null;
    requestId?: string | null;
  },
): Promise<void> {
  const { position, held, on } = a;
  if (position.incumbentId) await endIncumbency(tx, position, position.incumbentId, on, viewer.actor);
  for (const old of held) {
    await endIncumbency(tx, old, a.personCode, on, viewer.actor);
    await tx.position.update({ where: { code: old.code }, data: { incumbentId: null, termEnds: null } });
  }
  const termEnds = a.termEnds ? toDate(a.termEnds) : null;
  await tx.incumbency.create({
    data: {
      positionCode: position.code,
      personCode: a.personCode,
      from: on,
      termEnds,
      reserveCode: a.reserveCode,
      recordedBy: viewer.actor,
    },
  });
  await tx.position.update({ where: { code: position.code }, data: { incumbentId: a.personCode, termEnds } });
  await appendAudit(tx, {
    actor: viewer.actor,
    action: 'position.fill',
    entity: 'Position',
    entityCode: position.code,
    detail: {
      before: { incumbentId: position.incumbentId, termEnds: position.termEnds ? toIso(position.termEnds) : null },
      after: {
        incumbentId: a.personCode,
        termEnds: a.termEnds,
        on: toIso(on),
        reserveCode: a.reserveCode,
        ...(a.reason ? { reason: a.reason } : {}),
      },
      vacated: held.map((h) => h.code),
      ...(a.acrossUnits ? { acrossUnits: a.acrossUnits } : {}),
    },
    requestId: a.requestId ?? null,
  });
  const codes = [position.code, ...held.map((h) => h.code)];
  await recordChange(tx, { entity: 'Position', keys: codes });
  await recordChange(tx, { entity: 'Incumbency', keys: codes });
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
      // The latest dated holder (PostgreSQL sorts nulls first when descending).
      incumbencies: { orderBy: [{ from: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }], take: 1 },
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
  if (latest?.from && toIso(latest.from) >= input.on)
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
  const notice = await noticeProblem(db, { reserveCode: at }, position.code, input.on, policy);
  if (notice)
    throw refusal(
      'ILLEGAL_TRANSITION',
      notice.key === 'missing' ? 'promotion.noticeMissing' : 'promotion.noticeOpen',
      { entry: at, ...notice.params },
      { from: entry.status, to: 'PROMOTED', gate: 'APPOINTMENT_NOTICE' },
    );
  const exam = await examMissing(db, entry.personCode, position.rank, input.on, policy);
  if (exam)
    throw refusal(
      'ILLEGAL_TRANSITION',
      exam.lapsed ? 'gate.examLapsed' : 'gate.examMissing',
      { entry: at, ...exam.params },
      { from: entry.status, to: 'PROMOTED', gate: 'QUALIFICATION_EXAM' },
    );
  const on = toDate(input.on);
  const person = await db.person.findUniqueOrThrow({
    where: { code: entry.personCode },
    select: { code: true, name: true },
  });
  const held = await vacatedPosts(db, viewer, person, position.code);
  return db.$transaction(async (tx) => {
    await fillPosition(tx, viewer, {
      position,
      personCode: entry.personCode,
      on,
      termEnds: input.termEnds ?? null,
      reserveCode: entry.code,
      held,
      acrossUnits: position.unitCode !== entry.unitCode ? { from: entry.unitCode, to: position.unitCode } : null,
      requestId: options.requestId,
    });
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
