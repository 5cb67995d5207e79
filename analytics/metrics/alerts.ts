// 预警: active entries that need a decision, at asOf. A flag is for a person to act on; the
// system removes nobody by itself (domain.md "Dynamic management").
import { isoFromYmd, lastCompleteQuarter, ymdNumber } from '../../domain/dates.ts';
import type { PositionKind } from '../../domain/enums.ts';
import type { PoliciesAt } from '../../domain/policy/effective.ts';
import { MATTERS_NEEDING_FINDING } from '../../domain/procedure.ts';
import { addYearsYmd, duckdb } from '../dialect.ts';
import { inScope, keptFigures, keptOrComputed, unitRows } from '../kept.ts';
import { int, kept, type MetricInput } from '../metric.ts';
import { pol, policyCte } from '../policy-table.ts';
import { activeAt, age, overAge, periodEnds, positionsAt } from '../segments.ts';

export const ALERT_KINDS = [
  'PERIOD_ENDING',
  'OVER_AGE',
  'INCOMPETENT_GRADE',
  'INCOMPETENT_VOTES',
  'LOW_PERCENTILE',
  'MISSING_MENTORS',
  'MENTOR_NOT_PRINCIPAL',
  'MENTOR_CONTACT_MISSING',
  'MISSING_TALKS',
  'MISSING_ASSESSMENT',
  'SECONDMENT_SHORT',
  'PRACTICE_REPORT_MISSING',
  'MAJOR_MATTER_OPEN',
  'DISQUALIFYING_MATTER',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The kinds that make an entry an elimination candidate (淘汰对象). */
export const ELIMINATION: readonly AlertKind[] = [
  'OVER_AGE',
  'INCOMPETENT_GRADE',
  'INCOMPETENT_VOTES',
  'LOW_PERCENTILE',
  'DISQUALIFYING_MATTER',
];

export interface Alert {
  reserveCode: string;
  unitCode: string;
  unitName: string;
  kind: PositionKind;
  age: number;
  periodEnds: string;
  alerts: AlertKind[];
  eliminationCandidate: boolean;
}

export interface AlertReport {
  total: number;
  counts: { kind: AlertKind; count: number }[];
  items: Alert[];
}

export interface AlertOptions {
  only: AlertKind[] | null;
  limit: number;
  offset: number;
  /**
   * Keep every active entry's flags at this date beside the copy, patched for the units each
   * change touches (../kept.ts): for today's date, which the overview asks after every change.
   */
  keep?: boolean;
}

export function alerts(input: MetricInput, options: AlertOptions): Promise<AlertReport> {
  return kept(input, 'alerts', options, () => computeAlerts(input, options));
}

/** The kept flags of a date and policy: every active entry with at least one alert, per unit. */
export function keptAlerts({ copy, asOf, policies }: MetricInput) {
  return keptFigures(
    copy,
    'alerts',
    policies.versions.join(','),
    // The alerts as bits of ALERT_KINDS (counted and filtered without unnesting a list each).
    (name) =>
      unitRows(
        name,
        'flagged',
        'unit_id',
        (where) => `${flagsSql(asOf, policies, where)}
        SELECT unit_id, code, unit_code, unit_name, kind, age, period_ends,
          CAST(${ALERT_KINDS.map((k, i) => `CASE WHEN list_contains(alerts, '${k}') THEN ${2 ** i} ELSE 0 END`).join(' + ')} AS INTEGER) AS mask,
          CAST(len(alerts) AS SMALLINT) AS n
        FROM listed WHERE len(alerts) > 0`,
      ),
    { asOf: ymdNumber(asOf) },
  );
}

function computeAlerts(input: MetricInput, options: AlertOptions): Promise<AlertReport> {
  return keptOrComputed('alerts', options.keep ? () => readKept(input, options) : null, () =>
    alertsFromCopy(input, options),
  );
}

/** The alerts computed from the copy for the scope (the flags of its active entries at asOf). */
async function alertsFromCopy(input: MetricInput, options: AlertOptions): Promise<AlertReport> {
  const { copy, scope, asOf, policies } = input;
  const only = options.only?.length
    ? `AND len(list_intersect(alerts, [${options.only.map((k) => `'${k}'`).join(', ')}])) > 0`
    : '';
  const params = { scope: scope.param, asOf: ymdNumber(asOf) };
  // One statement: the counts, the total and the page read the flags once (DuckDB computes a CTE
  // used several times once). Three statements computed them three times over.
  const page =
    options.limit === 0
      ? ''
      : `UNION ALL SELECT * FROM (SELECT 'item', NULL, NULL, code, unit_code, unit_name, kind, age, period_ends, alerts,
          row_number() OVER (ORDER BY len(alerts) DESC, period_ends, unit_id, code) AS ord
        FROM wanted ORDER BY ord LIMIT ${Math.trunc(options.limit)} OFFSET ${Math.trunc(options.offset)})`;
  const answer = `
    SELECT 'count' AS part, k AS alert, CAST(count(*) AS INTEGER) AS n, NULL::VARCHAR AS code, NULL::VARCHAR AS unit_code,
      NULL::VARCHAR AS unit_name, NULL::VARCHAR AS kind, NULL::INTEGER AS age, NULL::INTEGER AS period_ends,
      NULL::VARCHAR[] AS alerts, NULL::BIGINT AS ord
    FROM (SELECT unnest(alerts) AS k FROM wanted) GROUP BY k
    UNION ALL SELECT 'total', NULL, CAST(count(*) AS INTEGER), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM wanted
    ${page}`;
  const rows = await copy.query(
    `${flagsSql(asOf, policies, scope.where)},
    wanted AS (SELECT * FROM listed WHERE len(alerts) > 0 ${only})
    ${answer}`,
    params,
  );
  const counts = rows.filter((r) => r.part === 'count').map((r) => ({ kind: r.alert, n: r.n }));
  const total = rows.find((r) => r.part === 'total');
  const items = rows.filter((r) => r.part === 'item').sort((x, y) => Number(x.ord) - Number(y.ord));
  const byKind = new Map(counts.map((c) => [c.kind as AlertKind, int(c.n)]));
  return {
    total: int(total?.n),
    counts: ALERT_KINDS.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
    items: items.map((r) =>
      toAlert(
        r,
        (r.alerts as string[]).filter((a): a is AlertKind => (ALERT_KINDS as readonly string[]).includes(a)),
      ),
    ),
  };
}

/** An alert list's item from its row (code, unit, kind, age, period end) and its alerts. */
function toAlert(r: Record<string, unknown>, alerts: AlertKind[]): Alert {
  return {
    reserveCode: r.code as string,
    unitCode: r.unit_code as string,
    unitName: r.unit_name as string,
    kind: r.kind as PositionKind,
    age: int(r.age),
    periodEnds: isoFromYmd(int(r.period_ends)),
    alerts,
    eliminationCandidate: alerts.some((a) => ELIMINATION.includes(a)),
  };
}

/** The alerts from the kept flags: the same counts, total and page as the statement computes. */
async function readKept(input: MetricInput, options: AlertOptions): Promise<AlertReport> {
  const { scope, asOf } = input;
  const flagged = keptAlerts(input);
  const bit = (kinds: readonly AlertKind[]) => kinds.reduce((m, k) => m + 2 ** ALERT_KINDS.indexOf(k), 0);
  const page =
    options.limit === 0
      ? ''
      : `UNION ALL SELECT 'item', NULL, NULL, code, unit_code, unit_name, kind, age, period_ends, mask,
          row_number() OVER (ORDER BY n DESC, period_ends, unit_id, code) AS ord
        FROM (SELECT * FROM wanted ORDER BY n DESC, period_ends, unit_id, code
          LIMIT ${Math.trunc(options.limit)} OFFSET ${Math.trunc(options.offset)})`;
  const rows = await flagged.read(
    `WITH wanted AS (
      SELECT * FROM ${flagged.tables.flagged} WHERE ${inScope('unit_id', scope.where)}
      ${options.only?.length ? `AND mask & ${bit(options.only)} <> 0` : ''}
    )
    SELECT 'total' AS part, CAST(count(*) AS INTEGER) AS n,
      [${ALERT_KINDS.map((_k, i) => `CAST(count(*) FILTER (WHERE mask & ${2 ** i} <> 0) AS INTEGER)`).join(', ')}] AS counts,
      NULL::VARCHAR AS code, NULL::VARCHAR AS unit_code, NULL::VARCHAR AS unit_name, NULL::VARCHAR AS kind,
      NULL::INTEGER AS age, NULL::INTEGER AS period_ends, NULL::INTEGER AS mask, NULL::BIGINT AS ord
    FROM wanted
    ${page}`,
    { scope: scope.param, asOf: ymdNumber(asOf) },
  );
  const total = rows.find((r) => r.part === 'total')!;
  const counts = total.counts as number[];
  return {
    total: int(total.n),
    counts: ALERT_KINDS.map((kind, i) => ({ kind, count: int(counts[i]) })),
    // The page in its order (an ORDER BY under a UNION is not kept).
    items: rows
      .filter((r) => r.part === 'item')
      .sort((x, y) => Number(x.ord) - Number(y.ord))
      .map((r) =>
        toAlert(
          r,
          ALERT_KINDS.filter((_k, i) => (int(r.mask) & (2 ** i)) !== 0),
        ),
      ),
  };
}

/**
 * The CTEs up to `listed`: every active entry at $asOf of the units `where` (on `u`) with its
 * alerts (the list may be empty).
 */
function flagsSql(asOf: string, policies: PoliciesAt, where: string): string {
  const d = duckdb;
  const on = d.int('$asOf');
  const yearAgo = addYearsYmd(d, on, '-1');
  const judgedYear = `(CASE WHEN ${on} % 10000 = 1231 THEN ${d.idiv(on, '10000')} ELSE ${d.idiv(on, '10000')} - 1 END)`;
  // The alert window ends `alertWindowDays` after asOf: day arithmetic, so through a DATE.
  // 「每季度必须与后备人员进行一次沟通交流」: the mentors' talks of the last complete quarter.
  const quarter = lastCompleteQuarter(asOf);
  const [qFrom, qTo] = [ymdNumber(quarter.from), ymdNumber(quarter.to)];
  const windowEnd = d.fromDate(`${d.toDate(on)} + to_days(CAST(${pol('alertWindowDays')} AS INTEGER))`);
  return `WITH ${policyCte(policies)},
  active AS (
    SELECT r.code, r.kind, r.person_id, r.entered_ymd, r.birth_ymd, u.id AS unit_id, u.code AS unit_code, u.name AS unit_name,
      ${periodEnds(d)} AS period_ends, ${age(d, on)} AS age, ${overAge(d, on)} AS over_age, ${windowEnd} AS window_end,
      ${pol('elimination.incompetentVoteShare')} AS incompetent_share_limit, ${pol('elimination.lowPercentile')} AS low_percentile,
      ${pol('elimination.lowPercentileYears')} AS low_years,
      ${pol('mentorsPerReserve')} AS mentors_wanted,
      ${d.fromDate(`${d.toDate(on)} - to_days(CAST(${pol('mentorAssignDays')} AS INTEGER))`)} AS mentors_due,
      ${pol('talksPerYear.LEADERSHIP')} AS leadership_talks, ${pol('talksPerYear.HR')} AS hr_talks,
      ${pol('mentorPrincipal')} AS mentor_principal_wanted,
      ${pol('mentorContactsPerQuarter')} AS mentor_contacts_wanted,
      ${pol('practice.secondmentMinMonths')} AS secondment_months,
      ${d.fromDate(`${d.toDate(on)} - to_days(CAST(${pol('practice.reportDays')} AS INTEGER))`)} AS report_due,
      ${pol('practice.reportDays')} AS report_days
    FROM reserves r JOIN units u ON u.id = r.unit_id JOIN pol ON pol.unit_kind = u.kind
    WHERE ${where} AND ${activeAt(on)}
  ),
  latest AS (
    SELECT a.person_id, a.year, a.grade, a.incompetent_vote_share, a.dept_percentile,
      row_number() OVER (PARTITION BY a.person_id ORDER BY a.year DESC) AS k
    FROM assessments a WHERE a.year <= ${d.idiv(on, '10000')} AND a.person_id IN (SELECT person_id FROM active)
  ),
  -- The mentors and the talks of the entries in scope, each table read once: counts per entry
  -- (a table read once per figure cost a join each).
  mentor_rows AS (
    SELECT m.reserve_code, m.mentor_person_id, m.since_ymd, m.until_ymd,
      m.since_ymd <= ${on} AND (m.until_ymd IS NULL OR m.until_ymd > ${on}) AS current
    FROM mentors m WHERE m.reserve_code IN (SELECT code FROM active)
  ),
  mentor_counts AS (
    SELECT reserve_code, count(*) FILTER (WHERE current) AS mentors,
      -- Mentored through the whole last complete quarter.
      bool_or(since_ymd <= ${qFrom} AND (until_ymd IS NULL OR until_ymd > ${qTo})) AS mentored_quarter
    FROM mentor_rows GROUP BY reserve_code
  ),
  -- 「其中1名为本单位的正职领导」: a current mentor who holds a principal post of the entry's unit.
  principal_mentored AS (
    SELECT DISTINCT m.reserve_code FROM mentor_rows m JOIN active x ON x.code = m.reserve_code
    JOIN (${positionsAt(on)}) p ON p.incumbent_id = m.mentor_person_id AND p.unit_id = x.unit_id AND p.kind = 'PRINCIPAL'
    WHERE m.current
  ),
  talk_counts AS (
    SELECT t.reserve_code,
      count(*) FILTER (WHERE t.kind = 'LEADERSHIP' AND t.talked_ymd > ${yearAgo}) AS leadership_talks_done,
      count(*) FILTER (WHERE t.kind = 'HR' AND t.talked_ymd > ${yearAgo}) AS hr_talks_done,
      -- The mentors' talks in the last complete quarter (it ends by asOf).
      count(*) FILTER (WHERE t.kind = 'MENTOR' AND t.talked_ymd >= ${qFrom} AND t.talked_ymd <= ${qTo}) AS mentor_contacts
    FROM talks t WHERE t.talked_ymd <= ${on} AND t.reserve_code IN (SELECT code FROM active)
    GROUP BY t.reserve_code
  ),
  flagged AS (
    SELECT x.*,
      coalesce(mc.mentors, 0) AS mentors,
      coalesce(tc.leadership_talks_done, 0) AS leadership_talks_done,
      coalesce(tc.hr_talks_done, 0) AS hr_talks_done,
      pm.reserve_code IS NOT NULL AS principal_mentor,
      coalesce(mc.mentored_quarter, false) AS mentored_quarter,
      coalesce(tc.mentor_contacts, 0) AS mentor_contacts,
      -- 挂职: the latest secondment (by start) has ended before the policy's months (「挂职的时间不应
      -- 低于10个月」); a new one clears it.
      (SELECT s.end_ymd IS NOT NULL AND s.end_ymd <= ${on} AND s.end_ymd >= x.entered_ymd
          AND s.end_ymd < ${d.fromDate(`${d.toDate('s.start_ymd')} + to_months(CAST(x.secondment_months AS INTEGER))`)}
        FROM practices s WHERE s.person_id = x.person_id AND s.kind = 'SECONDMENT' AND s.start_ymd <= ${on}
        ORDER BY s.start_ymd DESC LIMIT 1) AS secondment_short,
      -- 轮岗 / 挂职 ended while in the pool, its report still missing the policy's days after the end
      -- (「轮岗结束，后备人才需在一个月内上交轮岗实习报告」).
      EXISTS (SELECT 1 FROM practices s WHERE s.person_id = x.person_id AND s.kind IN ('ROTATION', 'SECONDMENT')
        AND s.end_ymd IS NOT NULL AND s.end_ymd >= x.entered_ymd AND s.end_ymd < x.report_due
        AND s.report_score IS NULL) AS report_missing,
      -- 重大事项: a penalty or a complaint reported by asOf without the department's finding by then.
      EXISTS (SELECT 1 FROM major_matters m WHERE m.reserve_code = x.code
        AND m.kind IN (${MATTERS_NEEDING_FINDING.map((k) => `'${k}'`).join(', ')})
        AND m.reported_ymd <= ${on} AND (m.reviewed_ymd IS NULL OR m.reviewed_ymd > ${on})) AS matter_open,
      -- A matter found disqualifying by asOf that no decision to keep the entry has answered since.
      EXISTS (SELECT 1 FROM major_matters m WHERE m.reserve_code = x.code AND m.disqualifying
        AND m.reviewed_ymd <= ${on}
        AND NOT EXISTS (SELECT 1 FROM elimination_decisions e WHERE e.reserve_code = x.code
          AND e.decision = 'KEEP' AND e.decided_ymd >= m.reviewed_ymd AND e.decided_ymd <= ${on})) AS disqualified,
      -- The annual assessment of the last complete year (the year of asOf when asOf is 31 December).
      EXISTS (SELECT 1 FROM assessments a WHERE a.person_id = x.person_id AND a.year = ${judgedYear}) AS assessed,
      l1.grade AS last_grade, l1.incompetent_vote_share AS last_share,
      -- Below the percentile in each of the policy's number of latest years, consecutive.
      (SELECT count(*) FROM latest l WHERE l.person_id = x.person_id AND l.k <= x.low_years
         AND l.dept_percentile < x.low_percentile AND l.year = l1.year - l.k + 1) >= x.low_years AS low_run
    FROM active x
    LEFT JOIN latest l1 ON l1.person_id = x.person_id AND l1.k = 1
    LEFT JOIN mentor_counts mc ON mc.reserve_code = x.code
    LEFT JOIN principal_mentored pm ON pm.reserve_code = x.code
    LEFT JOIN talk_counts tc ON tc.reserve_code = x.code
  ),
  listed AS (
    SELECT unit_id, code, unit_code, unit_name, kind, age, period_ends, list_filter([
      CASE WHEN period_ends > ${on} AND period_ends <= window_end THEN 'PERIOD_ENDING' END,
      CASE WHEN over_age THEN 'OVER_AGE' END,
      CASE WHEN last_grade = 'INCOMPETENT' THEN 'INCOMPETENT_GRADE' END,
      CASE WHEN last_share > incompetent_share_limit THEN 'INCOMPETENT_VOTES' END,
      CASE WHEN low_run THEN 'LOW_PERCENTILE' END,
      -- Mentors are due once the policy's days to assign them have passed since entry; the yearly
      -- talks once the entry has been in the pool for a whole year (an entry of last month cannot
      -- have had a year's talks).
      CASE WHEN mentors < mentors_wanted AND entered_ymd <= mentors_due THEN 'MISSING_MENTORS' END,
      CASE WHEN mentors > 0 AND NOT principal_mentor AND mentor_principal_wanted > 0 AND entered_ymd <= mentors_due
        THEN 'MENTOR_NOT_PRINCIPAL' END,
      CASE WHEN mentored_quarter AND mentor_contacts < mentor_contacts_wanted THEN 'MENTOR_CONTACT_MISSING' END,
      CASE WHEN (leadership_talks_done < leadership_talks OR hr_talks_done < hr_talks) AND entered_ymd <= ${yearAgo}
        THEN 'MISSING_TALKS' END,
      -- In the pool on the last day of the judged year, and no assessment of that year recorded.
      CASE WHEN NOT assessed AND entered_ymd <= ${judgedYear} * 10000 + 1231 THEN 'MISSING_ASSESSMENT' END,
      CASE WHEN coalesce(secondment_short, false) AND secondment_months > 0 THEN 'SECONDMENT_SHORT' END,
      CASE WHEN report_missing AND report_days > 0 THEN 'PRACTICE_REPORT_MISSING' END,
      CASE WHEN matter_open THEN 'MAJOR_MATTER_OPEN' END,
      CASE WHEN disqualified THEN 'DISQUALIFYING_MATTER' END
    ], a -> a IS NOT NULL) AS alerts
    FROM flagged
  )`;
}
