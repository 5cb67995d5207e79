// The selection procedure's records (docs/decisions/022): recommendation rounds counted by voter
// group, selection scores by round, the inspection, and objections to the public notice with
// their findings. Each write is validated against the policy in force on its date for the
// entry's unit kind, scoped to the viewer's subtree, and committed in one transaction with its
// audit record and the change the analytical copy follows; nothing is deleted (a round is struck
// out, a score or an inspection corrected with the earlier values kept in the audit log).
import { toDate, todayIso, toIso, toIsoOrNull } from '../../domain/dates.ts';
import type { ReserveStatus } from '../../domain/enums.ts';
import { domainError } from '../../domain/errors.ts';
import {
  ballotProblems,
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
async function entryAt(db: Db, viewer: Viewer, reserveId: string, statuses: readonly ReserveStatus[], what: string) {
  const entry = await entryForStep(db, viewer, reserveId);
  if (!statuses.includes(entry.status))
    throw domainError(
      'BAD_USER_INPUT',
      `reserve entry "${entry.code}" is ${entry.status}: ${what} is recorded while it is ${statuses.join(' or ')}`,
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
  const entry = await entryAt(db, viewer, input.reserveId, ['NOMINATED'], 'a recommendation round');
  checkDate(entry.code, 'heldOn', input.heldOn, entry.nominatedOn);
  const policy = await policyFor(db, entry.unit.kind, input.heldOn);
  const known = policy.recommendation.groups;
  if (input.groups.length === 0)
    throw domainError(
      'BAD_USER_INPUT',
      `reserve entry "${entry.code}": a round needs the ballots of at least one voter group`,
      {
        field: 'groups',
      },
    );
  const seen = new Set<string>();
  input.groups.forEach((g, i) => {
    const at = `groups.${i}`;
    if (!known.includes(g.group))
      throw domainError(
        'BAD_USER_INPUT',
        `reserve entry "${entry.code}", ${at}: voter group "${g.group}" is not one of the policy's groups (${known.join(', ')})`,
        { field: `${at}.group` },
      );
    if (seen.has(g.group))
      throw domainError(
        'BAD_USER_INPUT',
        `reserve entry "${entry.code}", ${at}: voter group ${g.group} is given twice`,
        {
          field: `${at}.group`,
        },
      );
    seen.add(g.group);
    const [problem] = ballotProblems(g);
    if (problem)
      throw domainError('BAD_USER_INPUT', `reserve entry "${entry.code}", ${at} (${g.group}): ${problem.message}`, {
        field: `${at}.${problem.field}`,
      });
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
  if (!round)
    throw domainError('NOT_FOUND', `recommendation round ${input.roundId} does not exist or is outside your scope`);
  if (round.struckReason)
    throw domainError('BAD_USER_INPUT', `recommendation round ${round.id} is already struck out`, { field: 'roundId' });
  const reason = name(input.reason, 'reason', 500);
  return db.$transaction(async (tx) => {
    const { count } = await tx.recommendationRound.updateMany({
      where: { id: round.id, struckReason: null },
      data: { struckReason: reason, struckBy: viewer.actor },
    });
    if (count !== 1)
      throw domainError('CONFLICT', `recommendation round ${round.id} changed meanwhile; reload and try again`);
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
  const entry = await entryAt(db, viewer, input.reserveId, ['NOMINATED', 'INSPECTING'], 'a selection score');
  checkDate(entry.code, 'on', input.on, entry.nominatedOn);
  const policy = await policyFor(db, entry.unit.kind, input.on);
  const part = input.part?.trim() ?? '';
  const slot = scoreSlotProblem(input.round, part, policy.selection);
  if (slot)
    throw domainError('BAD_USER_INPUT', `reserve entry "${entry.code}": ${slot}`, {
      field: part && !slot.startsWith('round "') ? 'part' : 'round',
    });
  const max = policy.selection.maxScore;
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > max)
    throw domainError(
      'BAD_USER_INPUT',
      `reserve entry "${entry.code}": score must be from 0 to ${max}, got ${input.score}`,
      {
        field: 'score',
      },
    );
  const existing = await db.selectionScore.findMany({ where: { reserveCode: entry.code } });
  const sheet = scoreSheet(existing, policy.selection);
  const order = policy.selection.rounds.map((r) => r.key);
  if (sheet.eliminatedIn && order.indexOf(input.round) > order.indexOf(sheet.eliminatedIn))
    throw domainError(
      'BAD_USER_INPUT',
      `reserve entry "${entry.code}" was eliminated in round ${sheet.eliminatedIn}; no later round is scored`,
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
}

export interface InspectionFields {
  startedOn: string;
  concludedOn: string | null;
  inspectors: string[];
  interviews: number;
  conclusion: string | null;
  verdict: InspectionVerdict | null;
}

function checkInspection(code: string, nominatedOn: Date, f: InspectionFields): InspectionFields {
  const at = `reserve entry "${code}"`;
  checkDate(code, 'startedOn', f.startedOn, nominatedOn);
  if (f.concludedOn) {
    checkDate(code, 'concludedOn', f.concludedOn, nominatedOn);
    if (f.concludedOn < f.startedOn)
      throw domainError('BAD_USER_INPUT', `${at}: concludedOn ${f.concludedOn} is before startedOn ${f.startedOn}`, {
        field: 'concludedOn',
      });
  }
  const inspectors = f.inspectors.map((n) => n.trim()).filter(Boolean);
  if (inspectors.length === 0 || inspectors.length > 20 || inspectors.some((n) => n.length > 50))
    throw domainError('BAD_USER_INPUT', `${at}: an inspection names 1 to 20 inspectors of at most 50 characters each`, {
      field: 'inspectors',
    });
  if (!Number.isInteger(f.interviews) || f.interviews < 0 || f.interviews > 10_000)
    throw domainError(
      'BAD_USER_INPUT',
      `${at}: interviews must be a whole number from 0 to 10000, got ${f.interviews}`,
      {
        field: 'interviews',
      },
    );
  const conclusion = f.conclusion?.trim() ? name(f.conclusion, 'conclusion', 4000) : null;
  if (f.verdict && (!f.concludedOn || !conclusion))
    throw domainError('BAD_USER_INPUT', `${at}: a verdict needs the date the inspection concluded and its conclusion`, {
      field: f.concludedOn ? 'conclusion' : 'concludedOn',
    });
  if (f.concludedOn && !f.verdict)
    throw domainError('BAD_USER_INPUT', `${at}: a concluded inspection needs its verdict (FIT or UNFIT)`, {
      field: 'verdict',
    });
  return { ...f, inspectors, conclusion };
}

const inspectionData = (f: InspectionFields) => ({
  startedOn: toDate(f.startedOn),
  concludedOn: f.concludedOn ? toDate(f.concludedOn) : null,
  inspectors: JSON.stringify(f.inspectors),
  interviews: f.interviews,
  conclusion: f.conclusion,
  verdict: f.verdict,
});

export async function recordInspection(
  db: Db,
  viewer: Viewer,
  input: InspectionInput,
  options: Options = {},
): Promise<Inspection> {
  const entry = await entryAt(db, viewer, input.reserveId, ['INSPECTING'], 'an inspection');
  const fields = checkInspection(entry.code, entry.nominatedOn, {
    startedOn: input.startedOn,
    concludedOn: input.concludedOn ?? null,
    inspectors: input.inspectors,
    interviews: input.interviews,
    conclusion: input.conclusion ?? null,
    verdict: input.verdict ?? null,
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
  if (!found)
    throw domainError('NOT_FOUND', `inspection ${input.inspectionId} does not exist or is outside your scope`);
  if (found.reserve.status !== 'INSPECTING')
    throw domainError(
      'BAD_USER_INPUT',
      `inspection ${found.id}: reserve entry "${found.reserveCode}" is ${found.reserve.status}; an inspection is corrected while it is INSPECTING`,
      { field: 'inspectionId' },
    );
  const before: InspectionFields = {
    startedOn: toIso(found.startedOn),
    concludedOn: toIsoOrNull(found.concludedOn),
    inspectors: JSON.parse(found.inspectors) as string[],
    interviews: found.interviews,
    conclusion: found.conclusion,
    verdict: found.verdict as InspectionVerdict | null,
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
  const entry = await entryAt(db, viewer, input.reserveId, ['PUBLICIZING'], 'an objection to the public notice');
  const policy = await policyFor(db, entry.unit.kind, input.receivedOn);
  const window = await openNotice(db, entry.code, policy);
  if (!window) throw domainError('CONFLICT', `reserve entry "${entry.code}" has no public notice open`);
  if (input.receivedOn < window.startsOn || input.receivedOn > window.endsOn)
    throw domainError(
      'BAD_USER_INPUT',
      `reserve entry "${entry.code}": receivedOn ${input.receivedOn} is outside its public notice, ${window.startsOn} to ${window.endsOn}`,
      { field: 'receivedOn' },
    );
  if (input.receivedOn > todayIso())
    throw domainError(
      'BAD_USER_INPUT',
      `reserve entry "${entry.code}": receivedOn ${input.receivedOn} is in the future`,
      {
        field: 'receivedOn',
      },
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
  if (!objection)
    throw domainError('NOT_FOUND', `objection ${input.objectionId} does not exist or is outside your scope`);
  const at = `objection ${objection.id}`;
  if (objection.outcome !== 'PENDING')
    throw domainError('BAD_USER_INPUT', `${at} was already found ${objection.outcome}`, { field: 'objectionId' });
  const finding = name(input.finding, 'finding', 2000);
  const received = toIso(objection.receivedOn);
  if (input.on < received || input.on > todayIso())
    throw domainError('BAD_USER_INPUT', `${at}: on ${input.on} must be from its receipt on ${received} to today`, {
      field: 'on',
    });
  if (input.outcome === 'UPHELD' && !input.action)
    throw domainError('BAD_USER_INPUT', `${at}: an upheld objection needs its action, SEND_BACK or REJECT`, {
      field: 'action',
    });
  if (input.outcome === 'DISMISSED' && input.action)
    throw domainError('BAD_USER_INPUT', `${at}: a dismissed objection takes no action`, { field: 'action' });
  const entry = await entryForStep(db, viewer, objection.notice.reserveCode);
  const to: ReserveStatus | null =
    input.outcome === 'UPHELD' ? (input.action === 'SEND_BACK' ? 'INSPECTING' : 'REJECTED') : null;
  const reason = `objection ${objection.id} upheld: ${finding}`;
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
    if (count !== 1) throw domainError('CONFLICT', `${at} changed meanwhile; reload and try again`);
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
