// The reserve entry lifecycle (domain.md "Lifecycle"): which steps are legal, the policy rules on
// their dates and the selection procedure's conditions on them (./gates.ts). Every step is dated,
// attributed and kept; nothing is deleted. The procedure's own mutations (an upheld objection,
// a promotion, an elimination decision) take their steps through `stepInTransaction` too.
import { addYears, toDate, toIso, toIsoOrNull } from '../../domain/dates.ts';
import type { ReserveStatus, UnitKind } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam, listParam } from '../../domain/messages.ts';
import type { Policy } from '../../domain/policy/defaults.ts';
import { noticeEnds } from '../../domain/procedure.ts';
import { appendAudit } from '../audit/log.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ownedByScope } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db, Tx } from '../db/client.ts';
import type { ReserveEntry } from '../db/generated/sqlite/client.ts';
import { effectivePolicy } from '../policy/store.ts';
import { checkDecision, checkGates, decidedStep, decisionFor } from './gates.ts';

export const TRANSITIONS: Record<ReserveStatus, readonly ReserveStatus[]> = {
  NOMINATED: ['INSPECTING', 'REJECTED'],
  INSPECTING: ['PUBLICIZING', 'REJECTED'],
  // Back to INSPECTING: sent back from the notice (an upheld objection) for another inspection.
  PUBLICIZING: ['ACTIVE', 'INSPECTING', 'REJECTED'],
  ACTIVE: ['PROMOTED', 'REMOVED', 'EXPIRED'],
  PROMOTED: [],
  REMOVED: [],
  EXPIRED: [],
  REJECTED: [],
};

const ENDS: readonly ReserveStatus[] = ['PROMOTED', 'REMOVED', 'EXPIRED', 'REJECTED'];
/** Steps that need a reason: taking an entry out of the pool, sending it back from the notice. */
const NEEDS_REASON: readonly [ReserveStatus, ReserveStatus][] = [
  ['ACTIVE', 'REMOVED'],
  ['PUBLICIZING', 'INSPECTING'],
];
/** How a notice window ends when the entry leaves PUBLICIZING. */
const NOTICE_CLOSED_AS: Partial<Record<ReserveStatus, string>> = {
  ACTIVE: 'ADMITTED',
  INSPECTING: 'SENT_BACK',
  REJECTED: 'REJECTED',
};

export interface TransitionInput {
  /** The entry's key ("R0001") or its global id ("ReserveEntry:R0001"). */
  reserveId: string;
  to: ReserveStatus;
  on: string;
  reason?: string | null;
}

export function entryCode(reserveId: string): string {
  return reserveId.startsWith('ReserveEntry:') ? reserveId.slice('ReserveEntry:'.length) : reserveId;
}

type SteppedEntry = ReserveEntry & { unit: { kind: UnitKind }; history: { on: Date }[] };

/** The entry a step is for, inside the viewer's scope, with what the checks read. */
export async function entryForStep(db: Db, viewer: Viewer, reserveId: string): Promise<SteppedEntry> {
  const code = entryCode(reserveId);
  const entry = await db.reserveEntry.findFirst({
    where: { code, ...ownedByScope(viewer) },
    include: { unit: { select: { kind: true } }, history: { orderBy: [{ on: 'desc' }, { id: 'desc' }], take: 1 } },
  });
  if (!entry) throw refusal('NOT_FOUND', 'reserve.notFound', { entry: code });
  return entry as SteppedEntry;
}

/**
 * Checks a step: legal from the entry's status, not before its last step, a reason where one is
 * needed, the policy's dates and the procedure's gates. Returns the policy in force on the date.
 */
export async function checkStep(
  db: Db,
  entry: SteppedEntry,
  to: ReserveStatus,
  on: string,
  reason: string | null,
  options: { skipGates?: boolean } = {},
): Promise<Policy> {
  const { code } = entry;
  const from = entry.status;
  const legal = TRANSITIONS[from];
  const status = (s: ReserveStatus) => enumParam('ReserveStatus', s);
  if (!legal.includes(to)) {
    const params = { entry: code, from: status(from), to: status(to) };
    throw legal.length
      ? refusal(
          'ILLEGAL_TRANSITION',
          'lifecycle.notAllowed',
          { ...params, allowed: listParam(legal.map(status)) },
          { from, to, allowed: [...legal] },
        )
      : refusal('ILLEGAL_TRANSITION', 'lifecycle.final', params, { from, to, allowed: [] });
  }
  const last = entry.history[0] ? toIso(entry.history[0].on) : toIso(entry.nominatedOn);
  if (on < last) {
    throw refusal(
      'ILLEGAL_TRANSITION',
      'lifecycle.beforeLastStep',
      { entry: code, to: status(to), on, last },
      { from, to },
    );
  }
  if (NEEDS_REASON.some(([f, t]) => f === from && t === to) && !reason) {
    throw refusal(
      'BAD_USER_INPUT',
      to === 'REMOVED' ? 'lifecycle.removeNeedsReason' : 'lifecycle.sendBackNeedsReason',
      { entry: code },
      { field: 'reason' },
    );
  }
  const { policy } = await effectivePolicy(db, entry.unit.kind, on);
  if (entry.enteredOn) {
    const entered = toIso(entry.enteredOn);
    const cultivationEnds = addYears(entered, policy.minCultivationYears);
    if (to === 'PROMOTED' && on < cultivationEnds) {
      throw refusal(
        'INELIGIBLE',
        'lifecycle.cultivation',
        { entry: code, entered, until: cultivationEnds },
        { rule: 'minCultivationYears', until: cultivationEnds },
      );
    }
    const periodEnds = addYears(entered, policy.managementPeriodYears);
    if (to === 'EXPIRED' && on < periodEnds) {
      throw refusal(
        'ILLEGAL_TRANSITION',
        'lifecycle.periodNotEnded',
        { entry: code, until: periodEnds, removed: status('REMOVED') },
        { from, to, until: periodEnds },
      );
    }
  }
  if (!options.skipGates) await checkGates(db, entry, to, on, policy);
  return policy;
}

export interface Step {
  to: ReserveStatus;
  on: string;
  reason: string | null;
  policy: Policy;
  action?: string;
  /** More to keep in the audit record (what caused the step). */
  detail?: Record<string, unknown>;
  requestId?: string | null;
}

/**
 * Writes a checked step inside the caller's transaction: the status guarded on the one read, the
 * history row, the notice window it opens or closes, the audit record and the change the copy
 * follows.
 */
export async function stepInTransaction(tx: Tx, viewer: Viewer, entry: SteppedEntry, step: Step): Promise<void> {
  const { code } = entry;
  const from = entry.status;
  const on = toDate(step.on);
  const ends = ENDS.includes(step.to);
  // Guarded on the status read above: a concurrent step makes this one fail, not overwrite it.
  const { count } = await tx.reserveEntry.updateMany({
    where: { code, status: from },
    data: {
      status: step.to,
      ...(step.to === 'ACTIVE' ? { enteredOn: on } : {}),
      ...(ends ? { exitedOn: on, exitReason: step.reason, openPersonCode: null } : {}),
    },
  });
  if (count !== 1) throw refusal('CONFLICT', 'lifecycle.stepRace', { entry: code });
  // The meeting item that decided the step, referenced from the history (where one decides it) —
  // read again inside the transaction: a meeting struck out or a request returned since the check
  // refuses the step here.
  const subject = decidedStep(from, step.to);
  const decision = !subject
    ? null
    : step.policy.procedure.requireCollectiveDecision
      ? await checkDecision(tx, entry, step.to, step.on, step.policy)
      : await decisionFor(tx, entry, subject, step.on);
  const decisionItemId = decision?.adopted ? decision.id : null;
  await tx.reserveStatusChange.create({
    data: { reserveCode: code, from, to: step.to, on, reason: step.reason, actor: viewer.actor, decisionItemId },
  });
  let notice: Record<string, unknown> | undefined;
  if (from === 'PUBLICIZING')
    await tx.publicNotice.updateMany({
      where: { reserveCode: code, closedOn: null },
      data: { closedOn: on, closedAs: NOTICE_CLOSED_AS[step.to] ?? step.to },
    });
  if (step.to === 'PUBLICIZING') {
    const days = step.policy.publicityDays;
    const endsOn = noticeEnds(step.on, days);
    await tx.publicNotice.create({ data: { reserveCode: code, startsOn: on, endsOn: toDate(endsOn), days } });
    notice = { startsOn: step.on, endsOn, days };
  }
  await appendAudit(tx, {
    actor: viewer.actor,
    action: step.action ?? 'reserve.transition',
    entity: 'ReserveEntry',
    entityCode: code,
    detail: {
      before: { status: from, exitedOn: toIsoOrNull(entry.exitedOn), enteredOn: toIsoOrNull(entry.enteredOn) },
      after: {
        status: step.to,
        on: step.on,
        reason: step.reason,
        ...(notice ? { notice } : {}),
        ...(decisionItemId ? { decisionItemId } : {}),
      },
      ...step.detail,
    },
    requestId: step.requestId ?? null,
  });
  await recordChange(tx, { entity: 'ReserveEntry', keys: [code] });
}

export async function transitionReserve(
  db: Db,
  viewer: Viewer,
  input: TransitionInput,
  options: { requestId?: string | null } = {},
): Promise<ReserveEntry> {
  const entry = await entryForStep(db, viewer, input.reserveId);
  const reason = input.reason?.trim() || null;
  const policy = await checkStep(db, entry, input.to, input.on, reason);
  return db.$transaction(async (tx) => {
    await stepInTransaction(tx, viewer, entry, {
      to: input.to,
      on: input.on,
      reason,
      policy,
      requestId: options.requestId,
    });
    return tx.reserveEntry.findUniqueOrThrow({ where: { code: entry.code } });
  });
}
