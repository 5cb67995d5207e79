// Filing with and approval by the higher level (docs/decisions/040): when a committee adopts an
// item on an entry whose target rank is managed higher up (policy `authority`), a request goes to
// that unit in the same transaction as the meeting — 备案 (FILING) to be acknowledged, 审批
// (APPROVAL) to be approved or returned with reasons. The higher unit's officers act on it from
// their inbox; an approval gates the step the item decides (./gates.ts). Scoped: only an account
// whose subtree holds the receiving unit acts on a request; every act is audited; nothing is
// deleted.

import {
  ACTION_RESULT,
  type Authority,
  authoritiesFor,
  type FilingAction,
  type TreeUnit,
} from '../../domain/authority.ts';
import { toDate, todayIso, toIso } from '../../domain/dates.ts';
import type { Rank, UnitLevel } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam } from '../../domain/messages.ts';
import type { Policy } from '../../domain/policy/defaults.ts';
import { appendAudit } from '../audit/log.ts';
import { canSee, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db, Tx } from '../db/client.ts';
import type { Filing } from '../db/generated/sqlite/client.ts';
import { name } from './records.ts';

/** The unit paths above and including a unit's ("1.5.23." → "1.", "1.5.", "1.5.23."). */
export function lineagePaths(path: string): string[] {
  const parts = path.split('.').filter(Boolean);
  return parts.map((_, i) => `${parts.slice(0, i + 1).join('.')}.`);
}

/** The authorities a decision by `meetingUnit` on an entry of `entryUnitPath` and `targetRank` goes to. */
export async function authoritiesOf(
  db: Pick<Db, 'unit'>,
  entryUnitPath: string,
  targetRank: Rank,
  meetingUnit: TreeUnit,
  policy: Pick<Policy, 'authority'>,
): Promise<Authority[]> {
  if (!policy.authority.some((a) => a.rank === targetRank)) return [];
  const lineage = await db.unit.findMany({
    where: { path: { in: lineagePaths(entryUnitPath) } },
    select: { code: true, level: true, path: true },
  });
  return authoritiesFor(
    targetRank,
    lineage.map((u) => ({ ...u, level: u.level as UnitLevel })),
    meetingUnit,
    policy,
  );
}

/** Writes the requests a meeting's adopted item sends up (inside the meeting's transaction). */
export async function sendUp(
  tx: Tx,
  viewer: Viewer,
  item: { id: number; reserveCode: string; subject: string },
  from: { code: string },
  heldOn: string,
  authorities: Authority[],
): Promise<void> {
  if (!authorities.length) return;
  await tx.filing.createMany({
    data: authorities.map((a) => ({
      kind: a.mode,
      itemId: item.id,
      reserveCode: item.reserveCode,
      subject: item.subject,
      fromUnitCode: from.code,
      toUnitCode: a.unit.code,
      status: 'PENDING',
      submittedOn: toDate(heldOn),
      submittedBy: viewer.actor,
    })),
  });
}

export interface FilingDecisionInput {
  filingId: number;
  action: FilingAction;
  on: string;
  reason?: string | null;
}

/** The higher level's act on a request: acknowledge a filing, approve or return an approval. */
export async function decideFiling(
  db: Db,
  viewer: Viewer,
  input: FilingDecisionInput,
  options: { requestId?: string | null } = {},
): Promise<Filing> {
  const filing = await db.filing.findFirst({
    where: { id: input.filingId },
    include: {
      toUnit: { select: { path: true, name: true } },
      item: { select: { meeting: { select: { struckReason: true } } } },
    },
  });
  // Only the receiving unit's subtree acts on it; to anyone else it does not exist.
  if (!filing || !canSee(viewer, filing.toUnit.path))
    throw refusal('NOT_FOUND', 'filing.notFound', { id: input.filingId });
  const result = ACTION_RESULT[input.action];
  const kind = enumParam('FilingKind', filing.kind);
  if (result.kind !== filing.kind)
    throw refusal(
      'BAD_USER_INPUT',
      'filing.wrongAction',
      { id: filing.id, kind, action: enumParam('FilingAction', input.action) },
      { field: 'action' },
    );
  if (filing.item.meeting.struckReason)
    throw refusal('BAD_USER_INPUT', 'filing.meetingStruck', { id: filing.id }, { field: 'filingId' });
  if (filing.status !== 'PENDING')
    throw refusal(
      'BAD_USER_INPUT',
      'filing.alreadyDecided',
      { id: filing.id, status: enumParam('FilingStatus', filing.status) },
      { field: 'filingId' },
    );
  const submitted = toIso(filing.submittedOn);
  if (input.on < submitted)
    throw refusal(
      'BAD_USER_INPUT',
      'filing.beforeSubmitted',
      { id: filing.id, on: input.on, submitted },
      { field: 'on' },
    );
  if (input.on > todayIso()) throw refusal('BAD_USER_INPUT', 'filing.inFuture', { on: input.on }, { field: 'on' });
  const reason = input.reason?.trim() ? name(input.reason, 'reason', 1000) : null;
  if (input.action === 'RETURN' && !reason)
    throw refusal('BAD_USER_INPUT', 'filing.returnNeedsReason', { id: filing.id }, { field: 'reason' });
  return db.$transaction(async (tx) => {
    // Guarded on PENDING: two officers acting at once cannot both decide it.
    const { count } = await tx.filing.updateMany({
      where: { id: filing.id, status: 'PENDING' },
      data: { status: result.status, decidedOn: toDate(input.on), decidedBy: viewer.actor, reason },
    });
    if (count !== 1) throw refusal('CONFLICT', 'filing.race', { id: filing.id });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'filing.decide',
      entity: 'Filing',
      entityCode: String(filing.id),
      detail: {
        before: { status: 'PENDING' },
        after: { status: result.status, on: input.on, reason },
        reserveCode: filing.reserveCode,
      },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Meeting', keys: [filing.reserveCode] });
    return tx.filing.findUniqueOrThrow({ where: { id: filing.id } });
  });
}
