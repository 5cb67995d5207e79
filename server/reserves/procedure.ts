// The selection procedure's records (docs/decisions/022): recommendation rounds counted by voter
// group, selection scores by round, the inspection, and objections to the public notice with
// their findings. Each write is validated against the policy in force on its date for the
// entry's unit kind, scoped to the viewer's subtree, and committed in one transaction with its
// audit record and the change the analytical copy follows; nothing is deleted (a round is struck
// out, a score or an inspection corrected with the earlier values kept in the audit log).
import { toDate, todayIso, toIso, toIsoOrNull } from '../../domain/dates.ts';
import type { ReserveStatus } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam, listParam, type MessageKey, messageParam, storedMessage } from '../../domain/messages.ts';
import {
  ballotProblems,
  type DemocraticEvaluation,
  type GroupBallots,
  type InspectionVerdict,
  type ObjectionAction,
  scoreSheet,
  scoreSlotProblem,
} from '../../domain/procedure.ts';
import { appendAudit } from '../audit/log.ts';
import { ownedByScope, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { Inspection, Objection, RecommendationRound, SelectionScore } from '../db/generated/sqlite/client.ts';
import { effectivePolicy } from '../policy/store.ts';
import { openNotice } from './gates.ts';
import { checkStep, entryForStep, stepInTransaction } from './lifecycle.ts';
import { checkDate, name } from './records.ts';

interface Options {
  requestId?: string | null;
}

/** The entry a procedure record is for: in scope and at a stage that takes this record. */
async function entryAt(
  db: Db,
  viewer: Viewer,
  reserveId: string,
  statuses: readonly ReserveStatus[],
  what: MessageKey,
) {
  const entry = await entryForStep(db, viewer, reserveId);
  if (!statuses.includes(entry.status))
    throw refusal(
      'BAD_USER_INPUT',
      'procedure.wrongStage',
      {
        entry: entry.code,
        status: enumParam('ReserveStatus', entry.status),
        what: messageParam(what),
        statuses: listParam(
          statuses.map((s) => enumParam('ReserveStatus', s)),
          'or',
        ),
      },
      { field: 'reserveId' },
    );
  return entry;
}

const policyFor = async (db: Db, kind: Parameters<typeof effectivePolicy>[1], on: string) =>
  (await effectivePolicy(db, kind, on)).policy;

// ── 民主推荐 ───────────────────────────────────────────────────────────────────────────────

export interface RecommendationInput {
  reserveId: string;
  heldOn: string;
  note?: string | null;
  groups: GroupBallots[];
}

export async function recordRecommendation(
  db: Db,
  viewer: Viewer,
  input: RecommendationInput,
  options: Options = {},
): Promise<RecommendationRound> {
  const entry = await entryAt(db, viewer, input.reserveId, ['NOMINATED'], 'stage.recommendation');
  checkDate(entry.code, 'heldOn', input.heldOn, entry.nominatedOn);
  const policy = await policyFor(db, entry.unit.kind, input.heldOn);
  const known = policy.recommendation.groups;
  if (input.groups.length === 0)
    throw refusal('BAD_USER_INPUT', 'recommendation.noGroups', { entry: entry.code }, { field: 'groups' });
  const seen = new Set<string>();
  input.groups.forEach((g, i) => {
    const at = `groups.${i}`;
    const group = enumParam('VoterGroup', g.group);
    if (!known.includes(g.group))
      throw refusal(
        'BAD_USER_INPUT',
        'recommendation.unknownGroup',
        { entry: entry.code, group, known: listParam(known.map((k) => enumParam('VoterGroup', k))) },
        { field: `${at}.group` },
      );
    if (seen.has(g.group))
      throw refusal(
        'BAD_USER_INPUT',
        'recommendation.groupTwice',
        { entry: entry.code, group },
        { field: `${at}.group` },
      );
    seen.add(g.group);
    const [problem] = ballotProblems(g);
    if (problem)
      throw refusal(
        'BAD_USER_INPUT',
        'recommendation.groupProblem',
        { entry: entry.code, group, problem: problem.message },
        { field: `${at}.${problem.field}` },
      );
  });
  const note = input.note?.trim() ? name(input.note, 'note', 500) : null;
  return db.$transaction(async (tx) => {
    const round = await tx.recommendationRound.create({
      data: {
        reserveCode: entry.code,
        heldOn: toDate(input.heldOn),
        note,
        recordedBy: viewer.actor,
        tallies: {
          create: input.groups.map((g) => ({
            group: g.group,
            expected: g.expected,
            cast: g.cast,
            favour: g.favour,
            against: g.against,
            abstain: g.abstain,
            invalid: g.invalid,
          })),
        },
      },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'recommendation.record',
      entity: 'ReserveEntry',
      entityCode: entry.code,
      detail: { after: { id: round.id, heldOn: input.heldOn, groups: input.groups } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'RecommendationRound', keys: [entry.code] });
    return round;
  });
}

/** Strikes out a round entered by mistake: it stays, shown struck, and no longer counts. */
export async function strikeRecommendation(
  db: Db,
  viewer: Viewer,
  input: { roundId: number; reason: string },
  options: Options = {},
): Promise<RecommendationRound> {
  const round = await db.recommendationRound.findFirst({ where: { id: input.roundId, reserve: ownedByScope(viewer) } });
  if (!round) throw refusal('NOT_FOUND', 'recommendation.notFound', { id: input.roundId });
  if (round.struckReason)
    throw refusal('BAD_USER_INPUT', 'recommendation.alreadyStruck', { id: round.id }, { field: 'roundId' });
  const reason = name(input.reason, 'reason', 500);
  return db.$transaction(async (tx) => {
    const { count } = await tx.recommendationRound.updateMany({
      where: { id: round.id, struckReason: null },
      data: { struckReason: reason, struckBy: viewer.actor },
    });
    if (count !== 1)
      throw refusal('CONFLICT', 'reserve.changedMeanwhile', {
        what: messageParam('label.recommendationRound', { id: round.id }),
      });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'recommendation.strike',
      entity: 'ReserveEntry',
      entityCode: round.reserveCode,
      detail: { before: { id: round.id, struckReason: null }, after: { struckReason: reason } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'RecommendationRound', keys: [round.reserveCode] });
    return tx.recommendationRound.findUniqueOrThrow({ where: { id: round.id } });
  });
}

// ── 选拔评分 ───────────────────────────────────────────────────────────────────────────────

export interface ScoreInput {
  reserveId: string;
  round: string;
  part?: string | null;
  score: number;
  on: string;
}

/** Records an entry's score in a round (or one part of it); a second score for the same slot corrects it. */
export async function recordScore(
  db: Db,
  viewer: Viewer,
  input: ScoreInput,
  options: Options = {},
): Promise<SelectionScore> {
  const entry = await entryAt(db, viewer, input.reserveId, ['NOMINATED', 'INSPECTING'], 'stage.score');
  checkDate(entry.code, 'on', input.on, entry.nominatedOn);
  const policy = await policyFor(db, entry.unit.kind, input.on);
  const part = input.part?.trim() ?? '';
  const slot = scoreSlotProblem(input.round, part, policy.selection);
  if (slot)
    throw refusal(
      'BAD_USER_INPUT',
      'reserve.problem',
      { entry: entry.code, problem: slot },
      { field: part && slot.key !== 'score.unknownRound' ? 'part' : 'round' },
    );
  const max = policy.selection.maxScore;
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > max)
    throw refusal('BAD_USER_INPUT', 'score.range', { entry: entry.code, max, score: input.score }, { field: 'score' });
  const existing = await db.selectionScore.findMany({ where: { reserveCode: entry.code } });
  const sheet = scoreSheet(existing, policy.selection);
  const order = policy.selection.rounds.map((r) => r.key);
  if (sheet.eliminatedIn && order.indexOf(input.round) > order.indexOf(sheet.eliminatedIn))
    throw refusal(
      'BAD_USER_INPUT',
      'score.afterElimination',
      { entry: entry.code, round: enumParam('ScoreRound', sheet.eliminatedIn) },
      { field: 'round' },
    );
  const before = existing.find((s) => s.round === input.round && s.part === part);
  return db.$transaction(async (tx) => {
    const saved = await tx.selectionScore.upsert({
      where: { reserveCode_round_part: { reserveCode: entry.code, round: input.round, part } },
      create: {
        reserveCode: entry.code,
        round: input.round,
        part,
        score: input.score,
        on: toDate(input.on),
        recordedBy: viewer.actor,
      },
      update: { score: input.score, on: toDate(input.on), recordedBy: viewer.actor },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: before ? 'score.correct' : 'score.record',
      entity: 'ReserveEntry',
      entityCode: entry.code,
      detail: {
        before: before ? { score: before.score, on: toIso(before.on), recordedBy: before.recordedBy } : null,
        after: { round: input.round, part, score: input.score, on: input.on },
      },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'SelectionScore', keys: [entry.code] });
    return saved;
  });
}

// ── 考察 ───────────────────────────────────────────────────────────────────────────────────

export interface InspectionInput {
  reserveId: string;
  startedOn: string;
  concludedOn?: string | null;
  inspectors: string[];
  interviews: number;
  conclusion?: string | null;
  verdict?: InspectionVerdict | null;
  evaluation?: DemocraticEvaluation | null;
  disciplineOpinion?: string | null;
  disciplineOpinionOn?: string | null;
}

export interface InspectionFields {
  startedOn: string;
  concludedOn: string | null;
  inspectors: string[];
  interviews: number;
  conclusion: string | null;
  verdict: InspectionVerdict | null;
  evaluation: DemocraticEvaluation | null;
  disciplineOpinion: string | null;
  disciplineOpinionOn: string | null;
}

function checkInspection(code: string, nominatedOn: Date, f: InspectionFields): InspectionFields {
  checkDate(code, 'startedOn', f.startedOn, nominatedOn);
  if (f.concludedOn) {
    checkDate(code, 'concludedOn', f.concludedOn, nominatedOn);
    if (f.concludedOn < f.startedOn)
      throw refusal(
        'BAD_USER_INPUT',
        'inspection.concludedBeforeStart',
        { entry: code, concludedOn: f.concludedOn, startedOn: f.startedOn },
        { field: 'concludedOn' },
      );
  }
  const inspectors = f.inspectors.map((n) => n.trim()).filter(Boolean);
  if (inspectors.length === 0 || inspectors.length > 20 || inspectors.some((n) => n.length > 50))
    throw refusal('BAD_USER_INPUT', 'inspection.inspectors', { entry: code }, { field: 'inspectors' });
  if (!Number.isInteger(f.interviews) || f.interviews < 0 || f.interviews > 10_000)
    throw refusal(
      'BAD_USER_INPUT',
      'inspection.interviews',
      { entry: code, value: f.interviews },
      { field: 'interviews' },
    );
  const conclusion = f.conclusion?.trim() ? name(f.conclusion, 'conclusion', 4000) : null;
  if (f.verdict && (!f.concludedOn || !conclusion))
    throw refusal(
      'BAD_USER_INPUT',
      'inspection.verdictNeedsConclusion',
      { entry: code },
      { field: f.concludedOn ? 'conclusion' : 'concludedOn' },
    );
  if (f.concludedOn && !f.verdict)
    throw refusal(
      'BAD_USER_INPUT',
      'inspection.needsVerdict',
      { entry: code, fit: enumParam('InspectionVerdict', 'FIT'), unfit: enumParam('InspectionVerdict', 'UNFIT') },
      { field: 'verdict' },
    );
  if (f.evaluation)
    for (const [k, v] of Object.entries(f.evaluation))
      if (!Number.isInteger(v) || v < 0 || v > 100_000)
        throw refusal(
          'BAD_USER_INPUT',
          'inspection.evaluation',
          { entry: code, value: v },
          { field: `evaluation.${k}` },
        );
  const disciplineOpinion = f.disciplineOpinion?.trim() ? name(f.disciplineOpinion, 'disciplineOpinion', 1000) : null;
  if ((disciplineOpinion === null) !== (f.disciplineOpinionOn === null))
    throw refusal(
      'BAD_USER_INPUT',
      'inspection.opinionAndDate',
      { entry: code },
      { field: disciplineOpinion ? 'disciplineOpinionOn' : 'disciplineOpinion' },
    );
  if (f.disciplineOpinionOn) {
    checkDate(code, 'disciplineOpinionOn', f.disciplineOpinionOn, nominatedOn);
    if (f.disciplineOpinionOn < f.startedOn)
      throw refusal(
        'BAD_USER_INPUT',
        'inspection.opinionBeforeStart',
        { entry: code, on: f.disciplineOpinionOn, startedOn: f.startedOn },
        { field: 'disciplineOpinionOn' },
      );
  }
  return { ...f, inspectors, conclusion, disciplineOpinion };
}

const inspectionData = (f: InspectionFields) => ({
  startedOn: toDate(f.startedOn),
  concludedOn: f.concludedOn ? toDate(f.concludedOn) : null,
  inspectors: JSON.stringify(f.inspectors),
  interviews: f.interviews,
  conclusion: f.conclusion,
  verdict: f.verdict,
  evaluation: f.evaluation ? JSON.stringify(f.evaluation) : null,
  disciplineOpinion: f.disciplineOpinion,
  disciplineOpinionOn: f.disciplineOpinionOn ? toDate(f.disciplineOpinionOn) : null,
});

export async function recordInspection(
  db: Db,
  viewer: Viewer,
  input: InspectionInput,
  options: Options = {},
): Promise<Inspection> {
  const entry = await entryAt(db, viewer, input.reserveId, ['INSPECTING'], 'stage.inspection');
  const fields = checkInspection(entry.code, entry.nominatedOn, {
    startedOn: input.startedOn,
    concludedOn: input.concludedOn ?? null,
    inspectors: input.inspectors,
    interviews: input.interviews,
    conclusion: input.conclusion ?? null,
    verdict: input.verdict ?? null,
    evaluation: input.evaluation ?? null,
    disciplineOpinion: input.disciplineOpinion ?? null,
    disciplineOpinionOn: input.disciplineOpinionOn ?? null,
  });
  return db.$transaction(async (tx) => {
    const created = await tx.inspection.create({
      data: { reserveCode: entry.code, recordedBy: viewer.actor, ...inspectionData(fields) },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'inspection.record',
      entity: 'ReserveEntry',
      entityCode: entry.code,
      detail: { after: { id: created.id, ...fields } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Inspection', keys: [entry.code] });
    return created;
  });
}

/** Corrects or concludes an inspection while its entry is still being inspected. */
export async function correctInspection(
  db: Db,
  viewer: Viewer,
  input: { [K in keyof Omit<InspectionInput, 'reserveId'>]?: InspectionInput[K] | null } & { inspectionId: number },
  options: Options = {},
): Promise<Inspection> {
  const found = await db.inspection.findFirst({
    where: { id: input.inspectionId, reserve: ownedByScope(viewer) },
    include: { reserve: true },
  });
  if (!found) throw refusal('NOT_FOUND', 'inspection.notFound', { id: input.inspectionId });
  if (found.reserve.status !== 'INSPECTING')
    throw refusal(
      'BAD_USER_INPUT',
      'inspection.correctStage',
      {
        id: found.id,
        entry: found.reserveCode,
        status: enumParam('ReserveStatus', found.reserve.status),
        inspecting: enumParam('ReserveStatus', 'INSPECTING'),
      },
      { field: 'inspectionId' },
    );
  const before: InspectionFields = {
    startedOn: toIso(found.startedOn),
    concludedOn: toIsoOrNull(found.concludedOn),
    inspectors: JSON.parse(found.inspectors) as string[],
    interviews: found.interviews,
    conclusion: found.conclusion,
    verdict: found.verdict as InspectionVerdict | null,
    evaluation: found.evaluation ? (JSON.parse(found.evaluation) as DemocraticEvaluation) : null,
    disciplineOpinion: found.disciplineOpinion,
    disciplineOpinionOn: toIsoOrNull(found.disciplineOpinionOn),
  };
  // Omitted: unchanged. Null clears an optional field (the date, conclusion or verdict).
  const pick = <K extends keyof InspectionFields>(k: K): InspectionFields[K] =>
    (input[k] === undefined || (input[k] === null && (k === 'startedOn' || k === 'inspectors' || k === 'interviews'))
      ? before[k]
      : input[k]) as InspectionFields[K];
  const fields = checkInspection(found.reserveCode, found.reserve.nominatedOn, {
    startedOn: pick('startedOn'),
    concludedOn: pick('concludedOn'),
    inspectors: pick('inspectors'),
    interviews: pick('interviews'),
    conclusion: pick('conclusion'),
    verdict: pick('verdict'),
    evaluation: pick('evaluation'),
    disciplineOpinion: pick('disciplineOpinion'),
    disciplineOpinionOn: pick('disciplineOpinionOn'),
  });
  return db.$transaction(async (tx) => {
    const updated = await tx.inspection.update({ where: { id: found.id }, data: inspectionData(fields) });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'inspection.correct',
      entity: 'ReserveEntry',
      entityCode: found.reserveCode,
      detail: { before, after: fields },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Inspection', keys: [found.reserveCode] });
    return updated;
  });
}

// ── 公示 and objections ────────────────────────────────────────────────────────────────────

export async function raiseObjection(
  db: Db,
  viewer: Viewer,
  input: { reserveId: string; receivedOn: string; summary: string },
  options: Options = {},
): Promise<Objection> {
  const entry = await entryAt(db, viewer, input.reserveId, ['PUBLICIZING'], 'stage.objection');
  const policy = await policyFor(db, entry.unit.kind, input.receivedOn);
  const window = await openNotice(db, entry.code, policy);
  if (!window) throw refusal('CONFLICT', 'notice.none', { entry: entry.code });
  if (input.receivedOn < window.startsOn || input.receivedOn > window.endsOn)
    throw refusal(
      'BAD_USER_INPUT',
      'objection.outsideNotice',
      { entry: entry.code, receivedOn: input.receivedOn, startsOn: window.startsOn, endsOn: window.endsOn },
      { field: 'receivedOn' },
    );
  if (input.receivedOn > todayIso())
    throw refusal(
      'BAD_USER_INPUT',
      'objection.receivedInFuture',
      { entry: entry.code, receivedOn: input.receivedOn },
      { field: 'receivedOn' },
    );
  const summary = name(input.summary, 'summary', 2000);
  return db.$transaction(async (tx) => {
    // An entry imported in PUBLICIZING has its window from the policy; the objection fixes it as a record.
    const noticeId =
      window.notice?.id ??
      (
        await tx.publicNotice.create({
          data: {
            reserveCode: entry.code,
            startsOn: toDate(window.startsOn),
            endsOn: toDate(window.endsOn),
            days: policy.publicityDays,
          },
        })
      ).id;
    const created = await tx.objection.create({
      data: { noticeId, receivedOn: toDate(input.receivedOn), summary, recordedBy: viewer.actor },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'objection.raise',
      entity: 'ReserveEntry',
      entityCode: entry.code,
      detail: { after: { id: created.id, noticeId, receivedOn: input.receivedOn, summary } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'Objection', keys: [entry.code] });
    return created;
  });
}

export interface ResolveObjectionInput {
  objectionId: number;
  outcome: 'UPHELD' | 'DISMISSED';
  /** With UPHELD: back to inspection, or the entry is rejected. */
  action?: ObjectionAction | null;
  finding: string;
  on: string;
}

/** Records the finding on an objection; an upheld one sends the entry back or rejects it, in the same transaction. */
export async function resolveObjection(
  db: Db,
  viewer: Viewer,
  input: ResolveObjectionInput,
  options: Options = {},
): Promise<Objection> {
  const objection = await db.objection.findFirst({
    where: { id: input.objectionId, notice: { reserve: ownedByScope(viewer) } },
    include: { notice: true },
  });
  if (!objection) throw refusal('NOT_FOUND', 'objection.notFound', { id: input.objectionId });
  const id = objection.id;
  if (objection.outcome !== 'PENDING')
    throw refusal(
      'BAD_USER_INPUT',
      'objection.alreadyResolved',
      { id, outcome: enumParam('ObjectionOutcome', objection.outcome) },
      { field: 'objectionId' },
    );
  const finding = name(input.finding, 'finding', 2000);
  const received = toIso(objection.receivedOn);
  if (input.on < received || input.on > todayIso())
    throw refusal('BAD_USER_INPUT', 'objection.dateRange', { id, on: input.on, received }, { field: 'on' });
  if (input.outcome === 'UPHELD' && !input.action)
    throw refusal(
      'BAD_USER_INPUT',
      'objection.upheldNeedsAction',
      { id, sendBack: enumParam('ObjectionAction', 'SEND_BACK'), reject: enumParam('ObjectionAction', 'REJECT') },
      { field: 'action' },
    );
  if (input.outcome === 'DISMISSED' && input.action)
    throw refusal('BAD_USER_INPUT', 'objection.dismissedNoAction', { id }, { field: 'action' });
  const entry = await entryForStep(db, viewer, objection.notice.reserveCode);
  const to: ReserveStatus | null =
    input.outcome === 'UPHELD' ? (input.action === 'SEND_BACK' ? 'INSPECTING' : 'REJECTED') : null;
  const reason = storedMessage('reason.objectionUpheld', { objection: objection.id, finding });
  const policy = to ? await checkStep(db, entry, to, input.on, reason) : null;
  return db.$transaction(async (tx) => {
    const { count } = await tx.objection.updateMany({
      where: { id: objection.id, outcome: 'PENDING' },
      data: {
        outcome: input.outcome,
        action: input.action ?? null,
        finding,
        resolvedOn: toDate(input.on),
        resolvedBy: viewer.actor,
      },
    });
    if (count !== 1)
      throw refusal('CONFLICT', 'reserve.changedMeanwhile', { what: messageParam('label.objection', { id }) });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'objection.resolve',
      entity: 'ReserveEntry',
      entityCode: entry.code,
      detail: {
        before: { id: objection.id, outcome: 'PENDING' },
        after: { outcome: input.outcome, action: input.action ?? null, finding, on: input.on },
      },
      requestId: options.requestId ?? null,
    });
    if (to && policy)
      await stepInTransaction(tx, viewer, entry, {
        to,
        on: input.on,
        reason,
        policy,
        detail: { objectionId: objection.id },
        requestId: options.requestId,
      });
    await recordChange(tx, { entity: 'Objection', keys: [entry.code] });
    return tx.objection.findUniqueOrThrow({ where: { id: objection.id } });
  });
}
