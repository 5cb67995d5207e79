// 培训覆盖: an active reserve is covered in year Y when it completed at least the policy's number
// of centralized trainings (集中培训 / 党校 / 调训) starting in Y, totalling at least its days.
// The cadre training rate is people with at least one completed training starting in Y over
// all people in scope (by the unit they work in).
import type { AnalyticsCopy } from '../copy.ts';
import { CENTRALIZED_KINDS, type PoliciesAt, policyCte } from '../policy.ts';
import type { MetricScope } from '../scope.ts';
import { ACTIVE_AT, int, share } from './common.ts';

export interface TrainingCoverage {
  activeReserves: number;
  covered: number;
  coverage: number;
  people: number;
  trained: number;
  cadreTrainingRate: number;
}

export async function trainingCoverage(
  copy: AnalyticsCopy,
  policies: PoliciesAt,
  scope: MetricScope,
  year: number,
  asOf: string,
): Promise<TrainingCoverage> {
  const params = { scope: scope.param, asOf, from: `${year}-01-01`, to: `${year}-12-31` };
  const inYear = `t.completed AND t.start BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)`;
  const [reserves] = await copy.query(
    `WITH ${policyCte(policies)},
     central AS (
       SELECT t.person_id, count(*) AS n, sum(t.days) AS days FROM trainings t
       WHERE ${inYear} AND t.kind IN ${CENTRALIZED_KINDS} GROUP BY ALL
     )
     SELECT count(*) AS active,
       count(*) FILTER (WHERE c.n >= pol.min_trainings AND c.days >= pol.min_training_days) AS covered
     FROM reserves r
     JOIN units u ON u.id = r.unit_id
     JOIN pol ON pol.unit_kind = u.kind
     LEFT JOIN central c ON c.person_id = r.person_id
     WHERE ${scope.where} AND ${ACTIVE_AT}`,
    params,
  );
  const [people] = await copy.query(
    `SELECT count(*) AS people,
       count(*) FILTER (WHERE p.id IN (SELECT t.person_id FROM trainings t WHERE ${inYear})) AS trained
     FROM people p JOIN units u ON u.id = p.unit_id
     WHERE ${scope.where}`,
    { scope: params.scope, from: params.from, to: params.to },
  );
  const activeReserves = int(reserves?.active);
  const covered = int(reserves?.covered);
  const total = int(people?.people);
  const trained = int(people?.trained);
  return {
    activeReserves,
    covered,
    coverage: share(covered, activeReserves),
    people: total,
    trained,
    cadreTrainingRate: share(trained, total),
  };
}
