// Eligibility at nomination (domain rules, "Lifecycle"): each rule a name, a check and a message,
// read from the policy in force on the nomination date. A nomination that fails any rule is
// refused with every failed rule listed, unless an exception with a reason and an approver is
// recorded for exactly those rules.
import { addYears, ageAt } from './dates.ts';
import { type Education, type Gender, type PositionKind, RANKS, type Rank } from './enums.ts';
import { enumParam, formatMessage, type MessageKey, type MessageParams } from './messages.ts';
import type { Policy } from './policy/defaults.ts';
import { educationAtLeast } from './rules.ts';

export const ELIGIBILITY_RULES = [
  'AGE_LIMIT',
  'EDUCATION',
  'FULL_TIME_BACHELOR',
  'YEARS_IN_LOWER_RANK',
  'RANK_ABOVE_TARGET',
  'WORK_YEARS',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

export interface Nominee {
  gender: Gender;
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
  /** Why, in English (`messageKey` and `params` give it in any language: domain/messages.ts). */
  message: string;
  messageKey: MessageKey;
  params: MessageParams;
}

function failure(rule: EligibilityRule, messageKey: MessageKey, params: MessageParams): FailedRule {
  return { rule, message: formatMessage(messageKey, params, 'en'), messageKey, params };
}

/** The rank just below a rank (RANKS run from the top down); null at the bottom. */
export function rankBelow(rank: Rank): Rank | null {
  return RANKS[RANKS.indexOf(rank) + 1] ?? null;
}

/** Whether `rank` is above `target` (RANKS run from the top down). */
export function rankAbove(rank: Rank, target: Rank): boolean {
  return RANKS.indexOf(rank) < RANKS.indexOf(target);
}

/**
 * The age limit for a nominee of this gender and kind (「男45周岁以下，女40周岁以下」): ageLimitWomen
 * for women where the policy sets it (non-zero), else ageLimit. "以下" includes the limit: over it
 * means age > limit.
 */
export function ageLimitFor(gender: Gender, kind: PositionKind, policy: Policy): number {
  return gender === 'F' && policy.ageLimitWomen[kind] > 0 ? policy.ageLimitWomen[kind] : policy.ageLimit[kind];
}

/** The years of work a nominee with this education needs: the first fitting line by education, else minWorkYears. */
export function workYearsFor(education: Education, policy: Policy): number {
  return (
    policy.workYearsByEducation.find((line) => educationAtLeast(line.atLeast).includes(education))?.years ??
    policy.minWorkYears
  );
}

/** Every rule the nominee fails for the target under the policy (empty: eligible). */
export function eligibilityFailures(person: Nominee, target: NominationTarget, policy: Policy): FailedRule[] {
  const failed: FailedRule[] = [];
  const age = ageAt(person.birthDate, target.on);
  const limit = ageLimitFor(person.gender, target.kind, policy);
  if (age > limit)
    failed.push(
      failure(
        'AGE_LIMIT',
        // Name women's limit as such where it differs from men's.
        person.gender === 'F' && limit !== policy.ageLimit[target.kind]
          ? 'eligibility.ageLimitWomen'
          : 'eligibility.ageLimit',
        { age, kind: enumParam('PositionKind', target.kind), limit },
      ),
    );
  if (!educationAtLeast(policy.minEducation).includes(person.education))
    failed.push(
      failure('EDUCATION', 'eligibility.education', {
        education: enumParam('Education', person.education),
        min: enumParam('Education', policy.minEducation),
      }),
    );
  if (
    // 「35周岁以下的干部须具有全日制大学本科及以上文化程度」: 以下 includes 35.
    age <= policy.fullTimeBachelorMaxAge &&
    !(person.fullTimeEducation && educationAtLeast('BACHELOR').includes(person.fullTimeEducation))
  )
    failed.push(
      person.fullTimeEducation
        ? failure('FULL_TIME_BACHELOR', 'eligibility.fullTimeBachelor', {
            age,
            max: policy.fullTimeBachelorMaxAge,
            has: enumParam('Education', person.fullTimeEducation),
          })
        : failure('FULL_TIME_BACHELOR', 'eligibility.fullTimeBachelorNone', {
            age,
            max: policy.fullTimeBachelorMaxAge,
          }),
    );
  // A principal reserve holds the target's rank or the rank just below it, for the policy's years:
  // a 乡镇长 kept for 书记, a 副处 for 正处 (「正职后备干部，一般从副科级以上、且任现职级两年以上……
  // 的干部中选拔」; 「正处级后备干部应为现任副处级干部」 is the rank below).
  if (target.kind === 'PRINCIPAL') {
    const below = rankBelow(target.rank);
    const years = policy.minYearsInLowerRank;
    const fits = person.rank === target.rank || person.rank === below;
    if (below && (!fits || !person.rankSince || addYears(person.rankSince, years) > target.on)) {
      const held = enumParam('Rank', fits ? person.rank : below);
      failed.push(
        !fits
          ? failure('YEARS_IN_LOWER_RANK', 'eligibility.rankHeld', {
              rank: enumParam('Rank', person.rank),
              target: enumParam('Rank', target.rank),
              below: enumParam('Rank', below),
              years,
            })
          : person.rankSince
            ? failure('YEARS_IN_LOWER_RANK', 'eligibility.rankYears', { below: held, since: person.rankSince, years })
            : failure('YEARS_IN_LOWER_RANK', 'eligibility.rankYearsUnknown', { below: held, years }),
      );
    }
  }
  // A deputy reserve holds the target's rank or one below it (「副职后备干部，一般从单位中层……的干部中
  // 选拔」): someone already above the post is not its reserve.
  if (target.kind === 'DEPUTY' && rankAbove(person.rank, target.rank))
    failed.push(
      failure('RANK_ABOVE_TARGET', 'eligibility.rankAboveTarget', {
        rank: enumParam('Rank', person.rank),
        target: enumParam('Rank', target.rank),
      }),
    );
  const workYears = workYearsFor(person.education, policy);
  if (addYears(person.workStart, workYears) > target.on)
    failed.push(failure('WORK_YEARS', 'eligibility.workYears', { since: person.workStart, years: workYears }));
  return failed;
}
