// 重大事项报告 (docs/decisions/044): a reserve's reported matter — a change of work unit, study for
// a degree, an honour, a Party or administrative penalty, a complaint by letter or visit — and the
// organization department's finding on it. A penalty or a complaint is an alert until the finding
// is recorded (analytics/metrics/alerts.ts MAJOR_MATTER_OPEN). Scoped, audited, one transaction
// each; nothing is deleted and a finding is written once.
import { toDate, todayIso, toIso } from '../../domain/dates.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam } from '../../domain/messages.ts';
import { MAJOR_MATTER_KINDS, MATTERS_NEEDING_FINDING, type MajorMatterKind } from '../../domain/procedure.ts';
import { appendAudit } from '../audit/log.ts';
import { ownedByScope, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { MajorMatter } from '../db/generated/sqlite/client.ts';
import { entryForStep } from './lifecycle.ts';
import { name } from './records.ts';

export interface MajorMatterInput {
  reserveId: string;
  kind: MajorMatterKind;
  occurredOn: string;
  reportedOn: string;
  summary: string;
}

export async function recordMajorMatter(
  db: Db,
  viewer: Viewer,
  input: MajorMatterInput,
  options: { requestId?: string | null } = {},
): Promise<MajorMatter> {
  const entry = await entryForStep(db, viewer, input.reserveId);
  if (!MAJOR_MATTER_KINDS.includes(input.kind))
    throw refusal('BAD_USER_INPUT', 'matter.kind', { entry: entry.code, kind: input.kind }, { field: 'kind' });
  if (entry.exitedOn)
    throw refusal(
      'BAD_USER_INPUT',
      'matter.exited',
      { entry: entry.code, status: enumParam('ReserveStatus', entry.status) },
      { field: 'reserveId' },
    );
  const today = todayIso();
  if (input.reportedOn > today || input.occurredOn > input.reportedOn)
    throw refusal(
      'BAD_USER_INPUT',
      'matter.dates',
      { entry: entry.code, occurredOn: input.occurredOn, reportedOn: input.reportedOn },
      { field: input.reportedOn > today ? 'reportedOn' : 'occurredOn' },
    );
  if (input.reportedOn < toIso(entry.nominatedOn))
    throw refusal(
      'BAD_USER_INPUT',
      'matter.beforeNominated',
      { entry: entry.code, on: input.reportedOn, nominated: toIso(entry.nominatedOn) },
      { field: 'reportedOn' },
    );
  const summary = name(input.summary, 'summary', 2000);
  return db.$transaction(async (tx) => {
    const made = await tx.majorMatter.create({
      data: {
        reserveCode: entry.code,
        kind: input.kind,
        occurredOn: toDate(input.occurredOn),
        reportedOn: toDate(input.reportedOn),
        summary,
        recordedBy: viewer.actor,
      },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'matter.record',
      entity: 'ReserveEntry',
      entityCode: entry.code,
      detail: {
        after: { id: made.id, kind: input.kind, occurredOn: input.occurredOn, reportedOn: input.reportedOn, summary },
      },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'MajorMatter', keys: [entry.code] });
    return made;
  });
}

/** The organization department's finding on a matter (核查、处理意见): written once. */
export async function reviewMajorMatter(
  db: Db,
  viewer: Viewer,
  input: { matterId: number; finding: string; on: string; disqualifying?: boolean | null },
  options: { requestId?: string | null } = {},
): Promise<MajorMatter> {
  const matter = await db.majorMatter.findFirst({ where: { id: input.matterId, reserve: ownedByScope(viewer) } });
  if (!matter) throw refusal('NOT_FOUND', 'matter.notFound', { id: input.matterId });
  const finding = name(input.finding, 'finding', 2000);
  const disqualifying = input.disqualifying === true;
  // 违纪违法 (「……取消其资格」): a penalty or a complaint found true may disqualify; nothing else can.
  if (disqualifying && !MATTERS_NEEDING_FINDING.includes(matter.kind as MajorMatterKind))
    throw refusal(
      'BAD_USER_INPUT',
      'matter.notDisqualifiable',
      { id: matter.id, kind: enumParam('MajorMatterKind', matter.kind) },
      { field: 'disqualifying' },
    );
  if (input.on > todayIso() || input.on < toIso(matter.reportedOn))
    throw refusal(
      'BAD_USER_INPUT',
      'matter.reviewDate',
      { id: matter.id, on: input.on, reportedOn: toIso(matter.reportedOn) },
      { field: 'on' },
    );
  return db.$transaction(async (tx) => {
    const { count } = await tx.majorMatter.updateMany({
      where: { id: matter.id, reviewedOn: null },
      data: { finding, reviewedOn: toDate(input.on), reviewedBy: viewer.actor, disqualifying },
    });
    if (count !== 1) throw refusal('BAD_USER_INPUT', 'matter.reviewed', { id: matter.id }, { field: 'matterId' });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'matter.review',
      entity: 'ReserveEntry',
      entityCode: matter.reserveCode,
      detail: { after: { id: matter.id, finding, reviewedOn: input.on, disqualifying } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'MajorMatter', keys: [matter.reserveCode] });
    return tx.majorMatter.findUniqueOrThrow({ where: { id: matter.id } });
  });
}
