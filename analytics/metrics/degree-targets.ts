// 学历结构: for the people of a category (optionally under an age), the share whose highest
// education is at least a level, against the policy's target — e.g. civil servants under 50:
// ≥ 大专 100 %, ≥ 本科 65 %. People are in scope by the unit they work in; the targets are those
// of the scope unit's policy. Each target's two counts are named measures (DEGREE_PEOPLE_i,
// DEGREE_MEETING_i: analytics/measures.ts), so they drill to the people behind them.
import { policyOf } from '../../domain/policy/effective.ts';
import { countMeasures } from '../measure-query.ts';
import { type MetricInput, share } from '../metric.ts';

export interface DegreeTargetRow {
  category: string;
  maxAge: number | null;
  atLeast: string;
  people: number;
  meeting: number;
  share: number;
  target: number;
  gap: number;
  compliant: boolean;
  /** The measures of `people` and `meeting`, for drill. */
  peopleMeasure: string;
  meetingMeasure: string;
}

export async function degreeTargets(input: MetricInput): Promise<DegreeTargetRow[]> {
  const targets = policyOf(input.policies, input.scope.unitKind).degreeTargets;
  if (targets.length === 0) return [];
  const names = targets.flatMap((_, i) => [`DEGREE_PEOPLE_${i}`, `DEGREE_MEETING_${i}`]);
  const counted = await countMeasures(input, names, { horizonYears: 0 });
  return targets.map((t, i) => {
    const people = counted[`DEGREE_PEOPLE_${i}`] ?? 0;
    const meeting = counted[`DEGREE_MEETING_${i}`] ?? 0;
    const value = share(meeting, people);
    return {
      category: t.category,
      maxAge: t.maxAge,
      atLeast: t.atLeast,
      people,
      meeting,
      share: value,
      target: t.share,
      gap: Math.max(0, t.share - value),
      compliant: value >= t.share - 1e-9,
      peopleMeasure: `DEGREE_PEOPLE_${i}`,
      meetingMeasure: `DEGREE_MEETING_${i}`,
    };
  });
}
