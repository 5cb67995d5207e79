// 学历结构: for the people of a category (optionally under an age), the share whose highest
// education is at least a level, against the policy's target — e.g. civil servants under 50:
// ≥ 大专 100 %, ≥ 本科 65 %. People are in scope by the unit they work in; the targets are those
// of the scope unit's policy.
import { ymdNumber } from '../../domain/dates.ts';
import { EDUCATIONS } from '../../domain/enums.ts';
import { policyOf } from '../../domain/policy/effective.ts';
import { duckdb, yearsBetween } from '../dialect.ts';
import { int, type MetricInput, share } from '../metric.ts';

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
}

const rank = `CASE p.education ${EDUCATIONS.map((e, i) => `WHEN '${e}' THEN ${i}`).join(' ')} END`;

export async function degreeTargets({ copy, scope, asOf, policies }: MetricInput): Promise<DegreeTargetRow[]> {
  const targets = policyOf(policies, scope.unitKind).degreeTargets;
  if (targets.length === 0) return [];
  const values = targets
    .map((t, i) => {
      const level = EDUCATIONS.indexOf(t.atLeast as (typeof EDUCATIONS)[number]);
      if (level < 0) throw new Error(`policy degree target ${i}: unknown education level ${t.atLeast}`);
      return `(${i}, '${t.category.replace(/'/g, "''")}', ${t.maxAge ?? 'NULL'}, ${level})`;
    })
    .join(', ');
  const rows = await copy.query(
    `WITH targets(i, category, max_age, min_level) AS (VALUES ${values})
     SELECT t.i,
       count(p.id) AS people,
       count(p.id) FILTER (WHERE ${rank} >= t.min_level) AS meeting
     FROM targets t
     LEFT JOIN (
       SELECT p.* FROM people p JOIN units u ON u.id = p.unit_id WHERE ${scope.where}
     ) p ON p.category = t.category
       AND (t.max_age IS NULL OR ${yearsBetween(duckdb, 'p.birth_ymd', duckdb.int('$asOf'))} < t.max_age)
     GROUP BY t.i ORDER BY t.i`,
    { scope: scope.param, asOf: ymdNumber(asOf) },
  );
  return targets.map((t, i) => {
    const r = rows.find((x) => int(x.i) === i);
    const people = int(r?.people);
    const meeting = int(r?.meeting);
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
    };
  });
}
