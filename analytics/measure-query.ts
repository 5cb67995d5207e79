// Measures (measures.ts) counted over a metric scope on the copy, and drilled through to the rows
// they count: the two read the same FROM and the same condition, so a drill's total is the figure.
import { addYears, isoFromYmd, ymdNumber } from '../domain/dates.ts';
import { policyOf } from '../domain/policy/effective.ts';
import { judgedTrainingYear } from '../domain/rules.ts';
import { duckdb, yearsBetween } from './dialect.ts';
import { inScope, keptFigures, keptOrComputed, unitRows } from './kept.ts';
import {
  counts,
  type MeasureDates,
  type MeasureDef,
  paramDates,
  resolveMeasure,
  type Source,
  trainingYearParams,
} from './measures.ts';
import { int, kept, type MetricInput } from './metric.ts';
import { policyCte } from './policy-table.ts';
import { positionsAt } from './segments.ts';

/** The dates a measure reads, as ISO dates and years; `trainingYear` defaults to the judged one. */
export interface MeasureArgs {
  horizonYears: number;
  trainingYear?: number | null;
  /** The day the training year's reserves are counted; default its last day. */
  trainingAt?: string | null;
  /** Entry measures only: just the entries for this target rank (the statistics table's rows). */
  targetRank?: string | null;
}

export function measureParams(asOf: string, args: MeasureArgs) {
  return {
    asOf: ymdNumber(asOf),
    end: ymdNumber(addYears(asOf, args.horizonYears)),
    ...trainingYearParams(asOf, args.trainingYear ?? judgedTrainingYear(asOf), args.trainingAt),
    ...(args.targetRank ? { targetRank: args.targetRank } : {}),
  };
}

/** The measure's condition, narrowed to a target rank when one is asked (entry measures). */
function countedRows(m: MeasureDef, args: MeasureArgs): string {
  const where = counts(duckdb, m, PARAM_DATES);
  if (!args.targetRank) return where;
  if (m.source !== 'entries') throw new Error('a target rank narrows entry measures only');
  return `(${where} AND r.target_rank = $targetRank)`;
}

/** The parameters a statement names (DuckDB refuses to bind one it does not). */
export function bound(sql: string, params: Record<string, unknown>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql))) as Record<
    string,
    string | number
  >;
}

/** The dates as SQL over the parameters of measureParams. */
export const PARAM_DATES: MeasureDates = paramDates(duckdb);

/** The rows of a source in a scope, with the unit `u` and its policy row `pol`. */
function fromSource(source: Source, scopeWhere: string): string {
  switch (source) {
    case 'entries':
      return `FROM reserves r JOIN units u ON u.id = r.unit_id JOIN pol ON pol.unit_kind = u.kind
        LEFT JOIN person_years py ON py.person_id = r.person_id AND py.year = $year
        LEFT JOIN person_years pyc ON pyc.person_id = r.person_id AND pyc.year = $currentYear
        WHERE ${scopeWhere}`;
    case 'posts':
      return `FROM (${positionsAt(PARAM_DATES.asOf)}) p JOIN units u ON u.id = p.unit_id JOIN pol ON pol.unit_kind = u.kind
        WHERE ${scopeWhere}`;
    case 'people':
      return `FROM people pe JOIN units u ON u.id = pe.unit_id JOIN pol ON pol.unit_kind = u.kind
        LEFT JOIN person_years py ON py.person_id = pe.id AND py.year = $year
        WHERE ${scopeWhere}`;
    case 'units':
      return `FROM units u JOIN pol ON pol.unit_kind = u.kind WHERE ${scopeWhere}`;
    case 'appointments':
      return `FROM incumbencies a JOIN positions p ON p.code = a.position_code JOIN units u ON u.id = p.unit_id
        JOIN pol ON pol.unit_kind = u.kind WHERE a.from_ymd IS NOT NULL AND ${scopeWhere}`;
  }
}

/** A measure by name for this input (degree targets read the scope unit's policy); throws if unknown. */
function measureOf(input: MetricInput, name: string): MeasureDef {
  const m = resolveMeasure(name, policyOf(input.policies, input.scope.unitKind));
  if (!m) throw new Error(`unknown measure ${name}`);
  return m;
}

/**
 * Every named measure's figure over the scope, one query per source. With `keep` (today's date),
 * measures of one source are counted per unit once and kept beside the copy, patched for the
 * units each change touches (./kept.ts); a scope's figures are then sums of its units' rows.
 */
export function countMeasures<N extends string>(
  input: MetricInput,
  names: readonly N[],
  args: MeasureArgs,
  keep = false,
): Promise<Record<N, number>> {
  return kept(input, 'measures', { names, args, keep }, async () => {
    const sources = new Set(names.map((n) => measureOf(input, n).source));
    return keptOrComputed(
      'measures',
      keep && sources.size === 1 && !args.targetRank ? () => countKept(input, names, args) : null,
      async () => {
        const byUnit = await countMeasuresBy(input, names, args, null);
        return byUnit.get('') ?? (Object.fromEntries(names.map((n) => [n, 0])) as Record<N, number>);
      },
    );
  });
}

/** The measures (of one source) summed over the scope's units from their kept per-unit counts. */
async function countKept<N extends string>(
  input: MetricInput,
  names: readonly N[],
  args: MeasureArgs,
): Promise<Record<N, number>> {
  const { copy, scope, asOf, policies } = input;
  const source = measureOf(input, names[0]!).source;
  const perUnit = (where: string) =>
    `WITH ${policyCte(policies)}
     SELECT CAST(u.id AS INTEGER) AS unit_id,
       ${names.map((n, i) => `CAST(count(*) FILTER (WHERE ${countedRows(measureOf(input, n), args)}) AS INTEGER) AS m${i}`).join(', ')}
     ${fromSource(source, where)} GROUP BY u.id`;
  // Each set of measures is a figure of its own (kept for today and, while the date turns, yesterday).
  const counts = keptFigures(
    copy,
    `measures:${names.join(',')}`,
    policies.versions.join(','),
    (name) => unitRows(name, 'counts', 'unit_id', perUnit),
    // Dates only: a target rank (the one text parameter) is never kept.
    (({ targetRank: _rank, ...dates }) => dates)(measureParams(asOf, args)),
  );
  const [row] = await counts.read(
    `SELECT ${names.map((_n, i) => `CAST(coalesce(sum(m${i}), 0) AS INTEGER) AS m${i}`).join(', ')}
     FROM ${counts.tables.counts} WHERE ${inScope('unit_id', scope.where)}`,
    { scope: scope.param },
  );
  return Object.fromEntries(names.map((n, i) => [n, int(row?.[`m${i}`])])) as Record<N, number>;
}

/** The named measures per unit of the scope (a batch of units, each alone), by unit code. */
export function countMeasuresByUnit<N extends string>(
  input: MetricInput,
  names: readonly N[],
  args: MeasureArgs,
): Promise<Map<string, Record<N, number>>> {
  return countMeasuresBy(input, names, args, 'u.code');
}

/**
 * Entry measures per kind and target rank of the scope's entries, by `KIND:RANK` (the statistics
 * table's rows; a kind's and the scope's totals are the sums).
 */
export function countEntryMeasuresByKindAndRank<N extends string>(
  input: MetricInput,
  names: readonly N[],
  args: MeasureArgs,
): Promise<Map<string, Record<N, number>>> {
  for (const n of names) if (measureOf(input, n).source !== 'entries') throw new Error(`${n} is not an entry measure`);
  return kept(input, 'measures-by-kind-rank', { names, args }, () =>
    countMeasuresBy(input, names, args, "r.kind || ':' || r.target_rank"),
  );
}

/** The measures over the scope, in one group ('') or per value of the `groupBy` expression. */
async function countMeasuresBy<N extends string>(
  input: MetricInput,
  names: readonly N[],
  args: MeasureArgs,
  groupBy: string | null,
): Promise<Map<string, Record<N, number>>> {
  const { copy, scope, asOf, policies } = input;
  const out = new Map<string, Record<N, number>>();
  const bySource = new Map<Source, N[]>();
  for (const name of names) {
    const source = measureOf(input, name).source;
    bySource.set(source, [...(bySource.get(source) ?? []), name]);
  }
  for (const [source, list] of bySource) {
    const sql = `WITH ${policyCte(policies)}
       SELECT ${groupBy ?? "''"} AS unit_code,
         ${list.map((n, i) => `count(*) FILTER (WHERE ${countedRows(measureOf(input, n), args)}) AS m${i}`).join(', ')}
       ${fromSource(source, scope.where)} ${groupBy ? `GROUP BY ${groupBy}` : ''}`;
    const rows = await copy.query(sql, { scope: scope.param, ...bound(sql, measureParams(asOf, args)) });
    for (const row of rows) {
      const code = row.unit_code as string;
      const record = out.get(code) ?? (Object.fromEntries(names.map((n) => [n, 0])) as Record<N, number>);
      list.forEach((n, i) => {
        record[n] = int(row[`m${i}`]);
      });
      out.set(code, record);
    }
  }
  return out;
}

/** One row a measure counts: the keys a page needs to show and open it (names come from the database). */
export interface DrillKey {
  /** Entry code, post code, person code or unit code. */
  code: string;
  unitCode: string;
  unitName: string;
  kind: string | null;
  /** The person (entries, people) or the incumbent (posts), by code. */
  personCode: string | null;
  tier: string | null;
  enteredOn: string | null;
  age: number | null;
  termEnds: string | null;
  /** Appointments: the post's code, and whether the appointment came from the pool. */
  positionCode?: string | null;
  fromPool?: boolean | null;
}

/** The columns a drill row reads per source. */
const DRILL_COLUMNS: Record<Source, string> = {
  entries: `r.code, u.code AS unit_code, u.name AS unit_name, r.kind, (SELECT code FROM people WHERE id = r.person_id) AS person_code,
    r.tier, r.entered_ymd, ${yearsBetween(duckdb, 'r.birth_ymd', PARAM_DATES.asOf)} AS age, NULL AS term_ends_ymd, u.id AS unit_id`,
  posts: `p.code, u.code AS unit_code, u.name AS unit_name, p.kind, (SELECT code FROM people WHERE id = p.incumbent_id) AS person_code,
    NULL AS tier, NULL AS entered_ymd, ${yearsBetween(duckdb, 'p.incumbent_birth_ymd', PARAM_DATES.asOf)} AS age, p.term_ends_ymd, u.id AS unit_id`,
  people: `pe.code, u.code AS unit_code, u.name AS unit_name, NULL AS kind, pe.code AS person_code,
    NULL AS tier, NULL AS entered_ymd, ${yearsBetween(duckdb, 'pe.birth_ymd', PARAM_DATES.asOf)} AS age, NULL AS term_ends_ymd, u.id AS unit_id`,
  units: `u.code, u.code AS unit_code, u.name AS unit_name, NULL AS kind, NULL AS person_code,
    NULL AS tier, NULL AS entered_ymd, NULL AS age, NULL AS term_ends_ymd, u.id AS unit_id`,
  // An appointment: the post, the appointee, the first day (as enteredOn) and whether from the pool.
  appointments: `p.code || '@' || CAST(a.from_ymd AS VARCHAR) AS code, u.code AS unit_code, u.name AS unit_name, p.kind,
    (SELECT code FROM people WHERE id = a.person_id) AS person_code, NULL AS tier, a.from_ymd AS entered_ymd,
    ${yearsBetween(duckdb, 'a.birth_ymd', 'a.from_ymd')} AS age, a.term_ends_ymd, u.id AS unit_id, a.from_pool`,
};

/** The rows a measure counts over the scope, in tree order then by code: a page and the total. */
export async function drillMeasure(
  input: MetricInput,
  name: string,
  args: MeasureArgs,
  page: { limit: number; offset: number },
): Promise<{ source: Source; total: number; rows: DrillKey[] }> {
  const { copy, scope, asOf, policies } = input;
  const m = measureOf(input, name);
  const where = countedRows(m, args);
  const from = fromSource(m.source, scope.where);
  const countSql = `WITH ${policyCte(policies)} SELECT count(*) AS n ${from} AND ${where}`;
  const rowsSql = `WITH ${policyCte(policies)}
     SELECT * FROM (SELECT ${DRILL_COLUMNS[m.source]} ${from} AND ${where})
     ORDER BY unit_id, kind DESC NULLS LAST, code LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.offset)}`;
  const params = measureParams(asOf, args);
  const [total] = await copy.query(countSql, { scope: scope.param, ...bound(countSql, params) });
  const rows = await copy.query(rowsSql, { scope: scope.param, ...bound(rowsSql, params) });
  const iso = (v: unknown) => (v === null || v === undefined ? null : isoFromYmd(int(v)));
  return {
    source: m.source,
    total: int(total?.n),
    rows: rows.map((r) => ({
      code: r.code as string,
      unitCode: r.unit_code as string,
      unitName: r.unit_name as string,
      kind: (r.kind as string | null) ?? null,
      personCode: (r.person_code as string | null) ?? null,
      tier: (r.tier as string | null) ?? null,
      enteredOn: iso(r.entered_ymd),
      age: r.age === null || r.age === undefined ? null : int(r.age),
      termEnds: iso(r.term_ends_ymd),
      ...(m.source === 'appointments'
        ? { positionCode: (r.code as string).split('@')[0] ?? null, fromPool: Boolean(r.from_pool) }
        : {}),
    })),
  };
}
