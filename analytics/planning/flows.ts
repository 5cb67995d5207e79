// Planning model 2's inputs from the copy (docs/domain.md "Planning — model 2"): per unit and kind
// with posts, the ratio target at asOf, the posts falling vacant in each horizon year (each at its
// first expected vacancy), and the active entries grouped into classes alike for the model — how
// many years each stays (its exit: past its kind's age limit or the end of its management
// period), from which year it is cultivated, and its tier. The segments are the succession
// gaps' own (stays to the horizon, cultivated by, expected vacancy), evaluated at each year end.
import { addYears, ymdNumber } from '../../domain/dates.ts';
import { type FlowGroup, TIERS } from '../../domain/stock-flow.ts';
import { duckdb } from '../dialect.ts';
import { idList, UNITS_LISTED_AT_MOST } from '../kept.ts';
import type { MetricInput } from '../metric.ts';
import { unitNames } from '../metrics/horizon.ts';
import { pol, policyCte } from '../policy-table.ts';
import { activeAt, cultivatedBy, expectedVacancy, positionsAt, ratioTarget, staysTo } from '../segments.ts';

export interface FlowGroupRow extends FlowGroup {
  unitName: string;
  /** Posts of the kind at asOf. */
  posts: number;
  /** The unit's place in the tree (ties keep it). */
  order: number;
}

export interface FlowGroups {
  ends: string[];
  groups: FlowGroupRow[];
}

/**
 * The last few answers, per data version, scope, date, horizon and policy (the policy as the
 * queries spell it, scenario overrides included): a planner's Monte Carlo run after the
 * projection of the same scenario, or the optimiser after it, reads the groups once. Only a few
 * are kept — a national answer is tens of megabytes. Shared: callers must not change them.
 */
const recentByCopy = new WeakMap<
  object,
  { version: number; key: string; horizonYears: number; answer: Promise<FlowGroups> }[]
>();
const RECENT = 2;

/**
 * The groups in tree order, PRINCIPAL before DEPUTY; `ends` are E_1..E_H. An answer kept for an
 * earlier data version is brought up to date by reading again only the groups of the units
 * changed since (AnalyticsCopy.changedUnitsSince): a run after a change does not read the whole
 * scope again. An answer kept for a longer horizon of the same data gives a shorter one without
 * reading (`shorterHorizon`): a planner's one-year run after the three-year projection.
 */
export function flowGroups(input: MetricInput, horizonYears: number): Promise<FlowGroups> {
  const { copy, scope, asOf, policies } = input;
  const version = copy.version;
  const key = `${scope.key}|${asOf}|${policyCte(policies)}`;
  let recent = recentByCopy.get(copy);
  if (!recent) {
    recent = [];
    recentByCopy.set(copy, recent);
  }
  const at = recent.findIndex((r) => r.key === key && r.horizonYears === horizonYears && r.version === version);
  if (at >= 0) {
    const [hit] = recent.splice(at, 1);
    recent.unshift(hit!);
    return hit!.answer;
  }
  const longer = recent.find((r) => r.key === key && r.horizonYears > horizonYears && r.version === version);
  const earlier = recent.find((r) => r.key === key && r.horizonYears === horizonYears && r.version < version);
  const changed = earlier ? copy.changedUnitsSince(earlier.version) : null;
  const answer = longer
    ? longer.answer.then((a) => shorterHorizon(a, horizonYears))
    : earlier && changed && changed.size <= UNITS_LISTED_AT_MOST
      ? patchFlowGroups(earlier.answer, input, horizonYears, changed)
      : readFlowGroups(input, horizonYears);
  if (earlier) recent.splice(recent.indexOf(earlier), 1);
  // The longer answer cut stays kept (moved up): the planner's next longer run reads nothing.
  if (longer) recent.unshift(...recent.splice(recent.indexOf(longer), 1));
  recent.unshift({ version, key, horizonYears, answer });
  recent.length = Math.min(recent.length, RECENT);
  answer.catch(() => {
    const i = recent!.findIndex((r) => r.answer === answer);
    if (i >= 0) recent!.splice(i, 1);
  });
  return answer;
}

/**
 * The groups of a longer horizon cut to the first `horizonYears` years, as readFlowGroups would
 * read them: staying to a year end and being cultivated by one only change once over time (an
 * entry that stays to E_3 stays to E_1), so a class present y years of the longer horizon is
 * present min(y, H) of this one, one cultivated from year c is from min(c, H + 1), and classes
 * then alike are merged, in the read's order (tier, years, cultivated from). Vacancies are each
 * year's own already.
 */
export function shorterHorizon(longer: FlowGroups, horizonYears: number): FlowGroups {
  const H = horizonYears;
  const tierOf = (t: FlowGroupRow['members'][number]['tier']) => TIERS.indexOf(t);
  const groups = longer.groups.map((g): FlowGroupRow => {
    const members: FlowGroupRow['members'] = [];
    for (const m of g.members)
      members.push({ ...m, years: Math.min(m.years, H), cultivatedFrom: Math.min(m.cultivatedFrom, H + 1) });
    members.sort((a, b) => tierOf(a.tier) - tierOf(b.tier) || a.years - b.years || a.cultivatedFrom - b.cultivatedFrom);
    const merged: FlowGroupRow['members'] = [];
    for (const m of members) {
      const last = merged[merged.length - 1];
      if (last && last.tier === m.tier && last.years === m.years && last.cultivatedFrom === m.cultivatedFrom)
        last.count += m.count;
      else merged.push(m);
    }
    return { ...g, vacancies: g.vacancies.slice(0, H), members: merged };
  });
  return { ends: longer.ends.slice(0, H), groups };
}

/** An earlier answer with the groups of the `changed` units read again (the others shared). */
async function patchFlowGroups(
  earlier: Promise<FlowGroups>,
  input: MetricInput,
  horizonYears: number,
  changed: Set<number>,
): Promise<FlowGroups> {
  const before = await earlier;
  if (changed.size === 0) return before;
  const fresh = await readFlowGroups(input, horizonYears, [...changed]);
  const kindOrder = (g: FlowGroupRow) => (g.kind === 'PRINCIPAL' ? 0 : 1);
  const groups = before.groups
    .filter((g) => !changed.has(g.order))
    .concat(fresh.groups)
    .sort((a, b) => a.order - b.order || kindOrder(a) - kindOrder(b));
  return { ends: before.ends, groups };
}

/** The groups read from the copy: of the whole scope, or of some units of it (`only`, their ids). */
export async function readFlowGroups(
  { copy, scope, asOf, policies }: MetricInput,
  horizonYears: number,
  only?: number[],
): Promise<FlowGroups> {
  const ends = Array.from({ length: horizonYears }, (_, i) => addYears(asOf, i + 1));
  const e = ends.map((d) => String(ymdNumber(d)));
  const years = e.map((end) => `CASE WHEN ${staysTo(duckdb, end)} THEN 1 ELSE 0 END`).join(' + ');
  const cultivated = `CASE ${e.map((end, i) => `WHEN ${cultivatedBy(duckdb, end)} THEN ${i + 1}`).join(' ')} ELSE ${horizonYears + 1} END`;
  const vacant = e.map((end, i) => `count(*) FILTER (WHERE ${expectedVacancy(duckdb, end)}) AS v${i + 1}`).join(', ');
  const narrowed = only ? ` AND u.id IN (${idList(only)})` : '';
  const common = `WITH ${policyCte(policies)},
    scoped AS (SELECT u.id, u.kind FROM units u WHERE ${scope.where}${narrowed})`;
  const params = { scope: scope.param, asOf: ymdNumber(asOf) };
  // Two columnar reads (no object per row: 97 000 groups and 200 000 classes nationally).
  const [g, m, units] = await Promise.all([
    copy.queryColumns(
      `${common},
      pos AS (
        SELECT p.unit_id, p.kind, count(*) AS posts, ${vacant}
        FROM (${positionsAt(duckdb.int('$asOf'))}) p JOIN scoped s ON s.id = p.unit_id JOIN pol ON pol.unit_kind = s.kind
        GROUP BY ALL
      )
      SELECT CAST(s.id AS INTEGER) AS id, CAST(pos.kind = 'PRINCIPAL' AS INTEGER) AS principal,
        CAST(pos.posts AS INTEGER) AS posts, CAST(${ratioTarget(duckdb, 'pos.kind', 'pos.posts')} AS INTEGER) AS target,
        CAST(${pol('managementPeriodYears')} AS INTEGER) AS period, CAST(${pol('minCultivationYears')} AS INTEGER) AS cultivation,
        ${e.map((_, i) => `CAST(pos.v${i + 1} AS INTEGER) AS v${i + 1}`).join(', ')}
      FROM pos JOIN scoped s ON s.id = pos.unit_id JOIN pol ON pol.unit_kind = s.kind
      ORDER BY s.id, pos.kind DESC`,
      params,
    ),
    copy.queryColumns(
      `${common}
      SELECT CAST(r.unit_id AS INTEGER) AS id, CAST(r.kind = 'PRINCIPAL' AS INTEGER) AS principal,
        CASE r.tier ${TIERS.map((t, i) => `WHEN '${t}' THEN ${i}`).join(' ')} END AS tier,
        CAST(${years} AS INTEGER) AS years, CAST(${cultivated} AS INTEGER) AS cult, CAST(count(*) AS INTEGER) AS n
      FROM reserves r JOIN scoped s ON s.id = r.unit_id JOIN pol ON pol.unit_kind = s.kind
      WHERE ${activeAt(duckdb.int('$asOf'))}
      GROUP BY ALL
      -- In one order: the groups read whole and those patched after a change list their classes alike.
      ORDER BY id, principal, tier, years, cult`,
      params,
    ),
    unitNames(copy),
  ]);
  const col = (r: { columns: Record<string, unknown[]> }, name: string) => r.columns[name] as number[];
  const [id, principal, posts, target, period, cultivation] = [
    'id',
    'principal',
    'posts',
    'target',
    'period',
    'cultivation',
  ].map((n) => col(g, n)) as number[][];
  const v = e.map((_, i) => col(g, `v${i + 1}`));
  const byKey = new Map<number, FlowGroupRow>();
  const groups: FlowGroupRow[] = [];
  for (let i = 0; i < g.rowCount; i++) {
    // Cumulative counts by E_t make each year's own: a post falls vacant once, at its first date.
    const cumulative = v.map((c) => c[i]!);
    const row: FlowGroupRow = {
      order: id![i]!,
      unitCode: units.code.get(id![i]!)!,
      unitName: units.name.get(id![i]!)!,
      kind: principal![i] ? 'PRINCIPAL' : 'DEPUTY',
      posts: posts![i]!,
      target: target![i]!,
      vacancies: cumulative.map((x, t) => x - (t > 0 ? cumulative[t - 1]! : 0)),
      members: [],
      periodYears: period![i]!,
      cultivationYears: cultivation![i]!,
    };
    byKey.set(id![i]! * 2 + principal![i]!, row);
    groups.push(row);
  }
  const [mid, mPrincipal, tier, present, cult, n] = ['id', 'principal', 'tier', 'years', 'cult', 'n'].map((x) =>
    col(m, x),
  ) as number[][];
  for (let i = 0; i < m.rowCount; i++) {
    // Entries reserved for a kind the unit has no post of count in no group (as in the ratio).
    byKey.get(mid![i]! * 2 + mPrincipal![i]!)?.members.push({
      tier: TIERS[tier![i]!]!,
      years: present![i]!,
      cultivatedFrom: cult![i]!,
      count: n![i]!,
    });
  }
  return { ends, groups };
}
