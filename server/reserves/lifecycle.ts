// The reserve entry lifecycle (domain.md "Lifecycle"): which steps are legal, and the policy
// rules on their dates. Every step is dated, attributed and kept; nothing is deleted.

import { addYears, toDate, toIso, toIsoOrNull } from '../../domain/dates.ts';
import type { ReserveStatus } from '../../domain/enums.ts';
import { domainError } from '../../domain/errors.ts';
import { appendAudit } from '../audit/log.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ownedByScope } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { ReserveEntry } from '../db/generated/sqlite/client.ts';
import { effectivePolicy } from '../policy/store.ts';

export const TRANSITIONS: Record<ReserveStatus, readonly ReserveStatus[]> = {
  NOMINATED: ['INSPECTING', 'REJECTED'],
  INSPECTING: ['PUBLICIZING', 'REJECTED'],
  PUBLICIZING: ['ACTIVE', 'REJECTED'],
  ACTIVE: ['PROMOTED', 'REMOVED', 'EXPIRED'],
  PROMOTED: [],
  REMOVED: [],
  EXPIRED: [],
  REJECTED: [],
};

const ENDS: readonly ReserveStatus[] = ['PROMOTED', 'REMOVED', 'EXPIRED', 'REJECTED'];

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

export async function transitionReserve(
  db: Db,
  viewer: Viewer,
  input: TransitionInput,
  options: { requestId?: string | null } = {},
): Promise<ReserveEntry> {
  const code = entryCode(input.reserveId);
  const entry = await db.reserveEntry.findFirst({
    where: { code, ...ownedByScope(viewer) },
    include: { unit: { select: { kind: true } }, history: { orderBy: [{ on: 'desc' }, { id: 'desc' }], take: 1 } },
  });
  if (!entry) throw domainError('NOT_FOUND', `reserve entry "${code}" does not exist or is outside your scope`);
  const from = entry.status;
  const legal = TRANSITIONS[from];
  if (!legal.includes(input.to)) {
    throw domainError(
      'ILLEGAL_TRANSITION',
      legal.length
        ? `reserve entry "${code}" is ${from}; from ${from} it can go to ${legal.join(', ')}, not to ${input.to}`
        : `reserve entry "${code}" is ${from}, which is final; it cannot go to ${input.to}`,
      { from, to: input.to, allowed: [...legal] },
    );
  }
  const last = entry.history[0] ? toIso(entry.history[0].on) : toIso(entry.nominatedOn);
  if (input.on < last) {
    throw domainError(
      'ILLEGAL_TRANSITION',
      `reserve entry "${code}": ${input.to} on ${input.on} is before its last step, on ${last}`,
      {
        from,
        to: input.to,
      },
    );
  }
  const reason = input.reason?.trim() || null;
  if (input.to === 'REMOVED' && !reason) {
    throw domainError('BAD_USER_INPUT', `reserve entry "${code}": removing an entry from the pool needs a reason`, {
      field: 'reason',
    });
  }
  const { policy } = await effectivePolicy(db, entry.unit.kind, input.on);
  if (entry.enteredOn) {
    const entered = toIso(entry.enteredOn);
    const cultivationEnds = addYears(entered, policy.minCultivationYears);
    if (input.to === 'PROMOTED' && input.on < cultivationEnds) {
      throw domainError(
        'INELIGIBLE',
        `reserve entry "${code}" entered the pool on ${entered}; it cannot be promoted before its minimum cultivation ends on ${cultivationEnds}`,
        { rule: 'minCultivationYears', until: cultivationEnds },
      );
    }
    const periodEnds = addYears(entered, policy.managementPeriodYears);
    if (input.to === 'EXPIRED' && input.on < periodEnds) {
      throw domainError(
        'ILLEGAL_TRANSITION',
        `reserve entry "${code}": its management period ends on ${periodEnds}; before then take it out with REMOVED and a reason`,
        { from, to: input.to, until: periodEnds },
      );
    }
  }
  const on = toDate(input.on);
  const ends = ENDS.includes(input.to);
  const updated = await db.$transaction(async (tx) => {
    // Guarded on the status read above: a concurrent step makes this one fail, not overwrite it.
    const { count } = await tx.reserveEntry.updateMany({
      where: { code, status: from },
      data: {
        status: input.to,
        ...(input.to === 'ACTIVE' ? { enteredOn: on } : {}),
        ...(ends ? { exitedOn: on, exitReason: reason, openPersonCode: null } : {}),
      },
    });
    if (count !== 1)
      throw domainError(
        'CONFLICT',
        `reserve entry "${code}" changed while this step was being recorded; reload and try again`,
      );
    await tx.reserveStatusChange.create({
      data: { reserveCode: code, from, to: input.to, on, reason, actor: viewer.actor },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'reserve.transition',
      entity: 'ReserveEntry',
      entityCode: code,
      detail: {
        before: { status: from, exitedOn: toIsoOrNull(entry.exitedOn), enteredOn: toIsoOrNull(entry.enteredOn) },
        after: { status: input.to, on: input.on, reason },
      },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'ReserveEntry', keys: [code] });
    return tx.reserveEntry.findUniqueOrThrow({ where: { code } });
  });
  return updated;
}
