// 差额推荐 (docs/decisions/043): a comparative recommendation round of a unit for one kind of post
// — several nominated candidates on one ballot, votes counted per voter group and in total,
// ranked; the best-ranked candidates (the policy's shortlist, by default the team's reserve
// target) may go on to inspection (./gates.ts). A round is recorded whole or not at all, scoped to
// the viewer's subtree and audited; it is struck out with a reason, never deleted. Single-candidate
// yes/no rounds (./procedure.ts recordRecommendation) stay as they are.
import { toDate, todayIso, toIso } from '../../domain/dates.ts';
import type { PositionKind } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam, listParam } from '../../domain/messages.ts';
import { type CandidateVotes, type ComparativeGroup, comparativeProblems } from '../../domain/procedure.ts';
import { appendAudit } from '../audit/log.ts';
import { ownedByScope, scopedUnit, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { ComparativeRound } from '../db/generated/sqlite/client.ts';
import { effectivePolicy } from '../policy/store.ts';
import { entryCode } from './lifecycle.ts';
import { name } from './records.ts';

/** At most this many candidates on one ballot. */
export const MAX_CANDIDATES = 50;

export interface ComparativeInput {
  unitCode: string;
  kind: PositionKind;
  heldOn: string;
  note?: string | null;
  groups: ComparativeGroup[];
  candidates: { reserveId: string; votes: { group: string; votes: number }[] }[];
}

export async function recordComparativeRound(
  db: Db,
  viewer: Viewer,
  input: ComparativeInput,
  options: { requestId?: string | null } = {},
): Promise<ComparativeRound> {
  const unit = await scopedUnit(db, input.unitCode, viewer);
  const at = { unit: unit.name };
  if (input.heldOn > todayIso())
    throw refusal('BAD_USER_INPUT', 'comparative.inFuture', { ...at, on: input.heldOn }, { field: 'heldOn' });
  const { policy } = await effectivePolicy(db, unit.kind, input.heldOn);
  const known = policy.recommendation.groups;
  if (input.groups.length === 0) throw refusal('BAD_USER_INPUT', 'comparative.noGroups', at, { field: 'groups' });
  const seen = new Set<string>();
  input.groups.forEach((g, i) => {
    const group = enumParam('VoterGroup', g.group);
    if (!known.includes(g.group))
      throw refusal(
        'BAD_USER_INPUT',
        'comparative.unknownGroup',
        { ...at, group, known: listParam(known.map((k) => enumParam('VoterGroup', k))) },
        { field: `groups.${i}.group` },
      );
    if (seen.has(g.group))
      throw refusal('BAD_USER_INPUT', 'comparative.groupTwice', { ...at, group }, { field: `groups.${i}.group` });
    seen.add(g.group);
  });
  // The ballots first, then the candidates and their votes against them.
  const [ballots] = comparativeProblems(input.groups, []);
  if (ballots)
    throw refusal(
      'BAD_USER_INPUT',
      'comparative.numbers',
      { ...at, problem: ballots.message },
      { field: ballots.field },
    );
  if (input.candidates.length < 2 || input.candidates.length > MAX_CANDIDATES)
    throw refusal(
      'BAD_USER_INPUT',
      'comparative.candidateCount',
      { ...at, count: input.candidates.length, max: MAX_CANDIDATES },
      { field: 'candidates' },
    );
  const codes = input.candidates.map((c) => entryCode(c.reserveId));
  const entries = await db.reserveEntry.findMany({ where: { code: { in: codes }, ...ownedByScope(viewer) } });
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const candidates: CandidateVotes[] = [];
  codes.forEach((code, i) => {
    const field = `candidates.${i}.reserveId`;
    const entry = byCode.get(code);
    if (!entry) throw refusal('NOT_FOUND', 'reserve.notFound', { entry: code }, { field });
    if (codes.indexOf(code) !== i)
      throw refusal('BAD_USER_INPUT', 'comparative.candidateTwice', { ...at, entry: code }, { field });
    if (entry.unitCode !== unit.code || entry.targetKind !== input.kind || entry.status !== 'NOMINATED')
      throw refusal(
        'BAD_USER_INPUT',
        'comparative.notCandidate',
        {
          ...at,
          entry: code,
          kind: enumParam('PositionKind', input.kind),
          nominated: enumParam('ReserveStatus', 'NOMINATED'),
        },
        { field },
      );
    if (input.heldOn < toIso(entry.nominatedOn))
      throw refusal(
        'BAD_USER_INPUT',
        'comparative.beforeNominated',
        { ...at, entry: code, on: input.heldOn, nominated: toIso(entry.nominatedOn) },
        { field: 'heldOn' },
      );
    // Every candidate stands in the round with every group, 0 where no votes were given.
    const votes: Record<string, number> = Object.fromEntries([...seen].map((g) => [g, 0]));
    input.candidates[i]!.votes.forEach((v, j) => {
      if (!seen.has(v.group))
        throw refusal(
          'BAD_USER_INPUT',
          'comparative.votesGroup',
          { ...at, entry: code, group: enumParam('VoterGroup', v.group) },
          { field: `candidates.${i}.votes.${j}.group` },
        );
      votes[v.group] = v.votes;
    });
    candidates.push({ reserveCode: code, votes });
  });
  const [problem] = comparativeProblems(input.groups, candidates);
  if (problem)
    throw refusal(
      'BAD_USER_INPUT',
      'comparative.numbers',
      { ...at, problem: problem.message },
      { field: problem.field },
    );
  const note = input.note?.trim() ? name(input.note, 'note', 500) : null;
  const groups = input.groups.map(({ group, expected, cast, invalid }) => ({ group, expected, cast, invalid }));
  return db.$transaction(async (tx) => {
    const round = await tx.comparativeRound.create({
      data: {
        unitCode: unit.code,
        kind: input.kind,
        heldOn: toDate(input.heldOn),
        note,
        groups: JSON.stringify(groups),
        recordedBy: viewer.actor,
        votes: {
          create: candidates.flatMap((c) =>
            Object.entries(c.votes).map(([group, votes]) => ({ reserveCode: c.reserveCode, group, votes })),
          ),
        },
      },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'comparative.record',
      entity: 'Unit',
      entityCode: unit.code,
      detail: { after: { id: round.id, kind: input.kind, heldOn: input.heldOn, groups, candidates } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, { entity: 'RecommendationRound', keys: codes });
    return round;
  });
}

/** Strikes out a round entered by mistake: it stays, shown struck, and no longer counts. */
export async function strikeComparativeRound(
  db: Db,
  viewer: Viewer,
  input: { roundId: number; reason: string },
  options: { requestId?: string | null } = {},
): Promise<ComparativeRound> {
  const reason = name(input.reason, 'reason', 500);
  const round = await db.comparativeRound.findFirst({
    where: { id: input.roundId, ...ownedByScope(viewer) },
    include: { votes: { select: { reserveCode: true } } },
  });
  if (!round) throw refusal('NOT_FOUND', 'comparative.notFound', { id: input.roundId });
  return db.$transaction(async (tx) => {
    const { count } = await tx.comparativeRound.updateMany({
      where: { id: round.id, struckReason: null },
      data: { struckReason: reason, struckBy: viewer.actor },
    });
    if (count !== 1)
      throw refusal('BAD_USER_INPUT', 'comparative.alreadyStruck', { id: round.id }, { field: 'roundId' });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'comparative.strike',
      entity: 'Unit',
      entityCode: round.unitCode,
      detail: { after: { id: round.id, struckReason: reason } },
      requestId: options.requestId ?? null,
    });
    await recordChange(tx, {
      entity: 'RecommendationRound',
      keys: [...new Set(round.votes.map((v) => v.reserveCode))],
    });
    return tx.comparativeRound.findUniqueOrThrow({ where: { id: round.id } });
  });
}
