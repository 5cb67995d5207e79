// 合规报告: for every unit in a subtree, every rule with its value, target, gap and status. The
// whole report is computed inside the database, one statement per request (the totals and the
// worst units together, or a page of rows), and only those rows come back. One SQL text serves
// DuckDB (the product) and, through views of the same shape, SQLite and PostgreSQL (the
// benchmark's baselines): see dialect.ts.
import { type Dialect, yearsBetween } from '../dialect.ts';
import { type PoliciesAt, policyCte } from '../policy.ts';
import { activeAt } from './common.ts';
import { expectedVacancySql, readySql } from './succession.ts';

export const RULES = [
  'RATIO_PRINCIPAL',
  'RATIO_DEPUTY',
  'SPECIAL_SHARE',
  'NEAR_TERM_PRINCIPAL',
  'NEAR_TERM_DEPUTY',
  'AGE_BAND_PRINCIPAL',
  'AGE_BAND_DEPUTY',
  'YOUNG_PRINCIPAL',
  'YOUNG_DEPUTY',
  'BACHELOR_SHARE',
  'TRAINING_COVERAGE',
  'CADRE_TRAINING_RATE',
  'SUCCESSION_PRINCIPAL',
  'SUCCESSION_DEPUTY',
] as const;
export type Rule = (typeof RULES)[number];

/** COUNT rules compare a number of people with a number; SHARE rules a fraction with a fraction. */
export const MEASURE: Record<Rule, 'COUNT' | 'SHARE'> = {
  RATIO_PRINCIPAL: 'COUNT',
  RATIO_DEPUTY: 'COUNT',
  SPECIAL_SHARE: 'SHARE',
  NEAR_TERM_PRINCIPAL: 'SHARE',
  NEAR_TERM_DEPUTY: 'SHARE',
  AGE_BAND_PRINCIPAL: 'SHARE',
  AGE_BAND_DEPUTY: 'SHARE',
  YOUNG_PRINCIPAL: 'COUNT',
  YOUNG_DEPUTY: 'COUNT',
  BACHELOR_SHARE: 'SHARE',
  TRAINING_COVERAGE: 'SHARE',
  CADRE_TRAINING_RATE: 'SHARE',
  SUCCESSION_PRINCIPAL: 'COUNT',
  SUCCESSION_DEPUTY: 'COUNT',
};

export type Status = 'COMPLIANT' | 'WARNING' | 'BREACH';

export interface ReportParams {
  /** The scope: a unit's path prefix (subtree) or its code (alone). */
  scope: string;
  subtree: boolean;
  asOf: string;
  /** Horizon end for the succession rule (asOf + the policy's horizon). */
  end: string;
  /** Trainings counted for coverage start in this year (the year of asOf). */
  year: number;
}

/** What a rule compares, in the per-unit counts of `base`: num (/ den) against target, when it applies. */
interface RuleDef {
  num: string;
  den: string | null;
  target: string;
  when: string;
}

function ruleDefs(d: Dialect): Record<Rule, RuleDef> {
  const posts = 'p_pos + d_pos > 0';
  return {
    RATIO_PRINCIPAL: { num: 'p_n', den: null, target: d.ceil('principal_ratio * p_pos'), when: 'p_pos > 0' },
    RATIO_DEPUTY: { num: 'd_n', den: null, target: d.ceil('deputy_ratio * d_pos'), when: 'd_pos > 0' },
    SPECIAL_SHARE: { num: 'special', den: 'n', target: 'special_share', when: posts },
    NEAR_TERM_PRINCIPAL: { num: 'p_near', den: 'p_n', target: 'near_term_share', when: 'p_pos > 0' },
    NEAR_TERM_DEPUTY: { num: 'd_near', den: 'd_n', target: 'near_term_share', when: 'd_pos > 0' },
    AGE_BAND_PRINCIPAL: { num: 'p_band', den: 'p_n', target: 'principal_band_share', when: 'p_pos > 0' },
    AGE_BAND_DEPUTY: { num: 'd_band', den: 'd_n', target: 'deputy_band_share', when: 'd_pos > 0' },
    YOUNG_PRINCIPAL: { num: 'p_young', den: null, target: '1', when: 'p_pos > 0' },
    YOUNG_DEPUTY: { num: 'd_young', den: null, target: '1', when: 'd_pos > 0' },
    BACHELOR_SHARE: { num: 'bachelor', den: 'n', target: 'bachelor_share', when: posts },
    TRAINING_COVERAGE: { num: 'covered', den: 'n', target: 'training_coverage', when: posts },
    CADRE_TRAINING_RATE: { num: 'trained', den: 'people', target: 'cadre_training_rate', when: 'people > 0' },
    SUCCESSION_PRINCIPAL: { num: 'p_ready', den: null, target: 'p_vac', when: 'p_pos > 0' },
    SUCCESSION_DEPUTY: { num: 'd_ready', den: null, target: 'd_vac', when: 'd_pos > 0' },
  };
}

/**
 * The per-unit counts every rule is judged on, as the CTE `base` (one row per unit in scope,
 * with its policy's numbers). Dates are yyyymmdd integers here (see dialect.ts).
 */
function baseSql(d: Dialect, policies: PoliciesAt, subtree: boolean): string {
  const asOf = d.int('$asOf');
  const end = d.int('$end');
  const ready = readySql(d, end);
  const vacant = expectedVacancySql(d, end);
  return `
  WITH ${policyCte(policies)},
  scoped AS (
    SELECT u.id, pol.* FROM units u JOIN pol ON pol.unit_kind = u.kind
    WHERE ${subtree ? d.startsWith('u.path', '$scope') : 'u.code = $scope'}
  ),
  pos AS (
    SELECT p.unit_id,
      count(*) FILTER (WHERE p.kind = 'PRINCIPAL') AS p_pos,
      count(*) FILTER (WHERE p.kind = 'DEPUTY') AS d_pos,
      count(*) FILTER (WHERE p.kind = 'PRINCIPAL' AND ${vacant}) AS p_vac,
      count(*) FILTER (WHERE p.kind = 'DEPUTY' AND ${vacant}) AS d_vac
    FROM positions p JOIN scoped pol ON pol.id = p.unit_id
    GROUP BY p.unit_id
  ),
  act AS MATERIALIZED (
    -- The entries active at asOf, each worked out once: kind, age, readiness, structure.
    SELECT r.unit_id, r.person_id,
      r.kind = 'PRINCIPAL' AS is_p,
      r.tier = 'NEAR_TERM' AS near,
      ${yearsBetween(d, 'r.birth_ymd', asOf)} AS age_now,
      ${ready} AS ready,
      (r.gender = 'F' OR r.ethnicity <> '汉族' OR r.political_status <> 'CPC') AS special,
      r.education IN ('BACHELOR', 'MASTER', 'DOCTORATE') AS bachelor,
      pol.principal_band_from, pol.principal_band_to, pol.deputy_band_from, pol.deputy_band_to,
      pol.principal_young_under, pol.deputy_young_under, pol.min_trainings, pol.min_training_days
    FROM reserves r JOIN scoped pol ON pol.id = r.unit_id
    WHERE ${activeAt('r.entered_ymd', 'r.exited_ymd', asOf)}
  ),
  pool AS (
    SELECT unit_id,
      count(*) AS n,
      count(*) FILTER (WHERE is_p) AS p_n,
      count(*) FILTER (WHERE NOT is_p) AS d_n,
      count(*) FILTER (WHERE special) AS special,
      count(*) FILTER (WHERE bachelor) AS bachelor,
      count(*) FILTER (WHERE is_p AND near) AS p_near,
      count(*) FILTER (WHERE NOT is_p AND near) AS d_near,
      count(*) FILTER (WHERE is_p AND age_now BETWEEN principal_band_from AND principal_band_to) AS p_band,
      count(*) FILTER (WHERE NOT is_p AND age_now BETWEEN deputy_band_from AND deputy_band_to) AS d_band,
      count(*) FILTER (WHERE is_p AND age_now < principal_young_under) AS p_young,
      count(*) FILTER (WHERE NOT is_p AND age_now < deputy_young_under) AS d_young,
      count(*) FILTER (WHERE is_p AND ready) AS p_ready,
      count(*) FILTER (WHERE NOT is_p AND ready) AS d_ready
    FROM act GROUP BY unit_id
  ),
  cov AS (
    -- Entries covered by the year's centralized trainings (count and days, the unit's policy).
    SELECT a.unit_id, count(*) AS covered
    FROM (SELECT person_id, central_n, central_days FROM person_years WHERE year = $year AND central_n > 0) c
    JOIN (SELECT unit_id, person_id, min_trainings, min_training_days FROM act) a ON a.person_id = c.person_id
    WHERE c.central_n >= a.min_trainings AND c.central_days >= a.min_training_days
    GROUP BY a.unit_id
  ),
  base AS MATERIALIZED (
    SELECT s.*,
      coalesce(pos.p_pos, 0) AS p_pos, coalesce(pos.d_pos, 0) AS d_pos, coalesce(pos.p_vac, 0) AS p_vac, coalesce(pos.d_vac, 0) AS d_vac,
      coalesce(pool.n, 0) AS n, coalesce(pool.p_n, 0) AS p_n, coalesce(pool.d_n, 0) AS d_n,
      coalesce(pool.special, 0) AS special, coalesce(pool.bachelor, 0) AS bachelor,
      coalesce(pool.p_near, 0) AS p_near, coalesce(pool.d_near, 0) AS d_near,
      coalesce(pool.p_band, 0) AS p_band, coalesce(pool.d_band, 0) AS d_band,
      coalesce(pool.p_young, 0) AS p_young, coalesce(pool.d_young, 0) AS d_young,
      coalesce(cov.covered, 0) AS covered, coalesce(pool.p_ready, 0) AS p_ready, coalesce(pool.d_ready, 0) AS d_ready,
      coalesce(up.n, 0) AS people, coalesce(uy.trained, 0) AS trained
    FROM scoped s
    LEFT JOIN pos ON pos.unit_id = s.id
    LEFT JOIN pool ON pool.unit_id = s.id
    LEFT JOIN cov ON cov.unit_id = s.id
    LEFT JOIN unit_people up ON up.unit_id = s.id
    LEFT JOIN unit_years uy ON uy.unit_id = s.id AND uy.year = $year
  )`;
}

/** The judged rows, one per unit and applicable rule, as the CTE `judged` (after `base`). */
export function judgedSql(d: Dialect, policies: PoliciesAt, subtree: boolean): string {
  const defs = ruleDefs(d);
  const share = (num: string, den: string) => `CASE WHEN ${den} > 0 THEN ${num} * 1.0 / ${den} ELSE 0 END`;
  // Rules travel as their index in RULES and statuses as 0/1/2; names are put on the few rows returned.
  const rule = (name: Rule) => {
    const { num, den, target, when } = defs[name];
    return `SELECT id, ${RULES.indexOf(name)} AS rule, ${num} AS num, ${den ?? 'CAST(NULL AS INTEGER)'} AS den,
       ${den ? share(num, den) : num} AS value, ${target} AS target, tolerance
     FROM base WHERE ${when}`;
  };
  return `${baseSql(d, policies, subtree)},
  rules AS (
    ${RULES.map(rule).join('\n    UNION ALL ')}
  ),
  judged AS MATERIALIZED (
    SELECT id, rule, num, den, value, target,
      ${d.greatest('0', 'target - value')} AS gap,
      CASE WHEN value >= target - 1e-9 THEN 0
           WHEN value >= target * (1 - tolerance) - 1e-9 THEN 1
           ELSE 2 END AS status
    FROM rules
  )`;
}

/**
 * The report's summary in one statement: per rule, units judged, breaches, warnings and the
 * sums the totals are made of (part 'T'); then the $limit worst units — most breaches, then the
 * largest relative shortfall, then most warnings — with their rules (part 'W').
 */
export function summarySql(judged: string): string {
  return `${judged},
  totals AS (
    SELECT rule, count(*) AS units,
      count(*) FILTER (WHERE status = 2) AS breaches,
      count(*) FILTER (WHERE status = 1) AS warnings,
      sum(num) AS num, sum(den) AS den, sum(target) AS target, sum(gap) AS gap
    FROM judged GROUP BY rule
  ),
  ranked AS (
    SELECT id,
      count(*) FILTER (WHERE status = 2) AS breaches,
      count(*) FILTER (WHERE status = 1) AS warnings,
      -- Rounded: engines differ in the last bits of 1 − 5/6 and 1/6, and ties must stay ties.
      round(sum(CASE WHEN target > 0 THEN gap * 1.0 / target ELSE 0 END), 9) AS shortfall
    FROM judged GROUP BY id
    ORDER BY breaches DESC, shortfall DESC, warnings DESC, id
    LIMIT $limit
  )
  SELECT 'T' AS part, NULL AS unit_id, NULL AS unit_code, NULL AS unit_name, rule, units, breaches, warnings,
    NULL AS shortfall, num, den, NULL AS value, target, gap, NULL AS status
  FROM totals
  UNION ALL
  SELECT 'W', r.id, u.code, u.name, j.rule, NULL, r.breaches, r.warnings,
    r.shortfall, NULL, NULL, j.value, j.target, j.gap, j.status
  FROM ranked r JOIN judged j ON j.id = r.id JOIN units u ON u.id = r.id
  ORDER BY part, breaches DESC, shortfall DESC, warnings DESC, unit_id, rule`;
}

export type RowOrder = 'SEVERITY' | 'GAP' | 'UNIT' | 'RULE';

/** A filtered, ordered page of judged rows, with the total count of matching rows. */
export function rowsSql(
  judged: string,
  rules: Rule[] | null,
  statuses: Status[] | null,
  order: RowOrder,
  descending: boolean,
): string {
  const where = [
    rules?.length ? `rule IN (${rules.map((r) => RULES.indexOf(r)).join(', ')})` : null,
    statuses?.length ? `status IN (${statuses.map((s) => STATUS_NAMES.indexOf(s)).join(', ')})` : null,
  ].filter(Boolean);
  const dir = descending ? 'DESC' : 'ASC';
  const orderBy = {
    SEVERITY: `status ${dir}, round(CASE WHEN target > 0 THEN gap * 1.0 / target ELSE 0 END, 9) ${dir}, id, rule`,
    GAP: `round(gap, 9) ${dir}, id, rule`,
    UNIT: `id ${dir}, rule`,
    RULE: `rule ${dir}, id`,
  }[order];
  return `${judged},
  matching AS (SELECT * FROM judged ${where.length ? `WHERE ${where.join(' AND ')}` : ''}),
  page AS (SELECT * FROM matching ORDER BY ${orderBy} LIMIT $limit OFFSET $offset)
  SELECT u.code AS unit_code, u.name AS unit_name, page.rule, page.value, page.target, page.gap, page.status,
    (SELECT count(*) FROM matching) AS total
  FROM page JOIN units u ON u.id = page.id
  ORDER BY ${orderBy.replace(/\b(status|target|gap|id|rule)\b/g, 'page.$1')}`;
}

/** Status codes as stored in the judged rows. */
export const STATUS_NAMES: Status[] = ['COMPLIANT', 'WARNING', 'BREACH'];

export function statusOf(value: number, target: number, tolerance: number): Status {
  if (value >= target - 1e-9) return 'COMPLIANT';
  if (value >= target * (1 - tolerance) - 1e-9) return 'WARNING';
  return 'BREACH';
}
