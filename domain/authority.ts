// Management authority (domain rules, "Filing and approval"): which level's organization
// department manages the reserves of a target rank, and whether a committee's decision below it
// is filed with that level (备案: 「对于正处级后备干部要上报市委组织部备案」) or needs its approval
// (审批: 「经乡党委审批同意，报县委组织部备案后，取消其资格」). Pure: the policy's lines and the
// units above the entry come from the caller.
import type { Rank, UnitLevel } from './enums.ts';
import type { Policy } from './policy/defaults.ts';

export const FILING_KINDS = ['FILING', 'APPROVAL'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

/**
 * PENDING until the higher level acts: a filing is ACKNOWLEDGED, an approval APPROVED or RETURNED;
 * WITHDRAWN when the meeting that sent it is struck out first.
 */
export const FILING_STATUSES = ['PENDING', 'ACKNOWLEDGED', 'APPROVED', 'RETURNED', 'WITHDRAWN'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/** What the higher level may do with each kind of request. */
export const FILING_ACTIONS = ['ACKNOWLEDGE', 'APPROVE', 'RETURN'] as const;
export type FilingAction = (typeof FILING_ACTIONS)[number];

export const ACTION_RESULT: Record<FilingAction, { kind: FilingKind; status: FilingStatus }> = {
  ACKNOWLEDGE: { kind: 'FILING', status: 'ACKNOWLEDGED' },
  APPROVE: { kind: 'APPROVAL', status: 'APPROVED' },
  RETURN: { kind: 'APPROVAL', status: 'RETURNED' },
};

export interface AuthorityLine {
  rank: Rank;
  level: UnitLevel;
  mode: FilingKind;
}

/** A unit of the tree as the resolution reads it: its code, level and path (ancestors are prefixes). */
export interface TreeUnit {
  code: string;
  level: UnitLevel;
  path: string;
}

export interface Authority {
  mode: FilingKind;
  unit: TreeUnit;
}

/**
 * The units a decision on an entry of `targetRank` must go to: for each of the policy's lines for
 * that rank, the nearest unit of the line's level among the entry's unit and those above it —
 * kept only when it is above the deciding meeting's unit (a committee at or above that level
 * decided with its own authority). `lineage` is the entry's unit and its ancestors, any order.
 */
export function authoritiesFor(
  targetRank: Rank,
  lineage: TreeUnit[],
  meetingUnit: TreeUnit,
  policy: Pick<Policy, 'authority'>,
): Authority[] {
  const deepestFirst = [...lineage].sort((a, b) => b.path.length - a.path.length);
  const out: Authority[] = [];
  for (const line of policy.authority) {
    if (line.rank !== targetRank) continue;
    const unit = deepestFirst.find((u) => u.level === line.level);
    // Strictly above the meeting's unit: the meeting's path extends the authority's.
    if (!unit || unit.path === meetingUnit.path || !meetingUnit.path.startsWith(unit.path)) continue;
    if (!out.some((a) => a.mode === line.mode && a.unit.code === unit.code)) out.push({ mode: line.mode, unit });
  }
  return out;
}
