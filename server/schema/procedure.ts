// The selection procedure through GraphQL (server/reserves/procedure.ts, promotion.ts,
// elimination.ts): recommendation rounds with their tally, score sheets and the ranking of a
// selection, inspections, notice windows with objections, promotions filling a position with a
// dated incumbency, and decisions on elimination candidates. Every record is reached only
// through an entry or position inside the viewer's subtree.
import { z } from 'zod';
import { alerts, ELIMINATION } from '../../analytics/metrics/alerts.ts';
import { addDays, todayIso, toIso } from '../../domain/dates.ts';
import type { UnitKind } from '../../domain/enums.ts';
import { DomainError } from '../../domain/errors.ts';
import { policyOf } from '../../domain/policy/effective.ts';
import {
  admissibleFrom,
  type DemocraticEvaluation,
  ELIMINATION_DECISIONS,
  evaluationTotals,
  type GroupTally,
  INSPECTION_VERDICTS,
  OBJECTION_ACTIONS,
  OBJECTION_OUTCOMES,
  type RoundResult,
  type RoundTally,
  rankByScore,
  type ScoreSheet,
  scoreSheet,
  tallyRound,
} from '../../domain/procedure.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { ownedByScope, scopedUnit } from '../auth/viewer.ts';
import { builder, WHOLE } from '../builder.ts';
import type { Context } from '../context.ts';
import { db } from '../db/client.ts';
import { requestLang } from '../lang.ts';
import { announceAppointment, withdrawAppointmentNotice } from '../reserves/appointments.ts';
import { decideElimination } from '../reserves/elimination.ts';
import { checkGates, GATES } from '../reserves/gates.ts';
import { entryCode, TRANSITIONS } from '../reserves/lifecycle.ts';
import {
  correctInspection,
  raiseObjection,
  recordInspection,
  recordRecommendation,
  recordScore,
  resolveObjection,
  strikeRecommendation,
} from '../reserves/procedure.ts';
import { promoteReserve } from '../reserves/promotion.ts';
import { PositionKindEnum, ReserveStatusEnum } from './enums.ts';
import { keptOn, metricInput } from './metric-input.ts';

const InspectionVerdictEnum = builder.enumType('InspectionVerdict', { values: INSPECTION_VERDICTS });
const ObjectionOutcomeEnum = builder.enumType('ObjectionOutcome', { values: OBJECTION_OUTCOMES });
const ObjectionActionEnum = builder.enumType('ObjectionAction', {
  values: OBJECTION_ACTIONS,
  description: 'SEND_BACK: back to inspection (INSPECTING); REJECT: the entry is rejected.',
});
const EliminationDecisionEnum = builder.enumType('EliminationDecisionKind', { values: ELIMINATION_DECISIONS });
const GateEnum = builder.enumType('ProcedureGate', {
  values: GATES,
  description: 'A condition of the selection procedure that stops a lifecycle step.',
});

const entryScope = async (code: string, ctx: Context) =>
  ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.entryUnitPath.load(code)] };

/** The policy in force on a date for the unit an entry is reserved for. */
async function entryPolicy(ctx: Context, unitKind: UnitKind, on: string) {
  return policyOf(await ctx.policiesAt(on), unitKind);
}

// ── 民主推荐 ───────────────────────────────────────────────────────────────────────────────

const GroupTallyRef = builder.objectRef<GroupTally>('GroupTally').implement({
  authScopes: { signedIn: true },
  description: 'One voter group’s ballots (or, as `total`, all groups together).',
  fields: (t) => ({
    group: t.exposeString('group', { description: 'The voter group’s key in the policy; ALL for the total.' }),
    expected: t.exposeInt('expected', { description: '应到: voters expected.' }),
    cast: t.exposeInt('cast', { description: '实到: ballots cast.' }),
    favour: t.exposeInt('favour'),
    against: t.exposeInt('against'),
    abstain: t.exposeInt('abstain'),
    invalid: t.exposeInt('invalid'),
    turnout: t.exposeFloat('turnout', { description: 'cast / expected.' }),
    favourShare: t.exposeFloat('favourShare', { description: 'favour / cast.' }),
  }),
});

const RoundTallyRef = builder
  .objectRef<RoundTally & { quorum: number; passShare: number }>('RecommendationTallyResult')
  .implement({
    authScopes: { signedIn: true },
    fields: (t) => ({
      groups: t.field({ type: [GroupTallyRef], resolve: (r) => r.groups }),
      total: t.field({ type: GroupTallyRef, resolve: (r) => r.total }),
      quorum: t.exposeFloat('quorum', { description: 'The policy’s quorum (turnout) on the day it was held.' }),
      passShare: t.exposeFloat('passShare', { description: 'The favour share the round had to exceed.' }),
      quorate: t.exposeBoolean('quorate'),
      void: t.exposeBoolean('void', { description: 'Below the quorum: the round does not count.' }),
      passed: t.exposeBoolean('passed'),
    }),
  });

builder.prismaObject('RecommendationRound', {
  description: '民主推荐: one round of recommendation ballots for an entry, counted per voter group.',
  select: { reserveCode: true },
  authScopes: (r, ctx) => entryScope(r.reserveCode, ctx),
  fields: (t) => ({
    id: t.exposeInt('id'),
    heldOn: t.expose('heldOn', { type: 'Date' }),
    note: t.exposeString('note', { nullable: true }),
    recordedBy: t.exposeString('recordedBy'),
    struckReason: t.exposeString('struckReason', {
      nullable: true,
      description: 'Set when the round was struck out; it no longer counts.',
    }),
    tally: t.field({
      type: RoundTallyRef,
      select: { heldOn: true, tallies: true, reserve: { select: { unit: { select: { kind: true } } } } },
      resolve: async (r, _args, ctx) => {
        const policy = await entryPolicy(ctx, r.reserve.unit.kind, toIso(r.heldOn));
        const order = policy.recommendation.groups;
        const tallies = [...r.tallies].sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
        const { quorum, passShare } = policy.recommendation;
        return { ...tallyRound(tallies, policy.recommendation), quorum, passShare };
      },
    }),
  }),
});

// ── 选拔评分 ───────────────────────────────────────────────────────────────────────────────

type RoundView = RoundResult & { parts: { part: string; score: number | null }[] };
type SheetView = Omit<ScoreSheet, 'rounds'> & { rounds: RoundView[]; rank: number | null; cohort: number };

const RoundResultRef = builder.objectRef<RoundView>('ScoreRoundResult').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    round: t.exposeString('round'),
    weight: t.exposeFloat('weight'),
    passMark: t.exposeFloat('passMark'),
    score: t.exposeFloat('score', { nullable: true, description: 'Null until every part is scored.' }),
    passed: t.exposeBoolean('passed', { nullable: true }),
    missingParts: t.exposeStringList('missingParts'),
    parts: t.field({
      type: [
        builder.objectRef<{ part: string; score: number | null }>('ScorePart').implement({
          authScopes: { signedIn: true },
          fields: (p) => ({ part: p.exposeString('part'), score: p.exposeFloat('score', { nullable: true }) }),
        }),
      ],
      resolve: (r) => r.parts,
    }),
  }),
});

const ScoreSheetRef = builder.objectRef<SheetView>('ScoreSheet').implement({
  authScopes: { signedIn: true },
  description: 'An entry’s selection scores by round, under the policy’s weights and pass marks.',
  fields: (t) => ({
    rounds: t.field({ type: [RoundResultRef], resolve: (s) => s.rounds }),
    eliminatedIn: t.exposeString('eliminatedIn', {
      nullable: true,
      description: 'The first round scored below its pass mark: the candidate is out of the selection.',
    }),
    finalScore: t.exposeFloat('finalScore', { nullable: true, description: 'Σ weight × round score, once complete.' }),
    rank: t.exposeInt('rank', { nullable: true, description: 'Rank by final score within the selection.' }),
    cohort: t.exposeInt('cohort', {
      description: 'Entries in the selection: same unit, kind and nomination year, with scores.',
    }),
  }),
});

interface CohortRow {
  code: string;
  sheet: SheetView;
}

/** Selections read in this request, by unit, kind and year: a list of entries reads each once. */
const selections = new WeakMap<Context, Map<string, Promise<CohortRow[]>>>();

/** The score sheets of a selection (same unit, target kind and nomination year), ranked. */
function selection(ctx: Context, unitCode: string, kind: 'PRINCIPAL' | 'DEPUTY', year: number): Promise<CohortRow[]> {
  let kept = selections.get(ctx);
  if (!kept) {
    kept = new Map();
    selections.set(ctx, kept);
  }
  const key = `${unitCode}|${kind}|${year}`;
  let rows = kept.get(key);
  if (!rows) {
    rows = readSelection(ctx, unitCode, kind, year);
    kept.set(key, rows);
  }
  return rows;
}

async function readSelection(
  ctx: Context,
  unitCode: string,
  kind: 'PRINCIPAL' | 'DEPUTY',
  year: number,
): Promise<CohortRow[]> {
  const entries = await db.reserveEntry.findMany({
    where: {
      unitCode,
      targetKind: kind,
      nominatedOn: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
      scores: { some: {} },
      ...ownedByScope(ctx.viewer),
    },
    select: { code: true, unit: { select: { kind: true } }, scores: true },
    orderBy: { id: 'asc' },
    take: 2000,
  });
  const rows = await Promise.all(
    entries.map(async (e) => {
      const last = e.scores.reduce((m, s) => (toIso(s.on) > m ? toIso(s.on) : m), '1900-01-01');
      const policy = (await entryPolicy(ctx, e.unit.kind, last)).selection;
      const sheet = scoreSheet(e.scores, policy);
      const rounds = sheet.rounds.map((r) => {
        const def = policy.rounds.find((x) => x.key === r.round)!;
        return {
          ...r,
          parts: def.parts.map((p) => ({
            part: p.key,
            score: e.scores.find((s) => s.round === r.round && s.part === p.key)?.score ?? null,
          })),
        };
      });
      return { code: e.code, ...sheet, rounds };
    }),
  );
  return rankByScore(rows).map(({ code, rank, ...sheet }) => ({
    code,
    sheet: { ...sheet, rank, cohort: rows.length },
  }));
}

const SelectionRowRef = builder.objectRef<CohortRow>('SelectionRankingRow').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    reserve: t.prismaField({
      type: 'ReserveEntry',
      resolve: (query, row) => db.reserveEntry.findUniqueOrThrow({ ...query, where: { code: row.code } }),
    }),
    scoreSheet: t.field({ type: ScoreSheetRef, resolve: (row) => row.sheet }),
  }),
});

// ── 考察, 公示 and objections ──────────────────────────────────────────────────────────────

const EvaluationRef = builder.objectRef<DemocraticEvaluation>('DemocraticEvaluation').implement({
  authScopes: { signedIn: true },
  description: '民主测评: the ballots by grade, their total and the share marked 不称职.',
  fields: (t) => ({
    excellent: t.exposeInt('excellent'),
    competent: t.exposeInt('competent'),
    basicallyCompetent: t.exposeInt('basicallyCompetent'),
    incompetent: t.exposeInt('incompetent'),
    total: t.int({ resolve: (e) => evaluationTotals(e).total }),
    incompetentShare: t.float({ resolve: (e) => evaluationTotals(e).incompetentShare }),
  }),
});

builder.prismaObject('Inspection', {
  description: '考察: who inspected the entry, how many were interviewed, the conclusion and verdict.',
  select: { reserveCode: true },
  authScopes: (r, ctx) => entryScope(r.reserveCode, ctx),
  fields: (t) => ({
    id: t.exposeInt('id'),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    concludedOn: t.expose('concludedOn', { type: 'Date', nullable: true }),
    inspectors: t.stringList({ select: { inspectors: true }, resolve: (r) => JSON.parse(r.inspectors) as string[] }),
    interviews: t.exposeInt('interviews'),
    conclusion: t.exposeString('conclusion', { nullable: true }),
    verdict: t.field({
      type: InspectionVerdictEnum,
      nullable: true,
      select: { verdict: true },
      resolve: (r) => r.verdict as (typeof INSPECTION_VERDICTS)[number] | null,
    }),
    evaluation: t.field({
      type: EvaluationRef,
      nullable: true,
      select: { evaluation: true },
      resolve: (r) => (r.evaluation ? (JSON.parse(r.evaluation) as DemocraticEvaluation) : null),
    }),
    disciplineOpinion: t.exposeString('disciplineOpinion', { nullable: true }),
    disciplineOpinionOn: t.expose('disciplineOpinionOn', { type: 'Date', nullable: true }),
    recordedBy: t.exposeString('recordedBy'),
  }),
});

builder.prismaObject('Objection', {
  description: '异议: an objection received during the public notice, and its finding.',
  select: { notice: { select: { reserveCode: true } } },
  authScopes: (o, ctx) => entryScope(o.notice.reserveCode, ctx),
  fields: (t) => ({
    id: t.exposeInt('id'),
    receivedOn: t.expose('receivedOn', { type: 'Date' }),
    summary: t.exposeString('summary'),
    outcome: t.field({
      type: ObjectionOutcomeEnum,
      select: { outcome: true },
      resolve: (o) => o.outcome as (typeof OBJECTION_OUTCOMES)[number],
    }),
    action: t.field({
      type: ObjectionActionEnum,
      nullable: true,
      select: { action: true },
      resolve: (o) => o.action as (typeof OBJECTION_ACTIONS)[number] | null,
    }),
    finding: t.exposeString('finding', { nullable: true }),
    resolvedOn: t.expose('resolvedOn', { type: 'Date', nullable: true }),
    resolvedBy: t.exposeString('resolvedBy', { nullable: true }),
    recordedBy: t.exposeString('recordedBy'),
  }),
});

builder.prismaObject('PublicNotice', {
  description: '公示: the notice window, `days` calendar days from `startsOn` to `endsOn`, its last day.',
  select: { reserveCode: true },
  authScopes: (r, ctx) => entryScope(r.reserveCode, ctx),
  fields: (t) => ({
    id: t.exposeInt('id'),
    startsOn: t.expose('startsOn', { type: 'Date' }),
    endsOn: t.expose('endsOn', { type: 'Date' }),
    days: t.exposeInt('days'),
    admissibleFrom: t.field({
      type: 'Date',
      description: 'The first day the entry may be admitted into the pool: the day after the window.',
      select: { endsOn: true },
      resolve: (n) => admissibleFrom(toIso(n.endsOn)),
    }),
    closedOn: t.expose('closedOn', { type: 'Date', nullable: true }),
    closedAs: t.exposeString('closedAs', { nullable: true, description: 'ADMITTED, SENT_BACK or REJECTED.' }),
    objections: t.relation('objections', { query: { orderBy: { id: 'asc' } } }),
  }),
});

builder.prismaObject('EliminationDecision', {
  description: 'A decision on an elimination candidate: KEEP with its reason, or REMOVE.',
  select: { reserveCode: true },
  authScopes: (r, ctx) => entryScope(r.reserveCode, ctx),
  fields: (t) => ({
    id: t.exposeInt('id'),
    decision: t.field({
      type: EliminationDecisionEnum,
      select: { decision: true },
      resolve: (d) => d.decision as (typeof ELIMINATION_DECISIONS)[number],
    }),
    on: t.expose('on', { type: 'Date' }),
    reason: t.exposeString('reason'),
    flags: t.stringList({
      description: 'The alerts it was flagged for when decided.',
      select: { flags: true },
      resolve: (d) => JSON.parse(d.flags) as string[],
    }),
    decidedBy: t.exposeString('decidedBy'),
  }),
});

builder.prismaObject('Incumbency', {
  description: '任职: who held a position from when until when (written by promotions).',
  select: { position: { select: { unitCode: true } } },
  authScopes: async (r, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.unitPath.load(r.position.unitCode)] },
  fields: (t) => ({
    person: t.relation('person'),
    from: t.expose('from', { type: 'Date', nullable: true, description: 'Null: since before the records begin.' }),
    until: t.expose('until', { type: 'Date', nullable: true }),
    termEnds: t.expose('termEnds', { type: 'Date', nullable: true }),
    reserveCode: t.exposeString('reserveCode', { nullable: true, description: 'The entry whose promotion began it.' }),
  }),
});

builder.prismaObjectFields('Position', (t) => ({
  incumbencies: t.relation('incumbencies', {
    description: 'Who held the position when, oldest first (empty: only the current incumbent is known).',
    query: { orderBy: [{ from: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }] },
  }),
}));

const StepBlockerRef = builder.objectRef<{ to: string; gate: string; message: string }>('StepBlocker').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    to: t.field({ type: ReserveStatusEnum, resolve: (b) => b.to as never }),
    gate: t.field({ type: GateEnum, resolve: (b) => b.gate as never }),
    message: t.exposeString('message'),
  }),
});

builder.prismaObjectFields('ReserveEntry', (t) => ({
  recommendationRounds: t.relation('ballots', { query: { orderBy: [{ heldOn: 'asc' }, { id: 'asc' }] } }),
  inspections: t.relation('inspections', { query: { orderBy: [{ startedOn: 'asc' }, { id: 'asc' }] } }),
  notices: t.relation('notices', { query: { orderBy: { id: 'asc' } } }),
  eliminationDecisions: t.relation('eliminationDecisions', { query: { orderBy: [{ on: 'asc' }, { id: 'asc' }] } }),
  scoreSheet: t.field({
    type: ScoreSheetRef,
    nullable: true,
    description: 'The selection scores and the rank within the selection; null when nothing is scored.',
    select: { code: true, unitCode: true, targetKind: true, nominatedOn: true },
    resolve: async (e, _args, ctx) => {
      const rows = await selection(ctx, e.unitCode, e.targetKind, e.nominatedOn.getUTCFullYear());
      return rows.find((r) => r.code === e.code)?.sheet ?? null;
    },
  }),
  blockers: t.field({
    type: [StepBlockerRef],
    description:
      'For each next status the lifecycle allows, the procedure condition that stops the step today (empty: none).',
    select: {
      code: true,
      personCode: true,
      targetRank: true,
      status: true,
      source: true,
      nominatedOn: true,
      enteredOn: true,
      unit: { select: { kind: true } },
    },
    resolve: async (e, _args, ctx) => {
      const today = todayIso();
      // The request's policies (read once), not one read per listed entry.
      const policy = await entryPolicy(ctx, e.unit.kind, today);
      const out: { to: string; gate: string; message: string }[] = [];
      for (const to of TRANSITIONS[e.status]) {
        try {
          await checkGates(db, e, to, today, policy);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          out.push({ to, gate: String(error.extensions.gate), message: error.localized(requestLang()) });
        }
      }
      return out;
    },
  }),
}));

builder.queryFields((t) => ({
  selectionRanking: t.field({
    type: [SelectionRowRef],
    authScopes: { signedIn: true },
    description:
      'A selection’s score sheets ranked by final score: the entries for a unit’s team and kind nominated in a year that have scores.',
    args: {
      unitCode: t.arg.string({ required: true, validate: z.string().max(64) }),
      kind: t.arg({ type: PositionKindEnum, required: true }),
      year: t.arg.int({ required: true, validate: z.number().int().min(1900).max(2100) }),
    },
    resolve: async (_root, args, ctx) => {
      await scopedUnit(db, args.unitCode, ctx.viewer);
      const rows = await selection(ctx, args.unitCode, args.kind, args.year);
      return rows.sort((a, b) => (a.sheet.rank ?? 1e9) - (b.sheet.rank ?? 1e9));
    },
  }),
}));

// ── Mutations ───────────────────────────────────────────────────────────────────────────────

const dateArg = { type: 'Date', required: true } as const;
const key = z.string().max(32);
const count = z.number().int().min(0).max(100_000);

const BallotGroupInput = builder.inputType('BallotGroupInput', {
  fields: (t) => ({
    group: t.string({ required: true, validate: key, description: 'A voter group of the policy, e.g. MASSES.' }),
    expected: t.int({ required: true, validate: count }),
    cast: t.int({ required: true, validate: count }),
    favour: t.int({ required: true, validate: count }),
    against: t.int({ required: true, validate: count }),
    abstain: t.int({ required: true, validate: count }),
    invalid: t.int({ required: true, validate: count }),
  }),
});

const RecordRecommendationInput = builder.inputType('RecordRecommendationInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true }),
    heldOn: t.field(dateArg),
    note: t.string({ validate: z.string().max(500) }),
    groups: t.field({ type: [BallotGroupInput], required: true, validate: z.array(z.unknown()).max(12) }),
  }),
});

const StrikeRecommendationInput = builder.inputType('StrikeRecommendationInput', {
  fields: (t) => ({
    roundId: t.int({ required: true }),
    reason: t.string({ required: true, validate: z.string().max(500) }),
  }),
});

const RecordScoreInput = builder.inputType('RecordScoreInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true }),
    round: t.string({ required: true, validate: key, description: 'A round of the policy, e.g. WRITTEN.' }),
    part: t.string({ validate: key, description: 'For a round scored in parts (e.g. INSPECTION): the part.' }),
    score: t.float({ required: true, validate: z.number().min(0).max(1000) }),
    on: t.field(dateArg),
  }),
});

const EvaluationInput = builder.inputType('DemocraticEvaluationInput', {
  fields: (t) => ({
    excellent: t.int({ required: true, validate: count, description: '优秀' }),
    competent: t.int({ required: true, validate: count, description: '称职' }),
    basicallyCompetent: t.int({ required: true, validate: count, description: '基本称职' }),
    incompetent: t.int({ required: true, validate: count, description: '不称职' }),
  }),
});

const RecordInspectionInput = builder.inputType('RecordInspectionInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true }),
    startedOn: t.field(dateArg),
    concludedOn: t.field({ type: 'Date' }),
    inspectors: t.stringList({ required: true, validate: z.array(z.string().max(50)).max(20) }),
    interviews: t.int({ required: true, validate: count, description: '个别谈话: people interviewed.' }),
    conclusion: t.string({ validate: z.string().max(4000) }),
    verdict: t.field({ type: InspectionVerdictEnum }),
    evaluation: t.field({ type: EvaluationInput, description: '民主测评: the ballots by grade.' }),
    disciplineOpinion: t.string({
      validate: z.string().max(1000),
      description: '征求纪检监察机关意见: the opinion, with its date.',
    }),
    disciplineOpinionOn: t.field({ type: 'Date' }),
  }),
});

const CorrectInspectionInput = builder.inputType('CorrectInspectionInput', {
  fields: (t) => ({
    inspectionId: t.int({ required: true }),
    startedOn: t.field({ type: 'Date' }),
    concludedOn: t.field({ type: 'Date' }),
    inspectors: t.stringList({ validate: z.array(z.string().max(50)).max(20) }),
    interviews: t.int({ validate: count }),
    conclusion: t.string({ validate: z.string().max(4000) }),
    verdict: t.field({ type: InspectionVerdictEnum }),
    evaluation: t.field({ type: EvaluationInput }),
    disciplineOpinion: t.string({ validate: z.string().max(1000) }),
    disciplineOpinionOn: t.field({ type: 'Date' }),
  }),
});

const RaiseObjectionInput = builder.inputType('RaiseObjectionInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true }),
    receivedOn: t.field(dateArg),
    summary: t.string({ required: true, validate: z.string().max(2000) }),
  }),
});

const ResolveObjectionInput = builder.inputType('ResolveObjectionInput', {
  fields: (t) => ({
    objectionId: t.int({ required: true }),
    outcome: t.field({
      type: builder.enumType('ObjectionFinding', { values: ['UPHELD', 'DISMISSED'] as const }),
      required: true,
    }),
    action: t.field({ type: ObjectionActionEnum, description: 'Needed when UPHELD.' }),
    finding: t.string({ required: true, validate: z.string().max(2000) }),
    on: t.field(dateArg),
  }),
});

const PromoteReserveInput = builder.inputType('PromoteReserveInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true }),
    positionCode: t.string({ required: true, validate: z.string().max(64) }),
    on: t.field(dateArg),
    termEnds: t.field({ type: 'Date' }),
    reason: t.string({ validate: z.string().max(500) }),
    acrossUnits: t.boolean({
      description: '交流任职: the post is in another unit of your subtree than the one the entry is reserved for.',
    }),
  }),
});

const AnnounceAppointmentInput = builder.inputType('AnnounceAppointmentInput', {
  description: 'Names the entry (from the pool) or the person (from outside the pool): one of the two.',
  fields: (t) => ({
    reserveId: t.id(),
    personCode: t.string({ validate: z.string().max(64) }),
    positionCode: t.string({ required: true, validate: z.string().max(64) }),
    startsOn: t.field(dateArg),
    acrossUnits: t.boolean({ description: '交流任职: a post of another unit of your subtree.' }),
  }),
});

const WithdrawAppointmentNoticeInput = builder.inputType('WithdrawAppointmentNoticeInput', {
  fields: (t) => ({
    noticeId: t.int({ required: true }),
    reason: t.string({ required: true, validate: z.string().max(500) }),
  }),
});

builder.prismaObject('AppointmentNotice', {
  description:
    '任前公示: the notice before an appointment, for the policy’s working days; the appointment from the day after.',
  select: { reserveCode: true, position: { select: { unitCode: true } } },
  // Seen from the post's unit, and an entry's notice from the entry's unit too.
  authScopes: async (n, ctx) =>
    ctx.viewer.path === ''
      ? WHOLE
      : {
          units: [
            await ctx.loaders.unitPath.load(n.position.unitCode),
            ...(n.reserveCode ? [await ctx.loaders.entryUnitPath.load(n.reserveCode)] : []),
          ],
        },
  fields: (t) => ({
    id: t.exposeInt('id'),
    position: t.relation('position'),
    person: t.relation('person'),
    reserveCode: t.exposeString('reserveCode', {
      nullable: true,
      description: 'The entry announced (from the pool); null: a person from outside the pool.',
    }),
    startsOn: t.expose('startsOn', { type: 'Date' }),
    endsOn: t.expose('endsOn', { type: 'Date' }),
    workingDays: t.exposeInt('workingDays'),
    appointableFrom: t.field({
      type: 'Date',
      select: { endsOn: true },
      resolve: (n) => addDays(toIso(n.endsOn), 1),
    }),
    recordedBy: t.exposeString('recordedBy'),
    withdrawnReason: t.exposeString('withdrawnReason', { nullable: true }),
    withdrawnBy: t.exposeString('withdrawnBy', { nullable: true }),
  }),
});

builder.prismaObjectFields('ReserveEntry', (t) => ({
  appointmentNotices: t.relation('appointmentNotices', {
    description: 'Its 任前公示, oldest first (withdrawn ones included).',
    query: { orderBy: { id: 'asc' } },
  }),
}));

const DecideEliminationInput = builder.inputType('DecideEliminationInput', {
  fields: (t) => ({
    reserveId: t.id({ required: true }),
    decision: t.field({ type: EliminationDecisionEnum, required: true }),
    on: t.field(dateArg),
    reason: t.string({ required: true, validate: z.string().max(1000) }),
  }),
});

const opts = (ctx: Context) => ({ requestId: ctx.requestId });
const id = (v: string | number) => String(v);

builder.mutationFields((t) => ({
  recordRecommendation: t.prismaField({
    type: 'RecommendationRound',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Records a round of recommendation ballots for a NOMINATED entry, per voter group (counted against the policy’s quorum and pass share).',
    args: { input: t.arg({ type: RecordRecommendationInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const round = await recordRecommendation(db, ctx.viewer, { ...input, reserveId: id(input.reserveId) }, opts(ctx));
      return db.recommendationRound.findUniqueOrThrow({ ...query, where: { id: round.id } });
    },
  }),
  strikeRecommendation: t.prismaField({
    type: 'RecommendationRound',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Strikes out a round entered by mistake, with a reason; it stays, and no longer counts.',
    args: { input: t.arg({ type: StrikeRecommendationInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const round = await strikeRecommendation(db, ctx.viewer, input, opts(ctx));
      return db.recommendationRound.findUniqueOrThrow({ ...query, where: { id: round.id } });
    },
  }),
  recordScore: t.field({
    type: ScoreSheetRef,
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Records (or corrects) an entry’s score in a selection round or part; answers the entry’s score sheet.',
    args: { input: t.arg({ type: RecordScoreInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      await recordScore(db, ctx.viewer, { ...input, reserveId: id(input.reserveId) }, opts(ctx));
      const e = await db.reserveEntry.findUniqueOrThrow({ where: { code: entryCode(id(input.reserveId)) } });
      // Read afresh: an earlier field of the same request may have read this selection before the write.
      const rows = await readSelection(ctx, e.unitCode, e.targetKind, e.nominatedOn.getUTCFullYear());
      return rows.find((r) => r.code === e.code)!.sheet;
    },
  }),
  recordInspection: t.prismaField({
    type: 'Inspection',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Records the inspection of an INSPECTING entry (a verdict needs its conclusion and date).',
    args: { input: t.arg({ type: RecordInspectionInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await recordInspection(db, ctx.viewer, { ...input, reserveId: id(input.reserveId) }, opts(ctx));
      return db.inspection.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  correctInspection: t.prismaField({
    type: 'Inspection',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Corrects or concludes an inspection while its entry is INSPECTING; the audit keeps the earlier values.',
    args: { input: t.arg({ type: CorrectInspectionInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await correctInspection(db, ctx.viewer, input, opts(ctx));
      return db.inspection.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  raiseObjection: t.prismaField({
    type: 'Objection',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Records an objection received during a PUBLICIZING entry’s notice window.',
    args: { input: t.arg({ type: RaiseObjectionInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await raiseObjection(db, ctx.viewer, { ...input, reserveId: id(input.reserveId) }, opts(ctx));
      return db.objection.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  resolveObjection: t.prismaField({
    type: 'Objection',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Records the finding on an objection; UPHELD with SEND_BACK returns the entry to INSPECTING, with REJECT rejects it.',
    args: { input: t.arg({ type: ResolveObjectionInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await resolveObjection(db, ctx.viewer, input, opts(ctx));
      return db.objection.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  announceAppointment: t.prismaField({
    type: 'AppointmentNotice',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Announces an appointment (任前公示) for the policy’s working days from `startsOn`: of an entry in the pool to a post that fits it, or of a person from outside the pool (appointPerson).',
    args: { input: t.arg({ type: AnnounceAppointmentInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await announceAppointment(
        db,
        ctx.viewer,
        { ...input, reserveId: input.reserveId ? id(input.reserveId) : null },
        opts(ctx),
      );
      return db.appointmentNotice.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  withdrawAppointmentNotice: t.prismaField({
    type: 'AppointmentNotice',
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'Withdraws an appointment notice with a reason; it is kept and no longer counts.',
    args: { input: t.arg({ type: WithdrawAppointmentNoticeInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await withdrawAppointmentNotice(db, ctx.viewer, input, opts(ctx));
      return db.appointmentNotice.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  promoteReserve: t.prismaField({
    type: 'ReserveEntry',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Promotes an ACTIVE entry into a position of its kind: the entry becomes PROMOTED and the position’s incumbent changes from that date.',
    args: { input: t.arg({ type: PromoteReserveInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const entry = await promoteReserve(db, ctx.viewer, { ...input, reserveId: id(input.reserveId) }, opts(ctx));
      return db.reserveEntry.findUniqueOrThrow({ ...query, where: { code: entry.code } });
    },
  }),
  decideElimination: t.prismaField({
    type: 'EliminationDecision',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Decides on an elimination candidate flagged at `on`: KEEP (with its reason) or REMOVE (the entry leaves the pool as REMOVED).',
    args: { input: t.arg({ type: DecideEliminationInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const made = await decideElimination(
        db,
        ctx.viewer,
        { ...input, reserveId: id(input.reserveId) },
        async (code, unitCode, on) => {
          const input = await metricInput(ctx, { unitCode, subtree: false, asOf: on });
          const report = await alerts(input, {
            only: [...ELIMINATION],
            limit: 1000,
            offset: 0,
            keep: keptOn(on),
          });
          const item = report.items.find((i) => i.reserveCode === code);
          return item ? item.alerts.filter((a) => ELIMINATION.includes(a)) : [];
        },
        opts(ctx),
      );
      return db.eliminationDecision.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
}));
