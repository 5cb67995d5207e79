// The compliance report's SQL, generated from the rule registry (registry.ts): for every unit in
// scope, every rule that applies with its value, target, gap and status. The whole report is
// computed inside the database, one statement per request (the totals and the worst units
// together, or a page of rows), and only those rows come back. One SQL text serves DuckDB (the
// product) and, through views of the same shape, SQLite and PostgreSQL (the benchmark's
// baselines and a cross-check): see dialect.ts.

import { UNIT_LEVELS } from '../../domain/enums.ts';
import type { PoliciesAt } from '../../domain/policy/effective.ts';
import { type Dialect, duckdb } from '../dialect.ts';
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

/** The expressions of one rule's row, reading measures from the row aliased `m` and policy `pol`. */
interface RuleParts {
  rule: number;
  num: string;
  den: string;
  base: string;
  value: string;
  target: string;
  warnOnly: 0 | 1;
  judged: string;
  subtree: 0 | 1;
  applies: string;
}

function ruleParts(d: Dialect, columns: Columns, rule: Rule, m: string, judged: 0 | 1, subtree: 0 | 1): RuleParts {
  const def: RuleDef = RULES[rule];
  const t = def.target;
  const col = (name: MeasureName) => `${m}.${columns.of(name)}`;
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
  return {
    rule: RULE_NAMES.indexOf(rule),
    num,
    den: den ?? 'CAST(NULL AS INTEGER)',
    // The count a ratio's target is taken of (posts, departments): shown beside it.
    base: 'times' in t && t.times ? col(t.times) : 'CAST(NULL AS INTEGER)',
    value,
    target,
    warnOnly: def.warnOnly ? 1 : 0,
    judged: judged && def.judgedBy ? `CASE WHEN ${pol(def.judgedBy)} > 0 THEN 1 ELSE 0 END` : String(judged),
    subtree,
    applies,
  };
}

/**
 * One rule's rows from `m` (measure columns) and `pol` (the unit's policy row, with id and
 * tolerance): numerator, denominator, value, target, and whether the row is judged and counts the
 * subtree.
 */
function ruleSelect(d: Dialect, columns: Columns, rule: Rule, from: string, judged: 0 | 1, subtree: 0 | 1): string {
  const r = ruleParts(d, columns, rule, 'm', judged, subtree);
  return `SELECT pol.id, ${r.rule} AS rule, ${r.num} AS num, ${r.den} AS den,
       ${r.base} AS base, ${r.value} AS value, ${r.target} AS target, pol.tolerance, ${r.warnOnly} AS warn_only,
       ${r.judged} AS judged, ${r.subtree} AS subtree
     ${from} WHERE ${r.applies}`;
}

/**
 * Where each rule's rows come from (domain.md "Where each rule is judged"): team rules for every
 * unit over the unit alone (village rules at villages only); pool rules at pool units over their
 * subtree, elsewhere over the unit alone, shown and not judged.
 */
interface Branch {
  rule: Rule;
  measures: 'base' | 'roll';
  judged: 0 | 1;
  subtree: 0 | 1;
  /** A condition on the unit (`pol`, from `scoped`). */
  where: string | null;
}

function branches(): Branch[] {
  const team = [...rulesAt('TEAM'), ...rulesAt('VILLAGE')];
  const pool = rulesAt('POOL');
  return [
    ...team.map(
      (rule): Branch => ({
        rule,
        measures: 'base',
        judged: 1,
        subtree: 0,
        where: RULES[rule].judgedAt === 'VILLAGE' ? `pol.level = 'VILLAGE'` : null,
      }),
    ),
    ...pool.map((rule): Branch => ({ rule, measures: 'roll', judged: 1, subtree: 1, where: 'pol.is_pool = 1' })),
    ...pool.map((rule): Branch => ({ rule, measures: 'base', judged: 0, subtree: 0, where: 'pol.is_pool = 0' })),
  ];
}

/** The report's measure columns, and those the pool rules roll up the tree. */
function reportColumns(d: Dialect) {
  const at = paramDates(d);
  const columns = new Columns(d, at);
  for (const rule of RULE_NAMES) for (const name of ruleMeasures(rule)) columns.of(name);
  const rolled = [...new Set(rulesAt('POOL').flatMap((r) => ruleMeasures(r).map((m) => columns.of(m))))];
  return { at, columns, rolled };
}

/**
 * The CTEs `pos`, `appt`, `pool` and `base`: every measure per unit of the CTE `counted` (id,
 * kind), each unit alone. `only` (a subquery of unit ids, the units of `counted`) narrows every
 * source to those units' rows before joining: a few units' measures read a few rows.
 */
function measuresCtes(columns: Columns, at: MeasureDates, only?: string): string {
  const entryCols = columns.list('entries');
  const postCols = columns.list('posts');
  const peopleCols = columns.list('people');
  const unitCols = columns.list('units');
  const apptCols = columns.list('appointments');
  const people = (name: MeasureName) =>
    name === 'PEOPLE' ? 'coalesce(up.n, 0)' : name === 'TRAINED_PEOPLE' ? 'coalesce(uy.trained, 0)' : null;
  for (const c of peopleCols)
    if (!people(c.name)) throw new Error(`measure ${c.name}: the report counts people through unit_people only`);
  // Narrowed to some units: their entries (and those entries' people's trainings), their posts
  // and the posts' records, each read once.
  const narrowed = only
    ? `rs AS MATERIALIZED (SELECT * FROM reserves WHERE unit_id IN (${only})),
  ps AS MATERIALIZED (SELECT * FROM positions WHERE unit_id IN (${only})),
  inc AS MATERIALIZED (SELECT * FROM incumbencies WHERE position_code IN (SELECT code FROM ps)),
  `
    : '';
  const from = only
    ? { reserves: 'rs', positions: 'ps', incumbencies: 'inc' }
    : { reserves: 'reserves', positions: 'positions', incumbencies: 'incumbencies' };
  const trained = (year: string) =>
    `SELECT person_id, central_n, central_days FROM person_years WHERE year = ${year} AND central_n > 0${
      only ? ' AND person_id IN (SELECT person_id FROM rs)' : ''
    }`;
  return `${narrowed}pos AS (
    SELECT p.unit_id, ${postCols.map((c) => `count(*) FILTER (WHERE ${c.sql}) AS ${c.column}`).join(', ')}
    FROM (${positionsAt(at.asOf, from)}) p JOIN counted c ON c.id = p.unit_id JOIN pol ON pol.unit_kind = c.kind
    GROUP BY p.unit_id
  ),
  appt AS (
    -- Appointments to the units' leadership posts (a recorded first day; incumbencies from before
    -- the records began are none).
    SELECT p.unit_id, ${apptCols.map((c) => `count(*) FILTER (WHERE ${c.sql}) AS ${c.column}`).join(', ')}
    FROM ${from.incumbencies} a JOIN ${from.positions} p ON p.code = a.position_code JOIN counted c ON c.id = p.unit_id
    JOIN pol ON pol.unit_kind = c.kind
    WHERE a.from_ymd IS NOT NULL
    GROUP BY p.unit_id
  ),
  pool AS (
    -- The entries active at asOf or on the judged training year's last day, with the person's
    -- centralized trainings of that year (py) and of the current year (pyc).
    SELECT r.unit_id, ${entryCols.map((c) => `count(*) FILTER (WHERE ${c.sql}) AS ${c.column}`).join(', ')}
    FROM ${from.reserves} r JOIN counted c ON c.id = r.unit_id JOIN pol ON pol.unit_kind = c.kind
    LEFT JOIN (${trained('$year')}) py ON py.person_id = r.person_id
    LEFT JOIN (${trained('$currentYear')}) pyc ON pyc.person_id = r.person_id
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
  )`;
}

/** The CTE `scoped`: the units of `where` (on `u`) with their policy row, tolerance and pool flag. */
function scopedCte(where: string): string {
  return `scoped AS MATERIALIZED (
    SELECT u.id, u.level, pol.*, ${pol('complianceWarningTolerance')} AS tolerance, ${isPoolUnit()} AS is_pool
    FROM units u JOIN pol ON pol.unit_kind = u.kind
    WHERE ${where}
  )`;
}

/** The CTE `root_pol`: the scope unit ($path) with its policy row and tolerance. */
function rootPolCte(d: Dialect): string {
  return `root_pol AS (
    SELECT u.id, pol.*, ${pol('complianceWarningTolerance')} AS tolerance
    FROM units u JOIN pol ON pol.unit_kind = u.kind WHERE ${unitsIn(d, '$path', false)}
  )`;
}

/** Gap and status of rule rows (ruleSelect's columns). */
function gapAndStatus(d: Dialect): string {
  return `${d.greatest('0', 'target - value')} AS gap,
      CASE WHEN warn_only = 1 AND ${statusSql('value', 'target', 'tolerance')} = 2 THEN 1
           ELSE ${statusSql('value', 'target', 'tolerance')} END AS status`;
}

/**
 * The CTEs `rules` and `judged`: per unit of `scoped` and applicable rule (branches), the figure,
 * its target, gap and status, and whether it is judged there; measures from `base`, subtree
 * measures from `roll`. One SELECT per branch: the form every engine runs.
 */
function judgedCtes(d: Dialect, columns: Columns, base: string, roll: string): string {
  const rows = branches().map((b) =>
    ruleSelect(
      d,
      columns,
      b.rule,
      `FROM scoped pol JOIN ${b.measures === 'base' ? base : roll} m ON m.id = pol.id${b.where ? ` AND ${b.where}` : ''}`,
      b.judged,
      b.subtree,
    ),
  );
  return `rules AS (
    ${rows.join('\n    UNION ALL ')}
  ),
  ${judgedFromRules(d)}`;
}

function judgedFromRules(d: Dialect): string {
  return `judged AS MATERIALIZED (
    SELECT id, rule, num, den, base, value, target, judged, subtree, ${gapAndStatus(d)}
    FROM rules
  )`;
}

/**
 * judgedCtes in DuckDB's one pass: each unit of `scoped` joined once to its measures (`mb`) and
 * subtree measures (`mr`), its rows unnested from a list of every branch's row. The same
 * expressions (ruleParts); some fifty joins fewer, which is most of the cost for a few units.
 */
function judgedCtesUnnested(columns: Columns, base: string, roll: string): string {
  const d = duckdb;
  const rows = branches().map((b) => {
    const r = ruleParts(d, columns, b.rule, b.measures === 'base' ? 'mb' : 'mr', b.judged, b.subtree);
    return `{'rule': CAST(${r.rule} AS SMALLINT), 'num': CAST(${r.num} AS INTEGER), 'den': CAST(${r.den} AS INTEGER),
      'base': CAST(${r.base} AS INTEGER), 'value': CAST(${r.value} AS DOUBLE), 'target': CAST(${r.target} AS DOUBLE),
      'warn_only': CAST(${r.warnOnly} AS TINYINT), 'judged': CAST(${r.judged} AS TINYINT),
      'subtree': CAST(${r.subtree} AS TINYINT), 'applies': ${r.applies}${b.where ? ` AND ${b.where}` : ''}}`;
  });
  return `rules AS (
    SELECT id, tolerance, x.rule, x.num, x.den, x.base, x.value, x.target, x.warn_only, x.judged, x.subtree
    FROM (
      SELECT pol.id, pol.tolerance, unnest([${rows.join(',\n      ')}]) AS x
      FROM scoped pol JOIN ${base} mb ON mb.id = pol.id JOIN ${roll} mr ON mr.id = pol.id
    ) WHERE x.applies
  ),
  ${judgedFromRules(d)}`;
}

/**
 * The CTE `totals_pool`: the pool rules over the scope unit's whole subtree against its own
 * policy (the report's totals for those rules), from `root_pol` and the subtree's sums `from`
 * (a FROM clause giving `pol` and `m`).
 */
function totalsPoolCte(d: Dialect, columns: Columns, from: string): string {
  const rows = rulesAt('POOL').map((rule) => ruleSelect(d, columns, rule, from, 1, 1));
  return `totals_pool AS (
    SELECT rule, value, target, ${gapAndStatus(d)}
    FROM (${rows.join('\n      UNION ALL ')}) x
  )`;
}

/**
 * The report's rows as the CTE `judged` (judgedCtes) for the units of the scope, with
 * `totals_pool` and `root_pol`, computed by one statement from the copied tables: what the
 * baselines run, and the copy for any date but today's (today's is kept: keptJudgedSql).
 */
export function judgedSql(d: Dialect, policies: PoliciesAt, subtree: boolean): string {
  const { at, columns, rolled } = reportColumns(d);
  return `
  WITH RECURSIVE ${policyCte(policies)},
  counted AS MATERIALIZED (
    -- The scope unit's subtree: its pool rules count all of it even when the unit is asked for alone.
    SELECT u.id, u.kind, u.level, pu.id AS parent_id FROM units u LEFT JOIN units pu ON pu.code = u.parent_code
    WHERE ${unitsIn(d, '$path', true)}
  ),
  ${scopedCte(unitsIn(d, '$path', subtree))},
  ${rootPolCte(d)},
  ${measuresCtes(columns, at)},
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
  ${judgedCtes(d, columns, 'base', 'roll')},
  ${totalsPoolCte(d, columns, 'FROM root_pol pol CROSS JOIN whole m')}`;
}

/** The tables that keep the report's figures for one date and policy (in the `kept` catalog). */
export type KeptTables = {
  /** The policy rows (policyCte's) as a table: a statement binds them in a fraction of the time. */
  pol: string;
  /** Every measure per unit, each unit alone. */
  base: string;
  /** Every unit with each of its ancestors, itself included (the tree, for the roll-ups). */
  tree: string;
  /** The pool rules' measures per unit over its whole subtree. */
  roll: string;
  /** The rule rows of every unit (judgedCtes). */
  judged: string;
  /** Per unit with judged rows: its breaches, warnings and shortfall (the worst units' ranking). */
  ranked: string;
  /** Per unit with units below it and rule, the rows of its whole subtree summed (a subtree's totals). */
  sums: string;
};

/** Per unit, the ranking of the worst units: judged rows' breaches, warnings and relative shortfall. */
const RANKED_COLUMNS = `count(*) FILTER (WHERE status = 2) AS breaches,
      count(*) FILTER (WHERE status = 1) AS warnings,
      -- Rounded: engines differ in the last bits of 1 − 5/6 and 1/6, and ties must stay ties.
      round(sum(CASE WHEN target > 0 THEN gap * 1.0 / target ELSE 0 END), 9) AS shortfall`;

/** Per rule, over some rows of the report: units judged, breaches, warnings, and the sums. */
const SUMS_COLUMNS = `count(*) FILTER (WHERE judged = 1) AS units,
      count(*) FILTER (WHERE judged = 1 AND status = 2) AS breaches,
      count(*) FILTER (WHERE judged = 1 AND status = 1) AS warnings,
      sum(num) AS num, sum(target) AS target, sum(gap) AS gap`;

/** The statements of a kept report (keptStatements). */
export interface KeptStatements {
  /** Makes the tables for every unit. */
  build: string[];
  /** The ids of some units (a list of integers) and every unit above them. */
  above: (units: string) => string;
  /** Makes the tables again for some units (`units`) and the units above them (`above`). */
  patch: (units: string, above: string) => string[];
}

/**
 * The statements that keep the report's figures per unit on DuckDB (compliance/kept.ts): `build`
 * makes the tables for every unit; `patch` makes them again for some units — their measures, and
 * the roll-ups, rule rows, rankings and subtree sums of them and of every unit above them. The
 * rows are those judgedSql computes, from the same CTEs. A patch's unit ids are written into the
 * statements (integers the copy gave), so each source is filtered as it is scanned.
 *
 * A patch sums a subtree without reading it whole: a unit's subtree is the units above the change
 * within it, each with the subtrees of its other children, whose kept sums have not changed.
 */
export function keptStatements(policies: PoliciesAt, t: KeptTables): KeptStatements {
  const d = duckdb;
  const { at, columns, rolled } = reportColumns(d);
  const polTable = `pol AS (SELECT * FROM ${t.pol})`;
  // Counts as INTEGER (DuckDB's are BIGINT, its sums HUGEINT): the tables stay half the size.
  const all = ['entries', 'posts', 'people', 'units', 'appointments'] as const;
  const measureColumns = all.flatMap((source) => columns.list(source).map((c) => c.column));
  const ints = (names: string[]) => names.map((c) => `CAST(${c} AS INTEGER) AS ${c}`).join(', ');
  const measures = (only?: string) =>
    `SELECT id, ${ints(measureColumns)} FROM (WITH ${polTable},
      counted AS MATERIALIZED (SELECT u.id, u.kind FROM units u${only ? ` WHERE u.id IN (${only})` : ''}),
      ${measuresCtes(columns, at, only)}
      SELECT * FROM base)`;
  // The scoped units' measures and roll-ups first: each rule's branch then joins a few rows.
  const judged = (where: string) =>
    `SELECT CAST(id AS INTEGER) AS id, CAST(rule AS SMALLINT) AS rule, CAST(num AS INTEGER) AS num,
      CAST(den AS INTEGER) AS den, CAST(base AS INTEGER) AS base, CAST(value AS DOUBLE) AS value,
      CAST(target AS DOUBLE) AS target, CAST(judged AS TINYINT) AS judged, CAST(subtree AS TINYINT) AS subtree,
      CAST(gap AS DOUBLE) AS gap, CAST(status AS TINYINT) AS status
    FROM (WITH ${polTable},
      ${scopedCte(where)},
      mb AS MATERIALIZED (SELECT * FROM ${t.base} WHERE id IN (SELECT id FROM scoped)),
      mr AS MATERIALIZED (SELECT * FROM ${t.roll} WHERE id IN (SELECT id FROM scoped)),
      ${judgedCtesUnnested(columns, 'mb', 'mr')}
      SELECT * FROM judged)`;
  const ranked = (where: string) =>
    `SELECT id, ${RANKED_COLUMNS} FROM ${t.judged} WHERE judged = 1 AND ${where} GROUP BY id`;
  const rolledSums = rolled.map((c) => `CAST(sum(${c}) AS INTEGER) AS ${c}`).join(', ');
  const sumsOf = (of: (column: string) => string) =>
    `CAST(${of('units')} AS INTEGER) AS units, CAST(${of('breaches')} AS INTEGER) AS breaches,
      CAST(${of('warnings')} AS INTEGER) AS warnings, CAST(${of('num')} AS DOUBLE) AS num,
      CAST(${of('target')} AS DOUBLE) AS target, CAST(${of('gap')} AS DOUBLE) AS gap`;
  // The units with units below them: only their subtrees' sums are kept (a leaf's are its own rows).
  const parents = `SELECT DISTINCT anc FROM ${t.tree} WHERE anc <> id`;
  // The kept rows of the other children of the units `above`: their subtrees, summed already.
  const otherChildren = (table: string, columns: string, above: string) =>
    `SELECT p.id, ${columns} FROM units c JOIN units p ON p.code = c.parent_code JOIN ${table} k ON k.id = c.id
      WHERE p.id IN (${above}) AND c.id NOT IN (${above})`;
  return {
    build: [
      `CREATE TABLE ${t.pol} AS WITH ${policyCte(policies)} SELECT * FROM pol`,
      `CREATE TABLE ${t.base} AS ${measures()}`,
      `CREATE TABLE ${t.tree} AS WITH RECURSIVE up_tree(id, anc) AS (
        SELECT id, id FROM units
        UNION ALL
        SELECT t.id, p.id FROM up_tree t JOIN units c ON c.id = t.anc JOIN units p ON p.code = c.parent_code
      ) SELECT id, anc FROM up_tree`,
      `CREATE TABLE ${t.roll} AS SELECT t.anc AS id, ${rolledSums}
        FROM ${t.tree} t JOIN ${t.base} b ON b.id = t.id GROUP BY t.anc`,
      `CREATE TABLE ${t.judged} AS ${judged('TRUE')} ORDER BY id`,
      `CREATE TABLE ${t.ranked} AS ${ranked('TRUE')}`,
      `CREATE TABLE ${t.sums} AS SELECT id, rule, ${sumsOf((c) => c)} FROM (SELECT t.anc AS id, j.rule, ${SUMS_COLUMNS}
        FROM ${t.tree} t JOIN ${t.judged} j ON j.id = t.id WHERE t.anc IN (${parents}) GROUP BY t.anc, j.rule)`,
    ],
    above: (units) => `SELECT DISTINCT anc AS id FROM ${t.tree} WHERE id IN (${units})`,
    patch: (units, above) => [
      `DELETE FROM ${t.base} WHERE id IN (${units})`,
      `INSERT INTO ${t.base} ${measures(units)}`,
      `DELETE FROM ${t.roll} WHERE id IN (${above})`,
      `INSERT INTO ${t.roll} SELECT t.anc AS id, ${rolledSums} FROM ${t.tree} t JOIN (
        SELECT id, ${rolled.join(', ')} FROM ${t.base} WHERE id IN (${above})
        UNION ALL ${otherChildren(t.roll, rolled.map((c) => `k.${c}`).join(', '), above)}
      ) x ON x.id = t.id WHERE t.anc IN (${above}) GROUP BY t.anc`,
      `DELETE FROM ${t.judged} WHERE id IN (${above})`,
      `INSERT INTO ${t.judged} ${judged(`u.id IN (${above})`)}`,
      `DELETE FROM ${t.ranked} WHERE id IN (${above})`,
      `INSERT INTO ${t.ranked} ${ranked(`id IN (${above})`)}`,
      `DELETE FROM ${t.sums} WHERE id IN (${above})`,
      `INSERT INTO ${t.sums} SELECT t.anc AS id, x.rule, ${sumsOf((c) => `sum(${c})`)} FROM ${t.tree} t JOIN (
        SELECT id, rule, ${SUMS_COLUMNS} FROM ${t.judged} WHERE id IN (${above}) GROUP BY id, rule
        UNION ALL ${otherChildren(t.sums, 'k.rule, k.units, k.breaches, k.warnings, k.num, k.target, k.gap', above)}
        UNION ALL SELECT parent, rule, ${SUMS_COLUMNS} FROM (
          SELECT p.id AS parent, k.* FROM units c JOIN units p ON p.code = c.parent_code JOIN ${t.judged} k ON k.id = c.id
          WHERE p.id IN (${above}) AND c.id NOT IN (${above}) AND c.id NOT IN (${parents})
        ) GROUP BY parent, rule
      ) x ON x.id = t.id WHERE t.anc IN (${above}) AND t.anc IN (${parents}) GROUP BY t.anc, x.rule`,
    ],
  };
}

/**
 * The report's summary (summarySql's rows) from the kept tables: the totals from the scope
 * unit's subtree sums (or its own rows, asked alone) and kept roll-up; the worst units from the
 * kept ranking. The same columns and order as summarySql.
 */
export function keptSummarySql(t: KeptTables, subtree: boolean, byLevel = false): string {
  const d = duckdb;
  const { columns } = reportColumns(d);
  return `WITH pol AS (SELECT * FROM ${t.pol}),
  ${rootPolCte(d)},
  ${totalsPoolCte(d, columns, `FROM root_pol pol JOIN ${t.roll} m ON m.id = pol.id`)},
  root AS (SELECT id, EXISTS (SELECT 1 FROM ${t.sums} WHERE id = root_pol.id) AS summed FROM root_pol),
  sums AS (
    -- A subtree's kept sums; a unit alone, or a unit with none below it: its own rows.
    ${
      subtree
        ? `SELECT rule, units, breaches, warnings, num, target, gap FROM ${t.sums} WHERE id = (SELECT id FROM root)
    UNION ALL `
        : ''
    }SELECT rule, ${SUMS_COLUMNS} FROM ${t.judged}
    WHERE id = (SELECT id FROM root) ${subtree ? 'AND NOT (SELECT summed FROM root)' : ''} GROUP BY rule
  ),
  ${totalsCte()},
  ranked AS (
    SELECT id, breaches, warnings, shortfall FROM ${t.ranked}
    WHERE ${keptInScope(t, subtree)} ${byLevel ? 'AND id IN (SELECT id FROM units WHERE level = $level)' : ''}
    ORDER BY breaches DESC, shortfall DESC, warnings DESC, id
    LIMIT $limit
  )
  ${summarySelect(`${t.judged}`)}`;
}

/**
 * judgedSql's CTEs read from the kept tables: the rule rows of the units in scope, and the pool
 * rules' totals from the scope unit's kept roll-up (a page of rows: rowsSql over it).
 */
export function keptJudgedSql(t: KeptTables, subtree: boolean): string {
  const d = duckdb;
  const { columns } = reportColumns(d);
  return `
  WITH pol AS (SELECT * FROM ${t.pol}),
  ${rootPolCte(d)},
  judged AS (
    SELECT id, rule, num, den, base, value, target, judged, subtree, gap, status
    FROM ${t.judged} WHERE ${keptInScope(t, subtree)}
  ),
  ${totalsPoolCte(d, columns, `FROM root_pol pol JOIN ${t.roll} m ON m.id = pol.id`)}`;
}

/** The kept rows (by `id`) of the scope: root_pol's unit with its subtree (the kept tree), or alone. */
function keptInScope(t: KeptTables, subtree: boolean): string {
  return subtree
    ? `id IN (SELECT t.id FROM ${t.tree} t JOIN root_pol r ON r.id = t.anc)`
    : 'id = (SELECT id FROM root_pol)';
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
  sums AS (SELECT rule, ${SUMS_COLUMNS} FROM judged GROUP BY rule),
  ${totalsCte()},
  ranked AS (
    SELECT id, ${RANKED_COLUMNS}
    FROM judged WHERE judged = 1 ${byLevel ? 'AND id IN (SELECT id FROM units WHERE level = $level)' : ''} GROUP BY id
    ORDER BY breaches DESC, shortfall DESC, warnings DESC, id
    LIMIT $limit
  )
  ${summarySelect('judged')}`;
}

/** The CTE `totals` from `sums` (per rule over the scope) and `totals_pool`: see summarySql. */
function totalsCte(): string {
  return `totals AS (
    SELECT s.rule, s.units, s.breaches, s.warnings,
      CASE WHEN tp.rule IS NULL THEN s.num ELSE tp.value END AS value,
      CASE WHEN tp.rule IS NULL THEN s.target ELSE tp.target END AS target,
      CASE WHEN tp.rule IS NULL THEN s.gap ELSE tp.gap END AS gap,
      CASE WHEN tp.rule IS NULL THEN ${statusSql('s.target - s.gap', 's.target', '(SELECT tolerance FROM root_pol)')}
           ELSE tp.status END AS status
    FROM sums s LEFT JOIN totals_pool tp ON tp.rule = s.rule
  )`;
}

/** The summary's rows: the totals (part 'T'), then the ranked units' judged rows from `judged` (part 'W'). */
function summarySelect(judged: string): string {
  return `SELECT 'T' AS part, NULL AS unit_id, NULL AS unit_code, NULL AS unit_name, rule, units, breaches, warnings,
    NULL AS shortfall, value, target, gap, status, NULL AS num, NULL AS den, NULL AS base, NULL AS judged, NULL AS subtree
  FROM totals
  UNION ALL
  SELECT 'W', r.id, u.code, u.name, j.rule, NULL, r.breaches, r.warnings,
    r.shortfall, j.value, j.target, j.gap, j.status, j.num, j.den, j.base, j.judged, j.subtree
  FROM ranked r JOIN ${judged} j ON j.id = r.id AND j.judged = 1 JOIN units u ON u.id = r.id
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
