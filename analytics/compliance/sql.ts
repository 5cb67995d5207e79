// The compliance report's SQL, generated from the rule registry (registry.ts): for every unit in
// scope, every rule that applies with its value, target, gap and status. The whole report is
// computed inside the database, one statement per request (the totals and the worst units
// together, or a page of rows), and only those rows come back. One SQL text serves DuckDB (the
// product) and, through views of the same shape, SQLite and PostgreSQL (the benchmark's
// baselines and a cross-check): see dialect.ts.
import type { PoliciesAt } from '../../domain/policy/effective.ts';
import type { Dialect } from '../dialect.ts';
import { pol, policyCte } from '../policy-table.ts';
import { activeAt, positionsAt } from '../segments.ts';
import {
  type Measure,
  type ReportDates,
  RULE_NAMES,
  RULES,
  type Rule,
  STATUS_NAMES,
  type Status,
  statusSql,
} from './registry.ts';

/** The measures the rules use, each once, with the column that holds it per unit. */
class Columns {
  private readonly bySql = new Map<string, { column: string; measure: Measure; sql: string }>();
  constructor(
    private readonly d: Dialect,
    private readonly at: ReportDates,
  ) {}

  /** The column holding a measure in `base`. */
  of(m: Measure): string {
    if (m.source === 'people') return 'people';
    if (m.source === 'trained') return 'trained';
    const sql = m.where(this.d, this.at);
    const key = `${m.source}:${sql}`;
    let entry = this.bySql.get(key);
    if (!entry) {
      entry = { column: `${m.source === 'entries' ? 'e' : 'p'}${this.bySql.size}`, measure: m, sql };
      this.bySql.set(key, entry);
    }
    return entry.column;
  }

  list(source: 'entries' | 'posts') {
    return [...this.bySql.values()].filter((c) => c.measure.source === source);
  }
}

interface Judging {
  applies: string;
  num: string;
  den: string | null;
  target: string;
}

function judging(d: Dialect, columns: Columns, rule: Rule): Judging {
  const def = RULES[rule] as (typeof RULES)[Rule] & { denominator?: Measure };
  const t = def.target;
  const target =
    'measure' in t
      ? columns.of(t.measure)
      : 'times' in t && t.times
        ? d.ceil(`${pol(t.policy)} * ${columns.of(t.times)}`)
        : pol(t.policy);
  return {
    applies: `${columns.of(def.appliesWhen)} > 0`,
    num: columns.of(def.numerator),
    den: def.denominator ? columns.of(def.denominator) : null,
    target,
  };
}

export interface ReportParams {
  /** The scope: a unit's path prefix (subtree) or its code (alone). */
  scope: string;
  subtree: boolean;
  asOf: string;
  /** Horizon end for the succession rules (asOf + the policy's horizon). */
  end: string;
  /** Trainings counted for coverage start in this year (the year of asOf). */
  year: number;
}

/**
 * The judged rows, one per unit and applicable rule, as the CTE `judged`. `base` holds a row per
 * unit in scope: its policy's numbers (read as `pol.…`) and every measure's count.
 */
export function judgedSql(d: Dialect, policies: PoliciesAt, subtree: boolean): string {
  const at = { asOf: d.int('$asOf'), end: d.int('$end') };
  const columns = new Columns(d, at);
  const rules = RULE_NAMES.map((rule) => [rule, judging(d, columns, rule)] as const);
  const entryCols = columns.list('entries');
  const postCols = columns.list('posts');
  const coalesced = [...postCols, ...entryCols].map(
    (c) => `coalesce(${c.measure.source === 'entries' ? 'pool' : 'pos'}.${c.column}, 0) AS ${c.column}`,
  );
  const share = (num: string, den: string) => `CASE WHEN ${den} > 0 THEN ${num} * 1.0 / ${den} ELSE 0 END`;
  const ruleRows = rules.map(
    ([rule, j]) =>
      `SELECT id, ${RULE_NAMES.indexOf(rule)} AS rule, ${j.num} AS num, ${j.den ?? 'CAST(NULL AS INTEGER)'} AS den,
       ${j.den ? share(j.num, j.den) : j.num} AS value, ${j.target} AS target, tolerance
     FROM base pol WHERE ${j.applies}`,
  );
  return `
  WITH ${policyCte(policies)},
  scoped AS (
    SELECT u.id, pol.*, ${pol('complianceWarningTolerance')} AS tolerance FROM units u JOIN pol ON pol.unit_kind = u.kind
    WHERE ${subtree ? d.startsWith('u.path', '$scope') : 'u.code = $scope'}
  ),
  pos AS (
    SELECT p.unit_id, ${postCols.map((c) => `count(*) FILTER (WHERE ${c.sql}) AS ${c.column}`).join(', ')}
    FROM (${positionsAt(at.asOf)}) p JOIN scoped pol ON pol.id = p.unit_id
    GROUP BY p.unit_id
  ),
  pool AS (
    -- The entries active at asOf, with the person's centralized trainings of the year.
    SELECT r.unit_id, ${entryCols.map((c) => `count(*) FILTER (WHERE ${c.sql}) AS ${c.column}`).join(', ')}
    FROM reserves r JOIN scoped pol ON pol.id = r.unit_id
    LEFT JOIN (SELECT person_id, central_n, central_days FROM person_years WHERE year = $year AND central_n > 0) py
      ON py.person_id = r.person_id
    WHERE ${activeAt(at.asOf)}
    GROUP BY r.unit_id
  ),
  base AS MATERIALIZED (
    SELECT s.*, ${coalesced.join(', ')},
      coalesce(up.n, 0) AS people, coalesce(uy.trained, 0) AS trained
    FROM scoped s
    LEFT JOIN pos ON pos.unit_id = s.id
    LEFT JOIN pool ON pool.unit_id = s.id
    LEFT JOIN unit_people up ON up.unit_id = s.id
    LEFT JOIN unit_years uy ON uy.unit_id = s.id AND uy.year = $year
  ),
  rules AS (
    ${ruleRows.join('\n    UNION ALL ')}
  ),
  judged AS MATERIALIZED (
    SELECT id, rule, num, den, value, target,
      ${d.greatest('0', 'target - value')} AS gap,
      ${statusSql('value', 'target', 'tolerance')} AS status
    FROM rules
  )`;
}

/**
 * The per-rule facts the totals need beyond the judged rows, as a VALUES table `meta`: whether
 * the rule is a share, and for a share its target under the scope's own policy ($-free numbers).
 */
function metaCte(root: RootJudging): string {
  const rows = RULE_NAMES.map((rule, i) => {
    const share = RULES[rule].measure === 'SHARE';
    const target = root.targets.get(rule);
    return `(${i}, ${share ? 1 : 0}, ${share && target !== undefined ? target : 'NULL'}, ${root.tolerance})`;
  });
  return `meta(rule, is_share, root_target, tolerance) AS (VALUES ${rows.join(', ')})`;
}

/** How the scope's own policy judges subtree totals: share targets and the tolerance (numbers). */
export interface RootJudging {
  targets: Map<Rule, number>;
  tolerance: number;
}

/**
 * The report's summary in one statement: per rule, units judged, breaches, warnings, and the
 * subtree value, target, gap and status (part 'T'): COUNT rules sum the units' values, targets
 * and gaps (a surplus never hides a shortage; the status judges target − gap against target),
 * SHARE rules pool numerators and denominators against the scope unit's policy. Then the $limit
 * worst units — most breaches, then the largest relative shortfall, then most warnings — with
 * their rules (part 'W').
 */
export function summarySql(d: Dialect, judged: string, root: RootJudging): string {
  return `${judged},
  ${metaCte(root)},
  sums AS (
    SELECT rule, count(*) AS units,
      count(*) FILTER (WHERE status = 2) AS breaches,
      count(*) FILTER (WHERE status = 1) AS warnings,
      sum(num) AS num, sum(den) AS den, sum(target) AS target, sum(gap) AS gap
    FROM judged GROUP BY rule
  ),
  pooled AS (
    SELECT s.rule, s.units, s.breaches, s.warnings,
      CASE WHEN m.is_share = 1 THEN CASE WHEN s.den > 0 THEN s.num * 1.0 / s.den ELSE 0 END ELSE s.num END AS value,
      CASE WHEN m.is_share = 1 THEN m.root_target ELSE s.target END AS target,
      s.gap AS count_gap, m.is_share, m.tolerance
    FROM sums s JOIN meta m ON m.rule = s.rule
  ),
  totals AS (
    SELECT rule, units, breaches, warnings, value, target,
      CASE WHEN is_share = 1 THEN ${d.greatest('0', 'target - value')} ELSE count_gap END AS gap,
      CASE WHEN is_share = 1 THEN ${statusSql('value', 'target', 'tolerance')}
           ELSE ${statusSql('target - count_gap', 'target', 'tolerance')} END AS status
    FROM pooled
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
    NULL AS shortfall, value, target, gap, status
  FROM totals
  UNION ALL
  SELECT 'W', r.id, u.code, u.name, j.rule, NULL, r.breaches, r.warnings,
    r.shortfall, j.value, j.target, j.gap, j.status
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
    rules?.length ? `rule IN (${rules.map((r) => RULE_NAMES.indexOf(r)).join(', ')})` : null,
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
