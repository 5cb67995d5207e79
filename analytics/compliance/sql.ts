// The compliance report's SQL, generated from the rule registry (registry.ts): for every unit in
// scope, every rule that applies with its value, target, gap and status. The whole report is
// computed inside the database, one statement per request (the totals and the worst units
// together, or a page of rows), and only those rows come back. One SQL text serves DuckDB (the
// product) and, through views of the same shape, SQLite and PostgreSQL (the benchmark's
// baselines and a cross-check): see dialect.ts.

import { UNIT_LEVELS } from '../../domain/enums.ts';
import type { PoliciesAt } from '../../domain/policy/effective.ts';
import type { Dialect } from '../dialect.ts';
import { counts, MEASURES, type MeasureDates, type MeasureName, paramDates, type Source } from '../measures.ts';
import { pol, policyCte } from '../policy-table.ts';
import { unitsIn } from '../scope.ts';
import { activeAt, positionsAt } from '../segments.ts';
import {
  type JudgedAt,
  RULE_NAMES,
  RULES,
  type Rule,
  type RuleDef,
  ruleMeasures,
  STATUS_NAMES,
  type Status,
  statusSql,
} from './registry.ts';

/** The measures the rules use, each once, with the column that holds it per unit. */
class Columns {
  private readonly byName = new Map<MeasureName, { column: string; sql: string }>();
  constructor(
    private readonly d: Dialect,
    private readonly at: MeasureDates,
  ) {}

  /** The column holding a measure in `base` (and in the subtree roll-up). */
  of(name: MeasureName): string {
    let entry = this.byName.get(name);
    if (!entry) {
      entry = { column: `m${this.byName.size}`, sql: counts(this.d, MEASURES[name], this.at) };
      this.byName.set(name, entry);
    }
    return entry.column;
  }

  list(source: Source) {
    return [...this.byName.entries()]
      .filter(([name]) => MEASURES[name].source === source)
      .map(([name, c]) => ({ name, ...c }));
  }
}

export interface ReportParams {
  /** The scope unit's path; with `subtree` its whole subtree is in scope, else the unit alone. */
  path: string;
  subtree: boolean;
  asOf: string;
  /** Horizon end for the succession rules (asOf + the policy's horizon). */
  end: string;
  /** The judged training year (the last complete one by default). */
  year: number;
}

/** Rules by where they are judged. */
const rulesAt = (where: JudgedAt) => RULE_NAMES.filter((r) => RULES[r].judgedAt === where);

/** Whether a unit (`u.level`, with its policy row `pol`) keeps a pool: the policy's pool levels. */
function isPoolUnit(): string {
  return `CASE u.level ${UNIT_LEVELS.map((l) => `WHEN '${l}' THEN ${pol(`poolLevels.${l}`)}`).join(' ')} ELSE 0 END`;
}

/**
 * One rule's rows from `m` (measure columns) and `pol` (the unit's policy row, with id and
 * tolerance): numerator, denominator, value, target, and whether the row is judged and counts the
 * subtree.
 */
function ruleSelect(d: Dialect, columns: Columns, rule: Rule, from: string, judged: 0 | 1, subtree: 0 | 1): string {
  const def: RuleDef = RULES[rule];
  const t = def.target;
  const col = (name: MeasureName) => `m.${columns.of(name)}`;
  const target =
    'measure' in t
      ? col(t.measure)
      : t.times
        ? d.ceil(`${pol(t.policy)} * ${col(t.times)}`)
        : t.proRated
          ? `${pol(t.policy)} * ${d.real('$elapsed')}`
          : pol(t.policy);
  const num = col(def.numerator);
  const den = def.denominator ? col(def.denominator) : null;
  const value = den ? `CASE WHEN ${den} > 0 THEN ${num} * 1.0 / ${den} ELSE 0 END` : num;
  const applies = [`${col(def.appliesWhen)} > 0`, def.enabledBy ? `${pol(def.enabledBy)} > 0` : null]
    .filter(Boolean)
    .join(' AND ');
  // The count a ratio's target is taken of (posts, departments): shown beside it.
  const base = 'times' in t && t.times ? col(t.times) : 'CAST(NULL AS INTEGER)';
  const isJudged = judged && def.judgedBy ? `CASE WHEN ${pol(def.judgedBy)} > 0 THEN 1 ELSE 0 END` : String(judged);
  return `SELECT pol.id, ${RULE_NAMES.indexOf(rule)} AS rule, ${num} AS num, ${den ?? 'CAST(NULL AS INTEGER)'} AS den,
       ${base} AS base, ${value} AS value, ${target} AS target, pol.tolerance, ${def.warnOnly ? 1 : 0} AS warn_only,
       ${isJudged} AS judged, ${subtree} AS subtree
     ${from} WHERE ${applies}`;
}

/**
 * The report's rows as the CTE `judged`: per unit in scope and applicable rule, the figure, its
 * target, gap and status, and whether it is judged there (domain.md "Where each rule is judged"):
 * team rules over each unit alone; pool rules at pool units over their subtree (elsewhere over the
 * unit alone, shown and not judged). Also `totals_pool`: the pool rules over the scope unit's
 * whole subtree against its own policy (the report's totals for those rules).
 */
export function judgedSql(d: Dialect, policies: PoliciesAt, subtree: boolean): string {
  const at = paramDates(d);
  const columns = new Columns(d, at);
  for (const rule of RULE_NAMES) for (const name of ruleMeasures(rule)) columns.of(name);
  const entryCols = columns.list('entries');
  const postCols = columns.list('posts');
  const peopleCols = columns.list('people');
  const unitCols = columns.list('units');
  const apptCols = columns.list('appointments');
  const people = (name: MeasureName) =>
    name === 'PEOPLE' ? 'coalesce(up.n, 0)' : name === 'TRAINED_PEOPLE' ? 'coalesce(uy.trained, 0)' : null;
  for (const c of peopleCols)
    if (!people(c.name)) throw new Error(`measure ${c.name}: the report counts people through unit_people only`);
  // The pool rules' measures: only these are rolled up the tree.
  const rolled = [...new Set(rulesAt('POOL').flatMap((r) => ruleMeasures(r).map((m) => columns.of(m))))];
  const team = [...rulesAt('TEAM'), ...rulesAt('VILLAGE')];
  const pool = rulesAt('POOL');
  const fromUnits = (m: string) => `FROM scoped pol JOIN ${m} m ON m.id = pol.id`;
  const rows = [
    ...team.map((rule) =>
      ruleSelect(
        d,
        columns,
        rule,
        `${fromUnits('base')}${RULES[rule].judgedAt === 'VILLAGE' ? ` AND pol.level = 'VILLAGE'` : ''}`,
        1,
        0,
      ),
    ),
    ...pool.map((rule) => ruleSelect(d, columns, rule, `${fromUnits('roll')} AND pol.is_pool = 1`, 1, 1)),
    ...pool.map((rule) => ruleSelect(d, columns, rule, `${fromUnits('base')} AND pol.is_pool = 0`, 0, 0)),
  ];
  const totalsPool = pool.map((rule) => ruleSelect(d, columns, rule, 'FROM root_pol pol CROSS JOIN whole m', 1, 1));
  return `
  WITH RECURSIVE ${policyCte(policies)},
  counted AS MATERIALIZED (
    -- The scope unit's subtree: its pool rules count all of it even when the unit is asked for alone.
    SELECT u.id, u.kind, u.level, pu.id AS parent_id FROM units u LEFT JOIN units pu ON pu.code = u.parent_code
    WHERE ${unitsIn(d, '$path', true)}
  ),
  scoped AS MATERIALIZED (
    SELECT u.id, u.level, pol.*, ${pol('complianceWarningTolerance')} AS tolerance, ${isPoolUnit()} AS is_pool
    FROM units u JOIN pol ON pol.unit_kind = u.kind
    WHERE ${unitsIn(d, '$path', subtree)}
  ),
  root_pol AS (
    SELECT u.id, pol.*, ${pol('complianceWarningTolerance')} AS tolerance
    FROM units u JOIN pol ON pol.unit_kind = u.kind WHERE ${unitsIn(d, '$path', false)}
  ),
  pos AS (
    SELECT p.unit_id, ${postCols.map((c) => `count(*) FILTER (WHERE ${c.sql}) AS ${c.column}`).join(', ')}
    FROM (${positionsAt(at.asOf)}) p JOIN counted c ON c.id = p.unit_id JOIN pol ON pol.unit_kind = c.kind
    GROUP BY p.unit_id
  ),
  appt AS (
    -- Appointments to the units' leadership posts (a recorded first day; incumbencies from before
    -- the records began are none).
    SELECT p.unit_id, ${apptCols.map((c) => `count(*) FILTER (WHERE ${c.sql}) AS ${c.column}`).join(', ')}
    FROM incumbencies a JOIN positions p ON p.code = a.position_code JOIN counted c ON c.id = p.unit_id
    JOIN pol ON pol.unit_kind = c.kind
    WHERE a.from_ymd IS NOT NULL
    GROUP BY p.unit_id
  ),
  pool AS (
    -- The entries active at asOf or on the judged training year's last day, with the person's
    -- centralized trainings of that year (py) and of the current year (pyc).
    SELECT r.unit_id, ${entryCols.map((c) => `count(*) FILTER (WHERE ${c.sql}) AS ${c.column}`).join(', ')}
    FROM reserves r JOIN counted c ON c.id = r.unit_id JOIN pol ON pol.unit_kind = c.kind
    LEFT JOIN (SELECT person_id, central_n, central_days FROM person_years WHERE year = $year AND central_n > 0) py
      ON py.person_id = r.person_id
    LEFT JOIN (SELECT person_id, central_n, central_days FROM person_years WHERE year = $currentYear AND central_n > 0) pyc
      ON pyc.person_id = r.person_id
    WHERE ${activeAt(at.asOf)} OR ${activeAt(at.yearEnd)}
    GROUP BY r.unit_id
  ),
  base AS MATERIALIZED (
    SELECT c.id, ${[
      ...postCols.map((x) => `coalesce(pos.${x.column}, 0) AS ${x.column}`),
      ...entryCols.map((x) => `coalesce(pool.${x.column}, 0) AS ${x.column}`),
      ...peopleCols.map((x) => `${people(x.name)} AS ${x.column}`),
      ...unitCols.map((x) => `CASE WHEN ${x.sql} THEN 1 ELSE 0 END AS ${x.column}`),
      ...apptCols.map((x) => `coalesce(appt.${x.column}, 0) AS ${x.column}`),
    ].join(', ')}
    FROM counted c
    JOIN units u ON u.id = c.id
    LEFT JOIN pos ON pos.unit_id = c.id
    LEFT JOIN appt ON appt.unit_id = c.id
    LEFT JOIN pool ON pool.unit_id = c.id
    LEFT JOIN unit_people up ON up.unit_id = c.id
    LEFT JOIN unit_years uy ON uy.unit_id = c.id AND uy.year = $year
  ),
  up_tree(id, anc) AS (
    -- Every counted unit with each of its ancestors within the subtree (itself included).
    SELECT id, id FROM counted
    UNION ALL
    SELECT t.id, c.parent_id FROM up_tree t JOIN counted c ON c.id = t.anc JOIN counted p ON p.id = c.parent_id
  ),
  roll AS MATERIALIZED (
    -- Pool units in scope: every measure over their whole subtree.
    SELECT t.anc AS id, ${rolled.map((c) => `sum(b.${c}) AS ${c}`).join(', ')}
    FROM up_tree t JOIN base b ON b.id = t.id
    WHERE t.anc IN (SELECT id FROM scoped WHERE is_pool = 1)
    GROUP BY t.anc
  ),
  whole AS (SELECT ${rolled.map((c) => `coalesce(sum(${c}), 0) AS ${c}`).join(', ')} FROM base),
  rules AS (
    ${rows.join('\n    UNION ALL ')}
  ),
  judged AS MATERIALIZED (
    SELECT id, rule, num, den, base, value, target, judged, subtree,
      ${d.greatest('0', 'target - value')} AS gap,
      CASE WHEN warn_only = 1 AND ${statusSql('value', 'target', 'tolerance')} = 2 THEN 1
           ELSE ${statusSql('value', 'target', 'tolerance')} END AS status
    FROM rules
  ),
  totals_pool AS (
    SELECT rule, value, target, ${d.greatest('0', 'target - value')} AS gap,
      CASE WHEN warn_only = 1 AND ${statusSql('value', 'target', 'tolerance')} = 2 THEN 1
           ELSE ${statusSql('value', 'target', 'tolerance')} END AS status
    FROM (${totalsPool.join('\n      UNION ALL ')}) x
  )`;
}

/**
 * The report's summary in one statement: per rule, units judged, breaches, warnings, and the
 * scope's figure (part 'T'): team rules sum the units' values, targets and gaps (a surplus never
 * hides a shortage; the status judges target − gap against target); pool rules take the scope
 * unit's whole pool against its own policy. Then the $limit worst units by judged rows — most
 * breaches, then the largest relative shortfall, then most warnings — with their rules (part 'W').
 */
export function summarySql(judged: string, byLevel = false): string {
  return `${judged},
  sums AS (
    SELECT rule, count(*) FILTER (WHERE judged = 1) AS units,
      count(*) FILTER (WHERE judged = 1 AND status = 2) AS breaches,
      count(*) FILTER (WHERE judged = 1 AND status = 1) AS warnings,
      sum(num) AS num, sum(target) AS target, sum(gap) AS gap
    FROM judged GROUP BY rule
  ),
  totals AS (
    SELECT s.rule, s.units, s.breaches, s.warnings,
      CASE WHEN tp.rule IS NULL THEN s.num ELSE tp.value END AS value,
      CASE WHEN tp.rule IS NULL THEN s.target ELSE tp.target END AS target,
      CASE WHEN tp.rule IS NULL THEN s.gap ELSE tp.gap END AS gap,
      CASE WHEN tp.rule IS NULL THEN ${statusSql('s.target - s.gap', 's.target', '(SELECT tolerance FROM root_pol)')}
           ELSE tp.status END AS status
    FROM sums s LEFT JOIN totals_pool tp ON tp.rule = s.rule
  ),
  ranked AS (
    SELECT id,
      count(*) FILTER (WHERE status = 2) AS breaches,
      count(*) FILTER (WHERE status = 1) AS warnings,
      -- Rounded: engines differ in the last bits of 1 − 5/6 and 1/6, and ties must stay ties.
      round(sum(CASE WHEN target > 0 THEN gap * 1.0 / target ELSE 0 END), 9) AS shortfall
    FROM judged WHERE judged = 1 ${byLevel ? 'AND id IN (SELECT id FROM units WHERE level = $level)' : ''} GROUP BY id
    ORDER BY breaches DESC, shortfall DESC, warnings DESC, id
    LIMIT $limit
  )
  SELECT 'T' AS part, NULL AS unit_id, NULL AS unit_code, NULL AS unit_name, rule, units, breaches, warnings,
    NULL AS shortfall, value, target, gap, status, NULL AS num, NULL AS den, NULL AS base, NULL AS judged, NULL AS subtree
  FROM totals
  UNION ALL
  SELECT 'W', r.id, u.code, u.name, j.rule, NULL, r.breaches, r.warnings,
    r.shortfall, j.value, j.target, j.gap, j.status, j.num, j.den, j.base, j.judged, j.subtree
  FROM ranked r JOIN judged j ON j.id = r.id AND j.judged = 1 JOIN units u ON u.id = r.id
  ORDER BY part, breaches DESC, shortfall DESC, warnings DESC, unit_id, rule`;
}

export type RowOrder = 'SEVERITY' | 'GAP' | 'UNIT' | 'RULE';

/** A filtered, ordered page of judged rows, with the total count of matching rows. */
export function rowsSql(
  judged: string,
  rules: Rule[] | null,
  statuses: Status[] | null,
  judgedOnly: boolean | null,
  order: RowOrder,
  descending: boolean,
): string {
  // A status filter matches judged rows only: a figure shown where the rule does not judge it is
  // no breach and no warning.
  const where = [
    rules?.length ? `rule IN (${rules.map((r) => RULE_NAMES.indexOf(r)).join(', ')})` : null,
    statuses?.length ? `status IN (${statuses.map((s) => STATUS_NAMES.indexOf(s)).join(', ')}) AND judged = 1` : null,
    judgedOnly === null ? null : `judged = ${judgedOnly ? 1 : 0}`,
  ].filter(Boolean);
  const dir = descending ? 'DESC' : 'ASC';
  const orderBy = {
    SEVERITY: `judged ${dir}, status ${dir}, round(CASE WHEN target > 0 THEN gap * 1.0 / target ELSE 0 END, 9) ${dir}, id, rule`,
    GAP: `round(gap, 9) ${dir}, id, rule`,
    UNIT: `id ${dir}, rule`,
    RULE: `rule ${dir}, id`,
  }[order];
  return `${judged},
  matching AS (SELECT * FROM judged ${where.length ? `WHERE ${where.join(' AND ')}` : ''}),
  page AS (SELECT * FROM matching ORDER BY ${orderBy} LIMIT $limit OFFSET $offset)
  SELECT u.code AS unit_code, u.name AS unit_name, page.rule, page.value, page.target, page.gap, page.status,
    page.num, page.den, page.base, page.judged, page.subtree, (SELECT count(*) FROM matching) AS total
  FROM page JOIN units u ON u.id = page.id
  ORDER BY ${orderBy.replace(/\b(judged|status|target|gap|id|rule)\b/g, 'page.$1')}`;
}
