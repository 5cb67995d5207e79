// Each unit's team seen from a horizon E = asOf + y years, per unit and kind with posts: posts
// and their reserve target, posts falling vacant by E, active entries that stay to E and those
// ready by E (analytics/segments.ts); for planning also the stayers' tiers and who among them has
// each attribute a structure target counts, and those targets. The succession gaps and the
// intake simulation both read these.
import { addYears, ymdNumber } from '../../domain/dates.ts';
import type { PositionKind, UnitLevel } from '../../domain/enums.ts';
import {
  ATTRIBUTES,
  type Attribute,
  type GroupCounts,
  type ProfileRule,
  type StructureTarget,
} from '../../domain/planning.ts';
import type { PoliciesAt } from '../../domain/policy/effective.ts';
import { duckdb } from '../dialect.ts';
import { idList, keptFigures, unitRows } from '../kept.ts';
import type { MetricInput } from '../metric.ts';
import { pol, polByKind, policyCte } from '../policy-table.ts';
import {
  activeAt,
  BACHELOR,
  cultivatedBy,
  expectedVacancy,
  inAgeBand,
  LONG_TERM_TIER,
  MID_TERM_TIER,
  NEAR_TERM_TIER,
  positionsAt,
  ratioTarget,
  ready,
  SPECIAL,
  staysTo,
  young,
} from '../segments.ts';

export interface HorizonGroup extends GroupCounts {
  /** The unit's place in the tree (its id): ties in orderings keep it. */
  order: number;
  unitCode: string;
  unitName: string;
  unitLevel: UnitLevel;
  kind: PositionKind;
}

/** Each attribute as a predicate on an entry at the horizon `e`. */
const ATTRIBUTE_SQL: Record<Attribute, (e: string) => string> = {
  SPECIAL: () => SPECIAL,
  YOUNG: (e) => young(duckdb, e),
  AGE_BAND: (e) => inAgeBand(duckdb, e),
  BACHELOR: () => BACHELOR,
};

const column = (a: Attribute) => a.toLowerCase();

/** Every unit's code, name, level and path (ids from the root, "1.5.23.") by id, read once per data version of the copy. */
export function unitNames(copy: MetricInput['copy']): Promise<{
  code: Map<number, string>;
  name: Map<number, string>;
  level: Map<number, UnitLevel>;
  path: Map<number, string>;
}> {
  return copy.cached('unit-names', async () => {
    const { rowCount, columns } = await copy.queryColumns(
      'SELECT CAST(id AS INTEGER) AS id, code, name, level, path FROM units',
    );
    const [ids, codes, names, levels, paths] = [
      columns.id as number[],
      columns.code as string[],
      columns.name as string[],
      columns.level as UnitLevel[],
      columns.path as string[],
    ];
    const code = new Map<number, string>();
    const name = new Map<number, string>();
    const level = new Map<number, UnitLevel>();
    const path = new Map<number, string>();
    for (let i = 0; i < rowCount; i++) {
      code.set(ids[i]!, codes[i]!);
      name.set(ids[i]!, names[i]!);
      level.set(ids[i]!, levels[i]!);
      path.set(ids[i]!, paths[i]!);
    }
    return { code, name, level, path };
  });
}

/**
 * The groups' statement: per year of `ends` (numbered from 1), unit of `where` (on `u`, reading
 * $scope) and kind with posts: posts, vacancies, the pool's counts and the reserve target (with
 * `detail`, the attributes and structure targets too); by year, unit id, PRINCIPAL first.
 */
function horizonSql(policies: PoliciesAt, ends: string[], detail: boolean, where: string): string {
  // Each year's horizon is a literal in its own SELECT (UNION ALL): the date arithmetic folds,
  // and every entry's facts at that horizon are computed once (the `facts` CTE) before counting.
  const perYear = (build: (e: string, y: number) => string) =>
    ends.map((end, i) => build(String(ymdNumber(end)), i + 1)).join('\n       UNION ALL ');
  const facts = perYear((e, y) => {
    const columns = [
      `${staysTo(duckdb, e)} AS st`,
      `${ready(duckdb, e)} AS rd`,
      `${cultivatedBy(duckdb, e)} AS cu`,
      `${MID_TERM_TIER} AS md`,
      `${LONG_TERM_TIER} AS lg`,
    ];
    if (detail) columns.push(`${NEAR_TERM_TIER} AS nt`);
    if (detail) for (const a of ATTRIBUTES) columns.push(`${ATTRIBUTE_SQL[a](e)} AS ${column(a)}`);
    return `SELECT ${y} AS y, r.unit_id, r.kind, ${columns.join(', ')}
         FROM reserves r JOIN scoped s ON s.id = r.unit_id JOIN pol ON pol.unit_kind = s.kind
         WHERE ${activeAt(duckdb.int('$asOf'))}`;
  });
  const counts = [
    'count(*) FILTER (WHERE f.st) AS stays',
    'count(*) FILTER (WHERE f.rd) AS ready',
    'count(*) FILTER (WHERE f.st AND f.md) AS mid',
    'count(*) FILTER (WHERE f.st AND f.lg) AS long',
    'count(*) FILTER (WHERE f.st AND f.cu AND f.md) AS mid_cult',
    'count(*) FILTER (WHERE f.st AND f.cu AND f.lg) AS long_cult',
  ];
  if (detail) {
    for (const a of ATTRIBUTES) {
      const has = `f.${column(a)}`;
      counts.push(
        `count(*) FILTER (WHERE f.st AND ${has}) AS ${column(a)}_stays`,
        `count(*) FILTER (WHERE f.rd AND ${has}) AS ${column(a)}_ready`,
        `count(*) FILTER (WHERE f.st AND f.cu AND NOT f.nt AND ${has}) AS ${column(a)}_cult`,
      );
    }
  }
  const targets = detail
    ? `, ${pol('specialStructureShare')} AS t_special, ${polByKind('ageBands', 'pos.kind', '.minYoung')} AS t_young,
       ${polByKind('ageBands', 'pos.kind', '.share')} AS t_age_band, ${pol('nearTermShare')} AS t_near_term,
       ${pol('bachelorShare')} AS t_bachelor`
    : '';
  const poolColumns = counts.map((c) => c.slice(c.lastIndexOf(' AS ') + 4));
  return `WITH ${policyCte(policies)},
     scoped AS (SELECT u.id, u.code, u.name, u.kind FROM units u WHERE ${where}),
     pos AS (
       ${perYear(
         (e, y) => `SELECT ${y} AS y, p.unit_id, p.kind, count(*) AS positions,
         count(*) FILTER (WHERE ${expectedVacancy(duckdb, e)}) AS vacancies
       FROM (${positionsAt(duckdb.int('$asOf'))}) p JOIN scoped s ON s.id = p.unit_id JOIN pol ON pol.unit_kind = s.kind
       GROUP BY ALL`,
       )}
     ),
     facts AS (${facts}),
     pool AS (SELECT f.y, f.unit_id, f.kind, ${counts.join(',\n         ')} FROM facts f GROUP BY ALL)
     SELECT CAST(pos.y AS INTEGER) AS y, CAST(s.id AS INTEGER) AS id, CAST(pos.kind = 'PRINCIPAL' AS INTEGER) AS principal,
       CAST(pos.positions AS INTEGER) AS positions, CAST(pos.vacancies AS INTEGER) AS vacancies,
       ${poolColumns.map((c) => `CAST(coalesce(pool.${c}, 0) AS INTEGER) AS ${c}`).join(', ')},
       CAST(${ratioTarget(duckdb, 'pos.kind', 'pos.positions')} AS INTEGER) AS target${targets}
     FROM pos
     JOIN scoped s ON s.id = pos.unit_id
     JOIN pol ON pol.unit_kind = s.kind
     LEFT JOIN pool ON pool.y = pos.y AND pool.unit_id = pos.unit_id AND pool.kind = pos.kind
     ORDER BY pos.y, s.id, pos.kind DESC`;
}

/**
 * The groups at asOf + y for each y of `years`, in that order (within a year by unit id, then
 * PRINCIPAL before DEPUTY), with the stayers' tiers. `detail` adds who has each attribute and
 * the structure targets (the intake's profile); without it the answer is three times faster.
 * `only` narrows the scope to some units (their ids).
 */
export async function horizonGroupsByYear(
  { copy, scope, asOf, policies }: MetricInput,
  years: number[],
  detail: boolean,
  only?: Iterable<number>,
): Promise<{ ends: string[]; years: HorizonGroup[][] }> {
  const ends = years.map((y) => addYears(asOf, y));
  const where = only ? `${scope.where} AND u.id IN (${idList(only)})` : scope.where;
  const { rowCount, columns: c } = await copy.queryColumns(horizonSql(policies, ends, detail, where), {
    scope: scope.param,
    asOf: ymdNumber(asOf),
  });
  const byYear: HorizonGroup[][] = ends.map(() => []);
  const num = (name: string) => c[name] as number[];
  const [y, id, positions, vacancies, staying, readyBy, target] = [
    'y',
    'id',
    'positions',
    'vacancies',
    'stays',
    'ready',
    'target',
  ].map(num) as number[][];
  const principal = num('principal');
  // Codes and names by unit id, kept per data version: text is the slow part of a large answer.
  const units = await unitNames(copy);
  const tiers = ['mid', 'long', 'mid_cult', 'long_cult'].map(num);
  const attributeColumns = detail
    ? ATTRIBUTES.map(
        (a) => [a, num(`${column(a)}_stays`), num(`${column(a)}_ready`), num(`${column(a)}_cult`)] as const,
      )
    : [];
  const targetColumns = detail ? ['t_special', 't_young', 't_age_band', 't_near_term', 't_bachelor'].map(num) : [];
  const targetSets = new Map<string, Record<ProfileRule, StructureTarget>>();
  for (let i = 0; i < rowCount; i++) {
    const g: HorizonGroup = {
      order: id![i]!,
      unitCode: units.code.get(id![i]!)!,
      unitName: units.name.get(id![i]!)!,
      unitLevel: units.level.get(id![i]!)!,
      kind: principal[i] ? 'PRINCIPAL' : 'DEPUTY',
      positions: positions![i]!,
      target: target![i]!,
      expectedVacancies: vacancies![i]!,
      stays: staying![i]!,
      ready: readyBy![i]!,
    };
    g.tiers = {
      mid: tiers[0]![i]!,
      long: tiers[1]![i]!,
      midCultivated: tiers[2]![i]!,
      longCultivated: tiers[3]![i]!,
    };
    if (detail) {
      const attributes = {} as NonNullable<HorizonGroup['attributes']>;
      for (const [a, st, rd, cu] of attributeColumns)
        attributes[a] = { stays: st[i]!, ready: rd[i]!, cultivated: cu[i]! };
      g.attributes = attributes;
      // The targets depend on the policy row only: one object per distinct set.
      const t = targetColumns.map((col) => Number(col[i]));
      const key = t.join('|');
      let shared = targetSets.get(key);
      if (!shared) {
        shared = {
          SPECIAL: { share: t[0]! },
          YOUNG: { count: t[1]! },
          AGE_BAND: { share: t[2]! },
          NEAR_TERM: { share: t[3]! },
          BACHELOR: { share: t[4]! },
        } satisfies Record<ProfileRule, StructureTarget>;
        targetSets.set(key, shared);
      }
      g.targets = shared;
    }
    byYear[y![i]! - 1]!.push(g);
  }
  return { ends, years: byYear };
}

/**
 * The groups at the horizon asOf + H of every unit kept beside the copy (../kept.ts), patched for
 * the units each change touches: today's, whose totals the overview and the tree's badges ask
 * after every change.
 */
export function keptHorizon({ copy, asOf, policies }: MetricInput, horizonYears: number) {
  const end = addYears(asOf, horizonYears);
  return keptFigures(
    copy,
    'horizon',
    `${policies.versions.join(',')}|${end}`,
    (name) => unitRows(name, 'groups', 'id', (where) => `SELECT * FROM (${horizonSql(policies, [end], false, where)})`),
    { asOf: ymdNumber(asOf) },
  );
}

/** The groups at the horizon asOf + H (the succession gaps' counts). */
export async function horizonGroups(
  input: MetricInput,
  horizonYears: number,
): Promise<{ horizonEnd: string; groups: HorizonGroup[] }> {
  const { ends, years } = await horizonGroupsByYear(input, [horizonYears], false);
  return { horizonEnd: ends[0]!, groups: years[0]! };
}

/**
 * Every unit's name with the names above it, from the top of the tree, by code (read once per
 * data version): for tables where names repeat (six counties each with an 教育局).
 */
export function unitPaths(copy: MetricInput['copy']): Promise<Map<string, string[]>> {
  return copy.cached('unit-paths', async () => {
    const { code, name, path } = await unitNames(copy);
    const out = new Map<string, string[]>();
    for (const [id, ids] of path)
      out.set(
        code.get(id)!,
        ids
          .split('.')
          .filter(Boolean)
          .map((a) => name.get(Number(a)) ?? ''),
      );
    return out;
  });
}
