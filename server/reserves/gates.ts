// The selection procedure's conditions on a lifecycle step (docs/decisions/022): what the records
// around an entry must say before it may move on. Each gate reads the records as they stand on
// the step's date and refuses with ILLEGAL_TRANSITION, naming the condition in `extensions.gate`.
import { addDays, toDate, toIso } from '../../domain/dates.ts';
import type { MeetingSubject } from '../../domain/decisions.ts';
import type { PositionKind, ReserveStatus } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam, listParam, type MessageKey, type MessageParams } from '../../domain/messages.ts';
import type { Policy } from '../../domain/policy/defaults.ts';
import {
  admissibleFrom,
  type CandidateVotes,
  type ComparativeGroup,
  type ComparativeTally,
  examRequired,
  noticeEnds,
  qualifyingExam,
  rankComparative,
  scoreSheet,
  tallyRound,
} from '../../domain/procedure.ts';
import type { Db } from '../db/client.ts';
import type { ComparativeRound } from '../db/generated/sqlite/client.ts';

type Reader = Pick<
  Db,
  | 'recommendationRound'
  | 'selectionScore'
  | 'inspection'
  | 'publicNotice'
  | 'objection'
  | 'reserveStatusChange'
  | 'meetingItem'
  | 'filing'
  | 'qualificationExam'
  | 'comparativeRound'
  | 'dutyReport'
  | 'position'
>;

export const GATES = [
  'RECOMMENDATION_MISSING',
  'RECOMMENDATION_FAILED',
  'ELIMINATED',
  'INSPECTION_MISSING',
  'INSPECTION_UNFIT',
  'DISCIPLINE_OPINION',
  'DUTY_REPORT',
  'NOTICE_OPEN',
  'OBJECTION_PENDING',
  'DECISION_MISSING',
  'DECISION_REJECTED',
  'APPROVAL_PENDING',
  'APPROVAL_RETURNED',
  // Checked by the appointment itself (the notice is for one post): server/reserves/appointments.ts.
  'APPOINTMENT_NOTICE',
  'QUALIFICATION_EXAM',
] as const;
export type Gate = (typeof GATES)[number];

export interface GatedEntry {
  code: string;
  personCode: string;
  targetRank: string;
  status: ReserveStatus;
  source: string;
  nominatedOn: Date;
  enteredOn: Date | null;
}

/** The steps a Party committee decides (policy procedure.requireCollectiveDecision), by the subject of the item. */
export function decidedStep(from: ReserveStatus, to: ReserveStatus): MeetingSubject | null {
  if (from === 'PUBLICIZING' && to === 'ACTIVE') return 'ADMISSION';
  if (from === 'ACTIVE' && to === 'REMOVED') return 'REMOVAL';
  return null;
}

/**
 * The item that decides an entry's step on `on`: the latest on that subject at a meeting held by
 * then (and since the entry was nominated; for a removal, since it entered the pool) that is not
 * struck out. Its `adopted` says whether the step may go ahead.
 */
export async function decisionFor(db: Reader, entry: GatedEntry, subject: MeetingSubject, on: string) {
  let since = subject === 'REMOVAL' && entry.enteredOn ? entry.enteredOn : entry.nominatedOn;
  if (subject === 'ADMISSION') {
    // Sent back from the notice: only a decision taken after the send-back admits it.
    const sentBack = await db.reserveStatusChange.findFirst({
      where: { reserveCode: entry.code, from: 'PUBLICIZING', to: 'INSPECTING' },
      orderBy: [{ on: 'desc' }, { id: 'desc' }],
    });
    if (sentBack) since = toDate(addDays(toIso(sentBack.on), 1));
  }
  return db.meetingItem.findFirst({
    where: {
      reserveCode: entry.code,
      subject,
      meeting: { struckReason: null, heldOn: { gte: since, lte: toDate(on) } },
    },
    orderBy: [{ meeting: { heldOn: 'desc' } }, { id: 'desc' }],
    include: { meeting: true, filings: { include: { toUnit: { select: { name: true } } }, orderBy: { id: 'asc' } } },
  });
}

function refuse(entry: GatedEntry, to: ReserveStatus, gate: Gate, key: MessageKey, params: MessageParams = {}): never {
  throw refusal('ILLEGAL_TRANSITION', key, { entry: entry.code, ...params }, { from: entry.status, to, gate });
}

const REJECTED = enumParam('ReserveStatus', 'REJECTED');

/** The latest recommendation round held by `on` that is not struck out, with its tally. */
export async function latestRound(db: Reader, code: string, on: string, policy: Policy) {
  const round = await db.recommendationRound.findFirst({
    where: { reserveCode: code, struckReason: null, heldOn: { lte: toDate(on) } },
    orderBy: [{ heldOn: 'desc' }, { id: 'desc' }],
    include: { tallies: true },
  });
  return round ? { round, tally: tallyRound(round.tallies, policy.recommendation) } : null;
}

/** The open notice window of an entry in PUBLICIZING: its record, or (for an entry imported in
 * that status) the window the policy gives from the day it went there. */
export async function openNotice(db: Reader, code: string, policy: Policy) {
  const notice = await db.publicNotice.findFirst({
    where: { reserveCode: code, closedOn: null },
    orderBy: { id: 'desc' },
    include: { objections: { orderBy: { id: 'asc' } } },
  });
  if (notice) return { startsOn: toIso(notice.startsOn), endsOn: toIso(notice.endsOn), notice };
  const step = await db.reserveStatusChange.findFirst({
    where: { reserveCode: code, to: 'PUBLICIZING' },
    orderBy: [{ on: 'desc' }, { id: 'desc' }],
  });
  if (!step) return null;
  const startsOn = toIso(step.on);
  return { startsOn, endsOn: noticeEnds(startsOn, policy.publicityDays), notice: null };
}

/** Throws when the records do not allow `entry` to go to `to` on `on`. */
export async function checkGates(
  db: Reader,
  entry: GatedEntry,
  to: ReserveStatus,
  on: string,
  policy: Policy,
): Promise<void> {
  if (entry.status === 'NOMINATED' && to === 'INSPECTING') {
    // A comparative round the entry stood in decides: quorate, and ranked within the shortlist.
    const comparative = await comparativeFor(db, entry, on, policy);
    if (comparative) {
      const { round, tally, standing } = comparative;
      if (!tally.quorate)
        refuse(entry, to, 'RECOMMENDATION_FAILED', 'gate.comparativeVoid', {
          heldOn: toIso(round.heldOn),
          turnout: pct(tally.turnout),
          quorum: pct(policy.recommendation.quorum),
        });
      if (!standing.shortlisted)
        refuse(entry, to, 'RECOMMENDATION_FAILED', 'gate.notShortlisted', {
          heldOn: toIso(round.heldOn),
          rank: standing.rank,
          candidates: tally.standings.length,
          votes: standing.votes,
          shortlist: tally.shortlist,
        });
    }
    const latest = comparative ? null : await latestRound(db, entry.code, on, policy);
    if (latest?.tally.void)
      refuse(entry, to, 'RECOMMENDATION_FAILED', 'gate.recommendationVoid', {
        heldOn: toIso(latest.round.heldOn),
        turnout: pct(latest.tally.total.turnout),
        quorum: pct(policy.recommendation.quorum),
      });
    if (latest && !latest.tally.passed)
      refuse(entry, to, 'RECOMMENDATION_FAILED', 'gate.recommendationFailed', {
        heldOn: toIso(latest.round.heldOn),
        favour: pct(latest.tally.total.favourShare),
        passShare: pct(policy.recommendation.passShare),
      });
    if (
      !latest &&
      !comparative &&
      policy.procedure.requireRecommendation &&
      entry.source === 'DEMOCRATIC_RECOMMENDATION'
    )
      refuse(entry, to, 'RECOMMENDATION_MISSING', 'gate.recommendationMissing', { on });
    // 「在进行民主推荐或者民意测评前，选拔对象应当述职」: a 述职 between the nomination and the round.
    const heldOn = comparative?.round.heldOn ?? latest?.round.heldOn;
    if (heldOn && policy.procedure.requireDutyReport) {
      const report = await db.dutyReport.findFirst({
        where: { reserveCode: entry.code, struckReason: null, heldOn: { gte: entry.nominatedOn, lte: heldOn } },
      });
      if (!report)
        refuse(entry, to, 'DUTY_REPORT', 'gate.dutyReport', {
          heldOn: toIso(heldOn),
          nominated: toIso(entry.nominatedOn),
        });
    }
  }
  if (to === 'INSPECTING' || to === 'PUBLICIZING' || to === 'ACTIVE') {
    const scores = await db.selectionScore.findMany({ where: { reserveCode: entry.code } });
    if (scores.length) {
      const sheet = scoreSheet(scores, policy.selection);
      if (sheet.eliminatedIn) {
        const r = sheet.rounds.find((x) => x.round === sheet.eliminatedIn)!;
        refuse(entry, to, 'ELIMINATED', 'gate.eliminated', {
          round: enumParam('ScoreRound', r.round),
          score: r.score,
          passMark: r.passMark,
          rejected: REJECTED,
        });
      }
    }
  }
  if (entry.status === 'INSPECTING' && to === 'PUBLICIZING') {
    // Sent back from the notice: only an inspection started since then counts.
    const sentBack = await db.reserveStatusChange.findFirst({
      where: { reserveCode: entry.code, from: 'PUBLICIZING', to: 'INSPECTING' },
      orderBy: [{ on: 'desc' }, { id: 'desc' }],
    });
    const inspection = await db.inspection.findFirst({
      where: { reserveCode: entry.code, ...(sentBack ? { startedOn: { gte: sentBack.on } } : {}) },
      orderBy: [{ startedOn: 'desc' }, { id: 'desc' }],
    });
    const concluded = inspection?.concludedOn && toIso(inspection.concludedOn) <= on ? inspection : null;
    if (concluded?.verdict === 'UNFIT')
      refuse(entry, to, 'INSPECTION_UNFIT', 'gate.inspectionUnfit', {
        concludedOn: toIso(concluded.concludedOn!),
        unfit: enumParam('InspectionVerdict', 'UNFIT'),
        rejected: REJECTED,
      });
    // 征求纪检监察机关意见: part of the inspection the notice rests on.
    if (
      concluded?.verdict === 'FIT' &&
      policy.procedure.requireDisciplineOpinion &&
      (!concluded.disciplineOpinion || !concluded.disciplineOpinionOn || toIso(concluded.disciplineOpinionOn) > on)
    )
      refuse(entry, to, 'DISCIPLINE_OPINION', 'gate.disciplineOpinion', {
        concludedOn: toIso(concluded.concludedOn!),
      });
    if (!concluded && policy.procedure.requireInspection) {
      if (inspection)
        refuse(entry, to, 'INSPECTION_MISSING', 'gate.inspectionOpen', { startedOn: toIso(inspection.startedOn), on });
      if (sentBack)
        refuse(entry, to, 'INSPECTION_MISSING', 'gate.inspectionAfterSendBack', { sentBackOn: toIso(sentBack.on) });
      refuse(entry, to, 'INSPECTION_MISSING', 'gate.inspectionMissing');
    }
  }
  if (entry.status === 'PUBLICIZING' && to === 'ACTIVE') {
    const window = await openNotice(db, entry.code, policy);
    if (window && on < admissibleFrom(window.endsOn))
      refuse(entry, to, 'NOTICE_OPEN', 'gate.noticeOpen', {
        startsOn: window.startsOn,
        endsOn: window.endsOn,
        from: admissibleFrom(window.endsOn),
      });
    const pending = window?.notice?.objections.filter((o) => o.outcome === 'PENDING') ?? [];
    if (pending.length)
      refuse(entry, to, 'OBJECTION_PENDING', 'gate.objectionPending', {
        objections: listParam(pending.map((o) => o.id)),
      });
  }
  if (entry.status === 'PUBLICIZING' && to === 'ACTIVE') {
    const missing = await examMissing(db, entry.personCode, entry.targetRank, on, policy);
    if (missing)
      refuse(entry, to, 'QUALIFICATION_EXAM', missing.lapsed ? 'gate.examLapsed' : 'gate.examMissing', missing.params);
  }
  await checkDecision(db, entry, to, on, policy);
}

/**
 * 任职资格考试: where the policy asks for it for `rank`, the message saying why no exam of the
 * person's qualifies on `on` (none passed, or the certificate has run out); null when one does or
 * none is needed. Admission reads the entry's target rank, an appointment the post's rank.
 */
export async function examMissing(
  db: Pick<Db, 'qualificationExam'>,
  personCode: string,
  rank: string,
  on: string,
  policy: Policy,
): Promise<{ lapsed: boolean; params: MessageParams } | null> {
  if (!examRequired(rank, policy)) return null;
  const rows = await db.qualificationExam.findMany({ where: { personCode } });
  const exams = rows.map((e) => ({
    id: e.id,
    heldOn: toIso(e.heldOn),
    passed: e.passed,
    struck: e.struckReason !== null,
  }));
  if (qualifyingExam(exams, on, policy)) return null;
  const lapsed = qualifyingExam(exams, on, { qualificationExamValidYears: 0 });
  const params = { rank: enumParam('Rank', rank), on };
  return lapsed
    ? { lapsed: true, params: { ...params, heldOn: lapsed.heldOn, years: policy.qualificationExamValidYears } }
    : { lapsed: false, params };
}

/**
 * Throws unless a meeting adopted the step, where the policy asks for a collective decision, and
 * every approval it went up for is given by `on`. Returns the deciding item (null: none needed).
 */
export async function checkDecision(db: Reader, entry: GatedEntry, to: ReserveStatus, on: string, policy: Policy) {
  const subject = decidedStep(entry.status, to);
  if (!subject || !policy.procedure.requireCollectiveDecision) return null;
  const what = enumParam('MeetingSubject', subject);
  const item = await decisionFor(db, entry, subject, on);
  if (!item) refuse(entry, to, 'DECISION_MISSING', 'gate.decisionMissing', { what, on });
  if (!item.adopted)
    refuse(entry, to, 'DECISION_REJECTED', 'gate.decisionRejected', {
      what,
      heldOn: toIso(item.meeting.heldOn),
      body: item.meeting.body,
      favour: item.favour,
      members: item.meeting.members,
    });
  // Managed higher up: the approvals the decision went up for (filings do not hold the step).
  for (const f of item.filings.filter((x) => x.kind === 'APPROVAL')) {
    if (f.status === 'RETURNED')
      refuse(entry, to, 'APPROVAL_RETURNED', 'gate.approvalReturned', {
        what,
        unit: f.toUnit.name,
        decidedOn: f.decidedOn ? toIso(f.decidedOn) : '',
        reason: f.reason ?? '',
      });
    if (f.status !== 'APPROVED' || !f.decidedOn || toIso(f.decidedOn) > on)
      refuse(entry, to, 'APPROVAL_PENDING', 'gate.approvalPending', {
        what,
        unit: f.toUnit.name,
        submittedOn: toIso(f.submittedOn),
      });
  }
  return item;
}

/** A share as a message shows it: 66.7%. */
export function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/**
 * The notice an appointment rests on: the latest one for the person (or the entry) and the post
 * that is not withdrawn, ended before the appointment's day. Returns the refusal's message, or null.
 */
export async function noticeProblem(
  db: Pick<Db, 'appointmentNotice'>,
  where: { reserveCode: string } | { personCode: string; reserveCode: null },
  positionCode: string,
  on: string,
  policy: Policy,
): Promise<{ key: 'missing' | 'open'; params: MessageParams } | null> {
  if (policy.appointmentNoticeWorkingDays <= 0) return null;
  const notice = await db.appointmentNotice.findFirst({
    where: { ...where, positionCode, withdrawnReason: null },
    orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
  });
  if (!notice) return { key: 'missing', params: { position: positionCode, days: policy.appointmentNoticeWorkingDays } };
  const endsOn = toIso(notice.endsOn);
  if (on <= endsOn)
    return {
      key: 'open',
      params: { startsOn: toIso(notice.startsOn), endsOn, days: notice.workingDays, from: addDays(endsOn, 1) },
    };
  return null;
}

/** The number of best ranks that go on to inspection: the policy's, or the team's reserve target. */
export async function shortlistOf(
  db: Pick<Db, 'position'>,
  unitCode: string,
  kind: PositionKind,
  policy: Policy,
): Promise<number> {
  if (policy.recommendation.shortlist > 0) return policy.recommendation.shortlist;
  const posts = await db.position.count({ where: { unitCode, kind } });
  return Math.max(1, Math.ceil(policy.reserveRatio[kind] * posts));
}

/** A stored round counted: its groups, its candidates' votes and their ranking. */
export async function tallyStored(
  db: Pick<Db, 'position'>,
  round: ComparativeRound & { votes: { reserveCode: string; group: string; votes: number }[] },
  policy: Policy,
): Promise<ComparativeTally> {
  const groups = JSON.parse(round.groups) as ComparativeGroup[];
  const byEntry = new Map<string, CandidateVotes>();
  for (const v of round.votes) {
    const c = byEntry.get(v.reserveCode) ?? { reserveCode: v.reserveCode, votes: {} };
    c.votes[v.group] = v.votes;
    byEntry.set(v.reserveCode, c);
  }
  const shortlist = await shortlistOf(db, round.unitCode, round.kind as PositionKind, policy);
  return rankComparative(groups, [...byEntry.values()], policy.recommendation, shortlist);
}

/**
 * The comparative round that decides an entry's inspection on `on`: the latest not struck out,
 * held from its nomination to `on`, with the entry among its candidates — counted, with the
 * entry's standing. Null: the entry stood in none.
 */
export async function comparativeFor(
  db: Pick<Db, 'comparativeRound' | 'position'>,
  entry: { code: string; nominatedOn: Date },
  on: string,
  policy: Policy,
) {
  const round = await db.comparativeRound.findFirst({
    where: {
      struckReason: null,
      heldOn: { gte: entry.nominatedOn, lte: toDate(on) },
      votes: { some: { reserveCode: entry.code } },
    },
    orderBy: [{ heldOn: 'desc' }, { id: 'desc' }],
    include: { votes: true },
  });
  if (!round) return null;
  const tally = await tallyStored(db, round, policy);
  return { round, tally, standing: tally.standings.find((s) => s.reserveCode === entry.code)! };
}
