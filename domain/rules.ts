// The domain's named facts that every layer reads the same way: who counts as a minority, as
// non-CPC, as having a bachelor's degree or above, which trainings are centralized. Metric SQL
// (analytics/segments.ts), the dataset generator and the lifecycle use these names, never the
// literals. The numbers (ratios, ages, shares) are policy: domain/policy/defaults.ts.
import { addYears } from './dates.ts';
import { EDUCATIONS, type Education, type TrainingKind } from './enums.ts';

/** The majority ethnicity; everyone else is a minority (少数民族). */
export const MAJORITY_ETHNICITY = '汉族';

/** The political status that is not "non-CPC" (党外). */
export const CPC = 'CPC';

/** Education levels at or above `level`, in the domain's order (高中 < … < 博士). */
export function educationAtLeast(level: Education): Education[] {
  return EDUCATIONS.slice(EDUCATIONS.indexOf(level));
}

/** ≥ 本科: BACHELOR, MASTER or DOCTORATE. */
export const BACHELOR_OR_ABOVE: readonly Education[] = educationAtLeast('BACHELOR');

/** Trainings that count as centralized for the coverage rule (集中培训 / 党校 / 调训). */
export const CENTRALIZED_TRAINING_KINDS: readonly TrainingKind[] = ['CENTRALIZED', 'PARTY_SCHOOL', 'ASSIGNED'];

/** The readiness tier that counts as ready for succession (近期可用). */
export const NEAR_TERM = 'NEAR_TERM';
/** The tiers below it, which tier progress moves up (远期 → 中期 → 近期). */
export const MID_TERM = 'MID_TERM';
export const LONG_TERM = 'LONG_TERM';

/** The day a person reaches the retirement age (the same rule as an expected vacancy's). */
export function retirementDate(birthDate: string, retirementAge: number): string {
  return addYears(birthDate, retirementAge);
}

/**
 * The training year judged at `asOf` (YYYY-MM-DD): the last calendar year that ended on or before
 * it — the year itself on 31 December, else the year before (domain.md "Training is judged on a
 * complete year": judging the year to date against the whole year's target breaches everyone
 * until autumn).
 */
export function judgedTrainingYear(asOf: string): number {
  const year = Number(asOf.slice(0, 4));
  return asOf.slice(5) === '12-31' ? year : year - 1;
}

/** The share of `asOf`'s calendar year elapsed by the end of that day (1 January: 1/365). */
export function elapsedShareOfYear(asOf: string): number {
  const year = Number(asOf.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  const day = (Date.parse(`${asOf}T00:00:00Z`) - start) / 86_400_000 + 1;
  return day / days;
}
