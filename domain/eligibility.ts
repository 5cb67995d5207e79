// Eligibility at nomination (domain rules, "Lifecycle"): each rule a name, a check and a message,
// read from the policy in force on the nomination date. A nomination that fails any rule is
// refused with every failed rule listed, unless an exception with a reason and an approver is
// recorded for exactly those rules.
import { addYears, ageAt } from './dates.ts';
import { type Education, type PositionKind, RANKS, type Rank } from './enums.ts';
import type { Policy } from './policy/defaults.ts';
import { educationAtLeast } from './rules.ts';

export const ELIGIBILITY_RULES = [
  'AGE_LIMIT',
  'EDUCATION',
  'FULL_TIME_BACHELOR',
  'YEARS_IN_LOWER_RANK',
  'WORK_YEARS',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

export interface Nominee {
  birthDate: string;
  education: Education;
  fullTimeEducation: Education | null;
  rank: Rank;
  rankSince: string | null;
  workStart: string;
}

export interface NominationTarget {
  kind: PositionKind;
  rank: Rank;
  /** The nomination date: ages and years are counted to it. */
  on: string;
}

export interface FailedRule {
  rule: EligibilityRule;
  message: string;
}

/** The rank just below a rank (RANKS run from the top down); null at the bottom. */
export function rankBelow(rank: Rank): Rank | null {
  return RANKS[RANKS.indexOf(rank) + 1] ?? null;
}

/** Every rule the nominee fails for the target under the policy (empty: eligible). */
export function eligibilityFailures(person: Nominee, target: NominationTarget, policy: Policy): FailedRule[] {
  const failed: FailedRule[] = [];
  const age = ageAt(person.birthDate, target.on);
  const limit = policy.ageLimit[target.kind];
  if (age > limit)
    failed.push({ rule: 'AGE_LIMIT', message: `aged ${age}, over the ${target.kind} reserve limit of ${limit}` });
  if (!educationAtLeast(policy.minEducation).includes(person.education))
    failed.push({ rule: 'EDUCATION', message: `education ${person.education}, below ${policy.minEducation}` });
  if (
    age < policy.fullTimeBachelorUnderAge &&
    !(person.fullTimeEducation && educationAtLeast('BACHELOR').includes(person.fullTimeEducation))
  )
    failed.push({
      rule: 'FULL_TIME_BACHELOR',
      message: `aged ${age}, under ${policy.fullTimeBachelorUnderAge}, without a full-time bachelor's degree (has ${person.fullTimeEducation ?? 'none'})`,
    });
  if (target.kind === 'PRINCIPAL') {
    const below = rankBelow(target.rank);
    const years = policy.minYearsInLowerRank;
    if (below && (person.rank !== below || !person.rankSince || addYears(person.rankSince, years) > target.on))
      failed.push({
        rule: 'YEARS_IN_LOWER_RANK',
        message:
          person.rank !== below
            ? `holds ${person.rank}; a principal reserve for ${target.rank} needs ${below} held ${years} years`
            : `has held ${below} since ${person.rankSince ?? 'an unknown date'}, less than ${years} years`,
      });
  }
  if (addYears(person.workStart, policy.minWorkYears) > target.on)
    failed.push({
      rule: 'WORK_YEARS',
      message: `working since ${person.workStart}, less than ${policy.minWorkYears} years`,
    });
  return failed;
}
