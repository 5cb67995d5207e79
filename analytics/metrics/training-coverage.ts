// 培训覆盖: an active reserve is covered in year Y when it completed at least the policy's number
// of centralized trainings (集中培训 / 党校 / 调训) starting in Y, totalling at least its days.
// The cadre training rate is people with at least one completed training starting in Y over
// all people in scope (by the unit they work in).
import { policyOf } from '../../domain/policy/effective.ts';
import { countMeasures } from '../measure-query.ts';
import { int, kept, type MetricInput, share } from '../metric.ts';

export interface TrainingCoverage {
  activeReserves: number;
  covered: number;
  coverage: number;
  people: number;
  trained: number;
  cadreTrainingRate: number;
  /** Completed training days and credits (trainings starting in the year) per person in scope. */
  daysPerHead: number;
  creditsPerHead: number;
  /** People of the TECHNICAL category, and those with the policy's days of training in the year. */
  technicalStaff: number;
  technicalMeetingDays: number;
  technicalCoverage: number;
}

export function trainingCoverage(input: MetricInput, year: number): Promise<TrainingCoverage> {
  return kept(input, 'trainingCoverage', year, () => computeTrainingCoverage(input, year));
}

async function computeTrainingCoverage(input: MetricInput, year: number): Promise<TrainingCoverage> {
  const { copy, scope, asOf, policies } = input;
  // The measures the compliance report judges (analytics/measures.ts): the year's reserves,
  // counted at asOf, the covered ones, the people and the trained ones.
  const measured = await countMeasures(input, ['TRAINING_RESERVES', 'TRAINING_COVERED', 'PEOPLE', 'TRAINED_PEOPLE'], {
    horizonYears: 0,
    trainingYear: year,
    trainingAt: asOf,
  });
  const technicalDays = policyOf(policies, scope.unitKind).training.technicalDaysPerYear;
  const [people] = await copy.query(
    `SELECT coalesce(sum(py.days), 0) AS days, coalesce(sum(py.credits), 0) AS credits,
       count(*) FILTER (WHERE p.category = 'TECHNICAL') AS technical,
       count(*) FILTER (WHERE p.category = 'TECHNICAL' AND coalesce(py.days, 0) >= $technicalDays) AS technical_meeting
     FROM people p JOIN units u ON u.id = p.unit_id
     LEFT JOIN person_years py ON py.person_id = p.id AND py.year = $year
     WHERE ${scope.where}`,
    { scope: scope.param, year, technicalDays },
  );
  const activeReserves = measured.TRAINING_RESERVES;
  const covered = measured.TRAINING_COVERED;
  const total = measured.PEOPLE;
  const trained = measured.TRAINED_PEOPLE;
  const technical = int(people?.technical);
  const technicalMeeting = int(people?.technical_meeting);
  return {
    activeReserves,
    covered,
    coverage: share(covered, activeReserves),
    people: total,
    trained,
    cadreTrainingRate: share(trained, total),
    daysPerHead: share(Number(people?.days ?? 0), total),
    creditsPerHead: share(Number(people?.credits ?? 0), total),
    technicalStaff: technical,
    technicalMeetingDays: technicalMeeting,
    technicalCoverage: share(technicalMeeting, technical),
  };
}
