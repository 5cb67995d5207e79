// The selection procedure's own arithmetic (domain rules, "Records around an entry" and
// "Lifecycle"): a recommendation round counted per voter group against quorum and threshold,
// score rounds with weights, pass marks and elimination, and the public-notice window. Pure:
// the numbers come from the policy in force, the records from the caller.
import { addDays, addYears } from './dates.ts';
import { enumParam, fieldParam, listParam, type MessageRef, messageParam } from './messages.ts';
import type { Policy } from './policy/defaults.ts';

// ── 民主推荐: recommendation ballots ─────────────────────────────────────────────────────────

/** One voter group's ballots: expected voters (应到), ballots cast (实到) and their marks. */
export interface GroupBallots {
  group: string;
  expected: number;
  cast: number;
  favour: number;
  against: number;
  abstain: number;
  invalid: number;
}

export interface GroupTally extends GroupBallots {
  /** cast / expected (0 when nobody was expected). */
  turnout: number;
  /** favour / cast (0 when nothing was cast). */
  favourShare: number;
}

export interface RoundTally {
  groups: GroupTally[];
  total: GroupTally;
  /** Turnout reached the policy's quorum; a round below it is void. */
  quorate: boolean;
  void: boolean;
  /** Quorate, and the favour share over all groups is more than the policy's pass share. */
  passed: boolean;
}

const share = (n: number, d: number) => (d > 0 ? n / d : 0);

/**
 * The problems with one group's numbers, each naming the field (empty: consistent). The marks
 * add up to the ballots cast, which cannot exceed the voters expected.
 */
export function ballotProblems(b: GroupBallots): { field: string; message: MessageRef }[] {
  const problems: { field: string; message: MessageRef }[] = [];
  for (const field of ['expected', 'cast', 'favour', 'against', 'abstain', 'invalid'] as const)
    if (!Number.isInteger(b[field]) || b[field] < 0 || b[field] > 100_000)
      problems.push({
        field,
        message: messageParam('ballot.countRange', { field: fieldParam(field), value: b[field] }),
      });
  if (problems.length) return problems;
  if (b.cast > b.expected)
    problems.push({
      field: 'cast',
      message: messageParam('ballot.castOverExpected', { cast: b.cast, expected: b.expected }),
    });
  const marked = b.favour + b.against + b.abstain + b.invalid;
  if (marked !== b.cast)
    problems.push({
      field: 'favour',
      message: messageParam('ballot.marksMismatch', {
        favour: b.favour,
        against: b.against,
        abstain: b.abstain,
        invalid: b.invalid,
        marked,
        cast: b.cast,
      }),
    });
  return problems;
}

function tallyOf(b: GroupBallots): GroupTally {
  return { ...b, turnout: share(b.cast, b.expected), favourShare: share(b.favour, b.cast) };
}

/** Counts a round per group and together, against the policy's quorum and pass share. */
export function tallyRound(
  groups: GroupBallots[],
  policy: Pick<Policy['recommendation'], 'quorum' | 'passShare'>,
): RoundTally {
  const sum = (k: keyof Omit<GroupBallots, 'group'>) => groups.reduce((s, g) => s + g[k], 0);
  const total = tallyOf({
    group: 'ALL',
    expected: sum('expected'),
    cast: sum('cast'),
    favour: sum('favour'),
    against: sum('against'),
    abstain: sum('abstain'),
    invalid: sum('invalid'),
  });
  const quorate = total.expected > 0 && total.turnout >= policy.quorum;
  return {
    groups: groups.map(tallyOf),
    total,
    quorate,
    void: !quorate,
    passed: quorate && total.favourShare > policy.passShare,
  };
}

// ── 差额推荐: comparative recommendation ─────────────────────────────────────────────────────

/** One voter group's ballots in a comparative round: expected voters, ballots cast, invalid ones. */
export interface ComparativeGroup {
  group: string;
  expected: number;
  cast: number;
  invalid: number;
}

/** A candidate's votes by voter group (a group not named: no votes). */
export interface CandidateVotes {
  reserveCode: string;
  votes: Record<string, number>;
}

export interface CandidateStanding {
  reserveCode: string;
  /** Per voter group, in the round's order: the votes and their share of the group's valid ballots. */
  groups: { group: string; votes: number; share: number }[];
  votes: number;
  /** votes / all valid ballots. */
  share: number;
  /** 1 for the most votes; candidates with equal votes share a rank (1, 2, 2, 4). */
  rank: number;
  /** Quorate, and ranked within the shortlist: a candidate for inspection. */
  shortlisted: boolean;
}

export interface ComparativeTally {
  groups: (ComparativeGroup & { valid: number; turnout: number })[];
  expected: number;
  cast: number;
  valid: number;
  turnout: number;
  quorate: boolean;
  shortlist: number;
  standings: CandidateStanding[];
}

/**
 * The problems with a comparative round's numbers, each naming the field: every count a whole
 * number from 0 to 100 000, ballots cast no more than expected, invalid no more than cast, and a
 * candidate's votes from a group no more than its valid ballots (each voter marks a candidate once).
 */
export function comparativeProblems(
  groups: ComparativeGroup[],
  candidates: CandidateVotes[],
): { field: string; message: MessageRef }[] {
  const problems: { field: string; message: MessageRef }[] = [];
  const whole = (v: number) => Number.isInteger(v) && v >= 0 && v <= 100_000;
  groups.forEach((g, i) => {
    for (const field of ['expected', 'cast', 'invalid'] as const)
      if (!whole(g[field]))
        problems.push({
          field: `groups.${i}.${field}`,
          message: messageParam('ballot.countRange', { field: fieldParam(field), value: g[field] }),
        });
    if (g.cast > g.expected)
      problems.push({
        field: `groups.${i}.cast`,
        message: messageParam('ballot.castOverExpected', { cast: g.cast, expected: g.expected }),
      });
    if (g.invalid > g.cast)
      problems.push({
        field: `groups.${i}.invalid`,
        message: messageParam('ballot.invalidOverCast', { invalid: g.invalid, cast: g.cast }),
      });
  });
  const valid = new Map(groups.map((g) => [g.group, g.cast - g.invalid]));
  candidates.forEach((c, i) => {
    for (const [group, votes] of Object.entries(c.votes)) {
      if (!whole(votes))
        problems.push({
          field: `candidates.${i}.votes`,
          message: messageParam('ballot.countRange', { field: fieldParam('votes'), value: votes }),
        });
      else if (votes > (valid.get(group) ?? 0))
        problems.push({
          field: `candidates.${i}.votes`,
          message: messageParam('ballot.votesOverValid', {
            group: enumParam('VoterGroup', group),
            votes,
            valid: valid.get(group) ?? 0,
          }),
        });
    }
  });
  return problems;
}

/**
 * Counts a comparative round: per group and together, turnout against the policy's quorum, and the
 * candidates ranked by their votes over all groups. The `shortlist` best ranks are the candidates
 * for inspection (ties at the cut all go through); none when the round is not quorate.
 */
export function rankComparative(
  groups: ComparativeGroup[],
  candidates: CandidateVotes[],
  policy: Pick<Policy['recommendation'], 'quorum'>,
  shortlist: number,
): ComparativeTally {
  const counted = groups.map((g) => ({ ...g, valid: g.cast - g.invalid, turnout: share(g.cast, g.expected) }));
  const expected = counted.reduce((s, g) => s + g.expected, 0);
  const cast = counted.reduce((s, g) => s + g.cast, 0);
  const valid = counted.reduce((s, g) => s + g.valid, 0);
  const turnout = share(cast, expected);
  const quorate = expected > 0 && turnout >= policy.quorum - 1e-12;
  const standings = candidates.map((c) => {
    const byGroup = counted.map((g) => {
      const votes = c.votes[g.group] ?? 0;
      return { group: g.group, votes, share: share(votes, g.valid) };
    });
    const votes = byGroup.reduce((s, g) => s + g.votes, 0);
    return {
      reserveCode: c.reserveCode,
      groups: byGroup,
      votes,
      share: share(votes, valid),
      rank: 0,
      shortlisted: false,
    };
  });
  standings.sort((a, b) => b.votes - a.votes || (a.reserveCode < b.reserveCode ? -1 : 1));
  standings.forEach((s, i) => {
    s.rank = i > 0 && standings[i - 1]!.votes === s.votes ? standings[i - 1]!.rank : i + 1;
    s.shortlisted = quorate && s.rank <= shortlist;
  });
  return { groups: counted, expected, cast, valid, turnout, quorate, shortlist, standings };
}

// ── 选拔评分: score rounds ──────────────────────────────────────────────────────────────────

export interface ScoreRecord {
  round: string;
  /** Empty: the whole round; otherwise one rater group's part of it. */
  part: string;
  score: number;
}

export interface RoundResult {
  round: string;
  weight: number;
  passMark: number;
  /** The round's score (its parts weighted), null until every part is recorded. */
  score: number | null;
  /** Parts the policy wants that have no score yet. */
  missingParts: string[];
  passed: boolean | null;
}

export interface ScoreSheet {
  rounds: RoundResult[];
  /** The first round, in the policy's order, scored below its pass mark; null: none. */
  eliminatedIn: string | null;
  /** Σ weight × round score once every round is scored and none eliminated; else null. */
  finalScore: number | null;
}

/** Two decimals: scores are read and compared as printed on a score sheet. */
export function roundScore(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Where a score for (round, part) fits the policy's rounds; what is wrong when it does not. */
export function scoreSlotProblem(round: string, part: string, policy: Policy['selection']): MessageRef | null {
  const r = policy.rounds.find((x) => x.key === round);
  const roundParam = enumParam('ScoreRound', round);
  if (!r)
    return messageParam('score.unknownRound', {
      round: roundParam,
      rounds: listParam(policy.rounds.map((x) => enumParam('ScoreRound', x.key))),
    });
  if (r.parts.length === 0 && part !== '') return messageParam('score.noParts', { round: roundParam });
  if (r.parts.length > 0 && !r.parts.some((p) => p.key === part))
    return messageParam('score.unknownPart', {
      round: roundParam,
      parts: listParam(r.parts.map((p) => enumParam('ScorePart', p.key))),
      part: part ? enumParam('ScorePart', part) : '',
    });
  return null;
}

/** An entry's score sheet under the policy's rounds. */
export function scoreSheet(records: ScoreRecord[], policy: Policy['selection']): ScoreSheet {
  const rounds = policy.rounds.map((r): RoundResult => {
    let score: number | null = null;
    let missingParts: string[] = [];
    if (r.parts.length === 0) {
      score = records.find((s) => s.round === r.key && s.part === '')?.score ?? null;
      if (score === null) missingParts = [''];
    } else {
      const got = r.parts.map((p) => ({ p, s: records.find((s) => s.round === r.key && s.part === p.key) }));
      missingParts = got.filter((g) => !g.s).map((g) => g.p.key);
      const weights = r.parts.reduce((s, p) => s + p.weight, 0);
      if (missingParts.length === 0 && weights > 0)
        score = roundScore(got.reduce((s, g) => s + g.p.weight * g.s!.score, 0) / weights);
    }
    return {
      round: r.key,
      weight: r.weight,
      passMark: r.passMark,
      score,
      missingParts,
      passed: score === null ? null : score >= r.passMark,
    };
  });
  const eliminatedIn = rounds.find((r) => r.passed === false)?.round ?? null;
  const complete = rounds.every((r) => r.score !== null);
  const finalScore =
    complete && !eliminatedIn ? roundScore(rounds.reduce((s, r) => s + r.weight * (r.score ?? 0), 0)) : null;
  return { rounds, eliminatedIn, finalScore };
}

/** Competition ranks (1, 2, 2, 4) by final score, highest first; null scores are not ranked. */
export function rankByScore<T extends { finalScore: number | null }>(items: T[]): (T & { rank: number | null })[] {
  const scored = items.filter((i) => i.finalScore !== null).sort((a, b) => b.finalScore! - a.finalScore!);
  return items.map((i) => ({
    ...i,
    rank: i.finalScore === null ? null : scored.findIndex((s) => s.finalScore === i.finalScore) + 1,
  }));
}

// ── 公示: the public-notice window ──────────────────────────────────────────────────────────

/** The window's last day: `days` calendar days from the start, the start counted. */
export function noticeEnds(startsOn: string, days: number): string {
  return days <= 0 ? startsOn : addDays(startsOn, days - 1);
}

/** The first day an entry may be admitted: the day after the window's last day. */
export function admissibleFrom(endsOn: string): string {
  return addDays(endsOn, 1);
}

export const OBJECTION_OUTCOMES = ['PENDING', 'UPHELD', 'DISMISSED'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];
/** What an upheld objection does: back to inspection, or the entry is rejected. */
export const OBJECTION_ACTIONS = ['SEND_BACK', 'REJECT'] as const;
export type ObjectionAction = (typeof OBJECTION_ACTIONS)[number];

/** 民主测评 in an inspection: the ballots by grade. */
export interface DemocraticEvaluation {
  excellent: number;
  competent: number;
  basicallyCompetent: number;
  incompetent: number;
}

/** The ballots of an evaluation and the share marked 不称职 (0 without ballots). */
export function evaluationTotals(e: DemocraticEvaluation): { total: number; incompetentShare: number } {
  const total = e.excellent + e.competent + e.basicallyCompetent + e.incompetent;
  return { total, incompetentShare: share(e.incompetent, total) };
}

export const INSPECTION_VERDICTS = ['FIT', 'UNFIT'] as const;

/**
 * 重大事项报告: 工作单位变动, 参加学历教育, 获得荣誉称号, 受到党纪政纪处分, 群众来信来访反映问题 —
 * the last two wait for the organization department's finding.
 */
export const MAJOR_MATTER_KINDS = ['UNIT_CHANGE', 'EDUCATION', 'HONOUR', 'PENALTY', 'COMPLAINT'] as const;
export type MajorMatterKind = (typeof MAJOR_MATTER_KINDS)[number];
/** The kinds that stay an alert until the finding is recorded. */
export const MATTERS_NEEDING_FINDING: readonly MajorMatterKind[] = ['PENALTY', 'COMPLAINT'];
export type InspectionVerdict = (typeof INSPECTION_VERDICTS)[number];

export const ELIMINATION_DECISIONS = ['KEEP', 'REMOVE'] as const;
export type EliminationDecisionKind = (typeof ELIMINATION_DECISIONS)[number];

// ── 任职资格考试: the qualification exam ─────────────────────────────────────────────────────────

/** An exam as the rule reads it: when, whether passed, whether struck out. */
export interface ExamRecord {
  id: number;
  heldOn: string;
  passed: boolean;
  struck: boolean;
}

/** Whether the policy asks for a passed exam for this rank (an entry's target rank, a post's rank). */
export function examRequired(rank: string, policy: Pick<Policy, 'qualificationExamRanks'>): boolean {
  return (policy.qualificationExamRanks as string[]).includes(rank);
}

/**
 * The exam that qualifies on `on`: the latest passed one held by then that is not struck out and,
 * where certificates expire, held within the policy's years before `on` (held on 2024-03-01 with 3
 * years: valid through 2027-02-28). Null: none qualifies.
 */
export function qualifyingExam<T extends ExamRecord>(
  exams: T[],
  on: string,
  policy: Pick<Policy, 'qualificationExamValidYears'>,
): T | null {
  const years = policy.qualificationExamValidYears;
  const valid = exams
    .filter((e) => e.passed && !e.struck && e.heldOn <= on && (years <= 0 || addYears(e.heldOn, years) > on))
    .sort((a, b) => (a.heldOn === b.heldOn ? b.id - a.id : a.heldOn < b.heldOn ? 1 : -1));
  return valid[0] ?? null;
}
