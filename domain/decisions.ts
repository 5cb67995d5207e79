// Collective decisions (domain rules, "Collective decisions"): a meeting of a unit's Party
// committee decides admission to the pool (「讨论确定。公示后，根据公示情况确定……正式人选名单，纳入后备
// 干部人才库」, 「由学院党委集体研究，确定后备干部人选的名单」) and removal from it. A meeting decides only
// when enough members are present (the policy's quorum, default 2/3 of those expected); an item
// is adopted when more than the policy's share (default half) of the members expected vote for
// it. Pure: the numbers come from the policy in force, the votes from the caller.
import type { ReserveStatus } from './enums.ts';
import { fieldParam, type MessageRef, messageParam } from './messages.ts';
import type { Policy } from './policy/defaults.ts';

/** What an item decides: an entry's admission or removal, or a selection plan. */
export const MEETING_SUBJECTS = ['ADMISSION', 'REMOVAL', 'SELECTION_PLAN'] as const;
export type MeetingSubject = (typeof MEETING_SUBJECTS)[number];

/** The subjects that are about one entry (the others name only a title). */
export const ENTRY_SUBJECTS: readonly MeetingSubject[] = ['ADMISSION', 'REMOVAL'];

/** The statuses an entry may be in for an item on each entry subject. */
export const ITEM_STAGES: Record<'ADMISSION' | 'REMOVAL', readonly ReserveStatus[]> = {
  // 研究审定 comes before the notice or after it (「公示后……确定……正式人选名单」): either way before admission.
  ADMISSION: ['INSPECTING', 'PUBLICIZING'],
  REMOVAL: ['ACTIVE'],
};

export interface Attendance {
  /** 应到: the body's members expected. */
  members: number;
  /** 实到: the members present. */
  present: number;
}

export interface Votes {
  favour: number;
  against: number;
  abstain: number;
}

type Rules = Pick<Policy['procedure'], 'meetingQuorum' | 'meetingPassShare'>;

/** The members who must be present: members × quorum, rounded up (with room for the share's binary rounding: 6 of 9 at 2/3). */
export function presentNeeded(members: number, rules: Rules): number {
  return Math.ceil(members * rules.meetingQuorum - 1e-9);
}

/** Present / members reaches the policy's quorum. */
export function quorate(a: Attendance, rules: Rules): boolean {
  return a.members > 0 && a.present >= presentNeeded(a.members, rules);
}

/** The votes in favour an item needs: more than the pass share of the members expected. */
export function votesNeeded(a: Attendance, rules: Rules): number {
  // "More than": the first whole number above members × share (0.57 × 100 = 56.99… still needs 58).
  return Math.floor(a.members * rules.meetingPassShare + 1e-9) + 1;
}

/** Adopted: the meeting is quorate and the favour reaches the votes needed. */
export function adopted(a: Attendance, v: Votes, rules: Rules): boolean {
  return quorate(a, rules) && v.favour >= votesNeeded(a, rules);
}

/** The problems with a meeting's attendance, each naming the field (empty: consistent). */
export function attendanceProblems(a: Attendance): { field: string; message: MessageRef }[] {
  const problems: { field: string; message: MessageRef }[] = [];
  for (const field of ['members', 'present'] as const)
    if (!Number.isInteger(a[field]) || a[field] < 0 || a[field] > 500)
      problems.push({
        field,
        message: messageParam('meeting.countRange', { field: fieldParam(field), value: a[field] }),
      });
  if (problems.length) return problems;
  if (a.members === 0) problems.push({ field: 'members', message: messageParam('meeting.noMembers') });
  if (a.present > a.members)
    problems.push({
      field: 'present',
      message: messageParam('meeting.presentOverMembers', { present: a.present, members: a.members }),
    });
  return problems;
}

/** The problems with an item's votes: whole numbers that add up to at most the members present. */
export function voteProblems(v: Votes, present: number): { field: string; message: MessageRef }[] {
  const problems: { field: string; message: MessageRef }[] = [];
  for (const field of ['favour', 'against', 'abstain'] as const)
    if (!Number.isInteger(v[field]) || v[field] < 0 || v[field] > 500)
      problems.push({
        field,
        message: messageParam('meeting.countRange', { field: fieldParam(field), value: v[field] }),
      });
  if (problems.length) return problems;
  const cast = v.favour + v.against + v.abstain;
  if (cast > present)
    problems.push({
      field: 'favour',
      message: messageParam('meeting.votesOverPresent', { ...v, cast, present }),
    });
  return problems;
}
