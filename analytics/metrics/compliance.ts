// 合规报告: for every unit in a subtree, every rule with its value, target, gap and status. The
// whole report is computed inside the database; only the totals and the asked-for rows (the
// worst units, a page of rows) come back. One SQL text serves DuckDB (the product) and, through
// views of the same shape, SQLite and PostgreSQL (the benchmark's baselines): see dialect.ts.
import type { Dialect } from '../dialect.ts';
import { type PoliciesAt, policyCte } from '../policy.ts';

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

/** The SQL of the judged rows: one per unit and applicable rule. */
export function judgedSql(d: Dialect, policies: PoliciesAt, subtree: boolean): string {
  const asOf = d.date('$asOf');
  const end = d.date('$end');
  const age = (at: string) => d.ageAt('r.birth_date', at);
  // Ready: stays to the horizon (age and period), NEAR_TERM, minimum cultivation over by the end.
  const ready = `(r.tier = 'NEAR_TERM'
        AND ${age(end)} <= CASE r.kind WHEN 'PRINCIPAL' THEN pol.principal_age_limit ELSE pol.deputy_age_limit END
        AND ${d.addYears('r.entered_on', 'pol.management_years')} > ${end}
        AND ${d.addYears('r.entered_on', 'pol.cultivation_years')} <= ${end})`;
  const vacant = `(p.incumbent_id IS NULL OR ${d.ageAt('p.incumbent_birth_date', end)} >= pol.retirement_age OR p.term_ends <= ${end})`;
  const share = (num: string, den: string) => `CASE WHEN ${den} > 0 THEN ${num} * 1.0 / ${den} ELSE 0 END`;
  // Rules travel as their index in RULES and statuses as 0/1/2: the per-report table holds
  // numbers only, and names are joined to the few rows returned.
  const rule = (name: Rule, num: string, den: string, target: string, when: string) =>
    `SELECT id, ${RULES.indexOf(name)} AS rule, ${num} AS num, ${den} AS den,
       ${MEASURE[name] === 'COUNT' ? num : share(num, den)} AS value, ${target} AS target, tolerance
     FROM base WHERE ${when}`;
  return `
  WITH ${policyCte(policies)},
  scoped AS (
    SELECT u.id, u.code, u.name, u.kind FROM units u
    WHERE ${subtree ? d.startsWith('u.path', '$scope') : 'u.code = $scope'}
  ),
  pos AS (
    SELECT unit_id,
      count(*) FILTER (WHERE kind = 'PRINCIPAL') AS p_pos,
      count(*) FILTER (WHERE kind = 'DEPUTY') AS d_pos,
      count(*) FILTER (WHERE kind = 'PRINCIPAL' AND is_vacant = 1) AS p_vac,
      count(*) FILTER (WHERE kind = 'DEPUTY' AND is_vacant = 1) AS d_vac
    FROM (
      SELECT p.unit_id, p.kind, CASE WHEN ${vacant} THEN 1 ELSE 0 END AS is_vacant
      FROM positions p
      JOIN scoped s ON s.id = p.unit_id
      JOIN pol ON pol.unit_kind = s.kind
    ) v
    GROUP BY unit_id
  ),
  central AS (
    SELECT person_id, central_n AS n, central_days AS days FROM person_years WHERE year = $year AND central_n > 0
  ),
  pool AS (
    -- Age and readiness are worked out once per entry, then counted by kind.
    SELECT unit_id,
      count(*) AS n,
      count(*) FILTER (WHERE kind = 'PRINCIPAL') AS p_n,
      count(*) FILTER (WHERE kind = 'DEPUTY') AS d_n,
      count(*) FILTER (WHERE gender = 'F' OR ethnicity <> '汉族' OR political_status <> 'CPC') AS special,
      count(*) FILTER (WHERE education IN ('BACHELOR', 'MASTER', 'DOCTORATE')) AS bachelor,
      count(*) FILTER (WHERE kind = 'PRINCIPAL' AND tier = 'NEAR_TERM') AS p_near,
      count(*) FILTER (WHERE kind = 'DEPUTY' AND tier = 'NEAR_TERM') AS d_near,
      count(*) FILTER (WHERE kind = 'PRINCIPAL' AND age_now BETWEEN principal_band_from AND principal_band_to) AS p_band,
      count(*) FILTER (WHERE kind = 'DEPUTY' AND age_now BETWEEN deputy_band_from AND deputy_band_to) AS d_band,
      count(*) FILTER (WHERE kind = 'PRINCIPAL' AND age_now < principal_young_under) AS p_young,
      count(*) FILTER (WHERE kind = 'DEPUTY' AND age_now < deputy_young_under) AS d_young,
      count(*) FILTER (WHERE c_n >= min_trainings AND c_days >= min_training_days) AS covered,
      count(*) FILTER (WHERE kind = 'PRINCIPAL' AND is_ready = 1) AS p_ready,
      count(*) FILTER (WHERE kind = 'DEPUTY' AND is_ready = 1) AS d_ready
    FROM (
      SELECT r.unit_id, r.kind, r.tier, r.gender, r.ethnicity, r.political_status, r.education,
        ${age(asOf)} AS age_now, CASE WHEN ${ready} THEN 1 ELSE 0 END AS is_ready,
        c.n AS c_n, c.days AS c_days,
        pol.principal_band_from, pol.principal_band_to, pol.deputy_band_from, pol.deputy_band_to,
        pol.principal_young_under, pol.deputy_young_under, pol.min_trainings, pol.min_training_days
      FROM reserves r
      JOIN scoped s ON s.id = r.unit_id
      JOIN pol ON pol.unit_kind = s.kind
      LEFT JOIN central c ON c.person_id = r.person_id
      WHERE r.entered_on <= ${asOf} AND (r.exited_on IS NULL OR r.exited_on > ${asOf})
    ) e
    GROUP BY unit_id
  ),
  trained AS (
    SELECT unit_id, count(*) AS n FROM person_years WHERE year = $year AND completed > 0 GROUP BY unit_id
  ),
  ppl AS (
    SELECT up.unit_id, up.n, coalesce(tr.n, 0) AS trained
    FROM unit_people up JOIN scoped s ON s.id = up.unit_id LEFT JOIN trained tr ON tr.unit_id = up.unit_id
  ),
  base AS MATERIALIZED (
    SELECT s.id, s.code, s.name, pol.*,
      coalesce(pos.p_pos, 0) AS p_pos, coalesce(pos.d_pos, 0) AS d_pos, coalesce(pos.p_vac, 0) AS p_vac, coalesce(pos.d_vac, 0) AS d_vac,
      coalesce(pool.n, 0) AS n, coalesce(pool.p_n, 0) AS p_n, coalesce(pool.d_n, 0) AS d_n,
      coalesce(pool.special, 0) AS special, coalesce(pool.bachelor, 0) AS bachelor,
      coalesce(pool.p_near, 0) AS p_near, coalesce(pool.d_near, 0) AS d_near,
      coalesce(pool.p_band, 0) AS p_band, coalesce(pool.d_band, 0) AS d_band,
      coalesce(pool.p_young, 0) AS p_young, coalesce(pool.d_young, 0) AS d_young,
      coalesce(pool.covered, 0) AS covered, coalesce(pool.p_ready, 0) AS p_ready, coalesce(pool.d_ready, 0) AS d_ready,
      coalesce(ppl.n, 0) AS people, coalesce(ppl.trained, 0) AS trained
    FROM scoped s
    JOIN pol ON pol.unit_kind = s.kind
    LEFT JOIN pos ON pos.unit_id = s.id
    LEFT JOIN pool ON pool.unit_id = s.id
    LEFT JOIN ppl ON ppl.unit_id = s.id
  ),
  rules AS (
    ${rule('RATIO_PRINCIPAL', 'p_n', 'CAST(NULL AS INTEGER)', d.ceil('principal_ratio * p_pos'), 'p_pos > 0')}
    UNION ALL ${rule('RATIO_DEPUTY', 'd_n', 'CAST(NULL AS INTEGER)', d.ceil('deputy_ratio * d_pos'), 'd_pos > 0')}
    UNION ALL ${rule('SPECIAL_SHARE', 'special', 'n', 'special_share', 'p_pos + d_pos > 0')}
    UNION ALL ${rule('NEAR_TERM_PRINCIPAL', 'p_near', 'p_n', 'near_term_share', 'p_pos > 0')}
    UNION ALL ${rule('NEAR_TERM_DEPUTY', 'd_near', 'd_n', 'near_term_share', 'd_pos > 0')}
    UNION ALL ${rule('AGE_BAND_PRINCIPAL', 'p_band', 'p_n', 'principal_band_share', 'p_pos > 0')}
    UNION ALL ${rule('AGE_BAND_DEPUTY', 'd_band', 'd_n', 'deputy_band_share', 'd_pos > 0')}
    UNION ALL ${rule('YOUNG_PRINCIPAL', 'p_young', 'CAST(NULL AS INTEGER)', '1', 'p_pos > 0')}
    UNION ALL ${rule('YOUNG_DEPUTY', 'd_young', 'CAST(NULL AS INTEGER)', '1', 'd_pos > 0')}
    UNION ALL ${rule('BACHELOR_SHARE', 'bachelor', 'n', 'bachelor_share', 'p_pos + d_pos > 0')}
    UNION ALL ${rule('TRAINING_COVERAGE', 'covered', 'n', 'training_coverage', 'p_pos + d_pos > 0')}
    UNION ALL ${rule('CADRE_TRAINING_RATE', 'trained', 'people', 'cadre_training_rate', 'people > 0')}
    UNION ALL ${rule('SUCCESSION_PRINCIPAL', 'p_ready', 'CAST(NULL AS INTEGER)', 'p_vac', 'p_pos > 0')}
    UNION ALL ${rule('SUCCESSION_DEPUTY', 'd_ready', 'CAST(NULL AS INTEGER)', 'd_vac', 'd_pos > 0')}
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

/** Per rule: units judged, breaches, warnings, and the sums the totals are made of. */
export function totalsSql(judged: string): string {
  return `SELECT rule, count(*) AS units,
    count(*) FILTER (WHERE status = 2) AS breaches,
    count(*) FILTER (WHERE status = 1) AS warnings,
    sum(num) AS num, sum(den) AS den, sum(target) AS target, sum(gap) AS gap
  FROM ${judged} GROUP BY rule`;
}

/** The worst units: most breaches, then the largest relative shortfall, then most warnings. */
export function worstUnitsSql(judged: string): string {
  return `WITH ranked AS (
    SELECT id,
      count(*) FILTER (WHERE status = 2) AS breaches,
      count(*) FILTER (WHERE status = 1) AS warnings,
      -- Rounded: engines differ in the last bits of 1 − 5/6 and 1/6, and ties must stay ties.
      round(sum(CASE WHEN target > 0 THEN gap * 1.0 / target ELSE 0 END), 9) AS shortfall
    FROM ${judged} GROUP BY id
    ORDER BY breaches DESC, shortfall DESC, warnings DESC, id
    LIMIT $limit
  )
  SELECT u.code AS unit_code, u.name AS unit_name, r.breaches, r.warnings, r.shortfall,
    j.rule, j.value, j.target, j.gap, j.status
  FROM ranked r JOIN ${judged} j ON j.id = r.id JOIN units u ON u.id = r.id
  ORDER BY r.breaches DESC, r.shortfall DESC, r.warnings DESC, r.id, j.rule`;
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
  return `WITH matching AS (SELECT * FROM ${judged} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}),
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
