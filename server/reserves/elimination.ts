// Elimination candidates (淘汰对象) are flagged by the alerts (analytics/metrics/alerts.ts) for a
// person to decide; the system never removes one by itself. A decision is kept with the entry:
// KEEP with its reason, or REMOVE, which takes the entry out of the pool (REMOVED) the same day,
// in the same transaction.
import { toDate, todayIso } from '../../domain/dates.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam, listParam, storedMessage } from '../../domain/messages.ts';
import type { EliminationDecisionKind } from '../../domain/procedure.ts';
import { appendAudit } from '../audit/log.ts';
import type { Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { EliminationDecision } from '../db/generated/sqlite/client.ts';
import { checkStep, entryForStep, stepInTransaction } from './lifecycle.ts';
import { name } from './records.ts';

export interface EliminationInput {
  reserveId: string;
  decision: EliminationDecisionKind;
  on: string;
  reason: string;
}

/**
 * Records the decision on an entry flagged at `on` for `flags` (the elimination grounds the
 * alerts give it then; the caller reads them from the analytical copy).
 */
export async function decideElimination(
  db: Db,
  viewer: Viewer,
  input: EliminationInput,
  flags: (reserveCode: string, unitCode: string, on: string) => Promise<string[]>,
  options: { requestId?: string | null } = {},
): Promise<EliminationDecision> {
  const entry = await entryForStep(db, viewer, input.reserveId);
  const at = entry.code;
  if (entry.status !== 'ACTIVE')
    throw refusal(
      'BAD_USER_INPUT',
      'elimination.notActive',
      { entry: at, status: enumParam('ReserveStatus', entry.status) },
      { field: 'reserveId' },
    );
  if (input.on > todayIso())
    throw refusal('BAD_USER_INPUT', 'reserve.onInFuture', { entry: at, on: input.on }, { field: 'on' });
  const reason = name(input.reason, 'reason', 1000);
  const grounds = await flags(entry.code, entry.unitCode, input.on);
  if (grounds.length === 0)
    throw refusal('BAD_USER_INPUT', 'elimination.notCandidate', { entry: at, on: input.on }, { field: 'reserveId' });
  const stepReason = storedMessage('reason.elimination', {
    grounds: listParam(grounds.map((g) => enumParam('EliminationGround', g))),
    reason,
  });
  const policy = input.decision === 'REMOVE' ? await checkStep(db, entry, 'REMOVED', input.on, stepReason) : null;
  return db.$transaction(async (tx) => {
    const decision = await tx.eliminationDecision.create({
      data: {
        reserveCode: entry.code,
        decision: input.decision,
        on: toDate(input.on),
        reason,
        flags: JSON.stringify(grounds),
        decidedBy: viewer.actor,
      },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'elimination.decide',
      entity: 'ReserveEntry',
      entityCode: entry.code,
      detail: { after: { id: decision.id, decision: input.decision, on: input.on, reason, flags: grounds } },
      requestId: options.requestId ?? null,
    });
    if (policy)
      await stepInTransaction(tx, viewer, entry, {
        to: 'REMOVED',
        on: input.on,
        reason: stepReason,
        policy,
        detail: { eliminationDecisionId: decision.id },
        requestId: options.requestId,
      });
    await recordChange(tx, { entity: 'EliminationDecision', keys: [entry.code] });
    return decision;
  });
}
